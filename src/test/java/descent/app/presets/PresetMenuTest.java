package descent.app.presets;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.DescentApp;
import descent.app.FxWait;
import descent.app.session.TrainingSession;
import descent.app.session.TrainingSession.State;
import descent.app.settings.SettingsModel;
import descent.run.Presets;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
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

/** The Presets menu in the real window: a teacher picks a preset, reads its lesson, plays it. */
@ExtendWith(ApplicationExtension.class)
class PresetMenuTest {
  private TrainingSession session;
  private SettingsModel settings;

  @Start
  void start(Stage stage) {
    session = DescentApp.show(stage);
    settings = session.settings();
  }

  @AfterEach
  void stopTraining(FxRobot robot) {
    robot.interact(session::shutdown);
  }

  private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
    FxWait.until(30, condition);
  }

  private static void choose(FxRobot robot, String preset) {
    robot.clickOn("Presets");
    robot.clickOn("#preset-" + preset);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static String text(FxRobot robot, String id) {
    return robot.lookup("#" + id).queryAs(Label.class).getText();
  }

  @Test
  void everyPresetIsAnItemWithItsNameAndLesson(FxRobot robot) {
    robot.clickOn("Presets");
    for (var p : Presets.all()) {
      Node item = robot.lookup("#preset-" + p.name()).query();
      assertThat(robot.from(item).lookup(".label").queryAllAs(Label.class))
          .extracting(Label::getText)
          .containsExactly(p.name(), p.lesson());
    }
    robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    assertThat(robot.lookup("#preset-lesson").queryAs(Label.class).isVisible()).isFalse();
  }

  @Test
  void lrTooHighSetsTheRateShowsTheLessonAndDivergesWhenPlayed(FxRobot robot)
      throws TimeoutException {
    robot.interact(() -> settings.seed.set(7));
    choose(robot, "lr-too-high");

    assertThat(robot.lookup("#learning-rate-field").queryAs(TextField.class).getText())
        .isEqualTo("3");
    assertThat(settings.seed.value()).isEqualTo(7); // the preset keeps the seed
    String lesson = Presets.named("lr-too-high").orElseThrow().lesson();
    assertThat(text(robot, "preset-lesson")).isEqualTo("Preset lr-too-high: " + lesson);
    assertThat(robot.lookup("#preset-lesson").queryAs(Label.class).isVisible()).isTrue();
    waitUntil(() -> !session.isBusy());
    assertThat(text(robot, "message")).startsWith("Preset lr-too-high — " + lesson);

    robot.clickOn("#play");
    waitUntil(() -> session.state() == State.DIVERGED);
    waitUntil(() -> robot.lookup("#divergence-banner").queryAs(Label.class).isVisible());
    assertThat(text(robot, "divergence-banner")).startsWith("Diverged at epoch 1");
  }

  @Test
  void aChangedSettingMarksTheLessonAndAnotherPresetReplacesIt(FxRobot robot)
      throws TimeoutException {
    choose(robot, "noisy-data");
    assertThat(settings.noise.value()).isEqualTo(1);
    assertThat(text(robot, "preset-lesson")).startsWith("Preset noisy-data: noise 1");

    robot.interact(() -> settings.learningRate.set(0.1));
    assertThat(text(robot, "preset-lesson")).startsWith("Preset noisy-data (changed): noise 1");
    robot.interact(() -> settings.seed.set(12)); // a new seed is the same lesson
    robot.interact(() -> settings.learningRate.set(0.03));
    assertThat(text(robot, "preset-lesson")).startsWith("Preset noisy-data: noise 1");

    choose(robot, "unscaled-features");
    waitUntil(() -> !session.isBusy());
    assertThat(text(robot, "preset-lesson")).startsWith("Preset unscaled-features: x₂ is 100×");
    assertThat(settings.noise.value()).isEqualTo(0.01);
    assertThat(settings.featureScales(2)).containsExactly(1, 100);
    assertThat(session.run().data().numFeatures()).isEqualTo(2);
    assertThat(settings.config())
        .isEqualTo(Presets.named("unscaled-features").orElseThrow().config(12));
  }

  @Test
  void everyPresetFitsTheAppsSettingsExactly() {
    for (var p : Presets.all()) {
      SettingsModel s = new SettingsModel();
      var config = p.config(5);
      assertThat(new descent.app.snapshot.AppRecipe(config).refusal()).as(p.name()).isEmpty();
      s.apply(config);
      assertThat(s.config()).as(p.name()).isEqualTo(config);
    }
  }
}
