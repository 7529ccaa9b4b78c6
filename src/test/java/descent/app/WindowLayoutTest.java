package descent.app;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.session.TrainingSession;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's layout measured in the scene, at the sizes students have: the minimum size as
 * Openbox gives it (958×575 inside the frame), a 1024×600 netbook, a 1366×768 laptop and a 1080p
 * projector.
 */
@ExtendWith(ApplicationExtension.class)
class WindowLayoutTest {
  /** Scene sizes: the window's minimum and a 1024×600 screen, each less Openbox's frame. */
  static final double[][] SIZES = {{958, 575}, {1022, 575}, {1024, 600}, {1366, 768}, {1920, 1080}};

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

  static void waitUntil(Callable<Boolean> condition) throws Exception {
    FxWait.until(20, condition);
  }

  /** Resizes the scene to {@code width}×{@code height} (Monocle draws no frame) and lays it out. */
  static void resize(FxRobot robot, Stage stage, double width, double height) throws Exception {
    robot.interact(
        () -> {
          stage.setMinWidth(0);
          stage.setMinHeight(0);
          stage.setX(0);
          stage.setY(0);
          stage.setWidth(width);
          stage.setHeight(height);
        });
    waitUntil(() -> stage.getScene().getWidth() == width && stage.getScene().getHeight() == height);
    robot.interact(() -> stage.getScene().getRoot().layout());
    WaitForAsyncUtils.waitForFxEvents();
  }

  /**
   * Skips what scrolls by design (the parameter table's rows, the cells of a table) and a hidden
   * notification bar.
   */
  static boolean scrollsOrHidden(Node n) {
    if (n.getStyleClass().contains("parameter-grid")
        || n.getStyleClass().contains("fit-table") // scrolls with the parameters
        || LayoutProbe.scrollsByDesign(n)) {
      return true;
    }
    if (n.getStyleClass().contains("notification-bar")) {
      Node pane = n.getParent();
      while (pane != null && !(pane instanceof org.controlsfx.control.NotificationPane)) {
        pane = pane.getParent();
      }
      return pane == null || !((org.controlsfx.control.NotificationPane) pane).isShowing();
    }
    return false;
  }

  @Test
  void theFirstSizeComesFromTheScreensUsableArea() {
    // a 1080p screen with a 30-pixel panel: 1600×1000, centred in what the panel leaves
    assertThat(DescentApp.firstBounds(new Rectangle2D(0, 30, 1920, 1050)))
        .isEqualTo(new Rectangle2D(160, 55, 1600, 1000));
    // a laptop and a netbook: all of the usable area
    assertThat(DescentApp.firstBounds(new Rectangle2D(0, 0, 1366, 736)))
        .isEqualTo(new Rectangle2D(0, 0, 1366, 736));
    assertThat(DescentApp.firstBounds(new Rectangle2D(0, 0, 1024, 600)))
        .isEqualTo(new Rectangle2D(0, 0, 1024, 600));
    // a second screen to the left of the first
    assertThat(DescentApp.firstBounds(new Rectangle2D(-1366, 0, 1366, 768)).getMinX())
        .isEqualTo(-1366);
  }

  @Test
  void theWindowOpensAtItsFirstSizeNotItsMinimum() {
    Rectangle2D first = DescentApp.firstBounds(Screen.getPrimary().getVisualBounds());
    assertThat(stage.getWidth()).isEqualTo(first.getWidth());
    assertThat(stage.getHeight()).isEqualTo(first.getHeight());
    assertThat(stage.getWidth()).isGreaterThan(stage.getMinWidth());
    assertThat(stage.getMinWidth()).isEqualTo(DescentApp.MIN_WIDTH);
    assertThat(stage.getMinHeight()).isEqualTo(DescentApp.MIN_HEIGHT);
  }

  @Test
  void everyControlFitsTheWindowFromItsMinimumSizeUp(FxRobot robot) throws Exception {
    for (double[] size : SIZES) {
      resize(robot, stage, size[0], size[1]);
      String at = (int) size[0] + "×" + (int) size[1];
      List<Control> controls =
          LayoutProbe.visibleControls(stage.getScene(), WindowLayoutTest::scrollsOrHidden);
      assertThat(LayoutProbe.outside(controls, LayoutProbe.sceneArea(stage.getScene())))
          .as("controls cut off at " + at)
          .isEmpty();
      // the settings need no scrolling: each lies in the panel's visible part
      ScrollPane panel = robot.lookup(".controls").queryAs(ScrollPane.class);
      List<Control> settings =
          LayoutProbe.visibleControls(stage.getScene(), n -> false).stream()
              .filter(c -> isInside(c, panel.getContent()))
              .toList();
      assertThat(settings).hasSizeGreaterThan(20);
      assertThat(LayoutProbe.outside(settings, LayoutProbe.viewport(panel)))
          .as("settings hidden at " + at)
          .isEmpty();
      // and nothing a student reads is shortened with "…"
      for (String id :
          List.of(
              "#status", "#message", "#speed-label", "#stability-note", "#play", "#step-epoch")) {
        assertNotShortened(robot.lookup(id).queryAs(Labeled.class), at);
      }
      assertNotShortened(robot.lookup(".loss-chart-log-toggle").queryAs(CheckBox.class), at);
      Label leastSquares =
          robot.lookup(".column-header").queryAllAs(Label.class).stream()
              .filter(l -> l.getText().equals("least squares"))
              .findFirst()
              .orElseThrow();
      assertNotShortened(leastSquares, at);
      assertThat(LayoutProbe.inScene(leastSquares).getMaxX())
          .as("least squares at " + at)
          .isLessThanOrEqualTo(size[0]);
    }
  }

  private static void assertNotShortened(Labeled l, String at) {
    assertThat(LayoutProbe.displayedText(l))
        .as(LayoutProbe.describe(l) + " shortened at " + at)
        .isEqualTo(l.getText());
  }

  static boolean isInside(Node n, Node ancestor) {
    for (Node p = n; p != null; p = p.getParent()) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  @Test
  void tenFeaturesLeaveTheChartUsableOnA1024x600Screen(FxRobot robot) throws Exception {
    robot.interact(() -> session.settings().trueW.submit("1, -2, 3, -4, 5, -6, 7, -8, 9, -10"));
    assertThat(session.parameters().rows()).hasSize(11);
    for (double[] size : new double[][] {{1022, 575}, {1024, 600}, {1366, 768}}) {
      resize(robot, stage, size[0], size[1]);
      String at = (int) size[0] + "×" + (int) size[1];
      Region chart = robot.lookup(".loss-chart").queryAs(Region.class);
      assertThat(chart.getHeight()).as("chart height at " + at).isGreaterThanOrEqualTo(250);
      // the table scrolls instead of squeezing the chart: its last row can be brought into view
      ScrollPane table = robot.lookup("#parameter-scroll").queryAs(ScrollPane.class);
      robot.interact(() -> table.setVvalue(table.getVmax()));
      WaitForAsyncUtils.waitForFxEvents();
      Bounds view = LayoutProbe.viewport(table);
      Bounds lastRow = LayoutProbe.inScene(robot.lookup("#learned-b").query());
      assertThat(lastRow.getMaxY()).as("b's row at " + at).isLessThanOrEqualTo(view.getMaxY() + 1);
      assertThat(lastRow.getMinY()).isGreaterThanOrEqualTo(view.getMinY() - 1);
      // and the header stays on top of the rows that scrolled beneath it
      Label header =
          robot.lookup(".column-header").queryAllAs(Label.class).stream()
              .filter(l -> l.getText().equals("learned"))
              .findFirst()
              .orElseThrow();
      assertThat(LayoutProbe.inScene(header).getMinY())
          .as("header at " + at)
          .isCloseTo(view.getMinY(), org.assertj.core.data.Offset.offset(3.0));
      robot.interact(() -> table.setVvalue(0));
    }
  }
}
