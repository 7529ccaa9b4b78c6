package descent.app;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.prefs.PreferencesStore;
import descent.app.runfile.LastRun;
import descent.app.session.TrainingSession;
import descent.app.settings.SpeedSetting;
import descent.testing.HeldThread;
import descent.train.TrainingEvent.BatchDone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every way the window goes ends the app the same way, while a run trains at full speed: training
 * stops (its thread is gone within a second), the preferences and the last run are saved, and the
 * toolkit is ended once. The toolkit's end is counted here instead of done, so the tests go on.
 */
@ExtendWith(ApplicationExtension.class)
class AppExitTest {
  @TempDir Path dir;
  private Stage stage;
  private TrainingSession session;
  private AppExit exit;
  private final AtomicInteger toolkitEnds = new AtomicInteger();
  private final AtomicReference<Thread> trainingThread = new AtomicReference<>();

  @AfterEach
  void stop(FxRobot robot) {
    if (session != null) {
      robot.interact(session::shutdown);
    }
    if (stage != null) {
      robot.interact(stage::hide);
    }
  }

  /**
   * Opens the window on a stage of its own and plays 100 epochs of 20,000 rows, one row a
   * minibatch, at full speed.
   */
  private void openAndPlay(FxRobot robot) throws Exception {
    robot.interact(
        () -> {
          stage = new Stage();
          session = DescentApp.show(stage, new PreferencesStore(dir));
          exit = new AppExit(stage, session, toolkitEnds::incrementAndGet);
          session.addTrainingThreadListener(
              e -> {
                if (e instanceof BatchDone) {
                  trainingThread.set(Thread.currentThread());
                }
              });
          session.settings().speed.positionProperty().set(SpeedSetting.MAX_POSITION);
          session.settings().epochs.set(100);
          session.settings().numTrain.set(20_000);
          session.settings().batchSize.set(1); // 2,000,000 minibatches: still training at the end
        });
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> !session.isBusy()).get());
    robot.interact(session::play);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> trainingThread.get() != null);
    assertThat(session.state()).isEqualTo(TrainingSession.State.RUNNING);
  }

  /** Training stopped, what a close saves is saved, and the toolkit was ended once. */
  private void assertEnded() throws Exception {
    Thread training = trainingThread.get();
    training.join(1000);
    assertThat(training.isAlive()).as("the training thread is gone within 1 s").isFalse();
    assertThat(dir.resolve(LastRun.FILE_NAME)).exists();
    assertThat(Files.readString(dir.resolve(LastRun.FILE_NAME))).contains("\"epochs\": 100");
    assertThat(dir.resolve(PreferencesStore.FILE_NAME)).exists();
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(toolkitEnds).hasValue(1);
    assertThat(exit.isEnding()).isTrue();
  }

  @Test
  void theWindowManagersCloseStopsTrainingSavesAndEnds(FxRobot robot) throws Exception {
    openAndPlay(robot);

    robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));

    assertThat(stage.isShowing()).isFalse();
    assertEnded();
  }

  /**
   * A window destroyed from outside ({@code xdotool windowclose}) reaches JavaFX as a hidden stage
   * with no close request: the app still ends, saving as a close does.
   */
  @Test
  void aWindowHiddenWithoutACloseRequestEndsTheApp(FxRobot robot) throws Exception {
    openAndPlay(robot);

    robot.interact(stage::hide);

    assertEnded();
  }

  /** SIGTERM: the shutdown hook stops training and saves through the FX thread, in its budget. */
  @Test
  void theShutdownHookStopsTrainingAndSaves(FxRobot robot) throws Exception {
    openAndPlay(robot);

    long start = System.nanoTime();
    exit.onShutdown(); // true if the FX thread made it in the budget: not always, on a busy machine
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(millis).isLessThan(AppExit.HOOK_BUDGET_MS + 300);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> toolkitEnds.get() == 1);
    assertEnded();
    assertThat(exit.onShutdown()).as("a second signal returns at once").isTrue();
  }

  /**
   * SIGTERM (SIGINT, SIGHUP): the signal's handler ends the app as the hook does, then waits for
   * the FX thread to end with the toolkit, at most its budget (here it never ends: the tests'
   * toolkit lives on), and gives the code a shell expects of a process SIGTERM ended.
   */
  @Test
  void aSignalStopsTrainingSavesAndGivesTheShellsExitCode(FxRobot robot) throws Exception {
    openAndPlay(robot);

    long start = System.nanoTime();
    int code = exit.onSignal(15);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(code).isEqualTo(143);
    assertThat(millis)
        .isBetween(
            AppExit.TOOLKIT_BUDGET_MS - 10,
            AppExit.HOOK_BUDGET_MS + AppExit.TOOLKIT_BUDGET_MS + 500);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> toolkitEnds.get() == 1);
    assertEnded();
  }

  /** A stuck FX thread cannot hold SIGTERM up: the hook gives up after its budget. */
  @Test
  void theShutdownHookDoesNotWaitForAStuckFxThread(FxRobot robot) throws Exception {
    openAndPlay(robot);
    HeldThread stuck = new HeldThread();
    Platform.runLater(stuck);
    stuck.awaitHeld();

    long start = System.nanoTime();
    boolean saved = exit.onShutdown();
    long millis = (System.nanoTime() - start) / 1_000_000;
    stuck.release();

    assertThat(saved).isFalse();
    assertThat(millis).isBetween(AppExit.HOOK_BUDGET_MS - 10, AppExit.HOOK_BUDGET_MS + 500);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> toolkitEnds.get() == 1);
    assertEnded(); // the FX thread, free again, finished the job
  }
}
