package descent.train;

import descent.data.RegressionData;

/**
 * The full training loss L(w, b) = (1/2n) Σ (xᵢᵀw + b − yᵢ)² of the chapter's model, evaluated from
 * the data's {@link SufficientStatistics} instead of the rows, for the loss-landscape map: a slice
 * over two parameters with the others held fixed.
 *
 * <p>Derivation. Write rᵢ = xᵢᵀw + b − yᵢ = ((xᵢ − x̄)ᵀw − (yᵢ − ȳ)) + m with the mean residual m =
 * x̄ᵀw + b − ȳ. The centred parts sum to zero over the rows, so the cross term vanishes and L = ½
 * q(w) + ½ m², where q(w) = wᵀSw − 2sᵀw + v ≥ 0 is the mean squared centred residual (S, s, v the
 * centred moments). This is ½θᵀHθ − θᵀg + c for θ = [w; b], H = [X 1]ᵀ[X 1]/n, g = [X 1]ᵀy/n, c =
 * yᵀy/2n, rearranged around the means. Its gradient is ∂L/∂w = (Sw − s) + x̄m and ∂L/∂b = m. On a
 * slice through the point p⁰ along parameters i and j (index d stands for b), with δ = p − p⁰, m is
 * linear, m = m⁰ + aᵢδᵢ + aⱼδⱼ (a = x̄ₖ for a weight, 1 for b), and q quadratic, q = q⁰ + 2(ρᵢδᵢ +
 * ρⱼδⱼ) + Sᵢᵢδᵢ² + 2Sᵢⱼδᵢδⱼ + Sⱼⱼδⱼ² (ρ = Sw − s; the S and ρ entries of b are 0). Everything but δ
 * is computed once per slice in O(d²), so a grid cell costs a handful of flops.
 *
 * <p>Accuracy: m, where a feature's offset cancels against b, is summed with error-free
 * transformations, so large offsets cost less than they do in the row-by-row sum. q is a difference
 * of terms of the size of v = var(y); where the loss itself is far below var(y) (a nearly exact
 * fit, near its optimum) its relative error grows like ε·var(y)/L, while the absolute error stays
 * near ε·var(y), far below what a contour shows.
 */
public final class LossSurface {
  private final SufficientStatistics stats;
  private final LeastSquares.Fit optimum;
  private final int d;

  /** The window of a slice: the range of each of its two parameters. */
  public record Window(double iMin, double iMax, double jMin, double jMax) {}

  /**
   * @param stats the training rows' statistics
   * @param optimum their least-squares fit, which {@link #window} includes when it is available
   */
  public LossSurface(SufficientStatistics stats, LeastSquares.Fit optimum) {
    this.stats = stats;
    this.optimum = optimum;
    this.d = stats.numFeatures();
  }

  /** The surface of the training rows of {@code data}: their statistics and least-squares fit. */
  public static LossSurface of(RegressionData data) {
    return new LossSurface(
        SufficientStatistics.of(data),
        LeastSquares.fit(data.trainFeatures(), data.trainTargets(), data.numFeatures()));
  }

  /** d, the number of weights; axis d is b. */
  public int numFeatures() {
    return d;
  }

  public LeastSquares.Fit optimum() {
    return optimum;
  }

  /** L(w, b) over all training rows. */
  public double loss(double[] w, double b) {
    checkWeights(w);
    double m = meanResidual(w, b);
    return 0.5 * centredResidual(w) + 0.5 * m * m;
  }

  /** The full-batch gradient [∂L/∂w; ∂L/∂b], length d + 1. */
  public double[] gradient(double[] w, double b) {
    checkWeights(w);
    double m = meanResidual(w, b);
    double[] g = new double[d + 1];
    for (int k = 0; k < d; k++) {
      g[k] = rho(w, k) + stats.meanX(k) * m;
    }
    g[d] = m;
    return g;
  }

  /**
   * The grid coordinate of {@code index} (0 … count − 1) on an axis from {@code min} to {@code
   * max}: the values {@link #grid} evaluates at.
   */
  public static double coordinate(double min, double max, int count, int index) {
    return index == count - 1 ? max : min + (max - min) * index / (count - 1);
  }

  /** {@link #grid(int, int, double[], double, Window, int, int, double[])} into a new array. */
  public double[] grid(int axisI, int axisJ, double[] w, double b, Window window, int nI, int nJ) {
    checkGrid(nI, nJ);
    return grid(axisI, axisJ, w, b, window, nI, nJ, new double[nI * nJ]);
  }

  /**
   * The loss on an nI × nJ grid over parameters {@code axisI} and {@code axisJ} (0 … d − 1 for w₁ …
   * w_d, d for b), the other parameters held at {@code w} and {@code b}. Cell (a, c), at parameter
   * values {@link #coordinate}(iMin, iMax, nI, a) and ({@code jMin, jMax, nJ, c}), is written to
   * {@code out[c * nI + a]}: i runs along a row, j down the rows.
   *
   * @return {@code out}
   * @throws IllegalArgumentException for an axis out of range, equal axes, fewer than 2 points on
   *     an axis, a non-finite or empty range, non-finite held parameters, or {@code out} too short
   */
  public double[] grid(
      int axisI, int axisJ, double[] w, double b, Window window, int nI, int nJ, double[] out) {
    checkAxis("axisI", axisI);
    checkAxis("axisJ", axisJ);
    if (axisI == axisJ) {
      throw new IllegalArgumentException(
          "the two axes must differ, both are " + axisName(axisI) + " (axis " + axisI + ")");
    }
    checkGrid(nI, nJ);
    checkRange("axisI", window.iMin(), window.iMax());
    checkRange("axisJ", window.jMin(), window.jMax());
    checkWeights(w);
    for (int k = 0; k < d; k++) {
      if (!Double.isFinite(w[k])) {
        throw new IllegalArgumentException(
            "the held parameters must be finite, w" + (k + 1) + " = " + w[k]);
      }
    }
    if (!Double.isFinite(b)) {
      throw new IllegalArgumentException("the held parameters must be finite, b = " + b);
    }
    if (out.length < nI * nJ) {
      throw new IllegalArgumentException(
          "out holds " + out.length + " values, fewer than " + nI + " × " + nJ);
    }
    double p0i = axisI == d ? b : w[axisI];
    double p0j = axisJ == d ? b : w[axisJ];
    double ai = axisI == d ? 1 : stats.meanX(axisI);
    double aj = axisJ == d ? 1 : stats.meanX(axisJ);
    double ri = axisI == d ? 0 : rho(w, axisI);
    double rj = axisJ == d ? 0 : rho(w, axisJ);
    double sii = axisI == d ? 0 : stats.covXX(axisI, axisI);
    double sjj = axisJ == d ? 0 : stats.covXX(axisJ, axisJ);
    double sij = axisI == d || axisJ == d ? 0 : stats.covXX(axisI, axisJ);
    double m0 = meanResidual(w, b);
    double q0 = centredResidual(w);
    for (int c = 0; c < nJ; c++) {
      double dj = coordinate(window.jMin(), window.jMax(), nJ, c) - p0j;
      double mj = m0 + aj * dj;
      double qj = q0 + dj * (2 * rj + sjj * dj);
      double linI = 2 * (ri + sij * dj);
      int row = c * nI;
      for (int a = 0; a < nI; a++) {
        double di = coordinate(window.iMin(), window.iMax(), nI, a) - p0i;
        double m = mj + ai * di;
        double q = qj + di * (linI + sii * di);
        out[row + a] = 0.5 * q + 0.5 * m * m;
      }
    }
    return out;
  }

  /**
   * A window for the slice over {@code axisI} and {@code axisJ} that holds the current point, the
   * true parameters ({@code truth}, or null when unknown) and the least-squares optimum (when
   * available), with a margin of a quarter of their spread on each side. Non-finite points (a
   * diverged run) are left out. An axis on which the points agree gets half its value on each side,
   * or ±1 around 0.
   */
  public Window window(int axisI, int axisJ, double[] w, double b, RegressionData.Truth truth) {
    checkAxis("axisI", axisI);
    checkAxis("axisJ", axisJ);
    checkWeights(w);
    double[] bi = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    double[] bj = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    include(bi, bj, axisI, axisJ, w, b);
    if (truth != null) {
      include(bi, bj, axisI, axisJ, truth.w(), truth.b());
    }
    if (optimum != null && optimum.available()) {
      include(bi, bj, axisI, axisJ, optimum.w(), optimum.b());
    }
    double[] i = padded(bi);
    double[] j = padded(bj);
    return new Window(i[0], i[1], j[0], j[1]);
  }

  private void include(double[] bi, double[] bj, int axisI, int axisJ, double[] w, double b) {
    if (w.length != d) {
      throw new IllegalArgumentException("w has " + w.length + " values, the data " + d);
    }
    double pi = axisI == d ? b : w[axisI];
    double pj = axisJ == d ? b : w[axisJ];
    if (Double.isFinite(pi) && Double.isFinite(pj)) {
      bi[0] = Math.min(bi[0], pi);
      bi[1] = Math.max(bi[1], pi);
      bj[0] = Math.min(bj[0], pj);
      bj[1] = Math.max(bj[1], pj);
    }
  }

  private static double[] padded(double[] bounds) {
    if (bounds[0] > bounds[1]) { // no finite point at all
      return new double[] {-1, 1};
    }
    double span = bounds[1] - bounds[0];
    if (span > 0) {
      return new double[] {bounds[0] - span / 4, bounds[1] + span / 4};
    }
    double v = bounds[0];
    double half = v == 0 ? 1 : Math.abs(v) / 2;
    return new double[] {v - half, v + half};
  }

  /**
   * m = x̄ᵀw + b − ȳ, where the large terms cancel: x̄ and ȳ are taken as their provisional centres
   * plus small shifts, and the centres' part is summed with error-free transformations (the
   * product's rounding error by fma, the sum's by TwoSum), so m is accurate to a few ulps of the
   * terms' own size rather than of the offsets'.
   */
  private double meanResidual(double[] w, double b) {
    double sum = 0;
    double err = 0;
    for (int k = 0; k < d; k++) {
      double p = stats.centreX(k) * w[k];
      err += Math.fma(stats.centreX(k), w[k], -p);
      double t = sum + p;
      err += twoSumError(sum, p, t);
      sum = t;
      err += stats.shiftX(k) * w[k];
    }
    double t = sum + b;
    err += twoSumError(sum, b, t);
    sum = t;
    t = sum - stats.centreY();
    err += twoSumError(sum, -stats.centreY(), t);
    return t + (err - stats.shiftY());
  }

  /** The rounding error of t = fl(a + b): a + b = t + error exactly (Knuth's TwoSum). */
  private static double twoSumError(double a, double b, double t) {
    double bv = t - a;
    return (a - (t - bv)) + (b - bv);
  }

  /** q(w) = wᵀSw − 2sᵀw + v. */
  private double centredResidual(double[] w) {
    double q = stats.varY();
    for (int r = 0; r < d; r++) {
      double sw = 0;
      for (int c = 0; c < d; c++) {
        sw += stats.covXX(r, c) * w[c];
      }
      q += w[r] * (sw - 2 * stats.covXY(r));
    }
    return q;
  }

  /** (Sw − s)ₖ. */
  private double rho(double[] w, int k) {
    double acc = -stats.covXY(k);
    for (int c = 0; c < d; c++) {
      acc += stats.covXX(k, c) * w[c];
    }
    return acc;
  }

  private String axisName(int axis) {
    return axis == d ? "b" : "w" + (axis + 1);
  }

  private void checkAxis(String name, int axis) {
    if (axis < 0 || axis > d) {
      throw new IllegalArgumentException(
          name + " must be 0 … " + d + " (w1 … w" + d + ", then b), got " + axis);
    }
  }

  private static void checkGrid(int nI, int nJ) {
    if (nI < 2 || nJ < 2) {
      throw new IllegalArgumentException(
          "a grid needs at least 2 points on each axis, got " + nI + " × " + nJ);
    }
    if ((long) nI * nJ > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("a grid of " + nI + " × " + nJ + " points is too large");
    }
  }

  private static void checkRange(String name, double min, double max) {
    if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
      throw new IllegalArgumentException(
          "the range of "
              + name
              + " must be finite with min < max, got ["
              + min
              + ", "
              + max
              + "]");
    }
  }

  private void checkWeights(double[] w) {
    if (w == null || w.length != d) {
      throw new IllegalArgumentException(
          "w must hold " + d + " values, got " + (w == null ? "none" : w.length));
    }
  }
}
