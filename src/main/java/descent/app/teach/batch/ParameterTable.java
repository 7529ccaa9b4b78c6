package descent.app.teach.batch;

import descent.train.StepSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * One row per parameter, w₁ … w_d then b: its gradient ∂L/∂θ after BACKWARD and its update θ − η ×
 * ∂L/∂θ = θ′, filled in as the phases run ("—" until then). Clicking a number shows how it was
 * computed. Tall enough for {@link #MAX_VISIBLE} rows; more scroll.
 */
final class ParameterTable extends TableView<Integer> {
  /** The most parameter rows in sight at once. */
  static final int MAX_VISIBLE = 4;

  private final ExplainPopOver popOver;
  private final ObservableList<Integer> indices = FXCollections.observableArrayList();
  private final CellTexts texts = new CellTexts(snap -> snap.numFeatures() + 1);
  private StepSnapshot s;
  private Explainer explainer;
  private double font = 14;

  ParameterTable(ExplainPopOver popOver) {
    this.popOver = popOver;
    setId("batch-parameters");
    getStyleClass().add("batch-parameters");
    setItems(indices);
    setFocusTraversable(false);
    setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY);
    TableColumn<Integer, String> name =
        column("θ", "name", (snap, p) -> Explainer.param(p, snap.numFeatures()), null);
    TableColumn<Integer, String> grad =
        column("∂L/∂θ", "grad", BatchText::gradient, (ex, p) -> ex.gradient(p));
    TableColumn<Integer, String> update =
        column("update: θ − η × ∂L/∂θ = θ′", "update", BatchText::update, (ex, p) -> ex.update(p));
    name.getProperties().put("ems", 2.6);
    grad.getProperties().put("ems", 6.4);
    getColumns().setAll(List.of(name, grad, update));
  }

  void show(StepSnapshot snapshot, List<String> features) {
    this.s = snapshot;
    this.explainer = new Explainer(snapshot, features);
    int n = snapshot.numFeatures() + 1;
    if (indices.size() != n) {
      List<Integer> all = new ArrayList<>(n);
      for (int p = 0; p < n; p++) {
        all.add(p);
      }
      indices.setAll(all);
    }
    texts.show(snapshot);
    fit(font);
  }

  /** Sizes the first two columns and the height for {@code fontSize}. */
  void fit(double fontSize) {
    this.font = fontSize;
    for (TableColumn<Integer, ?> c : getColumns()) {
      Object ems = c.getProperties().get("ems");
      if (ems != null) {
        double w = Math.ceil(fontSize * (double) ems);
        c.setMinWidth(w);
        c.setMaxWidth(w);
      }
    }
    setFixedCellSize(Math.ceil(fontSize * 1.75));
    fitHeight();
  }

  /** As tall as the header and up to {@link #MAX_VISIBLE} whole rows. */
  private void fitHeight() {
    double rows = Math.min(MAX_VISIBLE, Math.max(1, indices.size()));
    double h = Math.ceil(getFixedCellSize() * rows + headerHeight(this, font) + 2);
    if (h != getPrefHeight()) {
      setMinHeight(h);
      setPrefHeight(h);
      setMaxHeight(h);
    }
  }

  @Override
  protected void layoutChildren() {
    super.layoutChildren();
    fitHeight(); // once the header is laid out, its real height
  }

  /** The height of {@code table}'s header row once laid out, else an estimate for {@code font}. */
  static double headerHeight(TableView<?> table, double font) {
    javafx.scene.Node header = table.lookup(".column-header-background");
    double h = header == null ? 0 : header.getLayoutBounds().getHeight();
    return h > 0 ? h : Math.ceil(font * 2.3);
  }

  private TableColumn<Integer, String> column(
      String title,
      String key,
      BiFunction<StepSnapshot, Integer, String> text,
      BiFunction<Explainer, Integer, Explanation> explain) {
    TableColumn<Integer, String> c = new TableColumn<>(title);
    c.setId("batch-col-" + key);
    c.setSortable(false);
    c.setReorderable(false);
    c.setCellValueFactory(texts.column(text));
    c.setCellFactory(
        col ->
            new NumberCell(
                p -> s == null ? null : "batch-" + key + "-" + parameterName(p),
                popOver,
                explain == null ? null : p -> explanation(explain, p)));
    return c;
  }

  private String parameterName(int p) {
    return p == s.numFeatures() ? "b" : "w" + (p + 1);
  }

  private Explanation explanation(BiFunction<Explainer, Integer, Explanation> explain, int p) {
    return p >= indices.size() || explainer == null ? null : explain.apply(explainer, p);
  }
}
