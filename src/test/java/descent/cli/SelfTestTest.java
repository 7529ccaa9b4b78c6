package descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * {@code descent --self-test}: the chapter's numbers, the offscreen window, a summary and a code.
 */
class SelfTestTest {
  @Test
  void aWorkingBuildPassesEveryCheckAndSaysSo() {
    StringWriter text = new StringWriter();

    int code = SelfTest.run(new PrintWriter(text));

    String out = text.toString();
    assertThat(code).as(out).isZero();
    assertThat(out.lines())
        .hasSize(7)
        .first()
        .asString()
        .startsWith("ok      chapter run: 96 steps, 3 epochs");
    assertThat(out)
        .contains("ok      errors after 3 epochs")
        .contains("ok      validation loss falls each epoch")
        .contains("ok      least squares within 0.002 of the truth")
        .contains("ok      10 epochs")
        .contains("ok      window drawn offscreen (1366×768): 1366×768, ")
        .doesNotContain("FAILED");
    assertThat(out.lines().reduce((a, b) -> b).orElseThrow())
        .isEqualTo("self-test passed: 6 checks");
  }

  @Test
  void aBlankPictureFails() {
    BufferedImage white = new BufferedImage(1366, 768, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = white.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 1366, 768);
    g.dispose();

    SelfTest.Check check = SelfTest.blankness("window", white);

    assertThat(check.passed()).isFalse();
    assertThat(check.found()).isEqualTo("1366×768, 1 colours, the commonest on 100 %");
  }

  @Test
  void aPictureOfTheWrongSizeFailsAndAWindowLikeOnePasses() {
    BufferedImage drawn = new BufferedImage(1366, 768, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 768; y++) {
      for (int x = 0; x < 1366; x++) {
        drawn.setRGB(x, y, (x * 7 + y * 13) % 2 == 0 ? 0xffffff : (x % 200) * 0x010101);
      }
    }
    BufferedImage small = drawn.getSubimage(0, 0, 1024, 600);

    assertThat(SelfTest.blankness("window", drawn).passed()).isTrue();
    assertThat(SelfTest.blankness("window", small).passed()).isFalse();
  }

  @Test
  void theSummaryNamesWhatFailed() {
    StringWriter text = new StringWriter();
    var failed = new SelfTest.Check("window drawn offscreen", "drawing failed: no fonts", false);
    var passed = new SelfTest.Check("chapter run", "96 steps, 3 epochs", true);

    int code = SelfTest.report(java.util.List.of(passed, failed), new PrintWriter(text));

    assertThat(code).isEqualTo(1);
    assertThat(text.toString().lines())
        .containsExactly(
            "ok      chapter run: 96 steps, 3 epochs",
            "FAILED  window drawn offscreen: drawing failed: no fonts",
            "self-test FAILED: 1 of 2 checks (window drawn offscreen)");
  }
}
