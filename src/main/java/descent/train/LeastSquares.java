package descent.train;

/**
 * The closed-form least-squares fit of y ≈ Xw + b from the normal equations [X 1]ᵀ[X 1] θ = [X 1]ᵀ
 * y. It is the best any optimizer can do on the training data, so the app shows it beside the truth
 * and the learned values.
 */
public final class LeastSquares {
  /** Pivots smaller than this, relative to the largest diagonal entry, count as singular. */
  private static final double SINGULAR = 1e-12;

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

  /**
   * Fits {@code n = y.length} rows of {@code d} features ({@code x} is n × d, row-major).
   * Accumulates the (d+1)×(d+1) Gram matrix in one pass, then solves it by Gaussian elimination
   * with partial pivoting.
   */
  public static Fit fit(double[] x, double[] y, int d) {
    int n = y.length;
    int p = d + 1;
    if (n < p) {
      return Fit.unavailable(
          "only " + n + " training rows for " + p + " unknowns (w and b): the fit is not unique");
    }
    double[][] a = new double[p][p + 1]; // augmented [XᵀX | Xᵀy] with a column of ones last
    double[] row = new double[p];
    for (int i = 0; i < n; i++) {
      System.arraycopy(x, i * d, row, 0, d);
      row[d] = 1;
      for (int r = 0; r < p; r++) {
        double v = row[r];
        for (int c = r; c < p; c++) {
          a[r][c] += v * row[c];
        }
        a[r][p] += v * y[i];
      }
    }
    double scale = 0;
    for (int r = 0; r < p; r++) {
      for (int c = 0; c < r; c++) {
        a[r][c] = a[c][r];
      }
      scale = Math.max(scale, Math.abs(a[r][r]));
    }
    for (int col = 0; col < p; col++) {
      int pivot = col;
      for (int r = col + 1; r < p; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      if (!(Math.abs(a[pivot][col]) > SINGULAR * scale)) {
        return Fit.unavailable(
            "the normal equations are singular: a feature is constant or a combination of others");
      }
      double[] t = a[col];
      a[col] = a[pivot];
      a[pivot] = t;
      for (int r = col + 1; r < p; r++) {
        double f = a[r][col] / a[col][col];
        for (int c = col; c <= p; c++) {
          a[r][c] -= f * a[col][c];
        }
      }
    }
    double[] theta = new double[p];
    for (int r = p - 1; r >= 0; r--) {
      double acc = a[r][p];
      for (int c = r + 1; c < p; c++) {
        acc -= a[r][c] * theta[c];
      }
      theta[r] = acc / a[r][r];
    }
    for (double v : theta) {
      if (!Double.isFinite(v)) {
        return Fit.unavailable("the normal equations could not be solved in double precision");
      }
    }
    double[] w = new double[d];
    System.arraycopy(theta, 0, w, 0, d);
    return new Fit(w, theta[d], null);
  }
}
