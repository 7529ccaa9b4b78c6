package descent.app;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.prefs.Preferences;
import descent.app.prefs.PreferencesStore;
import descent.app.presenter.Presenter;
import descent.app.presenter.Theme;
import descent.app.session.TrainingSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The app with a preferences file in a temporary folder: read at launch, written on change. */
@ExtendWith(ApplicationExtension.class)
class PreferencesInAppTest {
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

  private Presenter launch(FxRobot robot, PreferencesStore store) throws Exception {
    robot.interact(() -> session = DescentApp.show(stage, store));
    WaitForAsyncUtils.waitForFxEvents();
    return ((MainView) stage.getScene().getRoot()).presenter();
  }

  private Path file() {
    return dir.resolve(PreferencesStore.FILE_NAME);
  }

  private String message(FxRobot robot) {
    return robot.lookup("#message").queryAs(Label.class).getText();
  }

  @Test
  void theSavedThemeAndFontScaleAreAppliedAndChangesSaved(FxRobot robot) throws Exception {
    Files.writeString(file(), "{\"theme\": \"dark\", \"fontScale\": 1.5}");
    Presenter p = launch(robot, new PreferencesStore(dir));
    assertThat(p.themeProperty().get()).isEqualTo(Theme.DARK);
    assertThat(stage.getScene().getUserAgentStylesheet()).endsWith("primer-dark.css");
    assertThat(p.fontScaleProperty().get()).isEqualTo(1.5);
    double width = stage.getScene().getWidth();
    double base = Math.max(13, Math.min(20, width / 96)); // what the width gives (MainView)
    assertThat(robot.lookup("#status").queryAs(Label.class).getFont().getSize())
        .isEqualTo(Math.round(base * 1.5));

    robot.press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.CONTROL, KeyCode.MINUS);
    robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.CONTROL, KeyCode.T);
    WaitForAsyncUtils.waitForFxEvents();
    Preferences saved = new PreferencesStore(dir).load().preferences();
    assertThat(saved.fontScale()).isEqualTo(1.25);
    assertThat(saved.theme()).isEqualTo("light");
  }

  @Test
  void aCorruptFileGivesTheDefaultsAndANoticeAndIsRepairedOnTheNextChange(FxRobot robot)
      throws Exception {
    Files.writeString(file(), "{\"theme\": \"dark\", \"fontScale\": ");
    Presenter p = launch(robot, new PreferencesStore(dir));
    assertThat(p.themeProperty().get()).isEqualTo(Theme.LIGHT);
    assertThat(p.fontScaleProperty().get()).isEqualTo(1.0);
    assertThat(message(robot))
        .isEqualTo("Preferences file " + file() + " is not valid JSON: using the defaults");
    assertThat(stage.isShowing()).isTrue();
    robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.CONTROL, KeyCode.EQUALS);
    WaitForAsyncUtils.waitForFxEvents();
    PreferencesStore.Loaded again = new PreferencesStore(dir).load();
    assertThat(again.notice()).isNull();
    assertThat(again.preferences().fontScale()).isEqualTo(1.1);
  }

  @Test
  void anUnwritableFolderIsOneNoticeAndTheAppGoesOn(FxRobot robot) throws Exception {
    Path blocked = dir.resolve("blocked");
    Files.writeString(blocked, "a file where the folder should be");
    Presenter p = launch(robot, new PreferencesStore(blocked.resolve("descent")));
    robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.CONTROL, KeyCode.EQUALS);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(p.fontScaleProperty().get()).isEqualTo(1.1);
    assertThat(message(robot)).startsWith("Cannot save preferences to ");
    assertThat(stage.isShowing()).isTrue();
  }

  @Test
  void theWindowsPlaceIsSavedOnCloseAndRestoredWhenItFits(FxRobot robot) throws Exception {
    Rectangle2D screen = Screen.getPrimary().getVisualBounds();
    double w = Math.min(1000, screen.getWidth());
    double h = Math.min(640, screen.getHeight());
    Files.writeString(
        file(),
        "{\"window\": {\"x\": "
            + (screen.getMinX() + 10)
            + ", \"y\": "
            + (screen.getMinY() + 20)
            + ", \"width\": "
            + w
            + ", \"height\": "
            + h
            + "}}");
    launch(robot, new PreferencesStore(dir));
    assertThat(stage.getX()).isEqualTo(screen.getMinX() + 10);
    assertThat(stage.getY()).isEqualTo(screen.getMinY() + 20);
    assertThat(stage.getWidth()).isEqualTo(w);
    assertThat(stage.getHeight()).isEqualTo(h);

    robot.interact(
        () -> {
          stage.setX(screen.getMinX() + 5);
          stage.setWidth(w - 20);
        });
    robot.interact(stage::hide);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Files.exists(file()));
    Preferences saved = new PreferencesStore(dir).load().preferences();
    assertThat(saved.window())
        .isEqualTo(new Preferences.Bounds(screen.getMinX() + 5, screen.getMinY() + 20, w - 20, h));
    assertThat(saved.maximized()).isFalse();
  }

  @Test
  void aPlaceOffEveryScreenIsNotRestored(FxRobot robot) throws Exception {
    Files.writeString(
        file(), "{\"window\": {\"x\": 50000, \"y\": 0, \"width\": 1200, \"height\": 800}}");
    launch(robot, new PreferencesStore(dir));
    Rectangle2D first = DescentApp.firstBounds(Screen.getPrimary().getVisualBounds());
    assertThat(stage.getX()).isEqualTo(first.getMinX());
    assertThat(stage.getWidth()).isEqualTo(first.getWidth());
    assertThat(message(robot)).doesNotContain("Preferences");
  }
}
