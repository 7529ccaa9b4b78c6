package descent.train;

import descent.data.RegressionData;

/**
 * Everything the chapter's squared loss needs to know about the training rows, in O(d²) numbers:
 * the row count n, the column means x̄ and ȳ, and the centred second moments
 *
 * <pre>
 *   S = (1/n) Σ (xᵢ − x̄)(xᵢ − x̄)ᵀ     s = (1/n) Σ (xᵢ − x̄)(yᵢ − ȳ)     v = (1/n) Σ (yᵢ − ȳ)²
 * </pre>
 *
 * <p>They carry the same information as [X 1]ᵀ[X 1], [X 1]ᵀy and yᵀy with the column sums (for
 * example XᵀX / n = S + x̄x̄ᵀ), but are stored centred on purpose. The raw moments square the
 * data's offsets: a feature near 10⁶ puts 10¹² into XᵀX / n, and the loss near the optimum, a
 * difference of such numbers, would keep only a few correct digits. Centred, the offset appears
 * once, in the mean residual x̄ᵀw + b − ȳ, just as it does when the loss is summed row by row. The
 * price is a second pass over the rows. The means are those of the corrected two-pass algorithm: a
 * first pass gives provisional means, the second sums the deviations from them and corrects both
 * the means and the moments by those sums, so the rounding of the first pass does not leak into the
 * moments.
 *
 * <p>The training rows are read in order, 0 … n−1. Features so large that their squares overflow
 * give non-finite moments, and every loss computed from them is then non-finite too.
 */
public final class SufficientStatistics {
  private final int n;
  private final int d;
  private final double[] centreX; // the provisional means, the point the moments are taken about
  private final double centreY;
  private final double[] shiftX; // mean deviation from the centre: x̄ = centre + shift
  private final double shiftY;
  private final double[] meanX;
  private final double meanY;
  private final double[] covXX; // d × d, row-major, symmetric
  private final double[] covXY;
  private final double varY;

  private SufficientStatistics(
      int n,
      int d,
      double[] centreX,
      double centreY,
      double[] shiftX,
      double shiftY,
      double[] covXX,
      double[] covXY,
      double varY) {
    this.n = n;
    this.d = d;
    this.centreX = centreX;
    this.centreY = centreY;
    this.shiftX = shiftX;
    this.shiftY = shiftY;
    this.meanX = new double[d];
    for (int j = 0; j < d; j++) {
      meanX[j] = centreX[j] + shiftX[j];
    }
    this.meanY = centreY + shiftY;
    this.covXX = covXX;
    this.covXY = covXY;
    this.varY = varY;
  }

  /** The statistics of the training rows of {@code data} (the validation rows are left out). */
  public static SufficientStatistics of(RegressionData data) {
    return of(data.trainFeatures(), data.trainTargets(), data.numFeatures());
  }

  /** The statistics of {@code n = y.length} rows of {@code d} features ({@code x} row-major). */
  public static SufficientStatistics of(double[] x, double[] y, int d) {
    int n = y.length;
    if (n < 1 || d < 1 || x.length != (long) n * d) {
      throw new IllegalArgumentException(
          "need n ≥ 1 rows of d ≥ 1 features, got "
              + x.length
              + " feature values for "
              + n
              + " targets and d = "
              + d);
    }
    // pass 1: provisional means
    double[] mx = new double[d];
    double my = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mx[j] += x[i * d + j];
      }
      my += y[i];
    }
    for (int j = 0; j < d; j++) {
      mx[j] /= n;
    }
    my /= n;
    // pass 2: sums of deviations from them, their products (upper triangle)
    double[] sx = new double[d];
    double sy = 0;
    double[] sxx = new double[d * d];
    double[] sxy = new double[d];
    double syy = 0;
    double[] dx = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        dx[j] = x[i * d + j] - mx[j];
        sx[j] += dx[j];
      }
      double dy = y[i] - my;
      sy += dy;
      syy += dy * dy;
      for (int r = 0; r < d; r++) {
        double v = dx[r];
        sxy[r] += v * dy;
        int at = r * d;
        for (int c = r; c < d; c++) {
          sxx[at + c] += v * dx[c];
        }
      }
    }
    // the mean deviation corrects the means, and its square the moments
    double[] ex = new double[d];
    for (int j = 0; j < d; j++) {
      ex[j] = sx[j] / n;
    }
    double ey = sy / n;
    double[] covXX = new double[d * d];
    double[] covXY = new double[d];
    for (int r = 0; r < d; r++) {
      for (int c = r; c < d; c++) {
        double v = sxx[r * d + c] / n - ex[r] * ex[c];
        covXX[r * d + c] = v;
        covXX[c * d + r] = v;
      }
      covXY[r] = sxy[r] / n - ex[r] * ey;
    }
    double varY = syy / n - ey * ey;
    return new SufficientStatistics(n, d, mx, my, ex, ey, covXX, covXY, varY);
  }

  /** n, the number of training rows. */
  public int numRows() {
    return n;
  }

  /** d, the number of features. */
  public int numFeatures() {
    return d;
  }

  /** x̄, the mean of each feature column (a copy). */
  public double[] meanX() {
    return meanX.clone();
  }

  /** ȳ, the mean target. */
  public double meanY() {
    return meanY;
  }

  /** S = (1/n) Σ (xᵢ − x̄)(xᵢ − x̄)ᵀ, d × d row-major (a copy). */
  public double[] covXX() {
    return covXX.clone();
  }

  /** s = (1/n) Σ (xᵢ − x̄)(yᵢ − ȳ) (a copy). */
  public double[] covXY() {
    return covXY.clone();
  }

  /** v = (1/n) Σ (yᵢ − ȳ)². */
  public double varY() {
    return varY;
  }

  /** S[r][c], without a copy. */
  double covXX(int r, int c) {
    return covXX[r * d + c];
  }

  /** s[r], without a copy. */
  double covXY(int r) {
    return covXY[r];
  }

  /** x̄[j], without a copy. */
  double meanX(int j) {
    return meanX[j];
  }

  /** The provisional mean of feature j: x̄ⱼ = centreX(j) + shiftX(j), the sum held unrounded. */
  double centreX(int j) {
    return centreX[j];
  }

  double shiftX(int j) {
    return shiftX[j];
  }

  /** The provisional mean of y: ȳ = centreY() + shiftY(), the sum held unrounded. */
  double centreY() {
    return centreY;
  }

  double shiftY() {
    return shiftY;
  }
}
