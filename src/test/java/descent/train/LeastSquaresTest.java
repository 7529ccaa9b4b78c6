package descent.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import descent.engine.Seeds;
import descent.model.LinearRegressionScratch;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The closed-form fit: exact on noiseless data, and honest about when it has no unique answer. */
class LeastSquaresTest {
  private static final double[] W = {1.5, -2.25, 0.75};
  private static final double B = -0.6;

  /** n rows of d = 3 features, row-major, drawn from N(0, 1) scaled per column. */
  private static double[] features(int n, long seed) {
    Random random = new Random(seed);
    double[] x = new double[n * 3];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextGaussian() * (1 + i % 3);
    }
    return x;
  }

  private static double[] targets(double[] x, int d) {
    double[] y = new double[x.length / d];
    for (int i = 0; i < y.length; i++) {
      double acc = B;
      for (int j = 0; j < d; j++) {
        acc += x[i * d + j] * W[j];
      }
      y[i] = acc;
    }
    return y;
  }

  @Test
  void recoversNoiselessParametersExactly() {
    double[] x = features(50, 1);
    LeastSquares.Fit fit = LeastSquares.fit(x, targets(x, 3), 3);
    assertThat(fit.available()).isTrue();
    assertThat(fit.unavailableReason()).isNull();
    assertThat(fit.w()).containsExactly(W, within(1e-10));
    assertThat(fit.b()).isCloseTo(B, within(1e-10));
  }

  @Test
  void exactlyAsManyRowsAsUnknownsIsEnough() {
    double[] x = features(4, 2);
    LeastSquares.Fit fit = LeastSquares.fit(x, targets(x, 3), 3);
    assertThat(fit.available()).isTrue();
    assertThat(fit.w()).containsExactly(W, within(1e-8));
    assertThat(fit.b()).isCloseTo(B, within(1e-8));
  }

  @Test
  void fitsTheLeastSquaresLineNotJustNoiselessData() {
    // y = 0, 1, 1, 3 at x = 0, 1, 2, 3: slope 0.9 and intercept 1.25 − 0.9·1.5 = −0.1 by the
    // textbook formulas.
    LeastSquares.Fit fit =
        LeastSquares.fit(new double[] {0, 1, 2, 3}, new double[] {0, 1, 1, 3}, 1);
    assertThat(fit.w()).containsExactly(new double[] {0.9}, within(1e-12));
    assertThat(fit.b()).isCloseTo(-0.1, within(1e-12));
  }

  @Test
  void aDuplicatedFeatureColumnIsSingular() {
    double[] x = features(30, 3);
    for (int i = 0; i < 30; i++) {
      x[i * 3 + 2] = x[i * 3];
    }
    assertUnavailable(LeastSquares.fit(x, targets(x, 3), 3), "singular");
  }

  @Test
  void aFeatureThatCombinesOthersIsSingular() {
    double[] x = features(30, 4);
    for (int i = 0; i < 30; i++) {
      x[i * 3 + 2] = 3 * x[i * 3] - 0.7 * x[i * 3 + 1];
    }
    assertUnavailable(LeastSquares.fit(x, targets(x, 3), 3), "singular");
  }

  @Test
  void aConstantFeatureIsSingularBecauseTheBiasAlreadyIsOne() {
    double[] x = features(30, 5);
    for (int i = 0; i < 30; i++) {
      x[i * 3 + 1] = 0.1;
    }
    assertUnavailable(LeastSquares.fit(x, targets(x, 3), 3), "constant");
  }

  @Test
  void anAllZeroFeatureIsSingular() {
    double[] x = features(30, 6);
    for (int i = 0; i < 30; i++) {
      x[i * 3] = 0;
    }
    assertUnavailable(LeastSquares.fit(x, targets(x, 3), 3), "singular");
  }

  @Test
  void fewerRowsThanUnknownsIsUnavailable() {
    double[] x = features(3, 7); // 3 rows, 4 unknowns
    LeastSquares.Fit fit = LeastSquares.fit(x, targets(x, 3), 3);
    assertUnavailable(fit, "only 3 training rows for 4 unknowns");
    assertUnavailable(LeastSquares.fit(new double[0], new double[0], 1), "only 0");
  }

  @Test
  void theRunSummaryReportsASingularTrainingSetAsUnavailable() {
    // x2 duplicates x1 in every row, training and validation alike.
    double[][] rows = new double[12][];
    double[] y = new double[12];
    for (int i = 0; i < 12; i++) {
      rows[i] = new double[] {i - 5.5, i - 5.5};
      y[i] = 2 * i;
    }
    var data = new ArrayData(rows, y, 8, 4);
    var model = new LinearRegressionScratch(2, 0.01, 0, Seeds.stream(0, 3));
    RunSummary summary = new Trainer(1).fit(model, data);
    assertThat(summary.diverged()).isFalse();
    assertThat(summary.truth()).isEmpty();
    assertThat(summary.errorW()).isEmpty();
    assertUnavailable(summary.leastSquares(), "singular");
  }

  @Test
  void fitIsACopyThatCallersCannotChange() {
    double[] x = features(20, 8);
    LeastSquares.Fit fit = LeastSquares.fit(x, targets(x, 3), 3);
    fit.w()[0] = 99;
    assertThat(fit.w()[0]).isCloseTo(W[0], within(1e-10));
  }

  // ------------------------------------------------------------- scales that squared badly

  /** 1000 rows: a Unix timestamp (1.7·10⁹ plus up to 3·10⁷ s) and an N(0, 1) column. */
  private static double[] timestampAndGaussian(long seed) {
    Random r = new Random(seed);
    double[] x = new double[2000];
    for (int i = 0; i < 1000; i++) {
      x[2 * i] = 1.7e9 + Math.floor(r.nextDouble() * 3e7);
      x[2 * i + 1] = r.nextGaussian();
    }
    return x;
  }

  /** 1000 rows: an area of about 2·10⁵ and a rate of about 0.05. */
  private static double[] areaAndRate(long seed) {
    Random r = new Random(seed);
    double[] x = new double[2000];
    for (int i = 0; i < 1000; i++) {
      x[2 * i] = 2e5 + 4e4 * r.nextGaussian();
      x[2 * i + 1] = 0.05 + 0.01 * r.nextGaussian();
    }
    return x;
  }

  private static double[] linear(double[] x, double[] w, double b, double noise, long seed) {
    Random r = new Random(seed);
    int d = w.length;
    double[] y = new double[x.length / d];
    for (int i = 0; i < y.length; i++) {
      double acc = b + noise * r.nextGaussian();
      for (int j = 0; j < d; j++) {
        acc += w[j] * x[i * d + j];
      }
      y[i] = acc;
    }
    return y;
  }

  @Test
  void aTimestampColumnBesideAGaussianOneMatchesTheHighPrecisionFit() {
    double[] x = timestampAndGaussian(11);
    double[] y = linear(x, new double[] {3e-8, 2}, -45, 0.5, 12);
    assertMatchesExactFit(LeastSquares.fit(x, y, 2), ExactLeastSquares.solve(x, y, 2));
  }

  @Test
  void anAreaBesideARateMatchesTheHighPrecisionFit() {
    double[] x = areaAndRate(13);
    double[] y = linear(x, new double[] {0.8, 3000}, 1e4, 50, 14);
    assertMatchesExactFit(LeastSquares.fit(x, y, 2), ExactLeastSquares.solve(x, y, 2));
  }

  @Test
  void noiselessDataOnThoseScalesGiveBackTheirParameters() {
    double[] ts = timestampAndGaussian(15);
    LeastSquares.Fit fit = LeastSquares.fit(ts, linear(ts, new double[] {3e-8, 2}, -45, 0, 0), 2);
    assertRelativelyClose(fit, new double[] {3e-8, 2, -45}, 1e-6);

    double[] ar = areaAndRate(16);
    fit = LeastSquares.fit(ar, linear(ar, new double[] {0.8, 3000}, 1e4, 0, 0), 2);
    assertRelativelyClose(fit, new double[] {0.8, 3000, 1e4}, 1e-6);
  }

  @Test
  void theChaptersDataStillGiveTheNormalEquationsValues() {
    // the values the former normal-equations solver gave, printed to 17 digits
    var chapter = new descent.data.SyntheticRegressionData(new double[] {2, -3.4}, 4.2, 1);
    LeastSquares.Fit fit = LeastSquares.fit(chapter.trainFeatures(), chapter.trainTargets(), 2);
    assertThat(fit.w())
        .containsExactly(new double[] {1.9998212939413411, -3.4002373273876247}, within(1e-9));
    assertThat(fit.b()).isCloseTo(4.2002585715241880, within(1e-9));

    var five =
        new descent.data.SyntheticRegressionData(
            new double[] {1.5, -2, 0.5, 3, -1}, 0.7, 0.5, 300, 10, 32, true, 7);
    fit = LeastSquares.fit(five.trainFeatures(), five.trainTargets(), 5);
    assertThat(fit.w())
        .containsExactly(
            new double[] {
              1.5068607396486116,
              -1.9820452521610172,
              0.53434906507019820,
              2.9759580318334815,
              -0.99122656198349070
            },
            within(1e-9));
    assertThat(fit.b()).isCloseTo(0.69774923244448990, within(1e-9));
  }

  @Test
  void aColumnThatIsAnotherPlusALargeConstantIsStillSingular() {
    // x3 = x1 + 10⁶: dependent on x1 and the bias; rounding hides it only below 10⁻¹⁰
    double[] x = features(40, 9);
    for (int i = 0; i < 40; i++) {
      x[i * 3 + 2] = x[i * 3] + 1e6;
    }
    assertUnavailable(LeastSquares.fit(x, targets(x, 3), 3), "w1 and w3 are linearly dependent");
  }

  @Test
  void theReasonNamesTheColumnsInvolved() {
    double[] dup = features(30, 3);
    double[] combo = features(30, 4);
    double[] constant = features(30, 5);
    for (int i = 0; i < 30; i++) {
      dup[i * 3 + 2] = dup[i * 3];
      combo[i * 3 + 2] = 3 * combo[i * 3] - 0.7 * combo[i * 3 + 1];
      constant[i * 3 + 1] = 1.7e9;
    }
    assertUnavailable(
        LeastSquares.fit(dup, targets(dup, 3), 3),
        "singular: the features of w1 and w3 are linearly dependent");
    assertUnavailable(
        LeastSquares.fit(combo, targets(combo, 3), 3),
        "singular: the features of w1, w2 and w3 are linearly dependent");
    assertUnavailable(
        LeastSquares.fit(constant, targets(constant, 3), 3),
        "singular: the feature of w2 is constant");
  }

  /** Each of w and b within 10⁻⁹ of the exact fit, relative to its size. */
  private static void assertMatchesExactFit(LeastSquares.Fit fit, double[] exact) {
    assertRelativelyClose(fit, exact, 1e-9);
  }

  private static void assertRelativelyClose(LeastSquares.Fit fit, double[] expected, double rel) {
    assertThat(fit.available()).as(fit.unavailableReason()).isTrue();
    double[] w = fit.w();
    for (int j = 0; j < w.length; j++) {
      assertThat(w[j])
          .as("w" + (j + 1))
          .isCloseTo(expected[j], within(rel * Math.abs(expected[j])));
    }
    double b = expected[w.length];
    assertThat(fit.b()).as("b").isCloseTo(b, within(rel * Math.abs(b)));
  }

  private static void assertUnavailable(LeastSquares.Fit fit, String reasonPart) {
    assertThat(fit.available()).isFalse();
    assertThat(fit.w()).isNull();
    assertThat(fit.b()).isNaN();
    assertThat(fit.unavailableReason()).contains(reasonPart);
  }
}
