package descent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The launch splash's image and its closing where there is nothing to close. That the JVM shows it
 * and the app closes it on a real screen is checked by src/test/sh/splash-check.sh, which {@code
 * .ci/run} runs under Xvfb and Openbox.
 */
class SplashTest {
  private static BufferedImage image(String name) throws Exception {
    try (InputStream in = Splash.class.getResourceAsStream("/" + name)) {
      assertThat(in).as(name + " on the classpath").isNotNull();
      return ImageIO.read(in);
    }
  }

  private static int colours(BufferedImage image) {
    Set<Integer> seen = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        seen.add(image.getRGB(x, y));
      }
    }
    return seen.size();
  }

  @Test
  void theImageIsThereWithADoubleSizeCopyForScaledScreens() throws Exception {
    BufferedImage one = image(Splash.IMAGE);
    BufferedImage two = image(Splash.IMAGE.replace(".png", "@2x.png"));

    assertThat(one.getWidth()).isEqualTo(560);
    assertThat(one.getHeight()).isEqualTo(300);
    assertThat(two.getWidth()).isEqualTo(2 * one.getWidth());
    assertThat(two.getHeight()).isEqualTo(2 * one.getHeight());
    // a drawn picture (gradient, icon, text), not a blank or one-colour box
    assertThat(colours(one)).isGreaterThan(100);
    assertThat(colours(two)).isGreaterThan(100);
  }

  @Test
  void closingWithNoSplashShowingDoesNothing() {
    assertThatCode(Splash::close).doesNotThrowAnyException();
    assertThatCode(Splash::close).doesNotThrowAnyException();
  }
}
