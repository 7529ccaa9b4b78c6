package descent.app.transport;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.DescentApp;
import descent.app.session.TrainingSession;
import descent.app.session.TrainingSession.State;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The transport buttons, the speed control and the status bar. */
@ExtendWith(ApplicationExtension.class)
class TransportBarTest {
  private TrainingSession session;

  @Start
  void start(Stage stage) {
    session = DescentApp.show(stage);
  }

  @AfterEach
  void stop(FxRobot robot) {
    robot.interact(session::shutdown);
  }

  private Button button(FxRobot robot, String id) {
    return robot.lookup("#" + id).queryAs(Button.class);
  }

  @Test
  void buttonsDrawTheirSymbolsWithIconsNotSystemFontGlyphs(FxRobot robot) throws Exception {
    for (String id : List.of("play", "step", "step-epoch", "reset")) {
      Button b = button(robot, id);
      assertThat(b.getGraphic()).as(id).isInstanceOf(FontIcon.class);
      assertThat(b.getText()).as(id).doesNotContainPattern("[⏸▶⟲⇥→]");
    }
    assertThat(icon(robot, "play")).isEqualTo(MaterialDesignP.PLAY);
    assertThat(icon(robot, "step")).isEqualTo(MaterialDesignS.SKIP_NEXT);
    assertThat(icon(robot, "step-epoch")).isEqualTo(MaterialDesignS.SKIP_FORWARD);
    assertThat(icon(robot, "reset")).isEqualTo(MaterialDesignR.RESTART);

    robot.interact(
        () -> {
          session.settings().epochs.set(100);
          session.settings().speed.positionProperty().set(1); // 10 steps/s
          session.play();
        });
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(textOf(robot, "play")).isEqualTo("Pause");
    assertThat(icon(robot, "play")).isEqualTo(MaterialDesignP.PAUSE);
    robot.interact(session::pause);
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () -> WaitForAsyncUtils.asyncFx(() -> session.state() == State.PAUSED).get());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(textOf(robot, "play")).isEqualTo("Play");
    assertThat(icon(robot, "play")).isEqualTo(MaterialDesignP.PLAY);
  }

  /** The text of button {@code id}, read on the FX thread (the scene changes while training). */
  private String textOf(FxRobot robot, String id) throws Exception {
    return WaitForAsyncUtils.asyncFx(() -> button(robot, id).getText()).get();
  }

  /** The icon on button {@code id}, read on the FX thread. */
  private static org.kordamp.ikonli.Ikon icon(FxRobot robot, String id) throws Exception {
    return WaitForAsyncUtils.asyncFx(
            () ->
                ((FontIcon) robot.lookup("#" + id).queryAs(Button.class).getGraphic())
                    .getIconCode())
        .get();
  }

  @Test
  void theSpeedIsARoundTargetNotAPromise(FxRobot robot) {
    Label label = robot.lookup("#speed-label").queryAs(Label.class);
    var speed = session.settings().speed;
    javafx.geometry.Bounds slider =
        descent.app.LayoutProbe.inScene(robot.lookup("#speed-slider").query());
    robot.interact(() -> speed.positionProperty().set(Math.log10(2424)));
    assertThat(label.getText()).isEqualTo("up to 2,000 steps/s");
    assertThat(speed.stepsPerSecond()).isEqualTo(2000);
    robot.interact(() -> speed.positionProperty().set(Math.log10(6.51745)));
    assertThat(label.getText()).isEqualTo("up to 5 steps/s");
    assertThat(speed.stepsPerSecond()).isEqualTo(5);
    robot.interact(() -> speed.positionProperty().set(0));
    assertThat(label.getText()).isEqualTo("up to 1 step/s");
    robot.interact(() -> speed.positionProperty().set(3.99));
    assertThat(label.getText()).isEqualTo("up to 10,000 steps/s");
    assertThat(descent.app.LayoutProbe.displayedText(label)).isEqualTo(label.getText());
    robot.interact(() -> speed.positionProperty().set(4));
    assertThat(label.getText()).isEqualTo("as fast as possible");
    // the label keeps its width, so the slider does not move under the mouse as it is dragged
    assertThat(descent.app.LayoutProbe.inScene(robot.lookup("#speed-slider").query()))
        .isEqualTo(slider);
    // what is delivered is in the status bar
    assertThat(robot.lookup("#status").queryAs(Label.class).getText()).contains("examples/s");
  }

  @Test
  void theStatusLineLivesInAControlsFxStatusBar(FxRobot robot) {
    StatusBar bar = robot.lookup("#status-bar").queryAs(StatusBar.class);
    assertThat(bar.getLeftItems()).containsExactly(robot.lookup("#status").query());
    assertThat(bar.getRightItems()).containsExactly(robot.lookup("#message").query());
    assertThat(robot.lookup("#message").queryAs(Label.class).getText())
        .isEqualTo("Ready: press Play (Space) or Step (→)");
  }
}
