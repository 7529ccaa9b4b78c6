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

  private static void assertUnavailable(LeastSquares.Fit fit, String reasonPart) {
    assertThat(fit.available()).isFalse();
    assertThat(fit.w()).isNull();
    assertThat(fit.b()).isNaN();
    assertThat(fit.unavailableReason()).contains(reasonPart);
  }
}
