package descent.app;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.session.TrainingSession;
import descent.app.session.TrainingSession.State;
import descent.app.settings.Setting;
import descent.app.settings.SpeedSetting;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.controlsfx.control.NotificationPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The divergence banner: ControlsFX's notification bar over the chart, with a way out. */
@ExtendWith(ApplicationExtension.class)
class DivergenceBannerTest {
  private Stage stage;
  private TrainingSession session;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    session = DescentApp.show(stage);
  }

  @AfterEach
  void stop(FxRobot robot) {
    robot.interact(session::shutdown);
  }

  private Map<Control, Bounds> controls() throws Exception {
    return WaitForAsyncUtils.asyncFx(
            () ->
                LayoutProbe.boundsOf(
                    LayoutProbe.visibleControls(
                        stage.getScene(),
                        n ->
                            n.getStyleClass().contains("notification-bar")
                                || n.getStyleClass().contains("parameter-grid")
                                || n.getStyleClass().contains("fit-table")
                                // a teaching view's content follows the run by design
                                || n.getStyleClass().contains("teaching-view"))))
        .get();
  }

  @Test
  void divergenceSlidesInABannerThatMovesNothingAndOffersAStableRate(FxRobot robot)
      throws Exception {
    NotificationPane pane = robot.lookup("#divergence-pane").queryAs(NotificationPane.class);
    assertThat(pane.isShowing()).isFalse();
    Map<Control, Bounds> before = controls();

    robot.interact(
        () -> {
          session.settings().learningRate.submit("5");
          session.settings().speed.positionProperty().set(SpeedSetting.MAX_POSITION);
          session.play();
        });
    WindowLayoutTest.waitUntil(() -> session.state() == State.DIVERGED);
    assertThat(pane.isShowing()).isTrue();
    Label banner = robot.lookup("#divergence-banner").queryAs(Label.class);
    assertThat(banner.getText()).startsWith("Diverged at epoch 1, step ");
    assertThat(banner.isVisible()).isTrue();
    // the banner covers the top of the chart; no control moves to make room for it
    Map<Control, Bounds> after = controls();
    for (var e : before.entrySet()) {
      if (!(e.getKey() instanceof Label)) { // labels' text changed (status, learned values)
        assertThat(after.get(e.getKey()))
            .as(LayoutProbe.describe(e.getKey()))
            .isEqualTo(e.getValue());
      }
    }

    double suggested = session.stabilityBoundProperty().get().suggestedRate();
    assertThat(suggested).isGreaterThan(0).isLessThan(5);
    Button lower =
        robot.lookup(".notification-bar .button").queryAllAs(Button.class).stream()
            .filter(b -> b.getText().startsWith("Use η"))
            .findFirst()
            .orElseThrow();
    assertThat(lower.getText()).isEqualTo("Use η = " + Setting.show(suggested));
    // the button offers the rate the banner's words suggest
    assertThat(banner.getText()).contains("try a learning rate of " + Setting.show(suggested));
    robot.interact(lower::fire);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(session.settings().learningRate.value()).isEqualTo(suggested);
    assertThat(session.state()).isEqualTo(State.READY);
    assertThat(pane.isShowing()).isFalse();
  }
}
