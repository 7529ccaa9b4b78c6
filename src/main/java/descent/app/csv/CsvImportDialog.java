package descent.app.csv;

import descent.app.csv.CsvCheck.Field;
import descent.app.csv.CsvCheck.Verdict;
import descent.data.CsvPreview;
import descent.data.DataFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/**
 * The CSV import dialog: the first rows of the file, the target (default: the last column), the
 * features (default: every other column whose first rows are numbers), the training rows (default:
 * the command line's 80 %) and standardising. Every choice is checked off the FX thread with the
 * command line's code ({@link CsvCheck}); a refusal shows beside the control it concerns, in the
 * command line's words, and OK stays disabled until the choice is accepted. The result is the
 * accepted {@link CsvChoice}, or null on Cancel.
 */
public final class CsvImportDialog extends Dialog<CsvChoice> {
  /** How many data rows the preview shows. */
  static final int PREVIEW_ROWS = 20;

  private final Path file;
  private final Executor reader;
  private final CsvCheck checker = new CsvCheck();
  private final CsvPreviewTable table = new CsvPreviewTable();
  private final ComboBox<String> target = new ComboBox<>();
  private final FlowPane features = new FlowPane(10, 4);
  private final List<CheckBox> featureBoxes = new ArrayList<>();
  private final TextField numTrain = new TextField();
  private final Label rowsNote = new Label();
  private final CheckBox standardize = new CheckBox("standardise features (z-scores)");
  private final Label status = new Label();
  private final ProgressIndicator progress = new ProgressIndicator();
  private final Map<Field, Label> errors = new EnumMap<>(Field.class);
  private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>();
  private List<String> header = List.of();
  private long asked; // the latest check asked for; older answers are dropped
  private boolean filling; // the controls are being set up: no check per change

  /**
   * @param reader the thread that reads the file (never the FX thread)
   * @param standardizeNow the app's current standardise setting, the checkbox's start
   */
  public CsvImportDialog(Path file, Executor reader, boolean standardizeNow) {
    this.file = file;
    this.reader = reader;
    setTitle("Open CSV");
    setHeaderText(String.valueOf(file.getFileName()));
    setResizable(true);
    getDialogPane().getStyleClass().add("csv-import");
    getDialogPane().setId("csv-import");
    getDialogPane()
        .getStylesheets()
        .add(CsvImportDialog.class.getResource("/descent/app/descent.css").toExternalForm());
    getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
    getDialogPane().setContent(content());
    Node ok = getDialogPane().lookupButton(ButtonType.OK);
    ok.setId("csv-ok");
    ok.disableProperty()
        .bind(
            javafx.beans.binding.Bindings.createBooleanBinding(
                () -> verdict.get() == null || !verdict.get().ok(), verdict));
    getDialogPane().lookupButton(ButtonType.CANCEL).setId("csv-cancel");
    standardize.setSelected(standardizeNow);
    setResultConverter(
        button ->
            button == ButtonType.OK && verdict.get() != null && verdict.get().ok()
                ? verdict.get().choice()
                : null);
    startPreview();
  }

  private Node content() {
    target.setId("csv-target");
    features.setId("csv-features");
    numTrain.setId("csv-num-train");
    numTrain.setPrefColumnCount(8);
    rowsNote.setId("csv-rows-note");
    standardize.setId("csv-standardize");
    status.setId("csv-status");
    status.setWrapText(true);
    progress.setId("csv-progress");
    progress.setPrefSize(22, 22);
    table.setId("csv-preview");
    for (Field f : Field.values()) {
      Label error = new Label();
      error.setId("csv-error-" + f.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      error.getStyleClass().add("field-error");
      error.setGraphic(FontIcon.of(MaterialDesignA.ALERT_CIRCLE));
      error.setWrapText(true);
      // as wide as its column, never wider: a long message wraps
      error.setMinWidth(0);
      error.setPrefWidth(0);
      error.setMaxWidth(Double.MAX_VALUE);
      // layouts ask a label's height before its width: ask for the wrapped height at its width
      error
          .minHeightProperty()
          .bind(
              javafx.beans.binding.Bindings.createDoubleBinding(
                  () -> wrappedHeight(error), error.widthProperty(), error.textProperty()));
      error.setVisible(false);
      error.managedProperty().bind(error.visibleProperty());
      errors.put(f, error);
    }

    GridPane grid = new GridPane();
    grid.setHgap(10);
    grid.setVgap(6);
    javafx.scene.layout.ColumnConstraints names = new javafx.scene.layout.ColumnConstraints();
    names.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    javafx.scene.layout.ColumnConstraints choices = new javafx.scene.layout.ColumnConstraints();
    choices.setHgrow(Priority.ALWAYS);
    choices.setMinWidth(0);
    grid.getColumnConstraints().setAll(names, choices);
    HBox rows = new HBox(8, numTrain, rowsNote);
    rows.setAlignment(Pos.CENTER_LEFT);
    grid.addRow(0, new Label("target"), withError(target, Field.TARGET));
    grid.addRow(1, new Label("features"), withError(features, Field.FEATURES));
    grid.addRow(2, new Label("training rows"), withError(rows, Field.NUM_TRAIN));
    grid.add(withError(standardize, Field.STANDARDIZE), 1, 3);
    GridPane.setHgrow(features, Priority.ALWAYS);
    features.setPrefWrapLength(560);

    HBox statusLine = new HBox(8, progress, status);
    statusLine.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(10, table, errors.get(Field.FILE), grid, statusLine);
    box.setPadding(new Insets(8, 12, 4, 12));
    box.setPrefWidth(720);

    target.valueProperty().addListener((obs, old, now) -> targetChanged(old, now));
    numTrain.textProperty().addListener((obs, old, now) -> recheck());
    standardize.selectedProperty().addListener((obs, old, now) -> recheck());
    return box;
  }

  /** The height of {@code label}'s text wrapped at the label's width, with its graphic's room. */
  private static double wrappedHeight(Label label) {
    double graphic =
        label.getGraphic() == null
            ? 0
            : label.getGraphic().prefWidth(-1) + label.getGraphicTextGap();
    double width = label.getWidth() - graphic - 4;
    if (width <= 0 || label.getText() == null || label.getText().isEmpty()) {
      return javafx.scene.layout.Region.USE_COMPUTED_SIZE;
    }
    javafx.scene.text.Text text = new javafx.scene.text.Text(label.getText());
    text.setFont(label.getFont());
    text.setWrappingWidth(width);
    return Math.ceil(text.getLayoutBounds().getHeight()) + 4;
  }

  /** {@code control} with its refusal under it; a VBox hands the message its width to wrap at. */
  private VBox withError(Node control, Field field) {
    VBox box = new VBox(2, control, errors.get(field));
    box.setMinWidth(0);
    return box;
  }

  // ------------------------------------------------------------- reading, off the FX thread

  private void startPreview() {
    reading("Reading the first rows of " + file.getFileName() + "…");
    setControlsDisabled(true);
    reader.execute(
        () -> {
          try {
            CsvPreview preview = CsvPreview.read(file, PREVIEW_ROWS);
            Platform.runLater(() -> showPreview(preview));
          } catch (DataFileException e) {
            Platform.runLater(() -> refuseFile(e.getMessage()));
          } catch (RuntimeException | OutOfMemoryError e) {
            Platform.runLater(() -> refuseFile(file + ": cannot read the file: " + e));
          }
        });
  }

  private void showPreview(CsvPreview preview) {
    header = preview.header();
    table.show(preview);
    filling = true;
    featureBoxes.clear();
    for (int j = 0; j < header.size(); j++) {
      CheckBox box = new CheckBox(header.get(j));
      box.setId("csv-feature-" + j);
      box.setUserData(header.get(j));
      box.setSelected(j < header.size() - 1 && preview.looksNumeric(j));
      box.selectedProperty().addListener((obs, old, now) -> recheck());
      featureBoxes.add(box);
    }
    features.getChildren().setAll(featureBoxes);
    target.getItems().setAll(header);
    target.setValue(header.get(header.size() - 1));
    setControlsDisabled(false);
    filling = false;
    recheck();
  }

  private void refuseFile(String message) {
    progress.setVisible(false);
    status.setText("");
    setControlsDisabled(true);
    show(Verdict.refused(Field.FILE, message, 0, null));
  }

  private void targetChanged(String old, String now) {
    boolean was = filling;
    filling = true;
    for (CheckBox box : featureBoxes) {
      if (box.getUserData().equals(now)) {
        box.setSelected(false);
        box.setDisable(true);
      } else if (box.getUserData().equals(old)) {
        box.setDisable(false);
      }
    }
    filling = was;
    recheck();
  }

  /** Checks the current choice on the reading thread; only the latest answer is shown. */
  private void recheck() {
    if (filling || header.isEmpty()) {
      return;
    }
    CsvChoice choice =
        new CsvChoice(file, target.getValue(), chosenFeatures(), null, standardize.isSelected());
    String rows = numTrain.getText();
    long id = ++asked;
    verdict.set(null); // OK waits for the answer
    reading("Checking " + file.getFileName() + "…");
    reader.execute(
        () -> {
          if (id != asked) {
            return; // a newer choice is waiting
          }
          Verdict v;
          try {
            v = checker.check(choice, header, rows);
          } catch (RuntimeException | OutOfMemoryError e) {
            v = Verdict.refused(Field.FILE, file + ": cannot read the file: " + e, 0, choice);
          }
          Verdict answer = v;
          Platform.runLater(
              () -> {
                if (id == asked) {
                  show(answer);
                }
              });
        });
  }

  private List<String> chosenFeatures() {
    List<String> chosen = new ArrayList<>();
    for (CheckBox box : featureBoxes) {
      if (box.isSelected()) {
        chosen.add((String) box.getUserData());
      }
    }
    return chosen;
  }

  private void show(Verdict v) {
    progress.setVisible(false);
    for (Map.Entry<Field, Label> e : errors.entrySet()) {
      boolean here = v.field() == e.getKey();
      e.getValue().setText(here ? v.message() : "");
      e.getValue().setVisible(here);
    }
    if (v.numRows() > 0) {
      rowsNote.setText(
          "of "
              + v.numRows()
              + " data rows (empty: 80 %, "
              + descent.data.CsvRegressionData.defaultNumTrain(v.numRows())
              + ")");
    }
    if (v.ok() && numTrain.getText().isBlank()) {
      // the default, shown as a number the user can change
      filling = true;
      numTrain.setText(String.valueOf(v.numTrain()));
      filling = false;
    }
    if (v.ok()) {
      status.setText(
          v.numTrain()
              + " rows train, "
              + (v.numRows() - v.numTrain())
              + " validate; "
              + v.choice().features().size()
              + (v.choice().features().size() == 1 ? " feature" : " features")
              + ", target \""
              + v.choice().target()
              + "\"");
    } else {
      status.setText("");
    }
    verdict.set(v);
  }

  private void reading(String what) {
    progress.setVisible(true);
    status.setText(what);
  }

  private void setControlsDisabled(boolean off) {
    target.setDisable(off);
    features.setDisable(off);
    numTrain.setDisable(off);
    standardize.setDisable(off);
  }

  /** The latest check's outcome, or null while a check runs (for tests). */
  ReadOnlyObjectProperty<Verdict> verdictProperty() {
    return verdict.getReadOnlyProperty();
  }
}
