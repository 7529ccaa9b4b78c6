package descent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that ends far from least squares says so, and what to try. "Far" is {@link
 * descent.train.LeastSquaresGap}: the learned and least-squares predictions on the training rows
 * differ by more than a quarter of the target's standard deviation (root mean square).
 */
class FarFromLeastSquaresTest {
  @TempDir Path dir;

  /**
   * {@code rows} rows of y = 2·x1 − 3.4·x2 + 4.2 + noise, the features multiplied by {@code scale}.
   */
  private Path file(String name, int rows, double scale) throws IOException {
    Random random = new Random(11);
    StringBuilder csv = new StringBuilder("x1,x2,y\n");
    for (int i = 0; i < rows; i++) {
      double a = random.nextGaussian();
      double b = random.nextGaussian();
      double y = 2 * a - 3.4 * b + 4.2 + 0.01 * random.nextGaussian();
      csv.append(String.format(Locale.ROOT, "%.9e,%.9e,%.9f%n", a * scale, b * scale, y));
    }
    Path file = dir.resolve(name);
    Files.writeString(file, csv);
    return file;
  }

  private static List<String> notes(Cli run) {
    return run.outLines().stream().filter(l -> l.startsWith("note: ")).toList();
  }

  @Test
  void fortyRowsInOneBatchEndFarAndSayWhatToTry() throws IOException {
    Path file = file("forty.csv", 40, 1); // 32 train: one batch of 32, one update per epoch

    Cli run = Cli.run("train", "--data", file.toString(), "--seed", "1");

    assertThat(run.code()).isZero();
    assertThat(run.outLines()).anyMatch(l -> l.startsWith("3 steps in 3 epochs"));
    List<String> notes = notes(run);
    assertThat(notes).hasSize(2);
    assertThat(notes.get(0))
        .startsWith("note: the learned w and b are far from least squares:")
        .contains("standard deviations of y", "above 0.25 counts as far");
    assertThat(notes.get(1))
        .isEqualTo(
            "note: 3 SGD updates (1 per epoch) were not enough to get there; try more epochs"
                + " (e.g. --epochs 30), a smaller --batch-size (e.g. 8, for 4 updates per epoch)"
                + " or a larger --lr (now 0.03; too large diverges)");

    ObjectNode json = Cli.run("train", "--json", "--data", file.toString(), "--seed", "1").json();
    assertThat(json.get("olsGap").asDouble()).isGreaterThan(0.25);
    assertThat(json.get("notes")).hasSize(2);
    assertThat(json.get("notes").get(1).asText()).startsWith("3 SGD updates (1 per epoch)");
  }

  @Test
  void followingTheAdviceBringsTheRunCloseAndTheNoteGoes() throws IOException {
    Path file = file("forty.csv", 40, 1);

    Cli run = Cli.run("train", "--data", file.toString(), "--seed", "1", "--batch-size", "1");
    ObjectNode json =
        Cli.run("train", "--json", "--data", file.toString(), "--seed", "1", "--epochs", "300")
            .json();

    assertThat(run.code()).isZero();
    assertThat(notes(run)).isEmpty();
    assertThat(json.get("olsGap").asDouble()).isLessThan(0.25);
    assertThat(json.get("notes")).isEmpty();
  }

  @Test
  void featuresScaledByAMillionthAreToldToScaleThem() throws IOException {
    Path file = file("tiny.csv", 200, 1e-6);

    Cli run = Cli.run("train", "--data", file.toString(), "--seed", "1");
    ObjectNode json = Cli.run("train", "--json", "--data", file.toString(), "--seed", "1").json();

    // the situation: least squares needs w of about 10⁶, SGD barely moves w from 0
    assertThat(Cli.doubles(json.get("olsW"))[0]).isCloseTo(2e6, within(1e4));
    assertThat(Math.abs(Cli.doubles(json.get("w"))[0])).isLessThan(1);
    assertThat(run.code()).isZero();
    List<String> notes = notes(run);
    assertThat(notes).hasSize(2);
    assertThat(notes.get(0)).contains("far from least squares");
    assertThat(notes.get(1))
        .contains(
            "features on scales far from 1",
            "(standard deviation of x2 1.0e-06, x1 1.1e-06)",
            "scale the features in the file",
            "subtract each column's mean and divide by its standard deviation")
        .doesNotContain("--epochs", "--standardize");
  }

  @Test
  void theChaptersRunsEndNearLeastSquaresAndGetNoNote() {
    for (int seed = 1; seed <= 20; seed++) {
      ObjectNode json = Cli.run("train", "--json", "--seed", String.valueOf(seed)).json();

      assertThat(json.get("olsGap").asDouble()).as("seed %d", seed).isLessThan(0.15);
      assertThat(json.get("notes")).as("seed %d", seed).isEmpty();
    }
    assertThat(Cli.run("train", "--seed", "1").out()).doesNotContain("note:");
  }

  @Test
  void withoutLeastSquaresThereIsNoGapAndNoNote() throws IOException {
    Path file = dir.resolve("three.csv");
    Files.writeString(file, "a,b,y\n1,2,3\n4,5,6\n7,8,9\n"); // 2 training rows, 3 unknowns

    ObjectNode json = Cli.run("train", "--json", "--data", file.toString(), "--seed", "1").json();

    assertThat(json.get("olsUnavailable").isNull()).isFalse();
    assertThat(json.get("olsGap").isNull()).isTrue();
    assertThat(json.get("notes")).isEmpty();
  }

  @Test
  void aDivergedRunGetsNoNote() {
    ObjectNode json = Cli.run("train", "--json", "--seed", "1", "--lr", "5").json();

    assertThat(json.get("diverged").asBoolean()).isTrue();
    assertThat(json.get("olsGap").isNull()).isTrue();
    assertThat(json.get("notes")).isEmpty();
  }
}
