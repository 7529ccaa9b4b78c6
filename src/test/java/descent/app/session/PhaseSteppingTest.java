package descent.app.session;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.FxWait;
import descent.app.params.ParametersModel;
import descent.app.session.TrainingSession.State;
import descent.app.settings.SettingsModel;
import descent.train.TrainingEvent.BatchDone;
import descent.train.TrainingRun.Phase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Step phase: one press runs one phase of the current minibatch on the training thread, and the
 * status bar learns which phase ran from a note, never from the live run.
 */
@ExtendWith(ApplicationExtension.class)
class PhaseSteppingTest {
  private Thread fxThread;
  private final List<TrainingSession> sessions = new ArrayList<>();

  /** The thread each phase ran on, and which phase it was, heard on the training thread. */
  private final List<Thread> phaseThreads = Collections.synchronizedList(new ArrayList<>());

  private final List<Phase> phasesRun = Collections.synchronizedList(new ArrayList<>());
  private final List<Thread> trainedOn = Collections.synchronizedList(new ArrayList<>());

  @Start
  void start(Stage stage) {
    fxThread = Thread.currentThread();
  }

  @AfterEach
  void noPhaseEverRanOnTheFxThread(FxRobot robot) {
    for (TrainingSession s : sessions) {
      robot.interact(s::shutdown);
    }
    assertThat(phaseThreads).doesNotContain(fxThread);
    assertThat(trainedOn).doesNotContain(fxThread);
  }

  /** A fresh session with the chapter's defaults, its first run built. */
  private TrainingSession open(FxRobot robot) throws TimeoutException {
    List<TrainingSession> made = new ArrayList<>();
    robot.interact(
        () -> {
          TrainingSession s = new TrainingSession(new SettingsModel());
          s.addPhaseThreadListener(
              p -> {
                phaseThreads.add(Thread.currentThread());
                phasesRun.add(p.ran());
              });
          s.addTrainingThreadListener(
              e -> {
                if (e instanceof BatchDone) {
                  trainedOn.add(Thread.currentThread());
                }
              });
          made.add(s);
        });
    TrainingSession s = made.get(0);
    sessions.add(s);
    waitIdle(s);
    return s;
  }

  private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
    FxWait.until(20, condition);
  }

  private static void waitIdle(TrainingSession s) throws TimeoutException {
    waitUntil(() -> !s.isBusy() && s.state() != State.RUNNING);
  }

  private static void press(FxRobot robot, TrainingSession s, Runnable command)
      throws TimeoutException {
    robot.interact(command);
    waitIdle(s);
  }

  /** The learned parameters as the parameters table shows them. */
  private static List<Double> learned(TrainingSession s) {
    List<Double> values = new ArrayList<>();
    for (ParametersModel.Row row : s.parameters().rows()) {
      values.add(row.learned());
    }
    return values;
  }

  @Test
  void fourPressesRunForwardLossBackwardUpdateAndEqualOneStep(FxRobot robot) throws Exception {
    TrainingSession s = open(robot);
    List<Double> initial = learned(s);
    assertThat(s.nextPhaseProperty().get()).isEqualTo(Phase.FORWARD);

    press(robot, s, s::stepPhase);
    assertThat(s.messageProperty().get()).isEqualTo("Ran FORWARD (ŷ = Xw + b) · next: LOSS (.)");
    assertThat(s.nextPhaseProperty().get()).isEqualTo(Phase.LOSS);
    assertThat(s.stepsProperty().get()).isZero();
    assertThat(s.state()).isEqualTo(State.PAUSED);

    press(robot, s, s::stepPhase);
    assertThat(s.messageProperty().get())
        .matches("Ran LOSS \\(ℓ = [0-9.e+]+\\) · next: BACKWARD \\(\\.\\)");
    assertThat(s.nextPhaseProperty().get()).isEqualTo(Phase.BACKWARD);
    assertThat(s.stepsProperty().get()).isZero();

    press(robot, s, s::stepPhase);
    assertThat(s.messageProperty().get()).isEqualTo("Ran BACKWARD (∇θ ℓ) · next: UPDATE (.)");
    assertThat(s.nextPhaseProperty().get()).isEqualTo(Phase.UPDATE);
    assertThat(s.stepsProperty().get()).isZero();
    assertThat(learned(s)).as("nothing learned before the update").isEqualTo(initial);

    press(robot, s, s::stepPhase);
    assertThat(s.messageProperty().get())
        .isEqualTo("Ran UPDATE (θ ← θ − η∇θ): step 1 done · next: FORWARD (.)");
    assertThat(s.nextPhaseProperty().get()).isEqualTo(Phase.FORWARD);
    assertThat(s.stepsProperty().get()).isEqualTo(1);
    assertThat(s.batchProperty().get()).isEqualTo(1);
    assertThat(phasesRun).containsExactly(Phase.FORWARD, Phase.LOSS, Phase.BACKWARD, Phase.UPDATE);

    TrainingSession whole = open(robot);
    press(robot, whole, whole::step);
    assertThat(whole.stepsProperty().get()).isEqualTo(1);
    assertThat(learned(s)).isNotEqualTo(initial).isEqualTo(learned(whole));
  }

  @Test
  void stepAfterTwoPhasesFinishesThatMinibatchOnly(FxRobot robot) throws Exception {
    TrainingSession s = open(robot);
    press(robot, s, s::stepPhase);
    press(robot, s, s::stepPhase);
    press(robot, s, s::step);
    assertThat(s.stepsProperty().get()).isEqualTo(1);
    assertThat(s.nextPhaseProperty().get()).isEqualTo(Phase.FORWARD);
    assertThat(s.messageProperty().get()).startsWith("Stepped one minibatch");

    TrainingSession whole = open(robot);
    press(robot, whole, whole::step);
    assertThat(learned(s)).isEqualTo(learned(whole));
  }

  @Test
  void aNewLearningRateMidMinibatchActsAtItsUpdate(FxRobot robot) throws Exception {
    TrainingSession s = open(robot);
    press(robot, s, s::stepPhase);
    press(robot, s, s::stepPhase);
    press(robot, s, s::stepPhase);
    robot.interact(() -> s.settings().learningRate.set(0.3));
    press(robot, s, s::stepPhase);
    assertThat(s.stepsProperty().get()).isEqualTo(1);

    TrainingSession whole = open(robot);
    robot.interact(() -> whole.settings().learningRate.set(0.3));
    press(robot, whole, whole::step);
    assertThat(learned(s)).isEqualTo(learned(whole));
  }

  @Test
  void loweringTheEpochsMidMinibatchTrainsNothingAndTheNextPhaseRuns(FxRobot robot)
      throws Exception {
    TrainingSession s = open(robot);
    press(robot, s, s::stepEpoch); // at the boundary after epoch 1
    press(robot, s, s::stepPhase); // FORWARD of epoch 2's first minibatch
    robot.interact(() -> s.settings().epochs.set(1));
    waitIdle(s);
    assertThat(s.stepsProperty().get()).isEqualTo(32);
    assertThat(s.state()).isEqualTo(State.PAUSED);
    assertThat(s.messageProperty().get()).contains("ends when epoch 2 ends");
    press(robot, s, s::stepPhase);
    assertThat(s.messageProperty().get()).startsWith("Ran LOSS");
    assertThat(s.nextPhaseProperty().get()).isEqualTo(Phase.BACKWARD);
    assertThat(s.stepsProperty().get()).isEqualTo(32);
  }

  @Test
  void resetMidMinibatchGivesAFreshRunAtForward(FxRobot robot) throws Exception {
    TrainingSession s = open(robot);
    press(robot, s, s::stepPhase);
    press(robot, s, s::stepPhase);
    press(robot, s, s::reset);
    assertThat(s.nextPhaseProperty().get()).isEqualTo(Phase.FORWARD);
    assertThat(s.stepsProperty().get()).isZero();
    press(robot, s, s::stepPhase);
    assertThat(s.messageProperty().get()).startsWith("Ran FORWARD");
  }

  @Test
  void playFromMidMinibatchGoesOnToTheEnd(FxRobot robot) throws Exception {
    TrainingSession s = open(robot);
    robot.interact(
        () ->
            s.settings()
                .speed
                .positionProperty()
                .set(descent.app.settings.SpeedSetting.MAX_POSITION));
    press(robot, s, s::stepPhase);
    press(robot, s, s::play);
    assertThat(s.state()).isEqualTo(State.FINISHED);
    assertThat(s.nextPhaseProperty().get()).isEqualTo(Phase.FORWARD);
    assertThat(s.stepsProperty().get())
        .isEqualTo((long) s.maxEpochsProperty().get() * s.batchesPerEpochProperty().get());
  }

  @Test
  void aLossPhaseThatDivergesShowsTheDivergence(FxRobot robot) throws Exception {
    TrainingSession s = open(robot);
    press(robot, s, s::step);
    press(robot, s, s::step);
    robot.interact(() -> s.settings().learningRate.set(5));
    for (int i = 0; i < 400 && s.state() != State.DIVERGED; i++) {
      press(robot, s, s::stepPhase);
    }
    assertThat(s.state()).isEqualTo(State.DIVERGED);
    assertThat(phasesRun.get(phasesRun.size() - 1)).isEqualTo(Phase.LOSS);
    assertThat(s.divergenceProperty().get()).isNotNull();
    assertThat(s.messageProperty().get()).doesNotStartWith("Ran ");
  }
}
