package descent.app;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.session.TrainingSession;
import descent.app.session.TrainingSession.State;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.controlsfx.control.NotificationPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the main window headless to {@code target/screenshots/}, at a 1024×600 netbook, a
 * 1366×768 laptop and a 1920×1080 projector, and checks what a user would see in each picture. The
 * README's screenshot is {@code descent-mid-training-1366.png}, copied to {@code
 * assets/screenshot.png} after a look by eye.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTest {
  private static final Path OUT = Path.of("target", "screenshots");

  /** The chart's colours (loss-chart.css): train in d2l's blue, validation in its orange. */
  private static final int TRAIN_BLUE = 0x1f77b4;

  private static final int VAL_ORANGE = 0xe4680a;

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
    FxWait.until(20, condition);
  }

  private BufferedImage snapshot(FxRobot robot, String name, double width, double height)
      throws Exception {
    WindowLayoutTest.resize(robot, stage, width, height);
    WritableImage image =
        WaitForAsyncUtils.asyncFx(() -> stage.getScene().getRoot().snapshot(null, null)).get();
    Files.createDirectories(OUT);
    File file = OUT.resolve(name).toFile();
    BufferedImage picture = SwingFXUtils.fromFXImage(image, null);
    ImageIO.write(picture, "png", file);
    assertThat(picture.getWidth()).isEqualTo((int) width);
    assertThat(picture.getHeight()).isEqualTo((int) height);
    return picture;
  }

  /** Every visible control lies inside the window: nothing is cut off. */
  private void assertNothingCutOff(String at) throws Exception {
    List<Control> controls =
        WaitForAsyncUtils.asyncFx(
                () ->
                    LayoutProbe.visibleControls(
                        stage.getScene(), WindowLayoutTest::scrollsOrHidden))
            .get();
    assertThat(controls).hasSizeGreaterThan(30);
    assertThat(LayoutProbe.outside(controls, LayoutProbe.sceneArea(stage.getScene())))
        .as("cut off at " + at)
        .isEmpty();
  }

  /** How many pixels of {@code region} (scene coordinates) are close to {@code rgb}. */
  private static int pixelsNear(BufferedImage image, Bounds region, int rgb) {
    int count = 0;
    for (int y = (int) region.getMinY(); y < (int) region.getMaxY(); y++) {
      for (int x = (int) region.getMinX(); x < (int) region.getMaxX(); x++) {
        int p = image.getRGB(x, y);
        int d =
            Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff))
                + Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff))
                + Math.abs((p & 0xff) - (rgb & 0xff));
        if (d < 60) {
          count++;
        }
      }
    }
    return count;
  }

  private Bounds plotArea(FxRobot robot) {
    Node plot = robot.lookup(".loss-chart .chart-plot-background").query();
    return LayoutProbe.inScene(plot);
  }

  @Test
  void midTrainingOnANetbookALaptopAndAProjector(FxRobot robot) throws Exception {
    // one and a half epochs of the chapter: the loss has fallen, w and b are on their way
    robot.interact(session::stepEpoch);
    waitUntil(() -> session.stepsProperty().get() == 32 && !session.isBusy());
    for (int i = 0; i < 16; i++) {
      robot.interact(session::step);
      long expected = 33 + i;
      waitUntil(() -> session.stepsProperty().get() == expected && !session.isBusy());
    }
    for (double[] size : new double[][] {{1366, 768}, {1920, 1080}, {1024, 600}}) {
      String at = (int) size[0] + "×" + (int) size[1];
      BufferedImage picture =
          snapshot(robot, "descent-mid-training-" + (int) size[0] + ".png", size[0], size[1]);
      assertThat(robot.lookup("#status").queryAs(Label.class).getText())
          .startsWith("epoch 2/3 · batch 16/32 · step 48 · ");
      // the plot shows the training loss in blue and the first epoch's validation loss in orange
      Bounds plot = plotArea(robot);
      assertThat(plot.getHeight()).as("plot height at " + at).isGreaterThan(150);
      assertThat(pixelsNear(picture, plot, TRAIN_BLUE)).as("blue at " + at).isGreaterThan(50);
      assertThat(pixelsNear(picture, plot, VAL_ORANGE)).as("orange at " + at).isGreaterThan(20);
      // b has left zero, on its way to 4.2
      double b = session.parameters().rows().get(2).learned();
      assertThat(b).isBetween(1.0, 4.2);
      assertThat(robot.lookup("#learned-b").queryAs(Label.class).getText())
          .isEqualTo(descent.app.params.ParameterPanel.format(b));
      assertNothingCutOff(at);
    }
  }

  @Test
  void divergedAndARefusedField(FxRobot robot) throws Exception {
    robot.interact(() -> session.settings().learningRate.submit("5"));
    robot.interact(() -> session.settings().speed.positionProperty().set(4));
    robot.interact(session::play);
    waitUntil(() -> session.state() == State.DIVERGED);
    robot.interact(() -> session.settings().batchSize.submit("two"));
    WindowLayoutTest.resize(robot, stage, 1366, 768);
    // wait for the banner to finish sliding in: its bar's top meets the chart's
    NotificationPane pane = robot.lookup("#divergence-pane").queryAs(NotificationPane.class);
    Node bar = robot.lookup("#divergence-pane .notification-bar").query();
    Label banner = robot.lookup("#divergence-banner").queryAs(Label.class);
    waitUntil(
        () ->
            pane.isShowing()
                && Math.abs(
                        LayoutProbe.inScene(bar).getMinY() - LayoutProbe.inScene(pane).getMinY())
                    < 0.5);
    snapshot(robot, "descent-diverged-1366.png", 1366, 768);
    assertThat(banner.isVisible()).isTrue();
    assertThat(banner.getText()).startsWith("Diverged at epoch 1");
    assertThat(LayoutProbe.inScene(banner).getMinY())
        .isGreaterThanOrEqualTo(LayoutProbe.inScene(pane).getMinY());
    assertThat(robot.lookup("#batch-size-error").queryAs(Label.class).getText())
        .isEqualTo("“two” is not a number");
    assertThat(robot.lookup("#stability-note").queryAs(Label.class).getText())
        .startsWith("too large: stable below");
    assertNothingCutOff("1366×768");
    // at the window's minimum size the message wraps rather than losing its end
    snapshot(robot, "descent-diverged-958.png", 958, 575);
    assertThat(LayoutProbe.displayedText(banner)).isEqualTo(banner.getText());
    assertThat(LayoutProbe.inScene(banner).getMaxY())
        .isLessThanOrEqualTo(LayoutProbe.inScene(bar).getMaxY());
    assertNothingCutOff("958×575");
  }

  @Test
  void tenFeaturesStillFitALaptopAndANetbook(FxRobot robot) throws Exception {
    robot.interact(() -> session.settings().trueW.submit("1, -2, 3, -4, 5, -6, 7, -8, 9, -10"));
    robot.interact(session::stepEpoch);
    waitUntil(() -> session.stepsProperty().get() == 32 && !session.isBusy());
    for (double[] size : new double[][] {{1366, 768}, {1024, 600}}) {
      String at = (int) size[0] + "×" + (int) size[1];
      snapshot(robot, "descent-ten-features-" + (int) size[0] + ".png", size[0], size[1]);
      assertThat(robot.lookup(".loss-chart").queryAs(Region.class).getHeight())
          .as("chart at " + at)
          .isGreaterThanOrEqualTo(250);
      assertNothingCutOff(at);
    }
  }
}
