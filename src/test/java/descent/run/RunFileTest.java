package descent.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run files: round trips, the stored CSV path, and atomic writes. Refusals: RunFileRefusalTest. */
class RunFileTest {
  @TempDir Path dir;

  /** Doubles that only survive as their shortest exact decimal: 0.1 + 0.2, 1/3, 2⁻¹⁰⁷⁴. */
  static RunConfig awkward(long seed) {
    DataSource.Synthetic data =
        new DataSource.Synthetic(
            new double[] {0.1 + 0.2, -1.0 / 3, Double.MIN_VALUE},
            4.2e-300,
            0.0,
            777,
            5,
            new double[] {1, 100, 1e-3});
    return new RunConfig(data, 1.0 / 7, 0, 13, 100_000, 2.5, false, true, seed);
  }

  @Test
  void syntheticRoundTripIsExact() throws Exception {
    RunConfig config = awkward(999_999_999L);
    Path file = dir.resolve("run.json");

    RunFile.write(file, config);

    assertThat(RunFile.read(file)).isEqualTo(config);
  }

  @Test
  void chapterFileIsPrettyAndInAStableOrder() throws Exception {
    Path file = dir.resolve("chapter.json");
    RunFile.write(file, RunConfig.chapter(42));

    String text = Files.readString(file);
    assertThat(text)
        .isEqualTo(
            """
            {
              "format": "descent-run",
              "version": 1,
              "seed": 42,
              "lr": 0.03,
              "sigma": 0.01,
              "batchSize": 32,
              "epochs": 3,
              "clip": 0.0,
              "shuffle": true,
              "standardize": false,
              "data": {
                "kind": "synthetic",
                "trueW": [ 2.0, -3.4 ],
                "trueB": 4.2,
                "noise": 0.01,
                "numTrain": 1000,
                "numVal": 1000,
                "featureScale": [ 1.0, 1.0 ]
              }
            }
            """);
  }

  @Test
  void csvBesideTheRunFileIsStoredRelativeAndFoundFromAnotherFolder() throws Exception {
    Path lesson = Files.createDirectories(dir.resolve("lesson"));
    Files.createDirectories(lesson.resolve("data"));
    Path csv = Files.writeString(lesson.resolve("data/houses.csv"), "x,y\n1,2\n2,4\n3,7\n");
    RunConfig config =
        RunConfig.chapter(7)
            .withData(new DataSource.CsvFile(csv, "y", List.of("x"), 2))
            .withBatchSize(2);
    RunFile.write(lesson.resolve("run.json"), config);
    assertThat(Files.readString(lesson.resolve("run.json")))
        .contains("\"file\": \"data/houses.csv\"")
        .contains("\"sha256\": \"" + RunFile.sha256(csv, lesson) + "\"");

    // the teacher hands out the folder: the student's copy lives elsewhere
    Path student = dir.resolve("student");
    Files.createDirectories(student.resolve("data"));
    Files.copy(lesson.resolve("run.json"), student.resolve("run.json"));
    Files.copy(csv, student.resolve("data/houses.csv"));

    RunConfig read = RunFile.read(student.resolve("run.json"));
    assertThat(read.data())
        .isEqualTo(
            new DataSource.CsvFile(student.resolve("data/houses.csv"), "y", List.of("x"), 2));
    assertThat(read.withData(config.data())).isEqualTo(config);
  }

  @Test
  void csvOutsideTheRunFilesFolderIsStoredAbsolute() throws Exception {
    Path csv = Files.writeString(dir.resolve("shared.csv"), "x,y\n1,2\n2,4\n");
    Path runs = Files.createDirectories(dir.resolve("runs"));
    RunConfig config =
        RunConfig.chapter(7).withData(new DataSource.CsvFile(csv, null, List.of(), null));

    RunFile.write(runs.resolve("run.json"), config);

    assertThat(Files.readString(runs.resolve("run.json")))
        .contains("\"file\": " + RunFile.MAPPER.writeValueAsString(csv.toAbsolutePath().toString()))
        .contains("\"target\": null")
        .contains("\"numTrain\": null");
    assertThat(RunFile.read(runs.resolve("run.json"))).isEqualTo(config);
  }

  @Test
  void aRelativeRunFileNameResolvesTheCsvBesideIt() {
    assertThat(RunFile.resolve(Path.of("run.json"), "data.csv")).isEqualTo(Path.of("data.csv"));
    assertThat(RunFile.resolve(Path.of("runs/run.json"), "d/data.csv"))
        .isEqualTo(Path.of("runs", "d", "data.csv"));
  }

  @Test
  void aWriteReplacesTheOldFileWhole() throws Exception {
    Path file = dir.resolve("run.json");
    RunFile.write(file, RunConfig.chapter(1));
    RunFile.write(file, RunConfig.chapter(2));

    assertThat(RunFile.read(file).seed()).isEqualTo(2);
    assertThat(Files.list(dir)).containsExactly(file);
  }

  @Test
  void aWriteThatFailsLeavesTheOldFileAndNoPartialFile() throws Exception {
    Path file = dir.resolve("run.json");
    RunFile.write(file, RunConfig.chapter(1));
    String old = Files.readString(file);

    assertThatThrownBy(
            () ->
                AtomicFile.write(
                    file,
                    "{ \"half".getBytes(StandardCharsets.UTF_8),
                    temp -> {
                      throw new IOException("No space left on device");
                    }))
        .hasMessage("No space left on device");

    assertThat(Files.readString(file)).isEqualTo(old);
    assertThat(Files.list(dir)).containsExactly(file);
  }

  @Test
  void anUnwritableFolderIsOneLineNamingTheFile() throws Exception {
    Path notAFolder = Files.writeString(dir.resolve("plain.txt"), "x");
    Path file = notAFolder.resolve("run.json");

    assertThatThrownBy(() -> RunFile.write(file, RunConfig.chapter(1)))
        .isInstanceOf(RunFileException.class)
        .hasMessageStartingWith("cannot write " + file + ": ")
        .hasMessageNotContaining("\n");
    assertThat(Files.readString(notAFolder)).isEqualTo("x");
  }

  @Test
  void savingACsvRunWhoseFileIsGoneWritesNothing() {
    Path file = dir.resolve("run.json");
    RunConfig config =
        RunConfig.chapter(1)
            .withData(new DataSource.CsvFile(dir.resolve("gone.csv"), null, List.of(), null));

    assertThatThrownBy(() -> RunFile.write(file, config))
        .hasMessage(file + ": its data file " + dir.resolve("gone.csv") + " is missing");
    assertThat(file).doesNotExist();
  }

  @Test
  void aWrittenFileGetsTheUsualPermissionsOfANewFileNotATemporaryOnes() throws Exception {
    // POSIX permissions where the file system has them (Linux, macOS), else Windows' read-only flag
    String attribute =
        dir.getFileSystem().supportedFileAttributeViews().contains("posix")
            ? "posix:permissions"
            : "dos:readonly";
    Path written = dir.resolve("handout.json");
    RunFile.write(written, RunConfig.chapter(1));
    Path plain = Files.createFile(dir.resolve("plain.txt"));
    // a run file is handed to students: 0600 (what createTempFile gives) would lock them out
    assertThat(Files.getAttribute(written, attribute))
        .isEqualTo(Files.getAttribute(plain, attribute));
  }
}
