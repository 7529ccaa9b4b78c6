package descent.app.teach.batch;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.DescentApp;
import descent.app.FxWait;
import descent.app.LayoutProbe;
import descent.app.MainView;
import descent.app.session.TrainingSession;
import descent.app.session.TrainingSession.State;
import descent.app.teach.TeachingViews;
import descent.data.Batch;
import descent.train.GradientCheck;
import descent.train.StepSnapshot;
import descent.train.TrainingRun.Phase;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Minibatch view in the real window, on the chapter's run of a real {@link TrainingSession}:
 * Step phase fills it, Play and Pause leave it on the step the run stands at, and Check gradient
 * runs the check on the training thread and says which minibatch it checked.
 */
@ExtendWith(ApplicationExtension.class)
class MinibatchInAppTest {
  private static final Pattern ERROR = Pattern.compile("Largest relative error (\\S+) ");

  private TrainingSession session;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    session = DescentApp.show(stage);
    // the Data view is the first tab: bring the inspector to the front, as key 2 does
    ((MainView) stage.getScene().getRoot()).teaching().show("Minibatch", false);
  }

  @AfterEach
  void stop(FxRobot robot) {
    robot.interact(session::shutdown);
  }

  private static void waitUntil(Callable<Boolean> condition) throws Exception {
    FxWait.until(30, condition);
  }

  private static String text(FxRobot robot, String id) throws Exception {
    return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#" + id).queryAs(Labeled.class).getText())
        .get();
  }

  private void stepPhase(FxRobot robot, Phase next) throws Exception {
    robot.press(KeyCode.PERIOD).release(KeyCode.PERIOD);
    waitUntil(
        () ->
            session.nextPhaseProperty().get() == next
                && !session.isBusy()
                && session.state() == State.PAUSED);
  }

  /** Clicks Check gradient, waits for its verdict and returns it. */
  private String check(FxRobot robot) throws Exception {
    robot.clickOn("#batch-check-gradient");
    waitUntil(() -> text(robot, "batch-check-result").startsWith("Largest relative error"));
    String result = text(robot, "batch-check-result");
    Matcher m = ERROR.matcher(result);
    assertThat(m.find()).as(result).isTrue();
    double error = Double.parseDouble(m.group(1).replace('−', '-'));
    assertThat(error).as(result).isLessThan(GradientCheck.TOLERANCE);
    assertThat(result).contains(" < 1.0e−6: backward agrees with finite differences.");
    return result;
  }

  @Test
  void checkGradientOnTheChapterRunIsBelowTheToleranceAndNamesTheMinibatch(FxRobot robot)
      throws Exception {
    waitUntil(() -> !session.isBusy() && session.isWatching());
    MinibatchView view = robot.lookup(".minibatch-view").queryAs(MinibatchView.class);
    waitUntil(() -> text(robot, "batch-headline").equals(BatchText.READY_HEADLINE));
    assertThat(robot.lookup("#batch-check-gradient").queryButton().isDisabled()).isFalse();

    assertThat(check(robot))
        .endsWith(" Checked the first minibatch (step 1), which the first FORWARD will read.");

    stepPhase(robot, Phase.LOSS);
    stepPhase(robot, Phase.BACKWARD);
    waitUntil(() -> text(robot, "batch-headline").contains("ran LOSS"));
    assertThat(check(robot)).endsWith(" Checked this minibatch (step 1).");
    // the check left the run as it was: its backward still runs
    stepPhase(robot, Phase.UPDATE);
    stepPhase(robot, Phase.FORWARD);
    waitUntil(() -> text(robot, "batch-headline").startsWith("Step 1 done"));
    Batch next = session.run().data().trainLoader(0).get(1);
    assertThat(check(robot))
        .contains(
            " Checked the next minibatch (step 2: rows "
                + next.rows()[0]
                + ", "
                + next.rows()[1]
                + ", "
                + next.rows()[2]
                + ", …), which the next FORWARD reads, at the current w and b.");

    robot.clickOn("#batch-check-details");
    waitUntil(view::isPopOverShowing);
    String details = view.popOverText();
    assertThat(details.lines().filter(l -> l.contains(": backward "))).hasSize(3);
    assertThat(details).contains("∂L/∂w₁: backward ", "∂L/∂w₂: backward ", "∂L/∂b: backward ");
  }

  @Test
  void afterPlayAndPauseTheViewShowsTheStepTheRunStandsAt(FxRobot robot) throws Exception {
    waitUntil(() -> !session.isBusy() && session.isWatching());
    MinibatchView view = robot.lookup(".minibatch-view").queryAs(MinibatchView.class);
    robot.interact(() -> session.settings().speed.positionProperty().set(Math.log10(5)));
    robot.interact(session::play);
    waitUntil(() -> view.shown() != null && view.shown().step() >= 3);
    robot.interact(session::pause);
    // the run may have finished its 96 steps before the pause arrived
    waitUntil(() -> session.state() != State.RUNNING && !session.isBusy());
    long steps = session.stepsProperty().get();
    waitUntil(() -> view.shown().step() == steps && view.shown().ran() == Phase.UPDATE);
    if (session.state() == State.FINISHED) {
      assertThat(text(robot, "batch-headline"))
          .isEqualTo(
              "Finished. Its last minibatch: step "
                  + steps
                  + " (epoch 3, minibatch 32 of 32, m = 8).");
      assertThat(robot.lookup("#batch-check-gradient").queryButton().isDisabled()).isTrue();
    } else {
      assertThat(text(robot, "batch-headline"))
          .startsWith("Step " + steps + " done (")
          .endsWith(" · next: FORWARD of step " + (steps + 1) + " (.)");
    }
    assertThat(text(robot, "batch-count")).isEqualTo("32 rows");
    assertThat(text(robot, "batch-yhat-1")).isNotEqualTo(Numbers.PENDING);
  }

  @Test
  void midStepAtTheLaptopAndProjectorSizesTheHeadlineAndNumbersReadWhole(FxRobot robot)
      throws Exception {
    waitUntil(() -> !session.isBusy() && session.isWatching());
    stepPhase(robot, Phase.LOSS);
    stepPhase(robot, Phase.BACKWARD);
    waitUntil(() -> text(robot, "batch-headline").contains("ran LOSS"));
    for (double[] size : new double[][] {{1366, 768}, {1920, 1080}}) {
      robot.interact(
          () -> {
            stage.setMinWidth(0);
            stage.setMinHeight(0);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(size[0]);
            stage.setHeight(size[1]);
          });
      waitUntil(
          () -> stage.getScene().getWidth() == size[0] && stage.getScene().getHeight() == size[1]);
      robot.interact(() -> stage.getScene().getRoot().layout());
      WaitForAsyncUtils.waitForFxEvents();
      javafx.scene.image.WritableImage image =
          WaitForAsyncUtils.asyncFx(() -> stage.getScene().getRoot().snapshot(null, null)).get();
      java.nio.file.Files.createDirectories(Harness.OUT);
      javax.imageio.ImageIO.write(
          javafx.embed.swing.SwingFXUtils.fromFXImage(image, null),
          "png",
          Harness.OUT.resolve("app-loss-" + (int) size[0] + ".png").toFile());
      for (String id : List.of("batch-headline", "batch-loss", "batch-yhat-1", "batch-loss-1")) {
        Labeled l = robot.lookup("#" + id).queryAs(Labeled.class);
        String shown = WaitForAsyncUtils.asyncFx(() -> LayoutProbe.displayedText(l)).get();
        assertThat(shown).as(id + " at " + size[0]).isEqualTo(l.getText());
      }
    }
  }

  @Test
  void hiddenItRehearsesARunOfItsOwnAndShownAfterAStepItShowsThatStep(FxRobot robot)
      throws Exception {
    TeachingViews teaching = ((MainView) stage.getScene().getRoot()).teaching();
    robot.type(KeyCode.DIGIT1); // the Data view in front: the Minibatch view hides
    waitUntil(() -> "Data".equals(teaching.shown(false)));
    waitUntil(() -> !session.isBusy() && teaching.isMadeAhead());
    MinibatchView view = robot.lookup(".minibatch-view").queryAs(MinibatchView.class);
    // hidden, it drew the rehearsal's last minibatch (ADR 0043): step 512 of a run of the shape
    StepSnapshot rehearsed = WaitForAsyncUtils.asyncFx(view::shown).get();
    assertThat(rehearsed.step()).isEqualTo(512);
    assertThat(rehearsed.rows()).hasSize(32);
    assertThat(session.stepsProperty().get()).isZero();

    robot.interact(session::step);
    waitUntil(() -> !session.isBusy() && session.state() == State.PAUSED);
    robot.type(KeyCode.DIGIT2);
    waitUntil(() -> view.shown() != null && view.shown().step() == 1);
    StepSnapshot own = WaitForAsyncUtils.asyncFx(() -> session.snapshotProperty().get()).get();
    assertThat(own.step()).isEqualTo(1);
    assertThat(own.ran()).isEqualTo(Phase.UPDATE);
    assertThat(text(robot, "batch-headline")).startsWith("Step 1 done (");
    assertThat(text(robot, "batch-count")).isEqualTo("32 rows");
    for (int i = 0; i < 3; i++) {
      assertThat(text(robot, "batch-row-" + (i + 1)))
          .as("row " + (i + 1) + " of the run's own first minibatch")
          .isEqualTo(Integer.toString(own.rows()[i]));
      assertThat(text(robot, "batch-yhat-" + (i + 1))).isEqualTo(Numbers.format(own.yHat()[i]));
      assertThat(text(robot, "batch-y-" + (i + 1))).isEqualTo(Numbers.format(own.y()[i]));
    }
  }
}
