package descent.app.transport;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.DescentApp;
import descent.app.FxWait;
import descent.app.LayoutProbe;
import descent.app.session.TrainingSession;
import descent.train.TrainingRun.Phase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Step phase button and its key, and what the status bar says after each phase. */
@ExtendWith(ApplicationExtension.class)
class StepPhaseButtonTest {
  private TrainingSession session;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    session = DescentApp.show(stage);
  }

  @AfterEach
  void stop(FxRobot robot) {
    robot.interact(session::shutdown);
  }

  private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
    FxWait.until(20, condition);
  }

  private static String text(FxRobot robot, String id) throws Exception {
    return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#" + id).queryAs(Label.class).getText())
        .get();
  }

  /** Waits until the phase after {@code ran} is next and the session is at rest. */
  private void waitRan(Phase next) throws TimeoutException {
    waitUntil(
        () ->
            session.nextPhaseProperty().get() == next
                && !session.isBusy()
                && session.state() == TrainingSession.State.PAUSED);
  }

  @Test
  void theButtonAndThePeriodKeyWalkOneMinibatchPhaseByPhase(FxRobot robot) throws Exception {
    waitUntil(() -> !session.isBusy());
    Button phase = robot.lookup("#step-phase").queryAs(Button.class);
    assertThat(phase.getText()).isEqualTo("Step phase");
    assertThat(((FontIcon) phase.getGraphic()).getIconCode())
        .isEqualTo(MaterialDesignD.DEBUG_STEP_OVER);
    assertThat(phase.getTooltip().getText()).startsWith(". (period):");
    assertThat(text(robot, "status")).contains("step 0 · 0 examples/s").doesNotContain("phase");

    robot.clickOn("#step-phase");
    waitRan(Phase.LOSS);
    assertThat(text(robot, "message")).isEqualTo("Ran FORWARD (ŷ = Xw + b) · next: LOSS (.)");
    assertThat(text(robot, "status")).contains("step 0 · phase LOSS next");

    robot.press(KeyCode.PERIOD).release(KeyCode.PERIOD);
    waitRan(Phase.BACKWARD);
    assertThat(text(robot, "message")).startsWith("Ran LOSS (ℓ = ");
    assertThat(text(robot, "status")).contains("step 0 · phase BACKWARD next");

    robot.clickOn("#step-phase");
    waitRan(Phase.UPDATE);
    assertThat(text(robot, "message")).startsWith("Ran BACKWARD");
    assertThat(text(robot, "status")).contains("step 0 · phase UPDATE next");

    robot.press(KeyCode.PERIOD).release(KeyCode.PERIOD);
    waitRan(Phase.FORWARD);
    assertThat(text(robot, "message"))
        .isEqualTo("Ran UPDATE (θ ← θ − η∇θ): step 1 done · next: FORWARD (.)");
    assertThat(text(robot, "status"))
        .contains("batch 1/32", "step 1 · 0 examples/s")
        .doesNotContain("phase");
  }

  /** Resizes the scene (Monocle draws no frame), lays it out and saves what it shows. */
  private void snapshot(FxRobot robot, double width, double height, Phase next) throws Exception {
    robot.interact(
        () -> {
          stage.setMinWidth(0);
          stage.setMinHeight(0);
          stage.setWidth(width);
          stage.setHeight(height);
        });
    waitUntil(() -> stage.getScene().getWidth() == width && stage.getScene().getHeight() == height);
    robot.interact(() -> stage.getScene().getRoot().layout());
    WaitForAsyncUtils.waitForFxEvents();
    WritableImage image =
        WaitForAsyncUtils.asyncFx(() -> stage.getScene().getRoot().snapshot(null, null)).get();
    Path out = Path.of("target", "screenshots");
    Files.createDirectories(out);
    ImageIO.write(
        SwingFXUtils.fromFXImage(image, null),
        "png",
        out.resolve("descent-step-phase-" + next + "-next-" + (int) width + ".png").toFile());
  }

  @Test
  void everyPhaseMessageFitsTheSmallestWindow(FxRobot robot) throws Exception {
    waitUntil(() -> !session.isBusy());
    Phase[] next = {Phase.LOSS, Phase.BACKWARD, Phase.UPDATE, Phase.FORWARD};
    for (Phase n : next) {
      robot.interact(session::stepPhase);
      waitRan(n);
      for (double[] size : new double[][] {{1366, 768}, {1024, 600}, {958, 575}}) {
        snapshot(robot, size[0], size[1], n);
        String at = (int) size[0] + "×" + (int) size[1] + " after " + n;
        for (String id : List.of("status", "message", "step-phase", "step-epoch", "reset")) {
          Labeled l = robot.lookup("#" + id).queryAs(Labeled.class);
          assertThat(LayoutProbe.displayedText(l)).as(id + " at " + at).isEqualTo(l.getText());
        }
        List<Control> controls =
            WaitForAsyncUtils.asyncFx(
                    () -> LayoutProbe.visibleControls(stage.getScene(), node -> false))
                .get();
        List<Control> bar =
            controls.stream()
                .filter(c -> descent.app.LayoutProbe.describe(c).contains("#"))
                .filter(c -> isInTransport(c))
                .toList();
        assertThat(bar).hasSizeGreaterThan(5);
        assertThat(LayoutProbe.outside(bar, LayoutProbe.sceneArea(stage.getScene())))
            .as("cut off at " + at)
            .isEmpty();
      }
    }
  }

  private static boolean isInTransport(javafx.scene.Node n) {
    for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
      if (p instanceof TransportBar) {
        return true;
      }
    }
    return false;
  }

  @Test
  void theButtonIsDisabledOnceTheRunIsOver(FxRobot robot) throws Exception {
    waitUntil(() -> !session.isBusy());
    robot.interact(() -> session.settings().epochs.set(1));
    robot.interact(
        () ->
            session
                .settings()
                .speed
                .positionProperty()
                .set(descent.app.settings.SpeedSetting.MAX_POSITION));
    robot.interact(session::play);
    waitUntil(() -> session.state() == TrainingSession.State.FINISHED && !session.isBusy());
    assertThat(robot.lookup("#step-phase").queryAs(Button.class).isDisabled()).isTrue();
  }
}
