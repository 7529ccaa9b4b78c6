package descent.app.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import descent.app.DescentApp;
import descent.app.LayoutProbe;
import descent.app.session.TrainingSession;
import descent.train.StabilityBound;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.decoration.Decorator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The settings panel in the real main window, as a student types into it and drags. */
@ExtendWith(ApplicationExtension.class)
class SettingsViewTest {
  private Stage stage;
  private TrainingSession session;
  private SettingsModel settings;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    session = DescentApp.show(stage);
    settings = session.settings();
  }

  @AfterEach
  void stop(FxRobot robot) {
    robot.interact(session::shutdown);
  }

  private void type(FxRobot robot, String fieldId, String text) {
    TextField field = robot.lookup("#" + fieldId).queryAs(TextField.class);
    robot.interact(field::requestFocus);
    robot.interact(() -> field.setText(text));
    robot.clickOn(field).press(KeyCode.ENTER).release(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private Label error(FxRobot robot, String id) {
    return robot.lookup("#" + id + "-error").queryAs(Label.class);
  }

  /** Every visible control outside the error slots, where it is now. */
  private Map<Control, Bounds> controlsOutsideErrorSlots() throws Exception {
    return WaitForAsyncUtils.asyncFx(
            () ->
                LayoutProbe.boundsOf(
                    LayoutProbe.visibleControls(
                        stage.getScene(),
                        n ->
                            n.getStyleClass().contains("error-slot")
                                || descent.app.LayoutProbe.scrollsByDesign(n))))
        .get(5, TimeUnit.SECONDS);
  }

  @Test
  void aRefusedValueMovesNoOtherControl(FxRobot robot) throws Exception {
    for (double[] size : new double[][] {{1366, 768}, {958, 575}}) {
      robot.interact(
          () -> {
            stage.setMinWidth(0);
            stage.setMinHeight(0);
            stage.setWidth(size[0]);
            stage.setHeight(size[1]);
          });
      WaitForAsyncUtils.waitForFxEvents();
      Map<Control, Bounds> before = controlsOutsideErrorSlots();
      assertThat(before).hasSizeGreaterThan(30);

      type(robot, "true-w-field", "2,,3"); // short
      type(robot, "seed-field", "9".repeat(2000)); // long
      type(robot, "learning-rate-field", "abc");
      type(robot, "batch-size-field", "0");
      assertThat(error(robot, "true-w").isVisible()).isTrue();
      assertThat(error(robot, "seed").isVisible()).isTrue();
      assertThat(error(robot, "learning-rate").isVisible()).isTrue();

      Map<Control, Bounds> after = controlsOutsideErrorSlots();
      for (var e : before.entrySet()) {
        assertThat(after.get(e.getKey()))
            .as(LayoutProbe.describe(e.getKey()) + " at " + (int) size[0] + " wide")
            .isEqualTo(e.getValue());
      }
      for (String id : List.of("true-w", "seed", "learning-rate", "batch-size")) {
        robot.interact(
            () -> {
              TextField f = robot.lookup("#" + id + "-field").queryAs(TextField.class);
              f.requestFocus();
            });
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
      }
      robot.interact(() -> stage.getScene().getRoot().requestFocus());
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(settings.all()).allMatch(s -> s.error() == null);
    }
  }

  @Test
  void aRefusedFieldIsDecoratedAndItsReasonShownBelowItsGroup(FxRobot robot) throws Exception {
    type(robot, "true-w-field", "2,,3");
    TextField field = robot.lookup("#true-w-field").queryAs(TextField.class);
    WaitForAsyncUtils.waitForFxEvents();
    // ControlsFX's decoration: an overlay on the field, whose tooltip says why
    assertThat(Decorator.getDecorations(field)).isNotEmpty();
    Label reason = error(robot, "true-w");
    assertThat(reason.getText()).isEqualTo("entry 2, “”, is not a number");
    assertThat(reason.isVisible()).isTrue();
    assertThat(reason.getParent().getId()).isEqualTo("data-errors");
    assertThat(field.getTooltip().getText()).startsWith("entry 2, “”, is not a number");
    // a later error in the same group comes first
    type(robot, "noise-field", "loud");
    assertThat(reason.getParent().getChildrenUnmodifiable().get(0)).isSameAs(error(robot, "noise"));
    // once corrected, the decoration goes
    type(robot, "true-w-field", "2, 3");
    WaitForAsyncUtils.waitFor(
        5,
        TimeUnit.SECONDS,
        () -> WaitForAsyncUtils.asyncFx(() -> Decorator.getDecorations(field).isEmpty()).get());
    assertThat(reason.isVisible()).isFalse();
  }

  @Test
  void aLongRefusedTextIsEchoedShortened(FxRobot robot) {
    type(robot, "seed-field", "x".repeat(2000));
    assertThat(error(robot, "seed").getText())
        .isEqualTo("“" + "x".repeat(Readable.ECHO) + "…” is not a number");
    type(robot, "true-w-field", "1, " + "y".repeat(500));
    assertThat(error(robot, "true-w").getText())
        .isEqualTo("entry 2, “" + "y".repeat(Readable.ECHO) + "…”, is not a number");
  }

  @Test
  void slidersGiveReadableValuesAndTypedValuesStayExact(FxRobot robot) {
    Slider lr = robot.lookup("#learning-rate-slider").queryAs(Slider.class);
    robot.interact(() -> lr.setValue(Math.log10(0.0314159)));
    assertThat(settings.learningRate.value()).isEqualTo(0.031);
    robot.interact(() -> lr.setValue(Math.log10(1.31435)));
    assertThat(settings.learningRate.value()).isEqualTo(1.3);

    // init σ: logarithmic, so the chapter's 0.01 to 0.1 spans a good part of the track
    Slider sigma = robot.lookup("#init-sigma-slider").queryAs(Slider.class);
    double track = sigma.getMax() - sigma.getMin();
    assertThat((Math.log10(0.1) - Math.log10(0.01)) / track).isGreaterThan(0.2);
    robot.interact(() -> sigma.setValue(Math.log10(0.0517)));
    assertThat(settings.sigma.value()).isEqualTo(0.052);
    assertThat(robot.lookup("#init-sigma-field").queryAs(TextField.class).getText())
        .isEqualTo("0.052");
    robot.interact(() -> sigma.setValue(sigma.getMin())); // leftmost: exactly zero
    assertThat(settings.sigma.value()).isZero();
    assertThat(session.run().model().w().toArray()).containsOnly(0.0);
    robot.interact(() -> sigma.setValue(sigma.getMax()));
    assertThat(settings.sigma.value()).isEqualTo(10);

    type(robot, "learning-rate-field", "0.0314159");
    assertThat(settings.learningRate.value()).isEqualTo(0.0314159);
    assertThat(lr.getValue()).isCloseTo(Math.log10(0.0314159), within(1e-12));
    type(robot, "init-sigma-field", "0.0123456");
    assertThat(settings.sigma.value()).isEqualTo(0.0123456);
    assertThat(session.run().learningRate()).isEqualTo(0.0314159);
  }

  @Test
  void theStableBoundSitsBesideTheLearningRateAndWarnsAtOrAboveIt(FxRobot robot) {
    StabilityNote note = robot.lookup("#stability-note").queryAs(StabilityNote.class);
    StabilityBound bound = session.stabilityBoundProperty().get();
    assertThat(note.getText()).isEqualTo(bound.describe()).startsWith("stable below");
    assertThat(note.verdict()).isEqualTo(StabilityNote.Verdict.STABLE);
    assertThat(note.getStyleClass()).contains("stable");
    Bounds field = LayoutProbe.inScene(robot.lookup("#learning-rate-field").query());
    Bounds shown = LayoutProbe.inScene(note);
    assertThat(shown.getMinY() - field.getMaxY()).isBetween(-1.0, 10.0);

    String at = Setting.show(Readable.significant(bound.maxStableRate() * 1.01, 3));
    type(robot, "learning-rate-field", at);
    assertThat(note.verdict()).isEqualTo(StabilityNote.Verdict.UNSTABLE);
    assertThat(note.getText()).startsWith("too large: " + bound.describe());
    assertThat(note.getStyleClass()).contains("unstable").doesNotContain("stable");
    assertThat(((FontIcon) note.getGraphic()).getIconCode()).isEqualTo(MaterialDesignA.ALERT);
    assertThat(LayoutProbe.inScene(note)).isEqualTo(shown); // two lines, fixed: nothing moves

    type(robot, "learning-rate-field", "0.03");
    assertThat(note.verdict()).isEqualTo(StabilityNote.Verdict.STABLE);
    // a smaller batch lowers the bound, and the note follows it
    type(robot, "batch-size-field", "1");
    assertThat(note.getText()).isEqualTo(session.stabilityBoundProperty().get().describe());
    assertThat(note.getText()).endsWith("batch 1");
  }
}
