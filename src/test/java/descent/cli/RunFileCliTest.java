package descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import descent.run.RunConfig;
import descent.run.RunFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train --save-run writes a run file, and train --run repeats that run exactly. */
class RunFileCliTest {
  @TempDir Path dir;

  /** The --json output without its timing. */
  private static ObjectNode untimed(Cli run) {
    ObjectNode json = run.json();
    json.remove("trainMillis");
    return json;
  }

  private static String[] args(String[] first, String... more) {
    return Stream.concat(Arrays.stream(first), Arrays.stream(more)).toArray(String[]::new);
  }

  private void assertRepeats(int code, String... options) {
    Path file = dir.resolve("run.json");
    Cli saved = Cli.run(args(options, "--json", "--save-run", file.toString()));
    assertThat(saved.code()).as(saved.err()).isEqualTo(code);
    assertThat(file).exists();

    Cli repeated = Cli.run("train", "--json", "--run", file.toString());

    assertThat(repeated.code()).as(repeated.err()).isEqualTo(code);
    assertThat(untimed(repeated)).isEqualTo(untimed(saved));
    assertThat(repeated.err()).isEqualTo(saved.err());
  }

  @Test
  void syntheticRunWithClippingNoShuffleAndStandardiseRepeatsExactly() {
    assertRepeats(
        0,
        "train",
        "--seed",
        "7",
        "--lr",
        "0.1",
        "--clip",
        "0.5",
        "--no-shuffle",
        "--standardize",
        "--epochs",
        "4",
        "--batch-size",
        "10",
        "--num-train",
        "200",
        "--num-val",
        "50",
        "--true-w",
        "1.5,-2,0.25",
        "--true-b",
        "-1",
        "--noise",
        "0.1",
        "--feature-scale",
        "1,3,0.5",
        "--sigma",
        "0.2");
  }

  @Test
  void aRunWithoutSeedRepeatsWithTheSeedItDrew() {
    assertRepeats(0, "train", "--epochs", "2");
  }

  @Test
  void csvRunRepeatsExactly() throws Exception {
    StringBuilder csv = new StringBuilder("area,rooms,price\n");
    for (int i = 0; i < 50; i++) {
      csv.append(1 + i % 9).append(',').append(i % 4).append(',');
      csv.append(3 * (1 + i % 9) - 2 * (i % 4) + 0.1 * (i % 5)).append('\n');
    }
    Path data = Files.writeString(dir.resolve("houses.csv"), csv);
    assertRepeats(
        0,
        "train",
        "--data",
        data.toString(),
        "--target",
        "price",
        "--num-train",
        "40",
        "--seed",
        "3",
        "--clip",
        "2",
        "--no-shuffle",
        "--standardize",
        "--batch-size",
        "8");
    assertThat(Files.readString(dir.resolve("run.json")))
        .contains("\"file\": \"houses.csv\"")
        .contains("\"target\": \"price\"");
  }

  @Test
  void aPresetRunRepeatsAndARunFileCannotBeMixedWithAPreset() {
    assertRepeats(0, "train", "--preset", "full-batch", "--seed", "3");
    Cli both = Cli.run("train", "--run", dir.resolve("run.json").toString(), "--preset", "lr-edge");
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err().strip())
        .isEqualTo(
            "--run: cannot be combined with --preset (a run file already holds every setting)");
  }

  @Test
  void aRunFileThatPicksColumnsRepeatsOnTheCommandLine() throws Exception {
    StringBuilder csv = new StringBuilder("city,area,rooms,price\n");
    for (int i = 0; i < 40; i++) {
      csv.append("c").append(i).append(',').append(50 + i).append(',').append(1 + i % 4);
      csv.append(',').append(100 + 2 * i + 7 * (i % 4)).append('\n');
    }
    Path data = Files.writeString(dir.resolve("homes.csv"), csv);
    assertRepeats(
        0,
        "train",
        "--data",
        data.toString(),
        "--features",
        "rooms",
        "--seed",
        "2",
        "--lr",
        "0.01");
  }

  @Test
  void aDivergedRunIsSavedAndDivergesAgain() {
    assertRepeats(3, "train", "--lr", "5", "--seed", "11");
  }

  @Test
  void optionsBesideTheRunFileOverrideIt() throws Exception {
    Path file = dir.resolve("run.json");
    RunFile.write(file, RunConfig.chapter(5).withClip(1).withEpochs(2));

    ObjectNode json = Cli.run("train", "--json", "--run", file.toString(), "--lr", "0.01").json();

    assertThat(json.get("seed").asLong()).isEqualTo(5);
    assertThat(json.get("settings").get("lr").asDouble()).isEqualTo(0.01);
    assertThat(json.get("settings").get("clip").asDouble()).isEqualTo(1);
    assertThat(json.get("settings").get("maxEpochs").asInt()).isEqualTo(2);
    assertThat(untimed(Cli.run("train", "--json", "--run", file.toString(), "--lr", "0.01")))
        .isEqualTo(
            untimed(
                Cli.run(
                    "train",
                    "--json",
                    "--seed",
                    "5",
                    "--clip",
                    "1",
                    "--epochs",
                    "2",
                    "--lr",
                    "0.01")));
  }

  @Test
  void theTextOutputSaysWhereTheRunWasSaved() {
    Path file = dir.resolve("run.json");
    Cli run = Cli.run("train", "--seed", "2", "--save-run", file.toString());

    assertThat(run.outLines().get(1))
        .isEqualTo("saved " + file + " (repeat this run with --run " + file + ")");
  }

  @Test
  void aBadRunFileIsOneLineAndExitTwo() throws Exception {
    Path file = Files.writeString(dir.resolve("run.json"), "{ \"format\": \"descent-run\",");
    Cli run = Cli.run("train", "--run", file.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly(
            "--run: "
                + file
                + ":1:27: broken JSON: Unexpected end-of-input within/between Object entries");
    Cli missing = Cli.run("train", "--run", dir.resolve("none.json").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.errLines())
        .containsExactly("--run: " + dir.resolve("none.json") + ": no such file");
  }

  @Test
  void anUnwritableFolderIsOneLineAndExitOneAndNothingTrains() throws Exception {
    Path notAFolder = Files.writeString(dir.resolve("plain.txt"), "x");
    Path file = notAFolder.resolve("run.json");
    Cli run = Cli.run("train", "--seed", "1", "--save-run", file.toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).startsWith("--save-run: cannot write " + file + ": ");
  }
}
