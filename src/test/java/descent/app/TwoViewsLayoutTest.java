package descent.app;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.session.TrainingSession;
import descent.app.teach.TeachingViews;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The layout of issue 8: at 1366×768 the loss chart and one teaching view stand side by side; at
 * 1920×1080 two teaching views do, each with room to be read, and closing the second brings the
 * chart back.
 */
@ExtendWith(ApplicationExtension.class)
class TwoViewsLayoutTest {
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

  private double width(FxRobot robot, String query) throws Exception {
    return WaitForAsyncUtils.asyncFx(
            () -> {
              Node n = robot.lookup(query).query();
              return n.getScene() == null ? 0 : n.getLayoutBounds().getWidth();
            })
        .get();
  }

  private boolean inScene(FxRobot robot, String query) throws Exception {
    return WaitForAsyncUtils.asyncFx(
            () -> robot.lookup(query).tryQuery().map(n -> n.getScene() != null).orElse(false))
        .get();
  }

  @Test
  void aLaptopShowsTheChartAndOneViewAProjectorTwoViews(FxRobot robot) throws Exception {
    WindowLayoutTest.resize(robot, stage, 1366, 768);
    assertThat(width(robot, ".loss-chart")).isGreaterThan(400);
    assertThat(width(robot, "#teaching-tabs-1")).isGreaterThan(400);
    assertThat(inScene(robot, "#teaching-tabs-2")).isFalse();
    TabPane first = robot.lookup("#teaching-tabs-1").queryAs(TabPane.class);
    assertThat(first.getSelectionModel().getSelectedItem().getText()).isEqualTo("Data");

    WindowLayoutTest.resize(robot, stage, 1920, 1080);
    robot.press(KeyCode.SHIFT).type(KeyCode.DIGIT4).release(KeyCode.SHIFT);
    TeachingViews views = ((MainView) stage.getScene().getRoot()).teaching();
    WindowLayoutTest.waitUntil(views::isTwoViews);
    robot.interact(() -> stage.getScene().getRoot().layout());
    assertThat(views.shown(false)).isEqualTo("Data");
    assertThat(views.shown(true)).isEqualTo("Landscape");
    assertThat(inScene(robot, ".loss-chart")).as("the chart steps aside").isFalse();
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> stage.getScene().getRoot().layout());
    // the dividers settle at the layout after the pane was added: wait for it, not for a time
    WindowLayoutTest.waitUntil(
        () -> width(robot, "#teaching-tabs-1") > 600 && width(robot, "#teaching-tabs-2") > 600);

    robot.interact(() -> views.setTwoViews(false));
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> stage.getScene().getRoot().layout());
    WindowLayoutTest.waitUntil(
        () -> inScene(robot, ".loss-chart") && width(robot, ".loss-chart") > 400);
    assertThat(inScene(robot, "#teaching-tabs-2")).isFalse();
  }
}
