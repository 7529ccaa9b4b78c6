package descent.app;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.presenter.Presenter;
import descent.app.presenter.Theme;
import descent.app.session.TrainingSession;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
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
 * Renders the window in both themes, with its controls and in presenter mode at 1920×1080, to
 * {@code target/screenshots/presenter-*.png}, and checks what the themes promise: dark chrome in
 * the dark theme, and the plots on light paper in both (ADR 0026).
 */
@ExtendWith(ApplicationExtension.class)
class PresenterPicturesTest {
  private static final Path OUT = Path.of("target", "screenshots");

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
  }

  private BufferedImage shot(String name) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    WritableImage image =
        WaitForAsyncUtils.asyncFx(() -> stage.getScene().getRoot().snapshot(null, null)).get();
    BufferedImage picture = SwingFXUtils.fromFXImage(image, null);
    Files.createDirectories(OUT);
    ImageIO.write(picture, "png", OUT.resolve(name).toFile());
    return picture;
  }

  /** The mean brightness (0 to 255) of {@code region} of the picture. */
  static double brightness(BufferedImage image, Bounds region) {
    double sum = 0;
    long n = 0;
    for (int y = (int) region.getMinY() + 2; y < (int) region.getMaxY() - 2; y++) {
      for (int x = (int) region.getMinX() + 2; x < (int) region.getMaxX() - 2; x++) {
        int p = image.getRGB(x, y);
        sum += 0.2126 * ((p >> 16) & 0xff) + 0.7152 * ((p >> 8) & 0xff) + 0.0722 * (p & 0xff);
        n++;
      }
    }
    return sum / n;
  }

  private Bounds bounds(FxRobot robot, String query) {
    Node node = robot.lookup(query).query();
    return LayoutProbe.inScene(node);
  }

  @Test
  void bothThemesWithControlsAndInPresenterMode(FxRobot robot) throws Exception {
    robot.interact(session::stepEpoch);
    WindowLayoutTest.waitUntil(() -> session.stepsProperty().get() == 32 && !session.isBusy());
    robot.interact(session::stepEpoch);
    WindowLayoutTest.waitUntil(() -> session.stepsProperty().get() == 64 && !session.isBusy());
    MainView view = (MainView) stage.getScene().getRoot();
    for (Theme theme : Theme.values()) {
      robot.interact(() -> presenter.themeProperty().set(theme));
      robot.interact(() -> presenter.controlsHiddenProperty().set(false));
      robot.interact(() -> presenter.fontScaleProperty().set(1));
      WindowLayoutTest.resize(robot, stage, 1366, 768);
      robot.interact(() -> view.teaching().show("Landscape", false));
      BufferedImage withControls = shot("presenter-" + theme.id() + "-controls-1366.png");
      double settings = brightness(withControls, bounds(robot, ".controls"));
      double plot = brightness(withControls, bounds(robot, ".loss-chart .chart-plot-background"));
      if (theme == Theme.DARK) {
        assertThat(settings).as("dark settings column").isLessThan(60);
      } else {
        assertThat(settings).as("light settings column").isGreaterThan(200);
      }
      // the plots stay on paper in both themes
      assertThat(plot).as("plot in " + theme).isGreaterThan(200);

      WindowLayoutTest.resize(robot, stage, 1920, 1080);
      robot.interact(() -> presenter.controlsHiddenProperty().set(true));
      robot.interact(() -> presenter.fontScaleProperty().set(1.5));
      for (String v : new String[] {"Data", "Minibatch", "Graph", "Landscape", "Code"}) {
        robot.interact(() -> view.teaching().show(v, false));
        shot("presenter-" + theme.id() + "-" + v.toLowerCase() + "-1920.png");
      }
      robot.interact(() -> view.teaching().show("Landscape", false));
      BufferedImage presenting = shot("presenter-" + theme.id() + "-1920.png");
      assertThat(robot.lookup(".controls").tryQuery()).isEmpty();
      double transport = brightness(presenting, bounds(robot, ".transport"));
      if (theme == Theme.DARK) {
        assertThat(transport).as("dark transport").isLessThan(60);
      }
    }
  }
}
