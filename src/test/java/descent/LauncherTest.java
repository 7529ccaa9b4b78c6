package descent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's launch, without a toolkit: a failure to open the window is one line and exit 1. */
class LauncherTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String err() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void noDisplayIsOneLinePointingToTheCommandLine() {
    int code =
        Launcher.openApp(
            () -> {
              throw new UnsupportedOperationException("Unable to open DISPLAY");
            },
            err);

    assertThat(code).isEqualTo(1);
    assertThat(err().lines())
        .containsExactly(
            "descent: cannot open a window (no display?). The command line still works:"
                + " java -jar descent.jar train --help");
  }

  @Test
  void anyOtherFailureNamesItsRootCauseInOneLine() {
    int code =
        Launcher.openApp(
            () -> {
              throw new RuntimeException(
                  "Exception in Application start method", new IllegalStateException("no\nfonts"));
            },
            err);

    assertThat(code).isEqualTo(1);
    assertThat(err().lines())
        .containsExactly(
            "descent: cannot open the app: java.lang.IllegalStateException: no fonts."
                + " The command line still works: java -jar descent.jar train --help");
  }

  @Test
  void anAppThatRanAndClosedIsExitZeroAndSilent() {
    assertThat(Launcher.openApp(() -> {}, err)).isZero();
    assertThat(err()).isEmpty();
  }

  @Test
  void anExistingFileAloneIsOpenedInTheAppAndAnythingElseGoesToTheCommandLine(@TempDir Path dir)
      throws Exception {
    Path csv = Files.writeString(dir.resolve("houses.csv"), "x,y\n1,2\n");

    assertThat(Launcher.fileToOpen(new String[] {csv.toString()})).contains(csv);
    assertThat(Launcher.fileToOpen(new String[] {"train"})).isEmpty();
    assertThat(Launcher.fileToOpen(new String[] {"--help"})).isEmpty();
    assertThat(Launcher.fileToOpen(new String[] {dir.toString()})).as("a folder").isEmpty();
    assertThat(Launcher.fileToOpen(new String[] {dir.resolve("gone.csv").toString()})).isEmpty();
    assertThat(Launcher.fileToOpen(new String[] {"train", csv.toString()})).isEmpty();
    assertThat(Launcher.fileToOpen(new String[] {})).isEmpty();
  }
}
