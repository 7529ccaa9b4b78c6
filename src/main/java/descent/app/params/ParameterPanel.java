package descent.app.params;

import descent.app.params.ParametersModel.Closeness;
import descent.app.params.ParametersModel.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/**
 * The parameter panel: for each of w₁ … w_d and b, the true value, the learned value, the error
 * true − learned, and the least-squares optimum. The error carries an icon and a colour saying how
 * close the learned value is to what these rows allow ({@link ParametersModel#closeness}), so the
 * cue does not rest on colour alone. The table scrolls under a fixed header when it is taller than
 * the room it is given. Below it, scrolling with it, {@link FitTable}: R² and RMSE on the training
 * and validation rows for the learned model and least squares; under both, always in view, what to
 * try when a run on a file's data stopped far from least squares. Binds to {@link ParametersModel}.
 */
public final class ParameterPanel extends VBox {
  private static final String[] HEADERS = {
    "parameter", "true", "learned", "error", "least squares"
  };
  private static final String ERROR_RULE =
      "true − learned, judged against the least-squares value, the best any optimizer can reach"
          + " on these rows: ✓ at optimum within |true − least squares| (at least 0.001) of it,"
          + " ≈ close within 10 times that, ✗ far beyond.";
  private static final String[] TIPS = {
    "w has one weight per feature; b is the bias.",
    "The values that generated the data.",
    "What SGD has learned so far.",
    ERROR_RULE,
    "The closed-form fit of the training rows (normal equations): the best any optimizer can do"
        + " on this data."
  };

  private final ParametersModel model;
  private final GridPane grid = new GridPane();
  private final VBox content = new VBox(4, grid);
  private final ScrollPane scroll = new ScrollPane(content);
  private final Label note = new Label();
  private final Label fitNote = new Label();

  public ParameterPanel(ParametersModel model) {
    this.model = model;
    getStyleClass().add("parameter-panel");
    setPadding(new Insets(6, 12, 6, 12));
    setSpacing(2);
    grid.getStyleClass().add("parameter-grid");
    grid.setHgap(18);
    grid.setVgap(2);
    for (int c = 0; c < HEADERS.length; c++) {
      ColumnConstraints cc = new ColumnConstraints();
      cc.setHalignment(c == 0 ? HPos.LEFT : HPos.RIGHT);
      cc.setMinWidth(Region.USE_PREF_SIZE);
      grid.getColumnConstraints().add(cc);
    }
    scroll.setId("parameter-scroll");
    scroll.getStyleClass().add("parameter-scroll");
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
    scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
    scroll.setMinHeight(0);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    note.getStyleClass().add("note");
    note.textProperty().bind(model.leastSquaresNoteProperty());
    note.visibleProperty().bind(model.leastSquaresNoteProperty().isNotNull());
    note.managedProperty().bind(note.visibleProperty());
    Label title = new Label("Parameters");
    title.getStyleClass().add("heading");
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox titleRow = new HBox(12, title, gap, legend());
    titleRow.setAlignment(Pos.BASELINE_LEFT);
    fitNote.setId("fit-note");
    fitNote.getStyleClass().addAll("note", "fit-note");
    fitNote.setWrapText(true);
    fitNote.setMinHeight(Region.USE_PREF_SIZE);
    fitNote.textProperty().bind(model.fitNoteProperty());
    fitNote.visibleProperty().bind(model.fitNoteProperty().isNotNull());
    fitNote.managedProperty().bind(fitNote.visibleProperty());
    FontIcon hint = FontIcon.of(MaterialDesignL.LIGHTBULB_ON_OUTLINE);
    hint.getStyleClass().add("fit-note-icon");
    fitNote.setGraphic(hint);
    // the scores scroll with the rows when room is short, under the same header; the note, what
    // to do next, stays in view
    content.getChildren().add(new FitTable(model));
    getChildren().addAll(titleRow, scroll, note, fitNote);
    model.rows().addListener((ListChangeListener<Row>) c -> rebuild());
    rebuild();
  }

  /** The scroll pane holding the table, for its height to be bounded by the window's layout. */
  public ScrollPane table() {
    return scroll;
  }

  private static HBox legend() {
    HBox legend = new HBox(10);
    legend.setId("closeness-legend");
    legend.getStyleClass().add("legend");
    legend.setAlignment(Pos.CENTER_RIGHT);
    for (Closeness c : List.of(Closeness.AT_OPTIMUM, Closeness.CLOSE, Closeness.FAR)) {
      Label l = new Label(c.word(), icon(c));
      l.getStyleClass().addAll("legend-item", styleOf(c));
      l.setMinWidth(Region.USE_PREF_SIZE);
      legend.getChildren().add(l);
    }
    Tooltip.install(legend, new Tooltip(ERROR_RULE));
    return legend;
  }

  private void rebuild() {
    grid.getChildren().clear();
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
      error.setContentDisplay(ContentDisplay.LEFT);
      Tooltip errorTip = new Tooltip();
      errorTip.setWrapText(true);
      errorTip.setMaxWidth(360);
      error.setTooltip(errorTip);
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
    stickyHeader();
  }

  /** The header row, added last so it is drawn over the rows that scroll beneath it. */
  private void stickyHeader() {
    Region background = new Region();
    background.getStyleClass().add("header-row");
    background.setMaxWidth(Double.MAX_VALUE);
    background.setMaxHeight(Double.MAX_VALUE);
    grid.add(background, 0, 0, HEADERS.length, 1);
    // the offset of the viewport's top within the table, in the table's coordinates
    DoubleBinding offset =
        Bindings.createDoubleBinding(
            () ->
                scroll.getVvalue()
                    * Math.max(0, content.getHeight() - scroll.getViewportBounds().getHeight()),
            scroll.vvalueProperty(),
            content.heightProperty(),
            scroll.viewportBoundsProperty());
    List<Node> header = new ArrayList<>(List.of(background));
    for (int c = 0; c < HEADERS.length; c++) {
      Label h = new Label(HEADERS[c]);
      h.getStyleClass().add("column-header");
      Tooltip tip = new Tooltip(TIPS[c]);
      tip.setWrapText(true);
      tip.setMaxWidth(360);
      h.setTooltip(tip);
      grid.add(h, c, 0);
      header.add(h);
    }
    for (Node n : header) {
      n.translateYProperty().bind(offset);
    }
  }

  /**
   * Colours {@code error} and gives it its icon for the row's closeness. It runs on every frame
   * while training, so it changes the label's style classes only when the closeness changes: a
   * change restyles the label and its icon (CSS), which takes longer than the rest of the frame's
   * work on the table.
   */
  private static void paintError(Label error, Row row) {
    Closeness c = row.closeness();
    String style = c == Closeness.UNKNOWN ? null : styleOf(c);
    for (String other : CLOSENESS_STYLES) {
      if (!other.equals(style)) {
        error.getStyleClass().remove(other); // no change, and no restyle, if it is not there
      }
    }
    if (style == null) {
      error.setGraphic(null);
      error.getTooltip().setText("No truth to compare with.");
      return;
    }
    if (!error.getStyleClass().contains(style)) {
      error.getStyleClass().add(style);
    }
    if (!(error.getGraphic() instanceof FontIcon icon && icon.getIconCode() == iconOf(c))) {
      error.setGraphic(icon(c));
    }
    error.getTooltip().setText(c.word() + ". " + ERROR_RULE);
  }

  private static final List<String> CLOSENESS_STYLES = List.of("at-optimum", "close", "far");

  private static String styleOf(Closeness c) {
    return switch (c) {
      case AT_OPTIMUM -> "at-optimum";
      case CLOSE -> "close";
      case FAR -> "far";
      case UNKNOWN -> "unknown";
    };
  }

  private static org.kordamp.ikonli.Ikon iconOf(Closeness c) {
    return switch (c) {
      case AT_OPTIMUM -> MaterialDesignC.CHECK_CIRCLE;
      case CLOSE -> MaterialDesignA.APPROXIMATELY_EQUAL;
      case FAR, UNKNOWN -> MaterialDesignC.CLOSE_CIRCLE;
    };
  }

  private static FontIcon icon(Closeness c) {
    FontIcon icon = FontIcon.of(iconOf(c));
    icon.getStyleClass().add("closeness-icon");
    return icon;
  }

  private static Label number(double v) {
    Label l = new Label(format(v));
    l.getStyleClass().add("number");
    l.setMinWidth(Region.USE_PREF_SIZE);
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
