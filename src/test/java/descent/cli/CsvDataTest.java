package descent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import descent.testing.LinearCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --data}: these tests read real CSV files through {@code CsvRegressionData.load}, so
 * they exercise whichever loader is on the classpath (the real one from branch csv-data once
 * merged). They only rely on its documented contract: a header row, the last column as default
 * target, 80 % of the rows to train, and one-line {@code file:line:column: reason} messages.
 */
class CsvDataTest {
  @TempDir Path dir;

  /** 100 rows of y = 3·a − 2·b + 1 + a little noise, header {@code a,b,y}. */
  private Path linearFile() throws IOException {
    return LinearCsv.write(dir);
  }

  @Test
  void trainsOnAFileAndShowsNoTruth() throws IOException {
    Path file = linearFile();

    Cli run = Cli.run("train", "--data", file.toString(), "--seed", "1", "--epochs", "30");

    assertThat(run.code()).isZero();
    assertThat(run.err()).isEmpty();
    List<String> lines = run.outLines();
    assertThat(lines.get(0)).isEqualTo("seed 1 (repeat this run with --seed 1)");
    assertThat(lines.get(1))
        .isEqualTo(
            "data " + file + ": 80 training rows, 20 validation rows, 2 features, target \"y\"");
    int header =
        lines.indexOf(lines.stream().filter(l -> l.startsWith("parameter")).findFirst().get());
    assertThat(lines.get(header + 1)).startsWith("w1 (a)");
    assertThat(lines.get(header + 2)).startsWith("w2 (b)");
    assertThat(lines.get(header + 3)).startsWith("b ");
    // no true value and no error for a file: both columns show a dash
    assertThat(lines.get(header + 1).trim().split(" +")).contains("—");
    assertThat(lines.get(header + 1).split("—", -1)).hasSize(3);
  }

  @Test
  void jsonForAFileHasNullTruthAndTheLeastSquaresFit() throws IOException {
    ObjectNode json =
        Cli.run("train", "--json", "--data", linearFile().toString(), "--seed", "1").json();

    assertThat(json.get("trueW").isNull()).isTrue();
    assertThat(json.get("trueB").isNull()).isTrue();
    assertThat(json.get("errorW").isNull()).isTrue();
    assertThat(Cli.doubles(json.get("olsW"))).containsExactly(new double[] {3, -2}, within(0.01));
    assertThat(json.get("olsB").asDouble()).isCloseTo(1, within(0.01));
    assertThat(json.get("data").get("numTrain").asInt()).isEqualTo(80);
    assertThat(json.get("steps").asLong()).isEqualTo(3 * 3); // ⌈80 / 32⌉ = 3 batches
  }

  @Test
  void numTrainAndTargetChooseTheRowsAndTheColumn() throws IOException {
    ObjectNode json =
        Cli.run(
                "train",
                "--json",
                "--data",
                linearFile().toString(),
                "--seed",
                "1",
                "--num-train",
                "50",
                "--target",
                "a",
                "--batch-size",
                "50")
            .json();

    assertThat(json.get("data").get("numTrain").asInt()).isEqualTo(50);
    assertThat(json.get("data").get("numVal").asInt()).isEqualTo(50);
    assertThat(json.get("data").get("target").asText()).isEqualTo("a");
    assertThat(json.get("steps").asLong()).isEqualTo(3);
  }

  @Test
  void aCellThatIsNotANumberIsNamedByLineAndColumn() throws IOException {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, "x1,x2,y\n1,2,3\n4,abc,6\n7,8,9\n");

    Cli run = Cli.run("train", "--data", file.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).startsWith(file + ":3:2: ").contains("\"abc\"", "x2");
  }

  @Test
  void aMissingFileIsOneLineNamingIt() {
    Path missing = dir.resolve("nope.csv");

    Cli run = Cli.run("train", "--data", missing.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).startsWith(missing + ": ").doesNotContain("Exception");
  }

  @Test
  void aBatchLargerThanTheTrainingRowsIsRefused() throws IOException {
    Cli run = Cli.run("train", "--data", linearFile().toString(), "--batch-size", "81");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly("--batch-size: must be an integer from 1 to 80 (numTrain), got 81");
  }

  @Test
  void numTrainThatLeavesNoValidationRowBlamesTheOptionNotTheFile() throws IOException {
    Path file = linearFile();

    Cli run = Cli.run("train", "--data", file.toString(), "--num-train", "100");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly(
            "--num-train: must be an integer from 1 to 99 for this file, got 100 ("
                + file
                + " has 100 data rows and at least one must be left to validate)");
  }

  @Test
  void numTrainOfAFiveRowFileNamesTheOption() throws IOException {
    Path file = dir.resolve("five.csv");
    Files.writeString(file, "x,y\n1,2\n2,4\n3,6\n4,8\n5,10\n");

    Cli five = Cli.run("train", "--data", file.toString(), "--num-train", "5");
    Cli four = Cli.run("train", "--json", "--data", file.toString(), "--num-train", "4");

    assertThat(five.code()).isEqualTo(2);
    assertThat(five.errLines()).hasSize(1);
    assertThat(five.err()).startsWith("--num-train: must be an integer from 1 to 4 for this file");
    assertThat(four.code()).isZero();
    assertThat(four.json().get("data").get("numTrain").asInt()).isEqualTo(4);
    assertThat(four.json().get("data").get("numVal").asInt()).isEqualTo(1);
  }

  @Test
  void numTrainOfATwoRowFileCanOnlyBeOne() throws IOException {
    Path file = dir.resolve("two.csv");
    Files.writeString(file, "x,y\n1,2\n2,4\n");

    Cli run = Cli.run("train", "--data", file.toString(), "--num-train", "2");

    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).startsWith("--num-train: must be 1 for this file, got 2 (");
  }

  @Test
  void aSmallFileTrainsInOneBatchWithoutABatchSize() throws IOException {
    Path file = dir.resolve("small.csv");
    Files.writeString(file, "x,y\n1,2\n2,4\n3,6\n");

    Cli run = Cli.run("train", "--data", file.toString(), "--seed", "1");

    assertThat(run.code()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines().get(1))
        .isEqualTo(
            "data "
                + file
                + ": 2 training rows, 1 validation row, 1 feature, target \"y\";"
                + " batch size 2 (the default, 32, is more than the 2 training rows)");
    ObjectNode json = Cli.run("train", "--json", "--data", file.toString(), "--seed", "1").json();
    assertThat(json.get("settings").get("batchSize").asInt()).isEqualTo(2);
    assertThat(json.get("steps").asLong()).isEqualTo(3);
  }

  @Test
  void aSmallFileWithAnExplicitBatchSizeTooLargeIsRefused() throws IOException {
    Path file = dir.resolve("small.csv");
    Files.writeString(file, "x,y\n1,2\n2,4\n3,6\n");

    Cli run = Cli.run("train", "--data", file.toString(), "--batch-size", "32");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly("--batch-size: must be an integer from 1 to 2 (numTrain), got 32");
  }

  @Test
  void valuesTooLargeForAFiniteFirstLossNameTheFileNotTheLearningRate() throws IOException {
    Path file = dir.resolve("huge.csv");
    Files.writeString(file, "x,y\n1e200,2\n3,4\n5,6\n");

    Cli run = Cli.run("train", "--data", file.toString(), "--seed", "1");

    assertThat(run.code()).isEqualTo(3);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err())
        .contains("before any update", "lower the values in " + file)
        .doesNotContain("--sigma", "try a smaller learning rate");
  }

  @Test
  void aFileWithoutAHeaderRowIsRefused() throws IOException {
    Path file = dir.resolve("numbers.csv");
    Files.writeString(file, "1,2,3\n4,5,6\n7,8,9\n");

    Cli run = Cli.run("train", "--data", file.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly(
            file
                + ":1: the first line looks like data, not a header;"
                + " add a header row naming the columns");
  }

  @Test
  void aHeaderOfDelimitersOnlyIsRefused() throws IOException {
    Path file = dir.resolve("sheet.csv");
    Files.writeString(file, ",,\nx1,x2,y\n1,2,3\n4,5,6\n7,8,9\n");

    Cli run = Cli.run("train", "--data", file.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).startsWith(file + ":1: the header has empty column names");
  }
}
