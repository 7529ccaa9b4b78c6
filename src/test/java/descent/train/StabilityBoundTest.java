package descent.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import descent.data.RegressionData;
import descent.data.SyntheticRegressionData;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The largest stable learning rate, checked in closed form and on real runs. */
class StabilityBoundTest {

  /** x = ±s, half each: H = diag(s², 1), λ_max = s², κ = s² + 1. */
  private static double[] plusMinus(double s, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i % 2 == 0 ? s : -s;
    }
    return x;
  }

  @Test
  void fullBatchIsTwoOverTheLargestEigenvalue() {
    StabilityBound bound = StabilityBound.of(plusMinus(3, 100), 100, 1, 100);
    assertThat(bound.lambdaMax()).isCloseTo(9, within(1e-12));
    assertThat(bound.meanSquaredNorm()).isCloseTo(10, within(1e-12));
    assertThat(bound.maxStableRate()).isCloseTo(2.0 / 9, within(1e-12));
    assertThat(bound.fullBatchRate()).isCloseTo(2.0 / 9, within(1e-12));
    assertThat(bound.describe()).isEqualTo("stable below 0.22 for these data and full batch");
  }

  @Test
  void batchOneIsTwoOverTheMeanSquaredNormOfTheAugmentedRow() {
    StabilityBound bound = StabilityBound.of(plusMinus(3, 100), 100, 1, 1);
    assertThat(bound.maxStableRate()).isCloseTo(2.0 / 10, within(1e-12));
    assertThat(bound.describe()).isEqualTo("stable below 0.2 for these data and batch 1");
  }

  @Test
  void smallerBatchesLowerTheBound() {
    double[] x = gaussian(2, 1000, 7, 1);
    double previous = Double.POSITIVE_INFINITY;
    for (int b : new int[] {1000, 256, 32, 8, 1}) {
      double rate = StabilityBound.of(x, 1000, 2, b).maxStableRate();
      assertThat(rate).isLessThan(previous);
      previous = rate;
    }
  }

  @Test
  void theChaptersDataAreStableBelowAboutTwoAtBatch32() {
    StabilityBound bound = StabilityBound.of(chapter(32, 0));
    // H ≈ I, so λ_max ≈ 1 and the full-batch bound is about 2; batch 32 lowers it a little
    assertThat(bound.fullBatchRate()).isBetween(1.8, 2.0);
    assertThat(bound.maxStableRate()).isBetween(1.7, 1.95);
    assertThat(bound.describe()).matches("stable below 1\\.[789] for these data and batch 32");
    assertThat(bound.suggestedRate()).isEqualTo(0.5);
  }

  @Test
  void featuresTooLargeToComputeGiveNoBound() {
    StabilityBound bound = StabilityBound.of(new double[] {1e200, -1e200}, 2, 1, 1);
    assertThat(bound.known()).isFalse();
    assertThat(bound.suggestedRate()).isZero();
    assertThat(bound.isStable(1e-300)).isFalse();
    assertThat(bound.describe()).contains("too large");
  }

  @ParameterizedTest
  @CsvSource({
    "0.945, 0.5",
    "1.9, 1",
    "2, 2",
    "4.99, 2",
    "5, 5",
    "0.0049, 0.002",
    "7.3e-5, 5e-5",
    "123, 100"
  })
  void suggestionsAreReadableNumbersRoundedDown(double v, double expected) {
    assertThat(StabilityBound.roundDown125(v)).isEqualTo(expected);
  }

  // ------------------------------------------------------------------ real runs

  /** Full batch: 10 % above the bound diverges, 10 % below converges. */
  @ParameterizedTest
  @ValueSource(longs = {0, 1, 2})
  void fullBatchTenPercentAboveTheBoundDivergesAndBelowConverges(long seed) {
    RegressionData data =
        new SyntheticRegressionData(new double[] {2, -3.4}, 4.2, 0.01, 200, 50, 200, true, seed);
    StabilityBound bound = StabilityBound.of(data);
    assertThat(bound.maxStableRate()).isEqualTo(bound.fullBatchRate());

    RunSummary above =
        new RunSpec(1.1 * bound.maxStableRate(), 0.01, 400, 0, seed).fit(data, e -> {});
    assertThat(above.diverged()).as("lr 10%% above the bound").isTrue();

    RunSummary below =
        new RunSpec(0.9 * bound.maxStableRate(), 0.01, 400, 0, seed).fit(data, e -> {});
    assertThat(below.diverged()).isFalse();
    assertThat(java.util.Arrays.stream(below.errorW().orElseThrow()).boxed().toList())
        .allSatisfy(e -> assertThat(e).isCloseTo(0, within(0.01)));
  }

  /** The suggested rate converges on the chapter's data, at batch 32 and at batch 1. */
  @ParameterizedTest
  @ValueSource(ints = {1, 32, 1000})
  void theSuggestedRateConvergesOnTheChaptersData(int batch) {
    RegressionData data = chapter(batch, 3);
    StabilityBound bound = StabilityBound.of(data);
    RunSummary run = new RunSpec(bound.suggestedRate(), 0.01, 30, 0, 3).fit(data, e -> {});
    assertThat(run.diverged()).isFalse();
    assertThat(java.util.Arrays.stream(run.errorW().orElseThrow()).boxed().toList())
        .allSatisfy(e -> assertThat(e).isCloseTo(0, within(0.02)));
    assertThat(run.errorB().orElseThrow()).isCloseTo(0, within(0.02));
  }

  /** One feature 100× larger than the other: the bound falls by 10⁴, and the suggestion holds. */
  @Test
  void theSuggestedRateConvergesOnUnscaledFeaturesWhereTheChaptersRateDiverges() {
    double[] x = gaussian(2, 1000, 5, 100, 1);
    double[] y = new double[1000];
    for (int i = 0; i < 1000; i++) {
      y[i] = 0.02 * x[2 * i] - 3.4 * x[2 * i + 1] + 4.2;
    }
    double[][] rows = new double[1000][];
    for (int i = 0; i < 1000; i++) {
      rows[i] = new double[] {x[2 * i], x[2 * i + 1]};
    }
    RegressionData data = new ArrayData(rows, y, 800, 32);
    StabilityBound bound = StabilityBound.of(data);
    assertThat(bound.maxStableRate()).isLessThan(3e-4);

    assertThat(new RunSpec(0.03, 0.01, 3, 0, 5).fit(data, e -> {}).diverged()).isTrue();
    RunSummary run = new RunSpec(bound.suggestedRate(), 0.01, 3, 0, 5).fit(data, e -> {});
    assertThat(run.diverged()).isFalse();
    assertThat(run.lastEpoch().orElseThrow().trainLoss())
        .isLessThan(run.epochs().get(0).trainLoss() * 1.0001);
  }

  private static RegressionData chapter(int batch, long seed) {
    return new SyntheticRegressionData(
        new double[] {2, -3.4}, 4.2, 0.01, 1000, 1000, batch, true, seed);
  }

  /** n rows of d independent N(0, scale²) features, one scale per feature (the last repeats). */
  private static double[] gaussian(int d, int n, long seed, double... scales) {
    Random r = new Random(seed);
    double[] x = new double[n * d];
    for (int i = 0; i < n * d; i++) {
      x[i] = r.nextGaussian() * scales[Math.min(i % d, scales.length - 1)];
    }
    return x;
  }
}
