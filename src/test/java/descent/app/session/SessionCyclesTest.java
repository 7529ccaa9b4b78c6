package descent.app.session;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.settings.SettingsModel;
import descent.app.settings.SpeedSetting;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Starting and stopping runs leaks nothing: a reset while a run trains at full speed leaves one
 * training thread, not two; 100 sessions opened, played at full speed and shut down leave no
 * training thread behind, and the heap after a full GC ends where it started, give or take {@link
 * #HEAP_BOUND} (ADR 0037 gives the numbers behind it).
 */
@ExtendWith(ApplicationExtension.class)
class SessionCyclesTest {
  private static final String THREAD = "descent-training";

  /**
   * How much the heap after GC may grow over 100 cycles. A session kept alive by mistake holds at
   * least its data: 20,000 + 1,000 rows of two features and a target as doubles, 0.5 MB, before its
   * chart series, sample and inbox; 100 leaked sessions would hold over 50 MB. Measured, the heap
   * after GC grew by less than 0.1 MB over 100 cycles. 8 MB leaves room for the noise of a full GC
   * (class loading, JIT, TestFX's own state) and still catches one leaked session in six cycles.
   */
  static final long HEAP_BOUND = 8L << 20;

  @Start
  void start(Stage stage) {}

  private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
  }

  /** Live threads with the training thread's name. */
  private static List<Thread> trainingThreads() {
    List<Thread> found = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals(THREAD) && t.isAlive()) {
        found.add(t);
      }
    }
    return found;
  }

  /** Waits until no more than {@code count} training threads live, for at most 5 s. */
  private static int settleThreads(int count) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    List<Thread> live = trainingThreads();
    while (live.size() > count && System.nanoTime() < end) {
      for (Thread t : live) {
        t.join(50);
      }
      live = trainingThreads();
    }
    return live.size();
  }

  private static long heapAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc(); // a full collection each time; the smallest reading of four is kept
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  private static TrainingSession open(FxRobot robot) {
    TrainingSession[] made = new TrainingSession[1];
    robot.interact(
        () -> {
          SettingsModel settings = new SettingsModel();
          settings.speed.positionProperty().set(SpeedSetting.MAX_POSITION);
          settings.epochs.set(100);
          settings.numTrain.set(20_000); // 62,500 minibatches: still training when stopped
          made[0] = new TrainingSession(settings);
        });
    return made[0];
  }

  /** Plays at full speed until a few minibatches are done. */
  private static void playAWhile(FxRobot robot, TrainingSession session) throws Exception {
    waitUntil(() -> !session.isBusy());
    robot.interact(session::play);
    waitUntil(() -> session.stepsProperty().get() > 3);
  }

  @Test
  void aResetWhileTrainingLeavesOneTrainingThread(FxRobot robot) throws Exception {
    int baseline = settleThreads(0);
    TrainingSession session = open(robot);
    waitUntil(() -> !session.isBusy());
    int most = 0;
    for (int i = 0; i < 100; i++) {
      robot.interact(session::play);
      waitUntil(() -> session.state() == TrainingSession.State.RUNNING);
      if (i % 2 == 0) {
        robot.interact(session::reset); // a fresh run while the old one trains
        waitUntil(() -> session.state() == TrainingSession.State.READY && !session.isBusy());
      } else {
        robot.interact(session::pause);
        waitUntil(() -> session.state() != TrainingSession.State.RUNNING && !session.isBusy());
      }
      most = Math.max(most, trainingThreads().size() - baseline);
    }
    robot.interact(session::shutdown);

    assertThat(most).as("training threads of this session at any time").isEqualTo(1);
    assertThat(settleThreads(baseline)).as("training threads after shutdown").isEqualTo(baseline);
  }

  @Test
  void aHundredSessionsStartedAndShutDownLeakNoThreadAndNoMemory(FxRobot robot) throws Exception {
    int baseline = settleThreads(0);
    for (int i = 0; i < 10; i++) { // warm-up: classes, JIT, the toolkit's caches
      TrainingSession session = open(robot);
      playAWhile(robot, session);
      robot.interact(session::shutdown);
    }
    settleThreads(baseline);
    long heapBefore = heapAfterGc();

    for (int i = 0; i < 100; i++) {
      TrainingSession session = open(robot);
      playAWhile(robot, session);
      robot.interact(session::shutdown);
    }
    int threadsAfter = settleThreads(baseline);
    long heapAfter = heapAfterGc();

    System.out.printf(
        "SessionCyclesTest: heap after GC %.1f MB before, %.1f MB after 100 cycles%n",
        heapBefore / 1e6, heapAfter / 1e6);
    assertThat(threadsAfter).as("training threads after 100 cycles").isEqualTo(baseline);
    assertThat(heapAfter - heapBefore).as("heap growth over 100 cycles").isLessThan(HEAP_BOUND);
  }
}
