package descent.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The start-up line (DESCENT_STARTUP_REPORT): printed once, after the shown window's first frame,
 * never for a scene that is not on screen yet.
 */
@ExtendWith(ApplicationExtension.class)
class StartupReportTest {
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  private static String text(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theLineComesOnceAfterTheShownWindowsFirstFrame(FxRobot robot) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    AtomicInteger readings = new AtomicInteger();
    Scene[] scene = new Scene[1];
    robot.interact(
        () -> {
          scene[0] = new Scene(new StackPane(new Label("content")), 300, 200);
          stage.setScene(scene[0]);
          StartupReport.afterFirstFrame(
              scene[0], out, () -> "reading " + readings.incrementAndGet());
          // pulses while the window is not shown do not count
          scene[0].getRoot().applyCss();
          Platform.requestNextPulse();
        });
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(text(bytes)).isEmpty();

    robot.interact(stage::show);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !text(bytes).isEmpty());
    // later frames add nothing
    for (int i = 0; i < 3; i++) {
      robot.interact(() -> ((StackPane) scene[0].getRoot()).setPrefWidth(100 + Math.random()));
      WaitForAsyncUtils.waitForFxEvents();
    }
    assertThat(text(bytes)).isEqualTo("first frame: reading 1" + System.lineSeparator());
    assertThat(readings).hasValue(1);
  }

  @Test
  void theClockGivesWallAndCpuTimeSinceTheProcessStarted() {
    assertThat(StartupReport.sinceStart()).matches("wall \\d+ ms, cpu \\d+ ms.*");
  }
}
