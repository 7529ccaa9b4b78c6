package descent.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import descent.data.RegressionData;
import descent.data.SyntheticRegressionData;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** R² and RMSE from sufficient statistics agree with the row-by-row definitions. */
class FitQualityTest {

  /** R² = 1 − SS_res/SS_tot (around the rows' own mean) and RMSE, summed row by row. */
  private static double[] direct(RegressionData data, int from, int to, double[] w, double b) {
    int n = to - from;
    double mean = 0;
    for (int i = from; i < to; i++) {
      mean += data.targetOf(i) / n;
    }
    double ssRes = 0;
    double ssTot = 0;
    for (int i = from; i < to; i++) {
      double[] x = data.featuresOf(i);
      double yHat = b;
      for (int j = 0; j < x.length; j++) {
        yHat += x[j] * w[j];
      }
      double y = data.targetOf(i);
      ssRes += (yHat - y) * (yHat - y);
      ssTot += (y - mean) * (y - mean);
    }
    return new double[] {1 - ssRes / ssTot, Math.sqrt(ssRes / n)};
  }

  private static FitQuality quality(RegressionData data) {
    return FitQuality.of(
        data, LeastSquares.fit(data.trainFeatures(), data.trainTargets(), data.numFeatures()));
  }

  @Test
  void agreesWithTheRowByRowSumsOnBothSets() {
    RegressionData data =
        new SyntheticRegressionData(new double[] {2, -3.4}, 4.2, 0.01, 1000, 300, 10, true, 7L);
    FitQuality q = quality(data);
    int n = data.numTrain();
    int all = n + data.numVal();
    for (double[] wb :
        new double[][] {{0, 0, 0}, {1.5, -2, 3}, {2.01, -3.39, 4.19}, {10, 10, -10}}) {
      double[] w = {wb[0], wb[1]};
      double[] t = direct(data, 0, n, w, wb[2]);
      double[] v = direct(data, n, all, w, wb[2]);
      FitQuality.Scores train = q.training(w, wb[2]);
      FitQuality.Scores val = q.validation(w, wb[2]);
      assertThat(train.r2()).isCloseTo(t[0], within(1e-12));
      assertThat(train.rmse()).isCloseTo(t[1], within(1e-12));
      assertThat(val.r2()).isCloseTo(v[0], within(1e-12));
      assertThat(val.rmse()).isCloseTo(v[1], within(1e-12));
    }
    LeastSquares.Fit ols = q.leastSquares();
    double[] t = direct(data, 0, n, ols.w(), ols.b());
    double[] v = direct(data, n, all, ols.w(), ols.b());
    assertThat(q.leastSquaresTraining().r2()).isCloseTo(t[0], within(1e-12));
    assertThat(q.leastSquaresTraining().rmse()).isCloseTo(t[1], within(1e-12));
    assertThat(q.leastSquaresValidation().r2()).isCloseTo(v[0], within(1e-12));
    assertThat(q.leastSquaresValidation().rmse()).isCloseTo(v[1], within(1e-12));
    // noise 0.01: the best fit's RMSE is near the noise, its R² near 1
    assertThat(q.leastSquaresTraining().rmse()).isCloseTo(0.01, within(0.001));
    assertThat(q.leastSquaresTraining().r2()).isGreaterThan(0.99999);
  }

  @Test
  void aPerfectFitHasRSquaredOne() {
    // y = 3·x − 1 exactly, 6 training rows and 3 validation rows
    double[][] x = {{0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}};
    double[] y = new double[x.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = 3 * x[i][0] - 1;
    }
    FitQuality q = quality(new ArrayData(x, y, 6, 2));

    assertThat(q.training(new double[] {3}, -1).r2()).isCloseTo(1, within(1e-12));
    assertThat(q.training(new double[] {3}, -1).rmse()).isCloseTo(0, within(1e-7));
    assertThat(q.validation(new double[] {3}, -1).r2()).isCloseTo(1, within(1e-12));
    assertThat(q.leastSquaresTraining().r2()).isCloseTo(1, within(1e-12));
  }

  @Test
  void predictingTheMeanHasRSquaredZeroAndWorseIsNegative() {
    double[][] x = {{1}, {2}, {3}, {4}, {5}, {6}};
    double[] y = {2, 1, 4, 3, 6, 5}; // training mean 2.5 (rows 0-3), validation mean 5.5
    FitQuality q = quality(new ArrayData(x, y, 4, 2));

    FitQuality.Scores mean = q.training(new double[] {0}, 2.5);
    assertThat(mean.r2()).isCloseTo(0, within(1e-12));
    assertThat(mean.rmse()).isCloseTo(Math.sqrt(1.25), within(1e-12)); // the targets' sd
    // SS_tot of the validation rows is around their own mean, 5.5: predicting it scores 0
    assertThat(q.validation(new double[] {0}, 5.5).r2()).isCloseTo(0, within(1e-12));
    // the training mean on the validation rows is worse than their own mean: R² < 0
    FitQuality.Scores shifted = q.validation(new double[] {0}, 2.5);
    assertThat(shifted.r2()).isCloseTo(1 - 9.25 / 0.25, within(1e-12));
    assertThat(shifted.rmse()).isCloseTo(Math.sqrt(9.25), within(1e-12));
    // the wrong sign of slope is worse than the mean
    assertThat(q.training(new double[] {-1}, 5).r2()).isNegative();
  }

  @Test
  void withoutSpreadRSquaredIsUndefined() {
    double[][] x = {{1}, {2}, {3}, {4}};
    FitQuality noValidation = quality(new ArrayData(x, new double[] {1, 2, 3, 4}, 3, 1));
    assertThat(noValidation.validation(new double[] {1}, 0).r2()).isNaN(); // one row: no spread
    assertThat(noValidation.validation(new double[] {1}, 0).rmse()).isCloseTo(0, within(1e-12));

    FitQuality flat = quality(new ArrayData(x, new double[] {4, 4, 4, 4}, 3, 1));
    assertThat(flat.training(new double[] {0}, 4).r2()).isNaN();
    assertThat(flat.training(new double[] {0}, 3).rmse()).isCloseTo(1, within(1e-12));
  }

  @Test
  void theGapIsTheSquareRootOfTheRSquaredLost() {
    Random random = new Random(3);
    double[][] x = new double[200][2];
    double[] y = new double[200];
    for (int i = 0; i < y.length; i++) {
      x[i][0] = random.nextGaussian();
      x[i][1] = 5 * random.nextGaussian();
      y[i] = x[i][0] - 0.5 * x[i][1] + 2 + 0.3 * random.nextGaussian();
    }
    FitQuality q = quality(new ArrayData(x, y, 150, 10));
    double[] w = {0.4, -0.2};
    double lost = q.leastSquaresTraining().r2() - q.training(w, 1.5).r2();

    LeastSquaresGap gap = q.gap(w, 1.5).orElseThrow();
    assertThat(gap.gap()).isCloseTo(Math.sqrt(lost), within(1e-12));
    assertThat(gap.isFar()).isTrue();
    assertThat(q.gap(q.leastSquares().w(), q.leastSquares().b()).orElseThrow().gap())
        .isCloseTo(0, within(1e-12));
  }
}
