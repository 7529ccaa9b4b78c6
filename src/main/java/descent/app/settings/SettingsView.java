package descent.app.settings;

import java.security.SecureRandom;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/**
 * The controls: a slider with an editable field for learning rate, σ, batch size and epochs, and
 * fields for the data settings. It only binds to {@link SettingsModel}; the model validates.
 *
 * <p>A refused value marks its field (red border, and ControlsFX's error decoration whose tooltip
 * says why) and its reason appears in the fixed-height slot under the field's group. Nothing else
 * moves: every control keeps its place whatever the message.
 */
public final class SettingsView extends VBox {
  static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

  private final ValidationSupport validation = new ValidationSupport();
  private java.util.Set<Setting> syntheticOnly = java.util.Set.of();
  private javafx.beans.binding.BooleanBinding csvInUse;

  public SettingsView(SettingsModel model) {
    this(model, null);
  }

  /**
   * @param learningRateNote shown under the learning rate, e.g. a {@link StabilityNote}; may be
   *     null
   */
  public SettingsView(SettingsModel model, Node learningRateNote) {
    getStyleClass().add("settings");
    setSpacing(4);
    setPadding(new Insets(8, 10, 8, 10));

    getChildren().add(heading("Training"));
    GridPane training = grid();
    int r = 0;
    r = sliderRow(training, r, model.learningRate, SliderScale.log10(1e-4, 10), true);
    if (learningRateNote != null) {
      training.add(learningRateNote, 0, r++, 3, 1);
    }
    r = sliderRow(training, r, model.sigma, SliderScale.zeroThenLog10(1e-3, 10), false);
    r = sliderRow(training, r, model.batchSize, SliderScale.powersOfTwo(model.batchSize), false);
    r = sliderRow(training, r, model.epochs, SliderScale.linearIntegers(1, 100), false);
    CheckBox shuffle = new CheckBox("reshuffle");
    shuffle.setId("shuffle-check");
    shuffle.setFocusTraversable(false);
    shuffle.selectedProperty().bindBidirectional(model.shuffle);
    shuffle.setTooltip(
        tip(
            "On (d2l's choice), each epoch reads the training rows in a fresh random order. Off,"
                + " every epoch reads them in the same order, first row to last."));
    fieldRow(training, r, model.clip, shuffle);
    getChildren().add(training);
    getChildren()
        .add(
            new ErrorSlot(
                "training-errors",
                "Enter applies a typed value; Esc restores it.",
                List.of(
                    model.learningRate, model.sigma, model.batchSize, model.epochs, model.clip)));

    getChildren().add(heading("Data"));
    // while a CSV file provides the rows, this line stands in for the synthetic data's settings
    getChildren().add(new CsvDataLine(model));
    syntheticOnly =
        java.util.Set.of(
            model.noise,
            model.numTrain,
            model.numVal,
            model.trueW,
            model.featureScale,
            model.trueB);
    csvInUse = model.csvData.isNotNull();
    GridPane data = grid();
    r = 0;
    r = fieldRow(data, r, model.noise, null);
    r = fieldRow(data, r, model.numTrain, null);
    r = fieldRow(data, r, model.numVal, null);
    r = fieldRow(data, r, model.trueW, null);
    CheckBox standardize = new CheckBox("z-scores");
    r = fieldRow(data, r, model.featureScale, standardize);
    r = fieldRow(data, r, model.trueB, null);
    Button newSeed = new Button("new seed");
    newSeed.setId("new-seed");
    newSeed.setFocusTraversable(false);
    newSeed.setMinWidth(Region.USE_PREF_SIZE);
    newSeed.setTooltip(tip("Draws a fresh random seed: new data, new initial w, new shuffles."));
    SecureRandom random = new SecureRandom();
    newSeed.setOnAction(e -> model.newSeed(random));
    fieldRow(data, r, model.seed, newSeed);
    standardize.setId("standardize-check");
    standardize.setFocusTraversable(false);
    standardize.selectedProperty().bindBidirectional(model.standardize);
    standardize.setTooltip(
        tip(
            "Replaces each feature x_j by (x_j − mean) / sd, with the mean and standard deviation"
                + " of the training rows: every feature gets size 1, so one learning rate suits"
                + " them all. The model then learns w and b in these units."));
    getChildren().add(data);
    getChildren()
        .add(
            new ErrorSlot(
                "data-errors",
                "A change here starts a fresh run on new data.",
                List.of(
                    model.noise,
                    model.numTrain,
                    model.numVal,
                    model.trueW,
                    model.featureScale,
                    model.trueB,
                    model.seed)));
    // mark refused fields as soon as they are refused, not only after the next keystroke
    validation.initInitialDecoration();
  }

  private static Label heading(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("heading");
    return l;
  }

  private static GridPane grid() {
    GridPane g = new GridPane();
    g.setHgap(8);
    g.setVgap(3);
    return g;
  }

  private int sliderRow(GridPane grid, int row, NumberSetting s, SliderScale scale, boolean live) {
    Label label = new Label(s.label());
    label.setMinWidth(Region.USE_PREF_SIZE);
    Slider slider =
        new Slider(scale.minPosition(), scale.maxPosition().getValue().doubleValue(), 0);
    slider.maxProperty().bind(scale.maxPosition());
    slider.setId(idOf(s) + "-slider");
    slider.setFocusTraversable(false);
    HBox.setHgrow(slider, Priority.ALWAYS);
    boolean[] syncing = {false};
    Runnable fromModel =
        () -> {
          syncing[0] = true;
          slider.setValue(scale.toPosition().applyAsDouble(s.value()));
          syncing[0] = false;
        };
    fromModel.run();
    s.valueProperty().addListener((obs, o, n) -> fromModel.run());
    slider
        .valueProperty()
        .addListener(
            (obs, o, n) -> {
              if (syncing[0]) {
                return;
              }
              double v = scale.toValue().applyAsDouble(n.doubleValue());
              if (live || !slider.isValueChanging()) {
                s.set(v);
              } else {
                s.preview(v); // a live value while dragging; applied on release
              }
            });
    slider
        .valueChangingProperty()
        .addListener(
            (obs, was, now) -> {
              if (!now) {
                s.set(scale.toValue().applyAsDouble(slider.getValue()));
                fromModel.run();
              }
            });
    TextField field = field(s);
    Tooltip t = tip(s.tooltip());
    label.setTooltip(t);
    slider.setTooltip(t);
    grid.add(label, 0, row);
    grid.add(slider, 1, row);
    grid.add(field, 2, row);
    return row + 1;
  }

  private int fieldRow(GridPane grid, int row, Setting s, Node extra) {
    Label label = new Label(s.label());
    label.setMinWidth(Region.USE_PREF_SIZE);
    TextField field = field(s);
    if (syntheticOnly.contains(s)) {
      // they describe synthetic data only: off while the rows come from a file
      label.disableProperty().bind(csvInUse);
      field.disableProperty().bind(csvInUse);
    }
    label.setTooltip(tip(s.tooltip()));
    grid.add(label, 0, row);
    if (extra == null) {
      grid.add(field, 1, row, 2, 1);
    } else {
      HBox box = new HBox(6, field, extra);
      box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
      HBox.setHgrow(field, Priority.ALWAYS);
      if (extra instanceof Region region) {
        region.setMinWidth(Region.USE_PREF_SIZE);
      }
      grid.add(box, 1, row, 2, 1);
    }
    return row + 1;
  }

  private TextField field(Setting s) {
    TextField field = new TextField();
    field.setId(idOf(s) + "-field");
    field.getStyleClass().add("setting-field");
    field.setPrefColumnCount(7);
    field.setMinWidth(Region.USE_PREF_SIZE);
    field.textProperty().bindBidirectional(s.textProperty());
    field.setOnAction(
        e -> {
          if (s.submit()) {
            field.getScene().getRoot().requestFocus(); // Space and → drive training again
          }
        });
    field
        .focusedProperty()
        .addListener(
            (obs, was, now) -> {
              if (!now) {
                s.submit();
              }
            });
    field.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ESCAPE) {
            s.revert();
            e.consume();
          }
        });
    Tooltip t = tip(s.tooltip());
    field.setTooltip(t);
    validation.registerValidator(
        field,
        false,
        (javafx.scene.control.Control c, String text) ->
            ValidationResult.fromErrorIf(c, s.error(), s.error() != null));
    s.errorProperty()
        .addListener(
            (obs, o, n) -> {
              field.pseudoClassStateChanged(INVALID, n != null);
              t.setText(n == null ? s.tooltip() : n + "\n\n" + s.tooltip());
              validation.revalidate(field);
            });
    return field;
  }

  private static Tooltip tip(String text) {
    Tooltip t = new Tooltip(text);
    t.setShowDelay(Duration.millis(300));
    t.setWrapText(true);
    t.setMaxWidth(360);
    return t;
  }

  /** A stable node id for tests: "learning rate η" becomes "learning-rate". */
  static String idOf(Setting s) {
    return s.label().replace(" η", "").replace(" σ", "-sigma").replace(' ', '-');
  }
}
