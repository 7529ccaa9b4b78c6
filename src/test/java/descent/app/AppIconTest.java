package descent.app;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.session.TrainingSession;
import java.util.List;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window hands the window system the app's icon, in every size, for its title bar and taskbar.
 */
@ExtendWith(ApplicationExtension.class)
class AppIconTest {
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

  @Test
  void theWindowCarriesTheIconFrom16To256Pixels() throws Exception {
    List<Image> icons = WaitForAsyncUtils.asyncFx(() -> List.copyOf(stage.getIcons())).get();

    assertThat(icons)
        .extracting(i -> (int) i.getWidth())
        .containsExactly(16, 24, 32, 48, 64, 128, 256);
    assertThat(icons).allSatisfy(i -> assertThat(i.getHeight()).isEqualTo(i.getWidth()));
    assertThat(icons).allSatisfy(i -> assertThat(i.isError()).isFalse());
  }

  /**
   * The 16-pixel icon still reads: a blue tile, the white curve and the orange ball at its minimum,
   * with transparent corners.
   */
  @Test
  void theSmallestIconShowsTheBlueTileTheCurveAndTheOrangeBall() {
    Image small = AppIcon.images().get(0);
    PixelReader px = small.getPixelReader();
    int blue = 0;
    int white = 0;
    int orange = 0;
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        int argb = px.getArgb(x, y);
        int a = argb >>> 24;
        int r = (argb >> 16) & 0xff;
        int g = (argb >> 8) & 0xff;
        int b = argb & 0xff;
        if (a > 200 && b > r + 60) {
          blue++;
        } else if (a > 200 && r > 200 && g > 200 && b > 200) {
          white++;
        } else if (a > 200 && r > 200 && g > 80 && g < 170 && b < 90) {
          orange++;
        }
      }
    }
    assertThat(px.getArgb(0, 0) >>> 24).as("a transparent corner").isLessThan(64);
    assertThat(blue).as("blue tile pixels").isGreaterThan(120);
    assertThat(white).as("white curve pixels").isGreaterThanOrEqualTo(8);
    assertThat(orange).as("orange ball pixels").isGreaterThanOrEqualTo(2);
  }
}
