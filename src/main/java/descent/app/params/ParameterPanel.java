package descent.app.params;

import descent.app.params.ParametersModel.Row;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The parameter panel: for each of w₁ … w_d and b, the true value, the learned value, the error
 * true − learned coloured by size, and the least-squares optimum. Binds to {@link ParametersModel}.
 */
public final class ParameterPanel extends VBox {
  private static final String[] HEADERS = {
    "parameter", "true", "learned", "error", "least squares"
  };
  private static final String[] TIPS = {
    "w has one weight per feature; b is the bias.",
    "The values that generated the data.",
    "What SGD has learned so far.",
    "true − learned: green below 0.01, amber below 0.1, red above.",
    "The closed-form fit of the training rows (normal equations): the best any optimizer can do"
        + " on this data."
  };

  private final ParametersModel model;
  private final GridPane grid = new GridPane();
  private final Label note = new Label();

  public ParameterPanel(ParametersModel model) {
    this.model = model;
    getStyleClass().add("parameter-panel");
    setPadding(new Insets(8, 12, 8, 12));
    setSpacing(4);
    grid.setHgap(24);
    grid.setVgap(2);
    for (int c = 0; c < HEADERS.length; c++) {
      ColumnConstraints cc = new ColumnConstraints();
      cc.setHalignment(c == 0 ? HPos.LEFT : HPos.RIGHT);
      cc.setMinWidth(c == 0 ? 90 : 110);
      grid.getColumnConstraints().add(cc);
    }
    note.getStyleClass().add("note");
    note.textProperty().bind(model.leastSquaresNoteProperty());
    note.visibleProperty().bind(model.leastSquaresNoteProperty().isNotNull());
    note.managedProperty().bind(note.visibleProperty());
    Label title = new Label("Parameters");
    title.getStyleClass().add("heading");
    getChildren().addAll(title, grid, note);
    model.rows().addListener((ListChangeListener<Row>) c -> rebuild());
    rebuild();
  }

  private void rebuild() {
    grid.getChildren().clear();
    for (int c = 0; c < HEADERS.length; c++) {
      Label h = new Label(HEADERS[c]);
      h.getStyleClass().add("column-header");
      h.setTooltip(new Tooltip(TIPS[c]));
      grid.add(h, c, 0);
    }
    int r = 1;
    for (Row row : model.rows()) {
      Label name = new Label(row.name());
      name.getStyleClass().add("param-name");
      Label truth = number(row.trueValue());
      Label learned = number(row.learned());
      learned.setId("learned-" + row.name());
      Label error = number(row.error());
      error.setId("error-" + row.name());
      error.getStyleClass().add("error-cell");
      Label ols = number(row.leastSquares());
      ols.setId("ols-" + row.name());
      paintError(error, row);
      row.learnedProperty()
          .addListener(
              (obs, o, n) -> {
                learned.setText(format(n.doubleValue()));
                error.setText(format(row.error()));
                paintError(error, row);
              });
      grid.addRow(r++, name, truth, learned, error, ols);
    }
  }

  private static void paintError(Label error, Row row) {
    error.getStyleClass().removeAll("small", "medium", "large");
    switch (row.errorSize()) {
      case SMALL -> error.getStyleClass().add("small");
      case MEDIUM -> error.getStyleClass().add("medium");
      case LARGE -> error.getStyleClass().add("large");
      case UNKNOWN -> {}
    }
  }

  private static Label number(double v) {
    Label l = new Label(format(v));
    l.getStyleClass().add("number");
    return l;
  }

  /** Six decimals, a true minus sign, and "—" for unknown values. */
  public static String format(double v) {
    if (Double.isNaN(v)) {
      return "—";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "−∞";
    }
    String s =
        Math.abs(v) >= 1e6
            ? String.format(Locale.ROOT, "%.3e", v)
            : String.format(Locale.ROOT, "%.6f", v);
    return s.startsWith("-") ? "−" + s.substring(1) : s;
  }
}
