package descent.app;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.presenter.Presenter;
import descent.app.presenter.Theme;
import descent.app.session.TrainingSession;
import java.awt.image.BufferedImage;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.shape.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Presenter mode's keys on the real window: text size, theme, hidden controls, full screen. */
@ExtendWith(ApplicationExtension.class)
class PresenterModeTest {
  private Stage stage;
  private TrainingSession session;
  private Presenter presenter;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    session = DescentApp.show(stage);
    presenter = ((MainView) stage.getScene().getRoot()).presenter();
  }

  @AfterEach
  void stop(FxRobot robot) {
    robot.interact(session::shutdown);
    robot.interact(() -> stage.setFullScreen(false));
  }

  private static void keys(FxRobot robot, KeyCode... codes) {
    robot.press(codes).release(codes);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private double headingSize(FxRobot robot) {
    return robot.lookup(".heading").queryAs(Label.class).getFont().getSize();
  }

  private double statusSize(FxRobot robot) {
    return robot.lookup("#status").queryAs(Label.class).getFont().getSize();
  }

  private double trainLineWidth(FxRobot robot) {
    return robot
        .lookup(".loss-chart .chart-series-line.series1")
        .queryAs(Path.class)
        .getStrokeWidth();
  }

  @Test
  void ctrlPlusAndMinusScaleTheWholeTextAndCtrlZeroResetsIt(FxRobot robot) throws Exception {
    WindowLayoutTest.resize(robot, stage, 1366, 768);
    double heading = headingSize(robot);
    double status = statusSize(robot);
    double line = trainLineWidth(robot);
    keys(robot, KeyCode.CONTROL, KeyCode.EQUALS);
    assertThat(presenter.fontScaleProperty().get()).isEqualTo(1.1);
    keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.EQUALS); // Ctrl + on a US keyboard
    keys(robot, KeyCode.CONTROL, KeyCode.ADD); // the keypad's +
    assertThat(presenter.fontScaleProperty().get()).isEqualTo(1.5);
    // 14 px on a 1366-wide window, times 1.5: every label grows with it
    assertThat(statusSize(robot)).isCloseTo(status * 1.5, org.assertj.core.data.Offset.offset(0.6));
    assertThat(headingSize(robot))
        .isCloseTo(heading * 1.5, org.assertj.core.data.Offset.offset(1.0));
    for (int i = 0; i < 6; i++) {
      keys(robot, KeyCode.CONTROL, KeyCode.EQUALS);
    }
    assertThat(presenter.fontScaleProperty().get()).isEqualTo(2.0);
    assertThat(statusSize(robot)).isCloseTo(status * 2, org.assertj.core.data.Offset.offset(0.6));
    keys(robot, KeyCode.CONTROL, KeyCode.DIGIT0);
    assertThat(presenter.fontScaleProperty().get()).isEqualTo(1.0);
    assertThat(statusSize(robot)).isEqualTo(status);
    for (int i = 0; i < 5; i++) {
      keys(robot, KeyCode.CONTROL, KeyCode.MINUS);
    }
    assertThat(presenter.fontScaleProperty().get()).isEqualTo(0.8);
    assertThat(statusSize(robot)).isLessThan(status);
    keys(robot, KeyCode.CONTROL, KeyCode.SUBTRACT);
    assertThat(presenter.fontScaleProperty().get()).isEqualTo(0.8);
    keys(robot, KeyCode.CONTROL, KeyCode.NUMPAD0);
    assertThat(presenter.fontScaleProperty().get()).isEqualTo(1.0);
  }

  private double brightness(FxRobot robot, String query) throws Exception {
    Node node = robot.lookup(query).query();
    Bounds b = LayoutProbe.inScene(node);
    BufferedImage image =
        SwingFXUtils.fromFXImage(
            WaitForAsyncUtils.asyncFx(() -> stage.getScene().getRoot().snapshot(null, null)).get(),
            null);
    return PresenterPicturesTest.brightness(image, b);
  }

  @Test
  void ctrlTSwitchesToTheDarkThemeAndBack(FxRobot robot) throws Exception {
    WindowLayoutTest.resize(robot, stage, 1366, 768);
    assertThat(stage.getScene().getUserAgentStylesheet()).endsWith("primer-light.css");
    assertThat(brightness(robot, ".controls")).isGreaterThan(200);
    keys(robot, KeyCode.CONTROL, KeyCode.T);
    assertThat(presenter.themeProperty().get()).isEqualTo(Theme.DARK);
    assertThat(stage.getScene().getUserAgentStylesheet()).endsWith("primer-dark.css");
    assertThat(stage.getScene().getStylesheets()).anyMatch(s -> s.endsWith("descent-dark.css"));
    assertThat(brightness(robot, ".controls")).isLessThan(60);
    assertThat(brightness(robot, ".transport")).isLessThan(60);
    // the plot stays on paper
    assertThat(brightness(robot, ".loss-chart .chart-plot-background")).isGreaterThan(200);
    Label heading = robot.lookup(".heading").queryAs(Label.class);
    assertThat(((javafx.scene.paint.Color) heading.getTextFill()).getBrightness())
        .as("headings are light on the dark column")
        .isGreaterThan(0.8);
    keys(robot, KeyCode.CONTROL, KeyCode.T);
    assertThat(stage.getScene().getUserAgentStylesheet()).endsWith("primer-light.css");
    assertThat(stage.getScene().getStylesheets()).noneMatch(s -> s.endsWith("descent-dark.css"));
    assertThat(brightness(robot, ".controls")).isGreaterThan(200);
  }

  @Test
  void hHidesTheControlsSoTheViewsFillTheWindowAndBringsThemBack(FxRobot robot) throws Exception {
    WindowLayoutTest.resize(robot, stage, 1366, 768);
    double centre =
        robot.lookup("#center-split").queryAs(javafx.scene.layout.Region.class).getWidth();
    keys(robot, KeyCode.H);
    assertThat(robot.lookup(".controls").tryQuery()).isEmpty();
    // the title and the formula go; the menus in the header's row stay, the way back
    assertThat(robot.lookup(".header .title").queryAs(javafx.scene.control.Label.class).isVisible())
        .isFalse();
    assertThat(
            robot.lookup(".header .formula").queryAs(javafx.scene.control.Label.class).isVisible())
        .isFalse();
    assertThat(robot.lookup("#menu-bar").queryAs(javafx.scene.Node.class).isVisible()).isTrue();
    double wider =
        robot.lookup("#center-split").queryAs(javafx.scene.layout.Region.class).getWidth();
    assertThat(wider).isGreaterThan(centre + 300);
    // the transport keys still work
    keys(robot, KeyCode.RIGHT);
    WindowLayoutTest.waitUntil(() -> session.stepsProperty().get() == 1 && !session.isBusy());
    assertThat(robot.lookup("#status").queryAs(Label.class).getText()).contains("step 1");
    keys(robot, KeyCode.H);
    assertThat(robot.lookup(".controls").tryQuery()).isPresent();
    assertThat(robot.lookup("#center-split").queryAs(javafx.scene.layout.Region.class).getWidth())
        .isCloseTo(centre, org.assertj.core.data.Offset.offset(1.0));
  }

  @Test
  void typingAnHInAFieldDoesNotHideTheControls(FxRobot robot) {
    TextField field = robot.lookup("#clip-norm-field").queryAs(TextField.class);
    robot.clickOn(field);
    robot.interact(field::selectAll);
    robot.write("h");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(field.getText()).isEqualTo("h");
    assertThat(presenter.controlsHiddenProperty().get()).isFalse();
    assertThat(robot.lookup(".controls").tryQuery()).isPresent();
  }

  @Test
  void f11TogglesFullScreen(FxRobot robot) {
    assertThat(stage.isFullScreen()).isFalse();
    keys(robot, KeyCode.F11);
    assertThat(stage.isFullScreen()).isTrue();
    assertThat(presenter.fullScreenProperty().get()).isTrue();
    assertThat(stage.getFullScreenExitHint()).isEqualTo("Press F11 or Esc to leave full screen");
    keys(robot, KeyCode.F11);
    assertThat(stage.isFullScreen()).isFalse();
  }

  @Test
  void theViewMenuNamesEveryKey(FxRobot robot) {
    MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
    Menu view =
        bar.getMenus().stream().filter(m -> "View".equals(m.getText())).findFirst().orElseThrow();
    assertThat(
            view.getItems().stream()
                .map(MenuItem::getAccelerator)
                .map(a -> a == null ? "" : a.getDisplayText()))
        .contains("F11", "H", "Ctrl+=", "Ctrl+-", "Ctrl+0", "Ctrl+T");
    CheckMenuItem hide =
        (CheckMenuItem)
            view.getItems().stream()
                .filter(i -> "view-hide-controls".equals(i.getId()))
                .findFirst()
                .orElseThrow();
    // the check mark follows the key, and the item brings the controls back
    keys(robot, KeyCode.H);
    assertThat(hide.isSelected()).isTrue();
    robot.interact(() -> hide.setSelected(false));
    assertThat(presenter.controlsHiddenProperty().get()).isFalse();
    assertThat(robot.lookup(".controls").tryQuery()).isPresent();
    assertThat(hide.getAccelerator()).isEqualTo(new KeyCodeCombination(KeyCode.H));
  }
}
