package descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import descent.run.RunConfig;
import descent.run.RunFile;
import java.nio.file.Path;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** snapshot extends train: --run works there too. */
class RunFileSnapshotTest {
  @TempDir Path dir;

  /** JavaFX runs for the whole test JVM, as in {@link SnapshotCommandTest}. */
  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
    Platform.setImplicitExit(false);
  }

  @Test
  void snapshotTakesARunFileToo() throws Exception {
    Path file = dir.resolve("run.json");
    RunFile.write(file, RunConfig.chapter(123).withEpochs(1));
    Path png = dir.resolve("params.png");

    Cli run =
        Cli.run(
            "snapshot",
            "--run",
            file.toString(),
            "--view",
            "params",
            "--steps",
            "31",
            "--out",
            png.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.outLines().get(0)).startsWith("seed 123 ");
    assertThat(png).exists();
    // the run file's single epoch has 32 minibatches: --steps 32 is refused against it
    assertThat(
            Cli.run(
                    "snapshot",
                    "--run",
                    file.toString(),
                    "--view",
                    "params",
                    "--steps",
                    "33",
                    "--out",
                    png.toString())
                .code())
        .isEqualTo(2);
    Cli bad = Cli.run("snapshot", "--run", dir.resolve("none.json").toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.errLines())
        .containsExactly("--run: " + dir.resolve("none.json") + ": no such file");
  }
}
