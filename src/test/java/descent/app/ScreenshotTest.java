package descent.app;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.session.TrainingSession;
import descent.app.session.TrainingSession.State;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
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
 * Renders the main window headless to {@code target/screenshots/}, at a laptop's 1366×768 and a
 * projector's 1920×1080. The README's screenshot is {@code descent-mid-training-1366.png}, copied
 * to {@code assets/screenshot.png} after a look by eye.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTest {
  private static final Path OUT = Path.of("target", "screenshots");
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
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    WaitForAsyncUtils.waitForFxEvents();
  }

  private File snapshot(FxRobot robot, String name, double width, double height) throws Exception {
    robot.interact(
        () -> {
          stage.setX(0);
          stage.setY(0);
          stage.setWidth(width);
          stage.setHeight(height);
        });
    WaitForAsyncUtils.waitForFxEvents();
    WritableImage image =
        WaitForAsyncUtils.asyncFx(() -> stage.getScene().getRoot().snapshot(null, null)).get();
    Files.createDirectories(OUT);
    File file = OUT.resolve(name).toFile();
    ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file);
    return file;
  }

  @Test
  void midTrainingOnALaptopAndAProjector(FxRobot robot) throws Exception {
    // one and a half epochs of the chapter: the loss has fallen, w and b are on their way
    robot.interact(session::stepEpoch);
    waitUntil(() -> session.stepsProperty().get() == 32 && !session.isBusy());
    for (int i = 0; i < 16; i++) {
      robot.interact(session::step);
      long expected = 33 + i;
      waitUntil(() -> session.stepsProperty().get() == expected && !session.isBusy());
    }
    File laptop = snapshot(robot, "descent-mid-training-1366.png", 1366, 768);
    File projector = snapshot(robot, "descent-mid-training-1920.png", 1920, 1080);
    assertThat(ImageIO.read(laptop).getWidth()).isEqualTo(1366);
    assertThat(ImageIO.read(projector).getWidth()).isEqualTo(1920);
  }

  @Test
  void divergedAndARefusedField(FxRobot robot) throws Exception {
    robot.interact(() -> session.settings().learningRate.submit("5"));
    robot.interact(() -> session.settings().speed.positionProperty().set(4));
    robot.interact(session::play);
    waitUntil(() -> session.state() == State.DIVERGED);
    robot.interact(() -> session.settings().batchSize.submit("two"));
    File file = snapshot(robot, "descent-diverged-1366.png", 1366, 768);
    assertThat(file).exists();
    assertThat(robot.lookup("#divergence-banner").queryAs(javafx.scene.control.Label.class))
        .matches(javafx.scene.Node::isVisible, "banner shown");
    assertThat(
            robot.lookup("#batch-size-error").queryAs(javafx.scene.control.Label.class).getText())
        .isEqualTo("“two” is not a number");
  }

  @Test
  void tenFeaturesStillFitALaptopScreen(FxRobot robot) throws Exception {
    robot.interact(() -> session.settings().trueW.submit("1, -2, 3, -4, 5, -6, 7, -8, 9, -10"));
    robot.interact(session::stepEpoch);
    waitUntil(() -> session.stepsProperty().get() == 32 && !session.isBusy());
    File file = snapshot(robot, "descent-ten-features-1366.png", 1366, 768);
    assertThat(file).exists();
    javafx.scene.Node lastRow = robot.lookup("#learned-b").query();
    javafx.geometry.Bounds b = lastRow.localToScene(lastRow.getBoundsInLocal());
    assertThat(b.getMaxY()).isLessThan(stage.getScene().getHeight());
    assertThat(robot.lookup(".loss-chart").queryAs(javafx.scene.layout.Region.class).getHeight())
        .isGreaterThan(250);
  }
}
