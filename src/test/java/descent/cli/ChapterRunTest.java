package descent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * The chapter's numbers (d2l §3.4, reproduced in PyTorch for seeds 0–7): with the defaults, 3
 * epochs of 96 steps leave errors (true − learned) of about w ≈ (0.11, −0.18) and b ≈ 0.23, because
 * each step shrinks the error by about (1 − η); with 10 epochs every error falls below 0.005. Runs
 * are seeded, so these cannot flake; the tolerances are the chapter's spread, not this engine's.
 */
class ChapterRunTest {
  @Test
  void defaultsOverTwentySeedsEndNearTheChapterErrors() {
    double[] sum = new double[3];
    int runs = 20;
    for (int seed = 0; seed < runs; seed++) {
      ObjectNode json = Cli.run("train", "--json", "--seed", String.valueOf(seed)).json();
      double[] errorW = Cli.doubles(json.get("errorW"));
      sum[0] += errorW[0];
      sum[1] += errorW[1];
      sum[2] += json.get("errorB").asDouble();
      assertThat(json.get("steps").asLong()).isEqualTo(96);
      assertThat(json.get("valLoss").asDouble()).as("val loss, seed %d", seed).isLessThan(0.2);
    }

    assertThat(sum[0] / runs).as("mean error in w1").isCloseTo(0.11, within(0.06));
    assertThat(sum[1] / runs).as("mean error in w2").isCloseTo(-0.18, within(0.06));
    assertThat(sum[2] / runs).as("mean error in b").isCloseTo(0.23, within(0.06));
  }

  @Test
  void tenEpochsBringEveryErrorBelowFiveThousandths() {
    for (int seed = 0; seed < 4; seed++) {
      ObjectNode json =
          Cli.run("train", "--json", "--epochs", "10", "--seed", String.valueOf(seed)).json();

      double[] errorW = Cli.doubles(json.get("errorW"));
      assertThat(Math.abs(errorW[0])).as("|error w1|, seed %d", seed).isLessThan(0.005);
      assertThat(Math.abs(errorW[1])).as("|error w2|, seed %d", seed).isLessThan(0.005);
      assertThat(Math.abs(json.get("errorB").asDouble()))
          .as("|error b|, seed %d", seed)
          .isLessThan(0.005);
      assertThat(json.get("steps").asLong()).isEqualTo(320);
    }
  }
}
