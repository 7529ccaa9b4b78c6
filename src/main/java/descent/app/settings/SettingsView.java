package descent.app.settings;

import java.security.SecureRandom;
import java.util.function.DoubleUnaryOperator;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
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

/**
 * The controls: a slider with an editable field for learning rate, σ, batch size and epochs, and
 * fields for the data settings. It only binds to {@link SettingsModel}; the model validates.
 */
public final class SettingsView extends VBox {
  static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

  public SettingsView(SettingsModel model) {
    getStyleClass().add("settings");
    setSpacing(6);
    setPadding(new Insets(10));

    getChildren().add(heading("Training"));
    GridPane training = grid();
    int r = 0;
    r = sliderRow(training, r, model.learningRate, Mapping.log10(1e-4, 10), true);
    r = sliderRow(training, r, model.sigma, Mapping.linear(0, 10), false);
    r = sliderRow(training, r, model.batchSize, Mapping.powersOfTwo(model.batchSize), false);
    sliderRow(training, r, model.epochs, Mapping.linear(1, 100), false);
    getChildren().add(training);

    getChildren().add(heading("Data"));
    GridPane data = grid();
    r = 0;
    r = fieldRow(data, r, model.noise, null);
    r = fieldRow(data, r, model.numTrain, null);
    r = fieldRow(data, r, model.numVal, null);
    r = fieldRow(data, r, model.trueW, null);
    r = fieldRow(data, r, model.trueB, null);
    Button newSeed = new Button("new seed");
    newSeed.setId("new-seed");
    newSeed.setFocusTraversable(false);
    newSeed.setMinWidth(Region.USE_PREF_SIZE);
    newSeed.setTooltip(tip("Draws a fresh random seed: new data, new initial w, new shuffles."));
    SecureRandom random = new SecureRandom();
    newSeed.setOnAction(e -> model.newSeed(random));
    fieldRow(data, r, model.seed, newSeed);
    getChildren().add(data);
  }

  private static Label heading(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("heading");
    return l;
  }

  private static GridPane grid() {
    GridPane g = new GridPane();
    g.setHgap(8);
    g.setVgap(2);
    return g;
  }

  /** How a slider's position maps to a setting's value and back. */
  record Mapping(
      DoubleUnaryOperator toValue,
      DoubleUnaryOperator toPosition,
      ObservableValue<Number> maxPosition,
      double minPosition) {
    static Mapping linear(double min, double max) {
      return new Mapping(p -> p, v -> v, new javafx.beans.property.SimpleDoubleProperty(max), min);
    }

    static Mapping log10(double min, double max) {
      return new Mapping(
          p -> Math.pow(10, p),
          Math::log10,
          new javafx.beans.property.SimpleDoubleProperty(Math.log10(max)),
          Math.log10(min));
    }

    /** Snaps through 1, 2, 4, … and ends exactly at the setting's maximum (numTrain). */
    static Mapping powersOfTwo(NumberSetting s) {
      var max =
          javafx.beans.binding.Bindings.createDoubleBinding(() -> log2(s.max()), s.maxProperty());
      return new Mapping(
          p -> p >= max.get() - 0.5 ? s.max() : Math.pow(2, Math.round(p)), v -> log2(v), max, 0);
    }

    private static double log2(double v) {
      return Math.log(v) / Math.log(2);
    }
  }

  private static int sliderRow(
      GridPane grid, int row, NumberSetting s, Mapping mapping, boolean live) {
    Label label = new Label(s.label());
    label.setMinWidth(Region.USE_PREF_SIZE);
    Slider slider =
        new Slider(mapping.minPosition(), mapping.maxPosition().getValue().doubleValue(), 0);
    slider.maxProperty().bind(mapping.maxPosition());
    slider.setId(idOf(s) + "-slider");
    slider.setFocusTraversable(false);
    HBox.setHgrow(slider, Priority.ALWAYS);
    boolean[] syncing = {false};
    Runnable fromModel =
        () -> {
          syncing[0] = true;
          slider.setValue(mapping.toPosition().applyAsDouble(s.value()));
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
              double v = mapping.toValue().applyAsDouble(n.doubleValue());
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
                s.set(mapping.toValue().applyAsDouble(slider.getValue()));
                fromModel.run();
              }
            });
    TextField field = field(s);
    Label error = errorLabel(s);
    Tooltip t = tip(s.tooltip());
    label.setTooltip(t);
    slider.setTooltip(t);
    field.setTooltip(t);
    grid.add(label, 0, row);
    grid.add(slider, 1, row);
    grid.add(field, 2, row);
    grid.add(error, 0, row + 1, 3, 1);
    return row + 2;
  }

  private static int fieldRow(GridPane grid, int row, Setting s, Button extra) {
    Label label = new Label(s.label());
    label.setMinWidth(Region.USE_PREF_SIZE);
    TextField field = field(s);
    Tooltip t = tip(s.tooltip());
    label.setTooltip(t);
    field.setTooltip(t);
    grid.add(label, 0, row);
    if (extra == null) {
      grid.add(field, 1, row, 2, 1);
    } else {
      HBox box = new HBox(6, field, extra);
      HBox.setHgrow(field, Priority.ALWAYS);
      grid.add(box, 1, row, 2, 1);
    }
    grid.add(errorLabel(s), 0, row + 1, 3, 1);
    return row + 2;
  }

  private static TextField field(Setting s) {
    TextField field = new TextField();
    field.setId(idOf(s) + "-field");
    field.getStyleClass().add("setting-field");
    field.setPrefColumnCount(7);
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
    s.errorProperty().addListener((obs, o, n) -> field.pseudoClassStateChanged(INVALID, n != null));
    return field;
  }

  private static Label errorLabel(Setting s) {
    Label error = new Label();
    error.setId(idOf(s) + "-error");
    error.getStyleClass().add("field-error");
    error.textProperty().bind(s.errorProperty());
    error.visibleProperty().bind(s.errorProperty().isNotNull());
    error.managedProperty().bind(error.visibleProperty());
    error.setWrapText(true);
    return error;
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
