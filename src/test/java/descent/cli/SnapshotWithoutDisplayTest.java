package descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code snapshot} as a user runs it: a JVM of its own, with no display and none of the test run's
 * JavaFX settings, so the command must set up headless JavaFX itself, and must end the JVM when
 * done.
 */
class SnapshotWithoutDisplayTest {
  @TempDir Path dir;

  @Test
  void aFreshJvmWithNoDisplayDrawsThePictureAndEnds() throws Exception {
    Path out = dir.resolve("app.png");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            "-Djavafx.cachedir=" + Path.of("target", "openjfx-cache").toAbsolutePath(),
            "descent.Launcher",
            "snapshot",
            "--view",
            "app",
            "--steps",
            "10",
            "--seed",
            "1",
            "--width", // larger than the tests' headless screen: the command must make room
            "2400",
            "--height",
            "1400",
            "--out",
            out.toString());
    builder.environment().remove("DISPLAY");
    builder.environment().remove("WAYLAND_DISPLAY");
    File stdout = dir.resolve("stdout.txt").toFile();
    File stderr = dir.resolve("stderr.txt").toFile();
    builder.redirectOutput(stdout).redirectError(stderr);

    Process process = builder.start();
    boolean ended = process.waitFor(180, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly();
    }

    assertThat(ended).as("the JVM ended").isTrue();
    assertThat(Files.readString(stderr.toPath())).isEmpty(); // no warning, no stack trace
    assertThat(process.exitValue()).isZero();
    assertThat(Files.readAllLines(stdout.toPath()))
        .isEqualTo(
            List.of(
                "seed 1 (repeat this run with --seed 1)",
                "wrote " + out + " (2400×1400): app after 10 steps"));
    Png png = Png.read(out);
    assertThat(png.width()).isEqualTo(2400);
    assertThat(png.height()).isEqualTo(1400);
    assertThat(png.isNonBlank()).isTrue();
    assertThat(png.pixelsNear(Png.TRAIN_BLUE, 30)).isGreaterThan(50); // the chart's train loss
  }
}
