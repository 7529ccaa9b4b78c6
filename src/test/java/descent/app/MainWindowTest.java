package descent.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import descent.app.chart.LossChartView;
import descent.app.chart.LossSeries;
import descent.app.session.TrainingSession;
import descent.app.session.TrainingSession.State;
import descent.app.settings.SettingsModel;
import descent.app.settings.SpeedSetting;
import descent.data.Batch;
import descent.train.TrainingEvent.BatchDone;
import descent.train.TrainingRun;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real main window headless, as a student or a teacher would. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
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
  void stopTraining(FxRobot robot) {
    robot.interact(session::shutdown);
  }

  /** Waits for {@code condition}, evaluated on the FX thread where the session lives. */
  private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
    FxWait.until(20, condition);
  }

  private void waitIdle() throws TimeoutException {
    waitUntil(() -> !session.isBusy());
  }

  private void type(FxRobot robot, String fieldId, String text) {
    TextField field = robot.lookup("#" + fieldId).queryAs(TextField.class);
    robot.interact(() -> field.requestFocus());
    robot.interact(() -> field.setText(text));
    robot.clickOn(field).press(KeyCode.ENTER).release(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void opensWithTheChaptersDefaultsAndTitle(FxRobot robot) {
    assertThat(stage.getTitle()).isEqualTo("Descent — linear regression from scratch");
    assertThat(session.state()).isEqualTo(State.READY);
    assertThat(robot.lookup("#status").queryAs(Label.class).getText())
        .contains("epoch 1/3", "batch 0/32", "step 0", "ready");
    assertThat(session.parameters().rows()).hasSize(3);
    assertThat(session.parameters().rows().get(0).trueValue()).isEqualTo(2.0);
    assertThat(session.parameters().rows().get(1).trueValue()).isEqualTo(-3.4);
    assertThat(session.parameters().rows().get(2).trueValue()).isEqualTo(4.2);
  }

  @Test
  void typedValuesAndSlidersReachTheTrainingSettings(FxRobot robot) {
    type(robot, "learning-rate-field", "0.1");
    assertThat(settings.learningRate.value()).isEqualTo(0.1);
    assertThat(session.run().learningRate()).isEqualTo(0.1);

    type(robot, "batch-size-field", "100");
    assertThat(session.run().data().batchSize()).isEqualTo(100);
    assertThat(session.run().batchesPerEpoch()).isEqualTo(10);
    assertThat(robot.lookup("#message").queryAs(Label.class).getText())
        .contains("batch size changed");

    Slider sigma = robot.lookup("#init-sigma-slider").queryAs(Slider.class);
    robot.interact(() -> sigma.setValue(Math.log10(2.0))); // log scale: 10^0.301…
    assertThat(settings.sigma.value()).isEqualTo(2.0);
    assertThat(robot.lookup("#init-sigma-field").queryAs(TextField.class).getText()).isEqualTo("2");
    assertThat(session.run().model().w().toArray()).doesNotContain(0.0);

    Slider batch = robot.lookup("#batch-size-slider").queryAs(Slider.class);
    robot.interact(() -> batch.setValue(4.2)); // snaps to 2⁴
    assertThat(settings.batchSize.intValue()).isEqualTo(16);
    assertThat(session.run().data().batchSize()).isEqualTo(16);

    Slider lr = robot.lookup("#learning-rate-slider").queryAs(Slider.class);
    robot.interact(() -> lr.setValue(-2)); // log scale: 10⁻²
    assertThat(settings.learningRate.value()).isCloseTo(0.01, within(1e-12));

    type(robot, "true-w-field", "1, 2, 3");
    assertThat(session.run().data().numFeatures()).isEqualTo(3);
    assertThat(session.parameters().rows()).hasSize(4);
  }

  @Test
  void stepAdvancesExactlyOneMinibatchByMinusLrTimesGrad(FxRobot robot) throws Exception {
    TrainingRun run = session.run();
    double[] w0 = run.model().w().toArray();
    double b0 = run.model().b().item();
    double lr = run.learningRate();

    robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
    waitUntil(() -> session.stepsProperty().get() == 1 && !session.isBusy());

    assertThat(session.batchProperty().get()).isEqualTo(1);
    assertThat(session.epochProperty().get()).isEqualTo(1);
    assertThat(robot.lookup("#status").queryAs(Label.class).getText())
        .contains("batch 1/32", "step 1");
    // the gradient of mean((Xw + b − y)²/2), by hand
    Batch batch = run.currentBatch();
    int m = batch.size();
    double[] x = batch.x().toArray();
    double[] y = batch.y().toArray();
    double[] gw = new double[2];
    double gb = 0;
    for (int i = 0; i < m; i++) {
      double r = x[2 * i] * w0[0] + x[2 * i + 1] * w0[1] + b0 - y[i];
      gw[0] += r * x[2 * i] / m;
      gw[1] += r * x[2 * i + 1] / m;
      gb += r / m;
    }
    double[] w1 = run.model().w().toArray();
    assertThat(w1[0]).isCloseTo(w0[0] - lr * gw[0], within(1e-12));
    assertThat(w1[1]).isCloseTo(w0[1] - lr * gw[1], within(1e-12));
    assertThat(run.model().b().item()).isCloseTo(b0 - lr * gb, within(1e-12));
    assertThat(session.parameters().rows().get(0).learned()).isEqualTo(w1[0]);

    robot.clickOn("#step");
    waitUntil(() -> session.stepsProperty().get() == 2 && !session.isBusy());
    assertThat(session.batchProperty().get()).isEqualTo(2);
  }

  @Test
  void stepEpochRunsToTheEpochsEndAndValidates(FxRobot robot) throws Exception {
    robot.press(KeyCode.SHIFT).press(KeyCode.RIGHT).release(KeyCode.RIGHT).release(KeyCode.SHIFT);
    waitUntil(() -> session.stepsProperty().get() == 32 && !session.isBusy());
    assertThat(session.run().history()).hasSize(1);
    assertThat(session.epochProperty().get()).isEqualTo(2);
    assertThat(session.batchProperty().get()).isEqualTo(0);
    assertThat(session.state()).isEqualTo(State.PAUSED);
  }

  @Test
  void playTrainsTheChapterAndTheParametersApproachTheTruth(FxRobot robot) throws Exception {
    robot.interact(() -> settings.epochs.set(10));
    robot.interact(() -> settings.speed.positionProperty().set(SpeedSetting.MAX_POSITION));
    double initialError = Math.abs(session.parameters().rows().get(0).error());
    robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
    waitUntil(() -> session.state() == State.FINISHED);
    assertThat(session.stepsProperty().get()).isEqualTo(320);
    assertThat(robot.lookup("#status").queryAs(Label.class).getText())
        .contains("epoch 10/10", "finished");
    for (var row : session.parameters().rows()) {
      assertThat(Math.abs(row.error())).as(row.name()).isLessThan(0.005);
    }
    assertThat(initialError).isGreaterThan(1.0);
    assertThat(robot.lookup("#learned-b").queryAs(Label.class).getText()).startsWith("4.19");
    LossChartView chart = robot.lookup(".loss-chart-view").queryAs(LossChartView.class);
    assertThat(chart.series(LossSeries.MINIBATCH).getData()).hasSize(320);
    assertThat(chart.series(LossSeries.AVERAGED).getData()).hasSize(20);
    assertThat(chart.series(LossSeries.VALIDATION).getData()).hasSize(10);
    assertThat(chart.series(LossSeries.VALIDATION).getData().get(9).getYValue().doubleValue())
        .isEqualTo(session.run().history().get(9).valLoss());
  }

  @Test
  void pauseStopsBetweenMinibatchesAndPlayResumes(FxRobot robot) throws Exception {
    robot.interact(() -> settings.epochs.set(100));
    robot.interact(() -> settings.speed.positionProperty().set(2)); // 100 steps/s
    robot.clickOn("#play");
    waitUntil(() -> session.stepsProperty().get() >= 3);
    robot.clickOn("#play");
    waitUntil(() -> session.state() == State.PAUSED && !session.isBusy());
    long steps = session.run().trainBatchIdx();
    assertThat(session.stepsProperty().get()).isEqualTo(steps);
    assertThat(robot.lookup("#message").queryAs(Label.class).getText())
        .isEqualTo("Paused between minibatches: Space to go on, → to step");
    assertThat(robot.lookup("#play").queryAs(javafx.scene.control.Button.class).getText())
        .isEqualTo("Play");
    robot.clickOn("#play");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(session.state()).isEqualTo(State.RUNNING);
    waitUntil(() -> session.stepsProperty().get() > steps);
    assertThat(session.run().trainBatchIdx()).isGreaterThan(steps);
  }

  @Test
  void pauseDuringStepEpochStopsMidEpoch(FxRobot robot) throws Exception {
    robot.interact(() -> settings.numTrain.submit("100000"));
    robot.interact(() -> settings.batchSize.submit("1"));
    waitIdle(); // 100,000 rows build on the training thread
    // the training thread stops at minibatch 20 until the pause has been asked for
    CountDownLatch atTwenty = new CountDownLatch(1);
    CountDownLatch paused = new CountDownLatch(1);
    session.addTrainingThreadListener(
        e -> {
          if (e instanceof BatchDone b && b.step() == 20) {
            atTwenty.countDown();
            await(paused);
          }
        });
    robot.clickOn("#step-epoch"); // 100,000 minibatches
    assertThat(atTwenty.await(20, TimeUnit.SECONDS)).isTrue();
    robot.interact(session::playPause); // what Space does
    paused.countDown();

    waitUntil(() -> session.state() == State.PAUSED && !session.isBusy());
    assertThat(session.run().history()).isEmpty();
    assertThat(session.epochProperty().get()).isEqualTo(1);
    assertThat(session.batchProperty().get()).isEqualTo(20);
    assertThat(session.run().trainBatchIdx()).isEqualTo(20);
    assertThat(robot.lookup("#message").queryAs(Label.class).getText())
        .isEqualTo("Paused between minibatches: Space to go on, → to step");
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aNewLearningRateActsFromTheNextStepWhilePlaying(FxRobot robot) throws Exception {
    robot.interact(() -> settings.epochs.set(100));
    robot.interact(() -> settings.speed.positionProperty().set(2));
    // the training thread stops after minibatch 5 until η has been changed
    List<BatchDone> batches = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch atFive = new CountDownLatch(1);
    CountDownLatch changed = new CountDownLatch(1);
    session.addTrainingThreadListener(
        e -> {
          if (e instanceof BatchDone b) {
            batches.add(b);
            if (b.step() == 5) {
              atFive.countDown();
              await(changed);
            }
          }
        });
    robot.clickOn("#play");
    assertThat(atFive.await(20, TimeUnit.SECONDS)).isTrue();
    TrainingRun run = session.run();
    type(robot, "learning-rate-field", "0.1");
    changed.countDown();
    waitUntil(() -> session.stepsProperty().get() >= 8);
    assertThat(session.run()).isSameAs(run);
    assertThat(session.state()).isEqualTo(State.RUNNING);
    robot.clickOn("#play");
    waitIdle();

    // recompute each update by hand from the minibatch it used: steps 2-5 took η = 0.03, the
    // steps after the change took η = 0.1
    for (int k = 1; k < 8; k++) {
      BatchDone before = batches.get(k - 1);
      BatchDone after = batches.get(k);
      double eta = after.step() <= 5 ? 0.03 : 0.1;
      assertThat(after.learningRate()).as("step %d", after.step()).isEqualTo(eta);
      Batch batch = run.data().trainLoader(after.epoch()).get(after.batchIndex());
      double[] expected = sgdStep(before.w(), before.b(), batch, eta);
      double[] w = after.w();
      for (int j = 0; j < w.length; j++) {
        assertThat(w[j])
            .as("w%d after step %d", j + 1, after.step())
            .isCloseTo(expected[j], within(1e-12));
      }
      assertThat(after.b())
          .as("b after step %d", after.step())
          .isCloseTo(expected[w.length], within(1e-12));
    }
  }

  /** w and b after one SGD step on mean((Xw + b − y)²/2), by hand: {w1 … wd, b}. */
  private static double[] sgdStep(double[] w, double b, Batch batch, double eta) {
    int m = batch.size();
    int d = w.length;
    double[] x = batch.x().toArray();
    double[] y = batch.y().toArray();
    double[] grad = new double[d + 1];
    for (int i = 0; i < m; i++) {
      double r = b - y[i];
      for (int j = 0; j < d; j++) {
        r += x[d * i + j] * w[j];
      }
      for (int j = 0; j < d; j++) {
        grad[j] += r * x[d * i + j] / m;
      }
      grad[d] += r / m;
    }
    double[] next = new double[d + 1];
    for (int j = 0; j < d; j++) {
      next[j] = w[j] - eta * grad[j];
    }
    next[d] = b - eta * grad[d];
    return next;
  }

  @Test
  void changingNoiseOrSigmaRestartsAndSaysWhy(FxRobot robot) throws Exception {
    robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
    waitUntil(() -> session.stepsProperty().get() == 1 && !session.isBusy());
    type(robot, "noise-field", "0.5");
    assertThat(session.stepsProperty().get()).isZero();
    assertThat(robot.lookup("#message").queryAs(Label.class).getText())
        .isEqualTo("noise changed: a fresh run is ready (Space to play)");
    type(robot, "init-sigma-field", "0");
    assertThat(robot.lookup("#message").queryAs(Label.class).getText())
        .startsWith("init σ changed");
    assertThat(session.run().model().w().toArray()).containsOnly(0.0);
  }

  @Test
  void resetWhilePlayingGivesAFreshRunThatPlays(FxRobot robot) throws Exception {
    robot.interact(() -> settings.epochs.set(100));
    robot.interact(() -> settings.speed.positionProperty().set(2));
    robot.clickOn("#play");
    waitUntil(() -> session.stepsProperty().get() >= 2);
    robot.clickOn("#reset");
    waitUntil(() -> !session.isBusy());
    assertThat(session.state()).isEqualTo(State.READY);
    assertThat(session.stepsProperty().get()).isZero();
    assertThat(session.run().trainBatchIdx()).isZero();
    robot.clickOn("#play");
    waitUntil(() -> session.stepsProperty().get() >= 2);
    assertThat(session.state()).isEqualTo(State.RUNNING);
  }

  @Test
  void raisingTheEpochsAfterTheRunFinishedGoesOn(FxRobot robot) throws Exception {
    robot.interact(() -> settings.speed.positionProperty().set(SpeedSetting.MAX_POSITION));
    robot.clickOn("#play");
    waitUntil(() -> session.state() == State.FINISHED);
    TrainingRun run = session.run();
    type(robot, "epochs-field", "4");
    waitIdle(); // the training thread makes the change
    assertThat(session.state()).isEqualTo(State.PAUSED);
    assertThat(session.run()).isSameAs(run);
    robot.clickOn("#play");
    waitUntil(() -> session.state() == State.FINISHED);
    assertThat(session.stepsProperty().get()).isEqualTo(128);
    assertThat(run.history()).hasSize(4);
    type(robot, "epochs-field", "2");
    waitIdle();
    assertThat(session.state()).isEqualTo(State.FINISHED);
    assertThat(session.run()).isSameAs(run);
  }

  @Test
  void resetClearsTheRun(FxRobot robot) throws Exception {
    robot.press(KeyCode.SHIFT).press(KeyCode.RIGHT).release(KeyCode.RIGHT).release(KeyCode.SHIFT);
    waitUntil(() -> session.stepsProperty().get() == 32 && !session.isBusy());
    TrainingRun before = session.run();
    robot.press(KeyCode.R).release(KeyCode.R);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(session.run()).isNotSameAs(before);
    assertThat(session.run().trainBatchIdx()).isZero();
    assertThat(session.stepsProperty().get()).isZero();
    assertThat(session.state()).isEqualTo(State.READY);
    assertThat(robot.lookup("#status").queryAs(Label.class).getText()).contains("step 0", "ready");
    assertThat(session.parameters().rows().get(0).learned())
        .isEqualTo(session.run().model().w().toArray()[0]);
    LossChartView chart = robot.lookup(".loss-chart-view").queryAs(LossChartView.class);
    assertThat(chart.series(LossSeries.MINIBATCH).getData()).isEmpty();
  }

  @Test
  void aLearningRateOfFiveShowsTheDivergenceBanner(FxRobot robot) throws Exception {
    type(robot, "learning-rate-field", "5");
    robot.interact(() -> settings.speed.positionProperty().set(SpeedSetting.MAX_POSITION));
    robot.clickOn("#play");
    waitUntil(() -> session.state() == State.DIVERGED);
    Label banner = robot.lookup("#divergence-banner").queryAs(Label.class);
    assertThat(banner.isVisible()).isTrue();
    // the banner names the step the status bar counts, and a rate computed from these data
    assertThat(banner.getText())
        .matches(
            "Diverged at epoch 1, step \\d+: loss = .+ — try a learning rate of 0\\.5"
                + " \\(stable below 1\\.\\d for these data and batch 32\\)");
    assertThat(banner.getText())
        .contains("step " + session.stepsProperty().get() + ":")
        .contains(session.stabilityBoundProperty().get().describe());
    assertThat(session.stepsProperty().get()).isEqualTo(session.run().divergence().step());
    assertThat(session.stepsProperty().get()).isLessThan(20);
    // the controls keep working: a smaller learning rate starts a healthy run
    type(robot, "learning-rate-field", "0.03");
    assertThat(session.state()).isEqualTo(State.READY);
    assertThat(banner.isVisible()).isFalse();
  }

  @Test
  void badTextIsRefusedBesideTheFieldAndLeavesTheRunAlone(FxRobot robot) throws Exception {
    robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
    waitUntil(() -> session.stepsProperty().get() == 1 && !session.isBusy());
    TrainingRun run = session.run();

    type(robot, "learning-rate-field", "abc");
    TextField field = robot.lookup("#learning-rate-field").queryAs(TextField.class);
    Label error = robot.lookup("#learning-rate-error").queryAs(Label.class);
    assertThat(field.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("invalid"));
    assertThat(error.isVisible()).isTrue();
    assertThat(error.getText()).isEqualTo("“abc” is not a number");
    assertThat(settings.learningRate.value()).isEqualTo(0.03);

    type(robot, "batch-size-field", "0");
    assertThat(robot.lookup("#batch-size-error").queryAs(Label.class).getText())
        .isEqualTo("batch size must be between 1 and 1000");
    type(robot, "true-w-field", "1, x");
    assertThat(robot.lookup("#true-w-error").queryAs(Label.class).getText())
        .isEqualTo("entry 2, “x”, is not a number");

    assertThat(session.run()).isSameAs(run);
    assertThat(run.trainBatchIdx()).isEqualTo(1);
    assertThat(session.stepsProperty().get()).isEqualTo(1);

    type(robot, "learning-rate-field", "0.05");
    assertThat(error.isVisible()).isFalse();
    assertThat(field.getPseudoClassStates()).doesNotContain(PseudoClass.getPseudoClass("invalid"));
    assertThat(session.run()).isSameAs(run);
  }

  @Test
  void closingDuringTrainingEndsTheTrainingThread(FxRobot robot) throws Exception {
    robot.interact(() -> settings.epochs.set(100));
    robot.interact(() -> settings.speed.positionProperty().set(3));
    robot.clickOn("#play");
    waitUntil(() -> session.stepsProperty().get() > 0);
    var training =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith("descent-training"))
            .toList();
    assertThat(training).isNotEmpty().allMatch(Thread::isDaemon);
    robot.interact(stage::close);
    for (Thread t : training) {
      t.join(2000);
      assertThat(t.isAlive()).as(t.getName()).isFalse();
    }
  }
}
