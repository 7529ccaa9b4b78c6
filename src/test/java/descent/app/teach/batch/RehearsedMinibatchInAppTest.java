package descent.app.teach.batch;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.DescentApp;
import descent.app.FxWait;
import descent.app.MainView;
import descent.app.session.TrainingSession;
import descent.app.session.TrainingSession.State;
import descent.app.teach.TeachingViews;
import descent.train.StepSnapshot;
import descent.train.TrainingRun.Phase;
import java.util.concurrent.Callable;
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
 * The app's Minibatch view, hidden behind the Data view, rehearses a small run of its own while
 * nothing plays (ADR 0043); shown after the real run's first step, it shows that step's rows and
 * numbers, not the rehearsal's.
 */
@ExtendWith(ApplicationExtension.class)
class RehearsedMinibatchInAppTest {
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

  private static void waitUntil(Callable<Boolean> condition) throws Exception {
    FxWait.until(30, condition);
  }

  private static String text(FxRobot robot, String id) throws Exception {
    return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#" + id).queryAs(Labeled.class).getText())
        .get();
  }

  @Test
  void shownAfterTheFirstStepItShowsThatStepNotTheRehearsal(FxRobot robot) throws Exception {
    TeachingViews teaching = ((MainView) stage.getScene().getRoot()).teaching();
    waitUntil(() -> !session.isBusy() && teaching.isMadeAhead());
    assertThat(teaching.shown(false)).isEqualTo("Data");
    MinibatchView view = robot.lookup(".minibatch-view").queryAs(MinibatchView.class);
    // hidden, it drew the rehearsal's last minibatch: step 512 of a run of the same shape
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
