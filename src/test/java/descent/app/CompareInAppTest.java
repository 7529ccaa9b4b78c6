package descent.app;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.chart.LossChartView;
import descent.app.session.TrainingSession;
import descent.app.session.TrainingSession.State;
import descent.app.teach.TeachingViews;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The comparison, done in the whole window: run "lr 0.03", then "lr 0.3", and see the first
 * overlaid on the loss chart and the landscape, labelled; the Runs menu lists both, hides and
 * removes them. Pictures at 1366×768 and 1920×1080 land in target/screenshots/compare/.
 */
@ExtendWith(ApplicationExtension.class)
class CompareInAppTest {
  private static final Path OUT = Path.of("target", "screenshots", "compare");

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

  private static void waitUntil(Callable<Boolean> condition) throws Exception {
    FxWait.until(30, condition);
  }

  private void runToTheEnd(FxRobot robot) throws Exception {
    while (WaitForAsyncUtils.asyncFx(session::state).get() != State.FINISHED) {
      robot.interact(session::stepEpoch);
      waitUntil(() -> !session.isBusy());
    }
  }

  private Menu runsMenu(FxRobot robot) {
    MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
    return bar.getMenus().stream()
        .filter(m -> "runs-menu".equals(m.getId()))
        .findFirst()
        .orElseThrow();
  }

  private static MenuItem item(Menu menu, String id) {
    return menu.getItems().stream()
        .filter(i -> id.equals(i.getId()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + id + " in " + menu.getItems()));
  }

  @Test
  void lr003ThenLr03OverlaidOnTheChartAndTheLandscape(FxRobot robot) throws Exception {
    LossChartView chart = robot.lookup(".loss-chart-view").queryAs(LossChartView.class);
    assertThat(item(runsMenu(robot), "runs-none").isDisable()).isTrue();

    runToTheEnd(robot); // the chapter's lr 0.03
    robot.interact(() -> session.settings().learningRate.set(0.3));
    robot.interact(session::reset);
    runToTheEnd(robot);
    robot.interact(
        () ->
            robot.lookup("#teaching-views").queryAs(TeachingViews.class).show("Landscape", false));

    assertThat(chart.overlays()).extracting(o -> o.label()).containsExactly("lr 0.03");
    assertThat(chart.currentRunLabel().getText()).isEqualTo("this run: lr 0.3");
    Menu menu = runsMenu(robot);
    List<String> texts = menu.getItems().stream().map(MenuItem::getText).toList();
    assertThat(texts.get(0)).startsWith("run ").contains(": lr 0.03 · finished, val loss ");
    assertThat(texts.get(1)).contains(": lr 0.3 · finished, val loss ").endsWith("(this run)");
    assertThat(texts).contains("Remove", "Clear all");

    for (double[] size : new double[][] {{1366, 768}, {1920, 1080}}) {
      WindowLayoutTest.resize(robot, stage, size[0], size[1]);
      WaitForAsyncUtils.waitForFxEvents();
      WritableImage image =
          WaitForAsyncUtils.asyncFx(() -> stage.getScene().getRoot().snapshot(null, null)).get();
      Files.createDirectories(OUT);
      File file = OUT.resolve("compare-app-" + (int) size[0] + ".png").toFile();
      ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file);
    }

    // the menu's check hides the run, its Remove item removes it
    CheckMenuItem first = (CheckMenuItem) menu.getItems().get(0);
    robot.interact(
        () -> {
          first.setSelected(false);
          first.fire();
        });
    assertThat(chart.overlays()).isEmpty();
    Menu remove = (Menu) item(runsMenu(robot), "runs-remove");
    robot.interact(() -> remove.getItems().get(0).fire());
    assertThat(runsMenu(robot).getItems().stream().filter(i -> i instanceof CheckMenuItem))
        .hasSize(1);
    robot.interact(() -> item(runsMenu(robot), "runs-clear").fire());
    assertThat(item(runsMenu(robot), "runs-none").isDisable()).isTrue();
  }
}
