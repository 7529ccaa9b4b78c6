package descent.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import descent.app.session.TrainingSession;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The chart and the teaching views share the centre half and half after the window grows from its
 * minimum size, as it does when Openbox maps it small and resizes it a moment later; a divider the
 * user has dragged stays theirs.
 */
@ExtendWith(ApplicationExtension.class)
class CentredDividerTest {
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

  private static double width(FxRobot robot, String query) {
    return robot.lookup(query).queryAs(javafx.scene.layout.Region.class).getWidth();
  }

  private static double position(FxRobot robot) {
    return robot.lookup("#center-split").queryAs(SplitPane.class).getDividerPositions()[0];
  }

  private static void settle(FxRobot robot, Stage stage) throws Exception {
    // the divider is set again after the split's own layout, one event later
    robot.interact(() -> stage.getScene().getRoot().layout());
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> stage.getScene().getRoot().layout());
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void theViewsGetHalfTheCentreOnceTheWindowGrowsFromItsMinimum(FxRobot robot) throws Exception {
    WindowLayoutTest.resize(robot, stage, 958, 575); // where Openbox first maps the window
    WindowLayoutTest.resize(robot, stage, 1598, 975); // the size the app asked for
    settle(robot, stage);

    double views = width(robot, "#teaching-views");
    double centre = width(robot, "#center-split");
    assertThat(views).as("the teaching views' width").isGreaterThan(0.4 * centre);
    assertThat(position(robot)).isCloseTo(0.5, within(0.02));
  }

  @Test
  void aDividerTheUserDraggedStaysWhereTheyLeftIt(FxRobot robot) throws Exception {
    WindowLayoutTest.resize(robot, stage, 1366, 768);
    settle(robot, stage);
    Node divider = robot.lookup("#center-split .split-pane-divider").query();
    Bounds b = divider.localToScreen(divider.getBoundsInLocal());
    robot
        .drag(b.getCenterX(), b.getCenterY(), javafx.scene.input.MouseButton.PRIMARY)
        .moveBy(-120, 0)
        .release(javafx.scene.input.MouseButton.PRIMARY);
    settle(robot, stage);
    double dragged = position(robot);
    assertThat(dragged).as("the drag moved the divider").isLessThan(0.45);

    WindowLayoutTest.resize(robot, stage, 1598, 975);
    settle(robot, stage);
    assertThat(position(robot)).as("a resize keeps the user's place").isLessThan(0.45);
  }
}
