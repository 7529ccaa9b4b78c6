package descent.app.session;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.FxWait;
import descent.app.session.TrainingSession.State;
import descent.app.settings.SettingsModel;
import descent.app.settings.SpeedSetting;
import descent.run.DataSource;
import descent.run.RunConfig;
import descent.train.StabilityBound;
import descent.train.TrainingEvent;
import descent.train.TrainingEvent.BatchDone;
import descent.train.TrainingEvent.EpochDone;
import descent.train.TrainingEvent.RunFinished;
import descent.train.TrainingListener;
import descent.train.TrainingRun;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The session's threading, without the window: a run is only ever stepped on the training thread,
 * changes of epochs reach it there, and its events reach the FX thread bounded and complete.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingSessionTest {
  private Thread fxThread;
  private TrainingSession session;
  private SettingsModel settings;

  /** The thread of every minibatch any run of the session trained. */
  private final List<Thread> trainedOn = Collections.synchronizedList(new ArrayList<>());

  @Start
  void start(Stage stage) {
    fxThread = Thread.currentThread();
  }

  private void open(FxRobot robot, int inboxCapacity) {
    robot.interact(
        () -> {
          settings = new SettingsModel();
          session = new TrainingSession(settings, inboxCapacity);
          session.addTrainingThreadListener(
              e -> {
                if (e instanceof BatchDone) {
                  trainedOn.add(Thread.currentThread());
                }
              });
        });
  }

  @AfterEach
  void noMinibatchEverTrainedOnTheFxThread(FxRobot robot) {
    if (session != null) {
      robot.interact(session::shutdown);
    }
    assertThat(trainedOn).doesNotContain(fxThread);
  }

  /** Waits for {@code condition}, evaluated on the FX thread where the session lives. */
  private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
    FxWait.until(20, condition);
  }

  private void waitIdle() throws TimeoutException {
    waitUntil(() -> !session.isBusy());
  }

  /** Waits on the calling thread (here the FX thread, held on purpose) for {@code condition}. */
  private static void hold(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }

  @Test
  void aLoadedConfigTrainsExactlyTheRunItDescribesAndStartsOneRun(FxRobot robot) throws Exception {
    open(robot, EventInbox.DEFAULT_CAPACITY);
    RunConfig config =
        new RunConfig(
            new DataSource.Synthetic(new double[] {1.5, -2, 0.5}, -1, 0.2, 40, 20),
            0.3,
            0.5,
            8,
            2,
            0.25, // bites: the first gradients are much longer
            false,
            false,
            7);
    TrainingRun[] before = new TrainingRun[1];
    robot.interact(() -> before[0] = session.run());
    robot.interact(() -> session.load(config, "Loaded"));
    waitIdle();
    assertThat(session.messageProperty().get()).startsWith("Loaded");
    RunConfig shown = WaitForAsyncUtils.asyncFx(settings::config).get();
    assertThat(shown).isEqualTo(config);
    TrainingRun run = session.run();
    assertThat(run).isNotSameAs(before[0]);
    assertThat(run.gradientClipVal()).isEqualTo(0.25);
    assertThat(run.data().shuffle()).isFalse();

    robot.interact(session::stepEpoch);
    waitIdle();
    TrainingRun reference =
        config
            .spec()
            .newTrainer()
            .prepare(config.spec().newModel(3), config.loadData(), TrainingListener.NONE);
    reference.stepEpoch();
    assertThat(run.model().w().toArray()).containsExactly(reference.model().w().toArray());
    assertThat(run.model().b().item()).isEqualTo(reference.model().b().item());
    assertThat(reference.lastGradientNorm()).isNotZero();
  }

  /**
   * Found by the monkey (seed 12345): with z-scores on, one training row leaves every feature
   * constant, and building that run threw on the FX thread. The status bar says why, and the run
   * that was there stays.
   */
  @Test
  void aResetWhilePlayingAsFastAsPossibleShowsTheFreshRunsParametersNotTheOldRuns(FxRobot robot)
      throws Exception {
    open(robot, EventInbox.DEFAULT_CAPACITY);
    robot.interact(
        () -> {
          settings.numTrain.set(15_000); // small: a reset builds the fresh run at once
          settings.batchSize.set(1);
          settings.epochs.set(100);
          settings.speed.positionProperty().set(SpeedSetting.MAX_POSITION);
        });
    waitUntil(() -> !session.isBusy() && session.batchesPerEpochProperty().get() == 15_000);
    double w0 = session.parameters().rows().get(0).learned();
    robot.interact(session::play);
    // a few updates shown; between updates the frames take events they do not show yet
    waitUntil(() -> session.stepsProperty().get() > 50_000);
    robot.interact(session::reset);
    waitUntil(() -> session.state() == State.READY && !session.isBusy());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(session.stepsProperty().get()).isZero();
    assertThat(session.parameters().rows().get(0).learned())
        .as("the fresh run's w1, not the last w1 the old run's frames took")
        .isEqualTo(w0);
  }

  @Test
  void settingsThatMakeNoRunLeaveTheCurrentRunAndSayWhy(FxRobot robot) throws Exception {
    open(robot, EventInbox.DEFAULT_CAPACITY);
    robot.interact(() -> settings.standardize.set(true));
    waitIdle();
    TrainingRun[] before = new TrainingRun[1];
    robot.interact(() -> before[0] = session.run());
    assertThat(before[0].data().numTrain()).isEqualTo(1000);

    robot.interact(() -> settings.numTrain.set(1));
    waitIdle();

    assertThat(session.messageProperty().get())
        .isEqualTo(
            "Could not build a fresh run: cannot standardise feature x1: it is constant over the"
                + " training rows; the current run stays");
    assertThat(session.run()).isSameAs(before[0]);
    robot.interact(session::stepEpoch);
    waitIdle();
    assertThat(session.run().epoch()).isEqualTo(1); // and it still trains
  }

  @Test
  void loweringTheEpochsMidEpochWhilePausedTrainsNothing(FxRobot robot) throws Exception {
    open(robot, EventInbox.DEFAULT_CAPACITY);
    robot.interact(session::stepEpoch);
    waitIdle();
    robot.interact(session::stepEpoch);
    waitIdle();
    robot.interact(session::step); // paused one minibatch into the third epoch
    waitIdle();
    assertThat(session.stepsProperty().get()).isEqualTo(65);
    int trained = trainedOn.size();

    robot.interact(() -> settings.epochs.set(2));
    waitIdle();
    assertThat(trainedOn).hasSize(trained);
    assertThat(session.run().trainBatchIdx()).isEqualTo(65);
    assertThat(session.stepsProperty().get()).isEqualTo(65);
    assertThat(session.state()).isEqualTo(State.PAUSED);
    assertThat(session.maxEpochsProperty().get()).isEqualTo(3);
    assertThat(session.messageProperty().get())
        .isEqualTo("Epochs set to 2: this run ends when epoch 3 ends");

    robot.interact(session::stepEpoch);
    waitUntil(() -> session.state() == State.FINISHED && !session.isBusy());
    assertThat(session.stepsProperty().get()).isEqualTo(96);
    assertThat(session.run().history()).hasSize(3);
  }

  @Test
  void loweringTheEpochsAtABoundaryFinishesTheRunWithoutTraining(FxRobot robot) throws Exception {
    open(robot, EventInbox.DEFAULT_CAPACITY);
    robot.interact(session::stepEpoch);
    waitIdle();
    robot.interact(session::stepEpoch);
    waitIdle();

    robot.interact(() -> settings.epochs.set(2));
    waitIdle();
    assertThat(session.state()).isEqualTo(State.FINISHED);
    assertThat(session.run().isOver()).isTrue();
    assertThat(trainedOn).hasSize(64);
    assertThat(session.messageProperty().get()).isEqualTo("Finished 2 epochs, 64 steps");
    assertThat(session.epochProperty().get()).isEqualTo(2);
    assertThat(session.batchProperty().get()).isEqualTo(32);
  }

  @Test
  void raisingTheEpochsJustAsTheLastEpochEndsLeavesARunThatGoesOn(FxRobot robot) throws Exception {
    open(robot, EventInbox.DEFAULT_CAPACITY);
    AtomicReference<Thread> training = new AtomicReference<>();
    CountDownLatch finished = new CountDownLatch(1);
    session.addTrainingThreadListener(
        e -> {
          if (e instanceof RunFinished) {
            training.set(Thread.currentThread());
            finished.countDown();
          }
        });
    robot.interact(() -> settings.speed.positionProperty().set(SpeedSetting.MAX_POSITION));

    // the FX thread is held while the run plays to its end and its task returns: the window has
    // not yet heard that the task ended, so the new epochs arrive at the worst moment
    robot.interact(
        () -> {
          session.play();
          try {
            assertThat(finished.await(20, TimeUnit.SECONDS)).isTrue();
          } catch (InterruptedException e) {
            throw new AssertionError(e);
          }
          hold(() -> training.get().getState() == Thread.State.WAITING); // the task returned
          assertThat(session.isBusy()).isTrue();
          settings.epochs.set(4);
        });
    waitIdle();
    assertThat(session.run().isOver()).isFalse();
    assertThat(session.state()).isEqualTo(State.PAUSED);
    assertThat(session.messageProperty().get())
        .isEqualTo("Epochs raised to 4: Play or Step to go on from here");
    assertThat(session.epochProperty().get()).isEqualTo(4);
    assertThat(session.maxEpochsProperty().get()).isEqualTo(4);

    robot.interact(session::play);
    waitUntil(() -> session.state() == State.FINISHED && !session.isBusy());
    assertThat(session.stepsProperty().get()).isEqualTo(128);
    assertThat(session.run().history()).hasSize(4);

    // fewer epochs than a finished run made: what is done stays done, and the status says so
    robot.interact(() -> settings.epochs.set(2));
    waitIdle();
    assertThat(session.state()).isEqualTo(State.FINISHED);
    assertThat(session.maxEpochsProperty().get()).isEqualTo(4);
    assertThat(session.messageProperty().get())
        .isEqualTo("Epochs set to 2: this run already made 4");
  }

  @Test
  void raisingTheEpochsWhilePlayingCarriesTheSameTaskOn(FxRobot robot) throws Exception {
    open(robot, EventInbox.DEFAULT_CAPACITY);
    CountDownLatch inLastEpoch = new CountDownLatch(1);
    CountDownLatch raised = new CountDownLatch(1);
    session.addTrainingThreadListener(
        e -> {
          if (e instanceof BatchDone b && b.step() == 70) {
            inLastEpoch.countDown();
            await(raised);
          }
        });
    robot.interact(() -> settings.speed.positionProperty().set(SpeedSetting.MAX_POSITION));
    robot.interact(session::play);
    assertThat(inLastEpoch.await(20, TimeUnit.SECONDS)).isTrue();
    robot.interact(() -> settings.epochs.set(5));
    raised.countDown();

    waitUntil(() -> session.state() == State.FINISHED && !session.isBusy());
    assertThat(session.stepsProperty().get()).isEqualTo(160);
    assertThat(session.run().history()).hasSize(5);
    assertThat(session.messageProperty().get()).isEqualTo("Finished 5 epochs, 160 steps");
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aStalledWindowKeepsTheInboxBoundedAndThenShowsEveryEvent(FxRobot robot) throws Exception {
    open(robot, 500);
    robot.interact(() -> settings.numTrain.set(2000));
    robot.interact(() -> settings.batchSize.set(1)); // 3 epochs of 2,000 minibatches
    List<TrainingEvent> shown = new ArrayList<>();
    robot.interact(
        () ->
            session.addFrameListener(
                new TrainingSession.FrameListener() {
                  @Override
                  public void onEvents(List<TrainingEvent> events) {
                    shown.addAll(events);
                  }

                  @Override
                  public void onReset() {
                    shown.clear();
                  }
                }));
    robot.interact(() -> settings.speed.positionProperty().set(SpeedSetting.MAX_POSITION));
    robot.interact(session::play);

    // the FX thread stalls: no frame takes the events, and training waits once 500 are waiting
    robot.interact(
        () -> {
          EventInbox inbox = session.inbox();
          hold(() -> inbox.size() >= 500 && trainedOn.get(0).getState() == Thread.State.WAITING);
          // 500 minibatches wait, perhaps with an EpochDone; the next minibatch waits for room
          assertThat(inbox.size()).isBetween(500, 501);
          assertThat(inbox.waits()).isPositive();
        });

    waitUntil(() -> session.state() == State.FINISHED && !session.isBusy());
    TrainingRun run = session.run();
    List<Long> steps = new ArrayList<>();
    List<EpochDone> epochs = new ArrayList<>();
    for (TrainingEvent e : shown) {
      if (e instanceof BatchDone b) {
        steps.add(b.step());
      } else if (e instanceof EpochDone d) {
        epochs.add(d);
      }
    }
    assertThat(steps).hasSize(6000);
    for (int i = 0; i < steps.size(); i++) {
      assertThat(steps.get(i)).isEqualTo(i + 1L);
    }
    assertThat(steps.get(steps.size() - 1)).isEqualTo(run.trainBatchIdx());
    assertThat(epochs).isEqualTo(run.history());
    assertThat(shown.get(shown.size() - 1)).isEqualTo(new RunFinished(3, 6000));
    assertThat(session.stepsProperty().get()).isEqualTo(6000);
    assertThat(session.parameters().rows().get(0).learned())
        .isEqualTo(run.model().w().toArray()[0]);
  }

  @Test
  void largeDataBuildOffTheFxThreadWhileTheOldRunStays(FxRobot robot) throws Exception {
    open(robot, EventInbox.DEFAULT_CAPACITY);
    TrainingRun before = session.run();
    robot.interact(
        () -> {
          settings.numTrain.set(100_000);
          settings.batchSize.set(1); // a second request: only this one is installed
          // the FX thread returned before the data were built: the old run is still current
          assertThat(session.run()).isSameAs(before);
          assertThat(session.isBusy()).isTrue();
          assertThat(session.messageProperty().get())
              .isEqualTo("batch size changed: building a fresh run on 100,000 + 1,000 rows…");
          session.step();
          assertThat(session.messageProperty().get())
              .isEqualTo("A fresh run is being built: one moment");
        });
    waitIdle();
    TrainingRun after = session.run();
    assertThat(after).isNotSameAs(before);
    assertThat(after.data().numTrain()).isEqualTo(100_000);
    assertThat(after.data().batchSize()).isEqualTo(1);
    assertThat(before.trainBatchIdx()).isZero();
    assertThat(session.batchesPerEpochProperty().get()).isEqualTo(100_000);
    assertThat(session.state()).isEqualTo(State.READY);
    assertThat(session.messageProperty().get())
        .isEqualTo("batch size changed: a fresh run is ready (Space to play)");
    assertThat(session.stabilityBoundProperty().get().batchSize()).isEqualTo(1);
  }

  @Test
  void aDivergedRunCountsItsLastStepAndSuggestsARateThatTrains(FxRobot robot) throws Exception {
    open(robot, EventInbox.DEFAULT_CAPACITY);
    robot.interact(() -> settings.learningRate.set(5));
    robot.interact(() -> settings.speed.positionProperty().set(SpeedSetting.MAX_POSITION));
    robot.interact(session::play);
    waitUntil(() -> session.state() == State.DIVERGED && !session.isBusy());

    long step = session.run().divergence().step();
    assertThat(session.stepsProperty().get()).isEqualTo(step);
    StabilityBound bound = session.stabilityBoundProperty().get();
    assertThat(bound.isStable(5)).isFalse();
    String banner = session.divergenceProperty().get();
    assertThat(banner)
        .startsWith("Diverged at epoch 1, step " + step + ": loss = ")
        .endsWith(
            " — try a learning rate of "
                + DivergenceText.rate(bound.suggestedRate())
                + " ("
                + bound.describe()
                + ")");

    // the suggestion works: a fresh run at that rate learns the truth
    robot.interact(() -> settings.learningRate.set(bound.suggestedRate()));
    assertThat(session.divergenceProperty().get()).isNull();
    robot.interact(session::play);
    waitUntil(() -> session.state() == State.FINISHED && !session.isBusy());
    assertThat(session.run().history().get(2).valLoss()).isLessThan(1e-3);
  }
}
