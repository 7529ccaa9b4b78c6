package descent.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way a run file is refused, each with its one-line message naming the file. */
class RunFileRefusalTest {
  @TempDir Path dir;

  private String chapter() throws Exception {
    return RunFile.json(dir.resolve("run.json"), RunConfig.chapter(42));
  }

  /** Writes {@code text} as run.json and returns the refusal's message. */
  private String refusal(String text) throws Exception {
    Path file = Files.writeString(dir.resolve("run.json"), text);
    Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> RunFile.read(file));
    assertThat(e).isInstanceOf(RunFileException.class);
    assertThat(e.getMessage()).doesNotContain("\n").startsWith(file.toString());
    return e.getMessage().substring(file.toString().length());
  }

  @ParameterizedTest(name = "{0} → {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"lr\": 0.03 | \"lr\": -1 | : field \"lr\": must be a number > 0, got -1",
        "\"lr\": 0.03 | \"lr\": \"0.03\" | : field \"lr\": must be a number > 0, got \"0.03\"",
        "\"lr\": 0.03 | \"lr\": 1e400 | : field \"lr\": must be a number > 0, got a number too large",
        "\"sigma\": 0.01 | \"sigma\": -0.5 | : field \"sigma\": must be a number ≥ 0, got -0.5",
        "\"clip\": 0.0 | \"clip\": -1 | : field \"clip\": must be a number ≥ 0, got -1",
        "\"epochs\": 3 | \"epochs\": 0 | : field \"epochs\": must be an integer from 1 to 100000,"
            + " got 0",
        "\"epochs\": 3 | \"epochs\": 2.5 | : field \"epochs\": must be an integer from 1 to 100000,"
            + " got 2.5",
        "\"seed\": 42 | \"seed\": 1000000000 | : field \"seed\": must be an integer from 0 to"
            + " 999999999, got 1000000000",
        "\"batchSize\": 32 | \"batchSize\": 1001 | : field \"batchSize\": must be an integer from 1"
            + " to 1000 (data.numTrain), got 1001",
        "\"shuffle\": true | \"shuffle\": 1 | : field \"shuffle\": must be true or false, got 1",
        "\"noise\": 0.01 | \"noise\": -1 | : field \"data.noise\": must be a number ≥ 0, got -1",
        "\"numVal\": 1000 | \"numVal\": 0 | : field \"data.numVal\": must be an integer from 1 to"
            + " 1000000, got 0",
        "\"featureScale\": [ 1.0, 1.0 ] | \"featureScale\": [ 1.0, 0 ] | : field"
            + " \"data.featureScale\": must be 1 to 10 numbers, each a number > 0, got [1.0,0]",
        "\"featureScale\": [ 1.0, 1.0 ] | \"featureScale\": [ 1.0 ] | : field \"data.featureScale\":"
            + " must be 2 numbers, one per weight of data.trueW, got [1.0]",
        "\"trueW\": [ 2.0, -3.4 ] | \"trueW\": [] | : field \"data.trueW\": must be 1 to 10"
            + " numbers, each a number, got []",
        "\"kind\": \"synthetic\" | \"kind\": \"excel\" | : field \"data.kind\": must be"
            + " \"synthetic\" or \"csv\", got \"excel\"",
        "\"version\": 1 | \"version\": 2 | : version 2 is not one this build reads (it reads"
            + " version 1); a newer descent may read it",
        "\"version\": 1 | \"version\": \"1\" | : field \"version\": must be an integer, got \"1\"",
        "\"format\": \"descent-run\" | \"format\": \"other\" | : not a descent run file: it has no"
            + " \"format\": \"descent-run\" field",
        "\"lr\": 0.03 | \"lr\": 0.03, \"momentum\": 0.9 | : unknown field \"momentum\" (a version 1"
            + " run file has no such field)",
        "\"noise\": 0.01 | \"noise\": 0.01, \"bias\": 1 | : unknown field \"data.bias\" (a version 1"
            + " run file has no such field)",
        "\"lr\": 0.03, | '' | : missing field \"lr\"",
        "\"numTrain\": 1000, | '' | : missing field \"data.numTrain\"",
        "\"lr\": 0.03, | \"lr\": 0.03, \"lr\": 0.03, | :5:19: broken JSON: Duplicate field 'lr'",
        "\"lr\": 0.03, | \"lr\": 0.03 | :6:3: broken JSON: Unexpected character ('\"' (code 34)):"
            + " was expecting comma to separate Object entries",
      })
  void aBadFieldIsRefusedByName(String from, String to, String message) throws Exception {
    String text = chapter();
    assertThat(text).contains(from);

    assertThat(refusal(text.replace(from, to))).isEqualTo(message);
  }

  @Test
  void truncatedJsonGivesTheLineAndColumn() throws Exception {
    String text = chapter();
    String cut = text.substring(0, text.indexOf("\"epochs\""));

    assertThat(refusal(cut))
        .isEqualTo(":8:3: broken JSON: Unexpected end-of-input within/between Object entries");
  }

  @Test
  void notAnObjectOrEmptyIsNotARunFile() throws Exception {
    assertThat(refusal("[1, 2]"))
        .isEqualTo(": not a run file: it must hold a JSON object with \"format\": \"descent-run\"");
    assertThat(refusal("")).isEqualTo(": the file is empty, not a run file");
    assertThat(refusal(chapter() + "{}"))
        .isEqualTo(":22:1: broken JSON: more text after the closing }");
  }

  @Test
  void aMissingFileIsSaid() {
    Path file = dir.resolve("nowhere.json");
    assertThatThrownBy(() -> RunFile.read(file)).hasMessage(file + ": no such file");
  }

  @Test
  void aChangedOrMissingCsvIsRefused() throws Exception {
    Path csv = Files.writeString(dir.resolve("data.csv"), "x,y\n1,2\n2,4\n3,7\n");
    Path file = dir.resolve("run.json");
    RunFile.write(
        file, RunConfig.chapter(1).withData(new DataSource.CsvFile(csv, null, List.of(), null)));
    String saved = RunFile.sha256(csv, file);

    Files.writeString(csv, "x,y\n1,2\n2,4\n3,8\n");
    String now = RunFile.sha256(csv, file);
    assertThatThrownBy(() -> RunFile.read(file))
        .hasMessage(
            file
                + ": data.csv changed since the run file was saved: its SHA-256 is "
                + now
                + " not "
                + saved);

    Files.delete(csv);
    assertThatThrownBy(() -> RunFile.read(file))
        .hasMessage(file + ": its data file " + csv + " is missing");
  }

  @Test
  void aBadHashFieldIsRefused() throws Exception {
    Path csv = Files.writeString(dir.resolve("data.csv"), "x,y\n1,2\n2,4\n");
    String text =
        RunFile.json(
            dir.resolve("run.json"),
            RunConfig.chapter(1).withData(new DataSource.CsvFile(csv, null, List.of(), null)));
    String hash = RunFile.sha256(csv, dir);

    assertThat(refusal(text.replace(hash, "abc")))
        .isEqualTo(": field \"data.sha256\": must be 64 hexadecimal digits, got \"abc\"");
    assertThat(refusal(text.replace("\"numTrain\": null", "\"numTrain\": -3")))
        .isEqualTo(": field \"data.numTrain\": must be an integer from 1 to 1000000, got -3");
  }
}
