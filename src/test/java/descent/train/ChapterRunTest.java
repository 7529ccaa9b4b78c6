package descent.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import descent.data.SyntheticRegressionData;
import descent.engine.Seeds;
import descent.model.LinearRegressionScratch;
import descent.train.TrainingEvent.BatchDone;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chapter's run with its defaults: true w = (2, −3.4), b = 4.2, noise 0.01, 1000 + 1000 rows,
 * batch 32, lr 0.03, σ = 0.01. Each step shrinks the error by about (1 − η), so after 96 steps it
 * is about 0.97⁹⁶ ≈ 0.054 of the truth: w ≈ (0.11, −0.18), b ≈ 0.23.
 */
class ChapterRunTest {
  private static final double[] TRUE_W = {2, -3.4};
  private static final double TRUE_B = 4.2;

  private static RunSummary chapterRun(long seed, int epochs, List<TrainingEvent> events) {
    var data = new SyntheticRegressionData(TRUE_W, TRUE_B, seed);
    var model = new LinearRegressionScratch(2, 0.03, Seeds.stream(seed, 3));
    assertThat(model.sigma()).isEqualTo(0.01);
    assertThat(model.configureOptimizers().learningRate()).isEqualTo(0.03);
    return new Trainer(epochs).fit(model, data, events::add);
  }

  @Test
  void threeEpochsOverTwentySeedsLeaveTheChaptersErrors() {
    double[] sum = new double[4];
    int seeds = 20;
    for (long seed = 0; seed < seeds; seed++) {
      List<TrainingEvent> events = new ArrayList<>();
      RunSummary run = chapterRun(seed, 3, events);

      assertThat(run.steps()).isEqualTo(96);
      assertThat(run.diverged()).isFalse();
      assertThat(run.epochs()).extracting(e -> e.step()).containsExactly(32L, 64L, 96L);
      List<BatchDone> batches = new ArrayList<>();
      events.forEach(
          e -> {
            if (e instanceof BatchDone b) {
              batches.add(b);
            }
          });
      assertThat(batches).hasSize(96);
      assertThat(batches.get(31).examples()).isEqualTo(1000 - 31 * 32); // the kept partial batch

      double[] ew = run.errorW().orElseThrow();
      double eb = run.errorB().orElseThrow();
      double val = run.lastEpoch().orElseThrow().valLoss();
      // Every seed: the right signs and sizes, nowhere near converged nor diverged.
      assertThat(ew[0]).as("seed %d error w0", seed).isBetween(0.0, 0.3);
      assertThat(ew[1]).as("seed %d error w1", seed).isBetween(-0.4, -0.05);
      assertThat(eb).as("seed %d error b", seed).isBetween(0.15, 0.35);
      assertThat(val).as("seed %d val loss", seed).isBetween(0.02, 0.12);
      assertThat(run.epochs().get(2).valLoss()).isLessThan(run.epochs().get(1).valLoss());
      assertThat(run.epochs().get(1).valLoss()).isLessThan(run.epochs().get(0).valLoss());
      sum[0] += ew[0];
      sum[1] += ew[1];
      sum[2] += eb;
      sum[3] += val;
    }
    // Seeds are fixed, so this is deterministic; the margins allow a change of random streams.
    // Over blocks of 20 seeds the means stay within ±0.02 of the chapter's.
    assertThat(sum[0] / seeds).isCloseTo(0.11, within(0.05));
    assertThat(sum[1] / seeds).isCloseTo(-0.18, within(0.05));
    assertThat(sum[2] / seeds).isCloseTo(0.23, within(0.03));
    assertThat(sum[3] / seeds).isCloseTo(0.055, within(0.02));
  }

  @Test
  void tenEpochsBringEveryErrorBelowFiveThousandthsAndValLossToNoiseSquaredOverTwo() {
    for (long seed = 0; seed < 5; seed++) {
      RunSummary run = chapterRun(seed, 10, new ArrayList<>());
      assertThat(run.steps()).isEqualTo(320);
      for (double e : run.errorW().orElseThrow()) {
        assertThat(Math.abs(e)).as("seed %d", seed).isLessThan(0.005);
      }
      assertThat(Math.abs(run.errorB().orElseThrow())).as("seed %d", seed).isLessThan(0.005);
      // noise² / 2 = 5e-5 at convergence
      assertThat(run.lastEpoch().orElseThrow().valLoss()).isCloseTo(5e-5, within(1e-5));
    }
  }

  @Test
  void leastSquaresOfTheTrainingRowsSitsNextToTheTruth() {
    for (long seed = 0; seed < 5; seed++) {
      RunSummary run = chapterRun(seed, 1, new ArrayList<>());
      LeastSquares.Fit ols = run.leastSquares();
      assertThat(ols.available()).isTrue();
      assertThat(ols.unavailableReason()).isNull();
      assertThat(ols.w()).containsExactly(TRUE_W, within(0.002));
      assertThat(ols.b()).isCloseTo(TRUE_B, within(0.002));
      assertThat(run.truth().orElseThrow().w()).containsExactly(TRUE_W);
    }
  }
}
