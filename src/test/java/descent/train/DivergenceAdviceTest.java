package descent.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import descent.data.RegressionData;
import descent.data.SyntheticRegressionData;
import descent.train.TrainingEvent.Diverged;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The advice after a divergence comes from the data's stable learning rate, and following it works:
 * each case diverges for real, then trains again at the suggested rate and converges.
 */
class DivergenceAdviceTest {
  private static final List<String> SIGMA = List.of("--sigma");

  private static SyntheticRegressionData chapter(int batch, long seed) {
    return new SyntheticRegressionData(
        new double[] {2, -3.4}, 4.2, 0.01, 1000, 1000, batch, true, seed);
  }

  /** Trains at {@code lr}, expects a divergence, and returns its advice. */
  private static DivergenceAdvice divergeAt(RegressionData data, double lr, long seed) {
    RunSummary run = new RunSpec(lr, 0.01, 3, 0, seed).fit(data, e -> {});
    assertThat(run.diverged()).as("lr " + lr + " diverges").isTrue();
    return DivergenceAdvice.of(run.divergence(), lr, data);
  }

  @Test
  void aboveTheBoundTheAdviceNamesTheBoundAndItsSuggestionWhichConverges() {
    RegressionData data = chapter(32, 1);
    DivergenceAdvice advice = divergeAt(data, 5, 1);

    assertThat(advice.aboveBound()).isTrue();
    assertThat(advice.scaleFeatures()).isFalse();
    assertThat(advice.suggestedRate()).isEqualTo(0.5);
    assertThat(advice.forCli(SIGMA))
        .isEqualTo(
            "lr 5 is above the stable bound for these data and batch 32 (1.7); try --lr 0.5");
    assertThat(advice.forApp())
        .isEqualTo("try a learning rate of 0.5 (stable below 1.7 for these data and batch 32)");

    RunSummary retry = new RunSpec(advice.suggestedRate(), 0.01, 3, 0, 1).fit(data, e -> {});
    assertThat(retry.diverged()).isFalse();
    assertThat(retry.errorW().orElseThrow()).containsExactly(new double[] {0, 0}, within(0.01));
  }

  @Test
  void belowTheBoundANoisyRunStillGetsALowerRateAndHearsTheBoundIsApproximate() {
    // batch 1 at lr 0.6, just under its bound of about 0.63: one unlucky row can still blow up
    RegressionData data = chapter(1, 4);
    DivergenceAdvice advice = divergeAt(data, 0.6, 4);

    assertThat(advice.aboveBound()).isFalse();
    assertThat(advice.suggestedRate()).isEqualTo(0.2);
    assertThat(advice.forCli(SIGMA))
        .isEqualTo(
            "lr 0.6 is below the stable bound for these data and batch 1 (0.63),"
                + " but that bound is approximate; try --lr 0.2");
    assertThat(advice.forApp())
        .isEqualTo(
            "try a learning rate of 0.2 (0.6 was below the bound for these data and batch 1,"
                + " 0.63, which is approximate)");

    RunSummary retry = new RunSpec(0.2, 0.01, 3, 0, 4).fit(data, e -> {});
    assertThat(retry.diverged()).isFalse();
    assertThat(retry.errorB().orElseThrow()).isCloseTo(0, within(0.02));
  }

  @Test
  void belowEvenTheSuggestedRateTheAdviceIsAFifthOfTheRate() {
    RegressionData data = chapter(1, 4);
    StabilityBound bound = StabilityBound.of(data);
    assertThat(bound.suggestedRate()).isEqualTo(0.2);
    Diverged d = new Diverged(0, 10, 11, 3e7, "the loss grew past a million times its first value");

    DivergenceAdvice advice = DivergenceAdvice.of(d, 0.15, bound, FeatureScales.of(data));
    assertThat(advice.suggestedRate()).isEqualTo(0.02);
    assertThat(advice.forCli(SIGMA)).endsWith("but that bound is approximate; try --lr 0.02");
  }

  @Test
  void featuresOnDifferentScalesGetTheScalingCureAndAStableRateInOneRetry() {
    // x1 ~ N(0, 100²), x2 ~ N(0, 1): the bound falls to about 2·10⁻⁴, and 0.03 diverges
    Random r = new Random(6);
    double[][] rows = new double[1000][];
    double[] y = new double[1000];
    for (int i = 0; i < 1000; i++) {
      rows[i] = new double[] {100 * r.nextGaussian(), r.nextGaussian()};
      y[i] = 0.02 * rows[i][0] - 3.4 * rows[i][1] + 4.2;
    }
    RegressionData data = new ArrayData(rows, y, 800, 32);
    DivergenceAdvice advice = divergeAt(data, 0.03, 6);

    assertThat(advice.scaleFeatures()).isTrue();
    assertThat(advice.scales().differWidely()).isTrue();
    String cli = advice.forCli(SIGMA);
    assertThat(cli)
        .startsWith("lr 0.03 is above the stable bound for these data and batch 32 (0.0002); ")
        .contains(
            "the features' scales differ widely (standard deviation 1 for \"x2\", 99 for \"x1\")",
            "scaling the features is the cure")
        .endsWith("; meanwhile try --lr 0.0001")
        .doesNotContain("--standardize");
    assertThat(advice.forApp())
        .startsWith(
            "scale the features (subtract each one's mean, divide by its standard deviation)")
        .endsWith(
            "meanwhile try a learning rate of 0.0001 (stable below 0.0002 for these data"
                + " and batch 32)");

    RunSummary retry = new RunSpec(advice.suggestedRate(), 0.01, 3, 0, 6).fit(data, e -> {});
    assertThat(retry.diverged()).isFalse();
    assertThat(retry.lastEpoch().orElseThrow().trainLoss())
        .isLessThan(retry.epochs().get(0).trainLoss());
  }

  @Test
  void oneLargeFeatureAloneAlsoCallsForScaling() {
    // a single feature around 1.7·10⁹ (a timestamp): no ratio to speak of, but a tiny bound
    Random r = new Random(7);
    double[][] rows = new double[500][];
    double[] y = new double[500];
    for (int i = 0; i < 500; i++) {
      rows[i] = new double[] {1.7e9 + Math.floor(3e7 * r.nextDouble())};
      y[i] = 3e-8 * rows[i][0] - 45 + 0.1 * r.nextGaussian();
    }
    RegressionData data = new ArrayData(rows, y, 400, 32);
    DivergenceAdvice advice = divergeAt(data, 0.03, 7);

    assertThat(advice.scales().differWidely()).isFalse();
    assertThat(advice.scaleFeatures()).isTrue();
    assertThat(advice.forCli(SIGMA))
        .contains("the feature \"x1\" is large (values around 1.7e+09): scaling the features")
        .matches(".*; meanwhile try --lr \\de-19");

    RunSummary retry = new RunSpec(advice.suggestedRate(), 0.01, 3, 0, 7).fit(data, e -> {});
    assertThat(retry.diverged()).isFalse();
  }

  @Test
  void aFirstLossThatIsNotFiniteBlamesTheWeightsOrTheDataNotTheRate() {
    RegressionData data = chapter(32, 1);
    RunSummary run = new RunSpec(0.03, 1e308, 3, 0, 1).fit(data, e -> {});
    Diverged d = run.divergence();
    assertThat(DivergenceAdvice.firstLossNotFinite(d)).isTrue();

    DivergenceAdvice advice = DivergenceAdvice.of(d, 0.03, data);
    assertThat(advice.learningRateHelps()).isFalse();
    assertThat(advice.scaleFeatures()).isFalse();
    assertThat(advice.suggestedRate()).isNaN();
    assertThat(advice.forCli(List.of("--sigma", "--noise")))
        .isEqualTo(
            "the initial weights or the data are too large to compute a finite loss;"
                + " lower --sigma or --noise (a smaller --lr will not help)");
    assertThat(advice.forApp())
        .isEqualTo(
            "the initial weights or the data are too large to compute a finite loss;"
                + " lower the initial σ or the data's values (a smaller learning rate will not"
                + " help)");
  }

  @Test
  void featuresTooLargeForAnyBoundAskOnlyForScaling() {
    double[][] rows = {{1e200}, {-1e200}, {3e199}, {1}};
    RegressionData data = new ArrayData(rows, new double[] {1, 2, 3, 4}, 3, 3);
    assertThat(StabilityBound.of(data).known()).isFalse();
    Diverged d = new Diverged(0, 0, 2, Double.POSITIVE_INFINITY, "the loss is ∞");

    DivergenceAdvice advice = DivergenceAdvice.of(d, 0.03, data);
    assertThat(advice.suggestedRate()).isNaN();
    assertThat(advice.forCli(SIGMA))
        .startsWith("no learning rate is known to be stable: the features are too large")
        .endsWith("scale the features (subtract each one's mean, divide by its standard deviation)")
        .doesNotContain("--lr");
  }

  @Test
  void numbersHaveTwoSignificantDigitsAndNoTrailingZeros() {
    assertThat(DivergenceAdvice.number(0.5)).isEqualTo("0.5");
    assertThat(DivergenceAdvice.number(5)).isEqualTo("5");
    assertThat(DivergenceAdvice.number(0.03)).isEqualTo("0.03");
    assertThat(DivergenceAdvice.number(100)).isEqualTo("100");
    assertThat(DivergenceAdvice.number(39_400)).isEqualTo("39000");
    assertThat(DivergenceAdvice.number(0.00018)).isEqualTo("0.00018");
    assertThat(DivergenceAdvice.number(5e-5)).isEqualTo("5e-05");
    assertThat(DivergenceAdvice.number(1.7e9)).isEqualTo("1.7e+09");
    assertThat(DivergenceAdvice.number(1e300)).isEqualTo("1e+300");
  }
}
