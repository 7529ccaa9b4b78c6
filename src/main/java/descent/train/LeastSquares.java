package descent.train;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.qr.QRDecompositionHouseholderColumn_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The closed-form least-squares fit of y ≈ Xw + b: the best any optimizer can do on the training
 * data, so the app and the command line show it beside the truth and the learned values.
 *
 * <p>It never forms the normal equations, whose matrix [X 1]ᵀ[X 1] squares the data's scales: a
 * Unix-timestamp column (about 1.7·10⁹) beside a column of ones, or an area of 2·10⁵ beside a rate
 * of 0.05, puts entries 10¹⁸ apart into it, and elimination then mistakes a solvable fit for a
 * singular one. Instead each column is centred (which takes care of b) and divided by its standard
 * deviation, and the scaled system Z w′ = y − ȳ is solved by Householder QR (EJML), streamed over
 * blocks of rows so the data are never copied whole. Then w = w′ / std and b = ȳ − Σ wⱼ x̄ⱼ.
 *
 * <p>The fit is reported unavailable only when it really has no unique answer: a column whose
 * spread is lost in rounding (constant, like the bias's column of ones), or columns that are
 * linearly dependent up to rounding, which the singular values of the scaled system reveal.
 */
public final class LeastSquares {
  /** Machine precision, 2⁻⁵². */
  private static final double EPS = Math.ulp(1.0);

  /**
   * How many times the rounding error of the scaled data a spread or singular value must exceed to
   * count as real, not rounding noise.
   */
  private static final double TOLERANCE_FACTOR = 1000;

  /** Rows per block of the streamed QR. */
  private static final int BLOCK = 512;

  private LeastSquares() {}

  /** The fitted w and b, or the reason they are unavailable. */
  public record Fit(double[] w, double b, String unavailableReason) {
    public Fit {
      w = w == null ? null : w.clone();
    }

    public boolean available() {
      return unavailableReason == null;
    }

    @Override
    public double[] w() {
      return w == null ? null : w.clone();
    }

    static Fit unavailable(String reason) {
      return new Fit(null, Double.NaN, reason);
    }
  }

  /** Mean, standard deviation (over n) and largest magnitude of one column. */
  private record Moments(double mean, double std, double maxAbs) {}

  /** Fits {@code n = y.length} rows of {@code d} features ({@code x} is n × d, row-major). */
  public static Fit fit(double[] x, double[] y, int d) {
    int n = y.length;
    int p = d + 1;
    if (n < p) {
      return Fit.unavailable(
          "only " + n + " training rows for " + p + " unknowns (w and b): the fit is not unique");
    }
    Moments[] columns = new Moments[d];
    double noise = EPS; // the relative rounding error of the centred, scaled entries
    for (int j = 0; j < d; j++) {
      columns[j] = moments(x, j, d, n);
      Moments c = columns[j];
      if (!Double.isFinite(c.mean) || !Double.isFinite(c.std)) {
        return tooLarge();
      }
      if (!(c.std > TOLERANCE_FACTOR * EPS * c.maxAbs)) {
        return Fit.unavailable(
            "singular: the feature of w"
                + (j + 1)
                + " is constant, as the bias's column of ones is, so the fit is not unique");
      }
      noise = Math.max(noise, EPS * c.maxAbs / c.std);
    }
    Moments target = moments(y, 0, 1, n);
    if (!Double.isFinite(target.mean) || !Double.isFinite(target.std)) {
      return tooLarge();
    }
    double yScale = target.std > 0 ? target.std : 1;

    DMatrixRMaj r = triangularFactor(x, y, d, columns, target.mean, yScale);
    String dependent;
    if (r == null) {
      // a column became exactly zero inside the QR: exactly dependent on the ones before it.
      // ZᵀZ would lose a near-dependence in rounding, but names an exact one well enough.
      dependent = dependentFeatures(scaledGram(x, d, columns), Double.POSITIVE_INFINITY);
    } else {
      DMatrixRMaj rx = new DMatrixRMaj(d, d);
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          rx.set(i, j, r.get(i, j));
        }
      }
      dependent = dependentFeatures(rx, noise);
    }
    if (dependent != null) {
      return Fit.unavailable(
          "singular: the features of "
              + dependent
              + " are linearly dependent (one is a combination of the others and a constant),"
              + " so the fit is not unique");
    }

    // back-substitution of R w′ = Qᵀ(y − ȳ), then undo the scaling
    double[] scaled = new double[d];
    for (int i = d - 1; i >= 0; i--) {
      double acc = r.get(i, d);
      for (int j = i + 1; j < d; j++) {
        acc -= r.get(i, j) * scaled[j];
      }
      scaled[i] = acc / r.get(i, i);
    }
    double[] w = new double[d];
    double b = target.mean;
    for (int j = 0; j < d; j++) {
      w[j] = scaled[j] * yScale / columns[j].std;
      b -= w[j] * columns[j].mean;
    }
    for (double v : w) {
      if (!Double.isFinite(v)) {
        return tooLarge();
      }
    }
    return Double.isFinite(b) ? new Fit(w, b, null) : tooLarge();
  }

  private static Fit tooLarge() {
    return Fit.unavailable("the values are too large to fit in double precision");
  }

  /** Column {@code j} of an n × d row-major array: two passes, and a correction of the mean. */
  private static Moments moments(double[] a, int j, int d, int n) {
    double maxAbs = 0;
    double mean = 0;
    for (int i = 0; i < n; i++) {
      double v = a[i * d + j];
      maxAbs = Math.max(maxAbs, Math.abs(v));
      mean += v / n;
    }
    double correction = 0;
    for (int i = 0; i < n; i++) {
      correction += a[i * d + j] - mean;
    }
    mean += correction / n;
    if (maxAbs == 0) {
      return new Moments(0, 0, 0);
    }
    double sq = 0; // of deviations divided by maxAbs, so the squares cannot overflow
    for (int i = 0; i < n; i++) {
      double t = (a[i * d + j] - mean) / maxAbs;
      sq += t * t;
    }
    return new Moments(mean, maxAbs * Math.sqrt(sq / n), maxAbs);
  }

  /**
   * The (d+1) × (d+1) upper-triangular R of the QR factorisation of [Z | (y − ȳ)/s], Z the centred
   * and scaled features, built block by block: R of [R_so_far; next block] is R of all rows so far.
   * Its top-left d × d is Z's R, and its last column's top d entries are Qᵀ(y − ȳ)/s. Null when a
   * column is exactly dependent on the others.
   */
  private static DMatrixRMaj triangularFactor(
      double[] x, double[] y, int d, Moments[] columns, double yMean, double yScale) {
    int n = y.length;
    int p = d + 1;
    QRDecompositionHouseholderColumn_DDRM qr = new QRDecompositionHouseholderColumn_DDRM();
    DMatrixRMaj r = new DMatrixRMaj(0, p);
    for (int start = 0; start < n; start += BLOCK) {
      int k = Math.min(BLOCK, n - start);
      DMatrixRMaj a = new DMatrixRMaj(r.numRows + k, p);
      System.arraycopy(r.data, 0, a.data, 0, r.numRows * p);
      for (int i = 0; i < k; i++) {
        int row = start + i;
        int at = (r.numRows + i) * p;
        for (int j = 0; j < d; j++) {
          a.data[at + j] = (x[row * d + j] - columns[j].mean) / columns[j].std;
        }
        a.data[at + d] = (y[row] - yMean) / yScale;
      }
      if (!qr.decompose(a)) {
        return null; // EJML's Householder step meets a column of zeros: exactly rank-deficient
      }
      r = qr.getR(null, true);
    }
    return r;
  }

  /** ZᵀZ of the centred, scaled features, d × d. */
  private static DMatrixRMaj scaledGram(double[] x, int d, Moments[] columns) {
    int n = x.length / d;
    DMatrixRMaj g = new DMatrixRMaj(d, d);
    double[] z = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        z[j] = (x[i * d + j] - columns[j].mean) / columns[j].std;
      }
      for (int r = 0; r < d; r++) {
        for (int c = 0; c < d; c++) {
          g.data[r * d + c] += z[r] * z[c];
        }
      }
    }
    return g;
  }

  /**
   * When R (and so Z) has a singular value lost in rounding, the features its right singular vector
   * involves, e.g. "w1 and w3"; otherwise null. An infinite {@code noise} names the smallest
   * singular value's features whatever its size.
   */
  private static String dependentFeatures(DMatrixRMaj rx, double noise) {
    int d = rx.numRows;
    SingularValueDecomposition_F64<DMatrixRMaj> svd =
        DecompositionFactory_DDRM.svd(d, d, false, true, true);
    if (!svd.decompose(rx.copy())) {
      throw new IllegalStateException("SVD failed on a finite triangular matrix");
    }
    double[] sigma = svd.getSingularValues();
    int smallest = 0;
    double largest = 0;
    for (int i = 0; i < sigma.length; i++) {
      largest = Math.max(largest, sigma[i]);
      if (sigma[i] < sigma[smallest]) {
        smallest = i;
      }
    }
    if (sigma[smallest] > TOLERANCE_FACTOR * noise * largest) {
      return null;
    }
    DMatrixRMaj v = svd.getV(null, false);
    double top = 0;
    for (int j = 0; j < d; j++) {
      top = Math.max(top, Math.abs(v.get(j, smallest)));
    }
    List<String> names = new ArrayList<>();
    for (int j = 0; j < d; j++) {
      if (Math.abs(v.get(j, smallest)) > 0.05 * top) {
        names.add("w" + (j + 1));
      }
    }
    return names.size() == 1
        ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1))
            + " and "
            + names.get(names.size() - 1);
  }
}
