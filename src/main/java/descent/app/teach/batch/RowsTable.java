package descent.app.teach.batch;

import static descent.app.teach.batch.Numbers.PENDING;
import static descent.app.teach.batch.Numbers.format;
import static descent.app.teach.batch.Numbers.orPending;

import descent.train.StepSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * One row per example of the minibatch: its row in the training set (which also names it, as in
 * ŷ₁₇), y, ŷ, the residual ŷ − y, its loss ½(ŷ − y)², then its x values. Columns whose phase has
 * not run read "—", so the phases visibly fill the table from left to right. A {@link TableView}
 * makes cells only for the rows in sight, so a minibatch of 500 shown rows costs a screenful of
 * nodes. Clicking a number shows how it was computed.
 *
 * <p>The x columns come last, so that ŷ, the residual and the loss stay in sight in a view 520
 * pixels wide whatever d is; the table scrolls sideways to the features.
 */
final class RowsTable extends TableView<Integer> {
  /** The widest number {@link Numbers#format} prints, in characters: −0.0012345 or −1.2345e−10. */
  static final int NUMBER_CHARS = 10;

  private final ExplainPopOver popOver;
  private final ObservableList<Integer> indices = FXCollections.observableArrayList();
  private final CellTexts texts = new CellTexts(snap -> snap.rows().length);
  private StepSnapshot s;
  private Explainer explainer;
  private List<String> names = List.of();
  private double columnFont = -1;

  RowsTable(ExplainPopOver popOver) {
    this.popOver = popOver;
    setId("batch-rows");
    getStyleClass().add("batch-rows");
    setItems(indices);
    setColumnResizePolicy(UNCONSTRAINED_RESIZE_POLICY);
    setFocusTraversable(false);
    Label placeholder = new Label(BatchText.READY);
    placeholder.setWrapText(true);
    placeholder.getStyleClass().add("batch-placeholder");
    setPlaceholder(placeholder);
  }

  /** Shows {@code snapshot}'s rows; {@code features} names the x columns (x₁ …). */
  void show(StepSnapshot snapshot, List<String> features) {
    this.s = snapshot;
    if (!features.equals(names)) {
      names = List.copyOf(features);
      buildColumns();
    }
    this.explainer = new Explainer(snapshot, names);
    int widest = 0;
    for (int r : snapshot.rows()) {
      widest = Math.max(widest, r);
    }
    int digits = Math.max(4, Integer.toString(widest).length() + 1);
    TableColumn<Integer, ?> rowColumn = getColumns().get(0);
    if (!Integer.valueOf(digits).equals(rowColumn.getProperties().get("chars"))) {
      rowColumn.getProperties().put("chars", digits);
      columnFont = -1;
    }
    int n = snapshot.rows().length;
    if (indices.size() != n) {
      List<Integer> all = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        all.add(i);
      }
      indices.setAll(all);
    }
    texts.show(snapshot);
  }

  /** Sizes the columns for the font the table is drawn in: every number fits whole. */
  void fitColumns(double font) {
    if (font == columnFont) {
      return;
    }
    columnFont = font;
    setFixedCellSize(Math.ceil(font * 1.75));
    Text digit = new Text("0");
    digit.setFont(Font.font("Monospaced", font));
    double cw = digit.getLayoutBounds().getWidth();
    for (TableColumn<Integer, ?> c : getColumns()) {
      int chars = (int) c.getProperties().getOrDefault("chars", NUMBER_CHARS);
      c.setPrefWidth(Math.ceil(chars * cw + font * 1.2));
    }
  }

  private void buildColumns() {
    columnFont = -1;
    List<TableColumn<Integer, String>> xs = new ArrayList<>();
    for (int j = 0; j < names.size(); j++) {
      int f = j;
      xs.add(
          column(
              names.get(j),
              "x" + (j + 1),
              NUMBER_CHARS,
              (snap, i) -> format(snap.x()[i][f]),
              (ex, i) -> ex.feature(i, f)));
    }
    List<TableColumn<Integer, String>> columns = new ArrayList<>();
    columns.add(column("row", "row", 5, (snap, i) -> Integer.toString(snap.rows()[i]), null));
    columns.add(
        column("y", "y", NUMBER_CHARS, (snap, i) -> format(snap.y()[i]), (ex, i) -> ex.target(i)));
    columns.add(
        column(
            "ŷ",
            "yhat",
            NUMBER_CHARS,
            (snap, i) -> orPending(BatchState.of(snap).forward(), yHat(snap, i)),
            (ex, i) -> ex.prediction(i)));
    columns.add(
        column(
            "ŷ − y",
            "residual",
            NUMBER_CHARS,
            (snap, i) -> BatchState.of(snap).loss() ? format(Explainer.residual(snap, i)) : PENDING,
            (ex, i) -> ex.residualOf(i)));
    columns.add(
        column(
            "½(ŷ − y)²",
            "loss",
            NUMBER_CHARS,
            (snap, i) -> BatchState.of(snap).loss() ? format(Explainer.rowLoss(snap, i)) : PENDING,
            (ex, i) -> ex.rowLossOf(i)));
    columns.addAll(xs);
    getColumns().setAll(columns);
  }

  private static double yHat(StepSnapshot snap, int i) {
    return snap.yHat()[i];
  }

  private TableColumn<Integer, String> column(
      String title,
      String key,
      int chars,
      BiFunction<StepSnapshot, Integer, String> text,
      BiFunction<Explainer, Integer, Explanation> explain) {
    TableColumn<Integer, String> c = new TableColumn<>(title);
    c.setId("batch-col-" + key);
    c.getProperties().put("chars", chars);
    c.setSortable(false);
    c.setReorderable(false);
    c.setCellValueFactory(texts.column(text));
    c.setCellFactory(
        col ->
            new NumberCell(
                i -> "batch-" + key + "-" + (i + 1),
                popOver,
                explain == null
                    ? null
                    : i ->
                        i >= indices.size() || explainer == null
                            ? null
                            : explain.apply(explainer, i)));
    if (key.equals("row")) {
      Label header = new Label(title);
      header.setTooltip(
          new Tooltip("The example's row in the training set, counted from 0: ŷ₁₇ is row 17's"));
      c.setText(null);
      c.setGraphic(header);
    }
    return c;
  }
}
