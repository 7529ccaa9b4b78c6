package descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * {@code snapshot --preset}: a view of the preset's run, and the whole app holding its settings.
 */
class PresetSnapshotTest {
  @TempDir Path dir;

  /** JavaFX runs for the whole test JVM, as in {@link SnapshotCommandTest}. */
  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
    Platform.setImplicitExit(false);
  }

  @Test
  void snapshotTakesAPresetForAViewAndForTheWholeApp() throws Exception {
    Path loss = dir.resolve("loss.png");
    Cli view =
        Cli.run(
            "snapshot",
            "--preset",
            "lr-too-high",
            "--seed",
            "1",
            "--view",
            "loss",
            "--steps",
            "20",
            "--out",
            loss.toString());
    assertThat(view.code()).as(view.err()).isZero();
    assertThat(view.err()).startsWith("snapshot: the run diverged at step");
    assertThat(Png.read(loss).isNonBlank()).isTrue();

    // the app's settings carry clip, no-shuffle and the feature scales: the app's own run matches
    // the command's step for step (the renderer checks), so the picture shows the preset's run
    for (String preset : List.of("clipping", "no-shuffle", "unscaled-features")) {
      Path app = dir.resolve(preset + ".png");
      Cli run =
          Cli.run(
              "snapshot",
              "--preset",
              preset,
              "--seed",
              "3",
              "--view",
              "app",
              "--steps",
              "40",
              "--out",
              app.toString());
      assertThat(run.code()).as(preset + ": " + run.err()).isZero();
      assertThat(Png.read(app).isNonBlank()).isTrue();
    }
  }
}
