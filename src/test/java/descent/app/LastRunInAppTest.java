package descent.app;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.prefs.PreferencesStore;
import descent.app.runfile.LastRun;
import descent.app.session.TrainingSession;
import descent.run.RunConfig;
import descent.run.RunFile;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The last session's settings come back at the next launch; a bad file gives the defaults. */
@ExtendWith(ApplicationExtension.class)
class LastRunInAppTest {
  @TempDir Path dir;
  private Stage stage;
  private TrainingSession session;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @AfterEach
  void stop(FxRobot robot) {
    if (session != null) {
      robot.interact(session::shutdown);
    }
  }

  private void launch(FxRobot robot) {
    robot.interact(() -> session = DescentApp.show(stage, new PreferencesStore(dir)));
    WaitForAsyncUtils.waitForFxEvents();
  }

  private String field(FxRobot robot, String id) {
    return robot.lookup("#" + id).queryAs(TextField.class).getText();
  }

  @Test
  void closingSavesTheSettingsAndTheNextLaunchRestoresThem(FxRobot robot) throws Exception {
    launch(robot);
    robot.interact(() -> session.load(RunConfig.chapter(7).withLr(0.3).withClip(2), "test"));
    robot.interact(stage::hide);
    Path last = dir.resolve(LastRun.FILE_NAME);
    assertThat(RunFile.read(last)).isEqualTo(RunConfig.chapter(7).withLr(0.3).withClip(2));

    launch(robot);
    assertThat(field(robot, "learning-rate-field")).isEqualTo("0.3");
    assertThat(field(robot, "clip-norm-field")).isEqualTo("2");
    assertThat(field(robot, "seed-field")).isEqualTo("7");
    assertThat(robot.lookup("#message").queryAs(Label.class).getText())
        .startsWith("Restored the last session's settings");
  }

  @Test
  void aCorruptFileGivesTheDefaultsAndSaysSo(FxRobot robot) throws Exception {
    Files.writeString(dir.resolve(LastRun.FILE_NAME), "{ not json");
    launch(robot);
    assertThat(field(robot, "learning-rate-field")).isEqualTo("0.03");
    assertThat(robot.lookup("#message").queryAs(Label.class).getText())
        .startsWith("The last session's settings were not restored (")
        .endsWith("): these are the defaults");
  }
}
