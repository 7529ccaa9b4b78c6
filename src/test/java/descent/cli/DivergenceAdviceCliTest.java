package descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Following the divergence advice works on the first retry: the command line diverges, prints a
 * rate worked out from the data, and the same run at that rate exits 0.
 */
class DivergenceAdviceCliTest {
  private static final Pattern SUGGESTED = Pattern.compile("try --lr (\\S+)$");

  @TempDir Path dir;

  /** Runs, expects exit 3, and returns the --lr the advice suggests. */
  private static String suggestedRate(String... args) {
    Cli run = Cli.run(args);
    assertThat(run.code()).as(run.err()).isEqualTo(3);
    assertThat(run.errLines()).hasSize(1);
    Matcher m = SUGGESTED.matcher(run.errLines().get(0));
    assertThat(m.find()).as(run.err()).isTrue();
    return m.group(1);
  }

  private static String[] withLr(String[] args, String lr) {
    String[] out = args.clone();
    for (int i = 0; i < out.length - 1; i++) {
      if (out[i].equals("--lr")) {
        out[i + 1] = lr;
      }
    }
    return out;
  }

  private static void retryConverges(String... args) {
    String lr = suggestedRate(args);
    Cli retry = Cli.run(withLr(args, lr));
    assertThat(retry.code()).as("retry at --lr " + lr + ": " + retry.err()).isZero();
    assertThat(retry.err()).isEmpty();
  }

  @Test
  void theChaptersDataAtLearningRateFiveConvergeInOneRetry() {
    retryConverges("train", "--seed", "1", "--lr", "5");
    retryConverges("train", "--seed", "3", "--lr", "40", "--batch-size", "1");
    retryConverges("train", "--seed", "2", "--lr", "3", "--batch-size", "1000", "--epochs", "20");
  }

  @Test
  void anUnscaledCsvConvergesInOneRetryAndHearsThatScalingIsTheCure() throws IOException {
    Random r = new Random(6);
    Path file =
        csv(
            "unscaled.csv",
            "big,small,y",
            1000,
            () -> 100 * r.nextGaussian(),
            r::nextGaussian,
            (a, b) -> 0.02 * a - 3.4 * b + 4.2 + 0.01 * r.nextGaussian());
    String[] args = {"train", "--seed", "1", "--data", file.toString(), "--lr", "0.03"};
    Cli first = Cli.run(args);
    assertThat(first.err())
        .contains(
            "lr 0.03 is above the stable bound for these data and batch 32",
            "the features' scales differ widely",
            "\"small\"",
            "\"big\"",
            "scaling the features is the cure")
        .doesNotContain("--standardize");
    retryConverges(args);
  }

  @Test
  void aHouseAreaBesideARateAndATimestampConvergeInOneRetry() throws IOException {
    Random r = new Random(5);
    Path house =
        csv(
            "house.csv",
            "area,rate,price",
            1000,
            () -> 2e5 + 4e4 * r.nextGaussian(),
            () -> 0.05 + 0.01 * r.nextGaussian(),
            (a, b) -> 0.8 * a + 3000 * b + 1e4 + 50 * r.nextGaussian());
    retryConverges("train", "--seed", "1", "--data", house.toString(), "--lr", "0.03");
    Path stamps =
        csv(
            "stamps.csv",
            "ts,z,y",
            1000,
            () -> 1.7e9 + Math.floor(3e7 * r.nextDouble()),
            r::nextGaussian,
            (a, b) -> 3e-8 * a + 2 * b - 45 + 0.5 * r.nextGaussian());
    retryConverges("train", "--seed", "1", "--data", stamps.toString(), "--lr", "0.03");
  }

  private interface Target {
    double of(double a, double b);
  }

  private Path csv(
      String name, String header, int rows, DoubleSupplier a, DoubleSupplier b, Target y)
      throws IOException {
    StringBuilder s = new StringBuilder(header).append('\n');
    for (int i = 0; i < rows; i++) {
      double va = a.getAsDouble();
      double vb = b.getAsDouble();
      s.append(String.format(Locale.ROOT, "%.17g,%.17g,%.17g%n", va, vb, y.of(va, vb)));
    }
    Path file = dir.resolve(name);
    Files.writeString(file, s);
    return file;
  }
}
