package descent.app;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.session.TrainingSession;
import descent.app.session.TrainingSession.State;
import descent.app.settings.SettingsModel;
import descent.app.settings.SpeedSetting;
import descent.run.DataSource;
import descent.run.RunConfig;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The largest run the app accepts, 100,000 training and 100,000 validation rows of 10 features,
 * trains at full speed in the window with the heap below 256 MB after a collection
 * (docs/limits.md). It reads the whole JVM's heap, so it runs in a JVM of its own (tag {@code
 * own-jvm}, the pom's surefire execution of that name): in the JVM the other tests share, what they
 * leave behind is counted too (one such run read 460 MB).
 */
@Tag("own-jvm")
@ExtendWith(ApplicationExtension.class)
class LargestRunHeapTest {
  private static final long MB = 1024 * 1024;
  private static final int EPOCHS = 10;

  private TrainingSession session;

  @Start
  void start(Stage stage) {
    session = DescentApp.show(stage);
  }

  @AfterEach
  void stop(FxRobot robot) {
    robot.interact(session::shutdown);
  }

  private static void waitUntil(long seconds, Callable<Boolean> condition) throws Exception {
    FxWait.until(seconds, condition);
  }

  private static long heapAfterGc() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  @Test
  void theLargestRunTrainsAtFullSpeedInUnder256MegabytesOfHeap(FxRobot robot) throws Exception {
    int rows = SettingsModel.MAX_ROWS;
    double[] w = new double[SettingsModel.MAX_FEATURES];
    java.util.Arrays.fill(w, 1);
    RunConfig largest =
        RunConfig.chapter(7)
            .withData(new DataSource.Synthetic(w, 4.2, 0.01, rows, rows))
            .withEpochs(EPOCHS);
    long before = heapAfterGc();
    robot.interact(
        () -> {
          session.settings().speed.positionProperty().set(SpeedSetting.MAX_POSITION);
          session.load(largest, "largest");
        });
    waitUntil(
        120,
        () ->
            !session.isBusy()
                && session.state() == State.READY
                && session.run().data().numTrain() == rows
                && session.run().data().numVal() == rows);
    CountDownLatch over = new CountDownLatch(1);
    robot.interact(
        () -> {
          session
              .stateProperty()
              .addListener(
                  (obs, was, now) -> {
                    if (now == State.FINISHED || now == State.DIVERGED) {
                      over.countDown();
                    }
                  });
          session.play();
        });
    assertThat(over.await(10, TimeUnit.MINUTES)).as("the run ends").isTrue();
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(session.state()).isEqualTo(State.FINISHED);
    assertThat(session.stepsProperty().get())
        .isEqualTo((long) EPOCHS * ((rows + 31) / 32)); // the chapter's batch size, 32
    long after = heapAfterGc();
    System.out.printf(
        "largest run (%,d + %,d rows × %d features, %d epochs at full speed): heap after GC %d MB"
            + " (before loading %d MB), max heap %d MB%n",
        rows,
        rows,
        w.length,
        EPOCHS,
        after / MB,
        before / MB,
        Runtime.getRuntime().maxMemory() / MB);
    assertThat(after).isLessThan(256 * MB);
  }
}
