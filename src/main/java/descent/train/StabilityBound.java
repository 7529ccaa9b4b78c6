package descent.train;

import descent.data.RegressionData;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The largest learning rate at which SGD on these training rows, with this batch size, still
 * converges: the chapter's lesson in one number. {@code docs/learning-rate-bound.md} derives it.
 *
 * <p>With x̃ = [x 1] (the bias is a column of ones) and H = [X 1]ᵀ[X 1] / n, the loss is quadratic
 * with Hessian H, and one step of full-batch gradient descent multiplies the error along H's top
 * eigenvector by (1 − ηλ_max). It shrinks only while η &lt; 2 / λ_max. A minibatch of B rows sees a
 * noisy H_B instead; asking the error's mean square to shrink gives
 *
 * <pre>
 *   η &lt; 2 / (λ_max + c_B (κ − λ_max)),   κ = tr H = E‖x̃‖²,   c_B = (n − B) / (B (n − 1))
 * </pre>
 *
 * which is exactly 2 / λ_max for full batch (c_n = 0) and 2 / E‖x̃‖² for batch size 1 (c_1 = 1).
 *
 * @param maxStableRate the bound for {@code batchSize}; 0 when the features are too large to say
 * @param fullBatchRate 2 / λ_max, the bound of full-batch gradient descent
 * @param lambdaMax the largest eigenvalue of H
 * @param meanSquaredNorm κ = E‖x̃‖² = tr H
 */
public record StabilityBound(
    double maxStableRate,
    double fullBatchRate,
    double lambdaMax,
    double meanSquaredNorm,
    int batchSize,
    int numTrain) {

  /** The bound for the training rows and batch size of {@code data}. */
  public static StabilityBound of(RegressionData data) {
    return of(data.trainFeatures(), data.numTrain(), data.numFeatures(), data.batchSize());
  }

  /**
   * The bound for {@code n} rows of {@code d} features ({@code x} is n × d, row-major) and
   * minibatches of {@code batchSize} rows.
   */
  public static StabilityBound of(double[] x, int n, int d, int batchSize) {
    if (n < 1 || d < 0 || x.length < (long) n * d || batchSize < 1) {
      throw new IllegalArgumentException(
          "need n ≥ 1 rows of d features and a batch size ≥ 1, got n = "
              + n
              + ", d = "
              + d
              + ", batch size "
              + batchSize);
    }
    int b = Math.min(batchSize, n);
    double[][] h = hessian(x, n, d);
    double kappa = 0;
    for (int i = 0; i <= d; i++) {
      kappa += h[i][i];
    }
    double lambda = largestEigenvalue(h);
    double fraction = n == 1 ? 0 : (double) (n - b) / ((double) b * (n - 1));
    double denominator = lambda + fraction * Math.max(0, kappa - lambda);
    boolean finite = Double.isFinite(denominator) && Double.isFinite(lambda) && lambda > 0;
    return new StabilityBound(
        finite ? 2 / denominator : 0, finite ? 2 / lambda : 0, lambda, kappa, b, n);
  }

  /** H = [X 1]ᵀ[X 1] / n, accumulated in one pass over the rows (the upper triangle, mirrored). */
  private static double[][] hessian(double[] x, int n, int d) {
    int p = d + 1;
    double[][] h = new double[p][p];
    double[] row = new double[p];
    row[d] = 1;
    for (int i = 0; i < n; i++) {
      System.arraycopy(x, i * d, row, 0, d);
      for (int r = 0; r < p; r++) {
        double v = row[r];
        double[] hr = h[r];
        for (int c = r; c < p; c++) {
          hr[c] += v * row[c];
        }
      }
    }
    for (int r = 0; r < p; r++) {
      for (int c = r; c < p; c++) {
        h[r][c] /= n;
        h[c][r] = h[r][c];
      }
    }
    return h;
  }

  /** λ_max of a symmetric matrix, by EJML's symmetric eigen-decomposition; NaN if it fails. */
  private static double largestEigenvalue(double[][] h) {
    for (double[] row : h) {
      for (double v : row) {
        if (!Double.isFinite(v)) {
          return Double.POSITIVE_INFINITY;
        }
      }
    }
    int p = h.length;
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(p, false, true);
    if (!eig.decompose(new DMatrixRMaj(h))) {
      return Double.NaN;
    }
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
      max = Math.max(max, eig.getEigenvalue(i).getReal());
    }
    return max;
  }

  /** Whether the bound could be computed (false when the features overflow). */
  public boolean known() {
    return maxStableRate > 0;
  }

  /** Whether {@code lr} is below the bound. */
  public boolean isStable(double lr) {
    return lr > 0 && lr < maxStableRate;
  }

  /**
   * A learning rate to suggest: about half the bound (near 1 / λ_max, where full-batch descent
   * removes the steepest direction's error in one step, and well clear of minibatch noise), rounded
   * down to 1, 2 or 5 times a power of ten so a student can type it. 0 when the bound is unknown.
   */
  public double suggestedRate() {
    return known() ? roundDown125(maxStableRate / 2) : 0;
  }

  /** "stable below 1.9 for these data and batch 32" (or "full batch"). */
  public String describe() {
    if (!known()) {
      return "no stable learning rate: the features are too large to compute one";
    }
    return "stable below "
        + twoDigits(maxStableRate)
        + " for these data and "
        + (batchSize >= numTrain ? "full batch" : "batch " + batchSize);
  }

  /** The largest of 1, 2 and 5 times a power of ten that is at most {@code v}. */
  static double roundDown125(double v) {
    double decade = Math.pow(10, Math.floor(Math.log10(v)));
    double m = v / decade;
    // guard against 10^floor(log10 v) landing a hair above v
    if (m < 1) {
      decade /= 10;
      m = v / decade;
    }
    double step = m >= 5 ? 5 : m >= 2 ? 2 : 1;
    return Double.parseDouble(String.format(Locale.ROOT, "%.3g", step * decade));
  }

  /** Two significant digits, rounded down so the text never overstates the bound. */
  static String twoDigits(double v) {
    double decade = Math.pow(10, Math.floor(Math.log10(v)) - 1);
    double down = Math.floor(v / decade * (1 + 1e-12)) * decade;
    return new java.math.BigDecimal(String.format(Locale.ROOT, "%.2g", down))
        .stripTrailingZeros()
        .toPlainString();
  }
}
