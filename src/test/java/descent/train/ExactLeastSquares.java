package descent.train;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The least-squares fit of given doubles in 120-digit decimal arithmetic: the normal equations [X
 * 1]ᵀ[X 1] θ = [X 1]ᵀ y summed exactly and solved by Gaussian elimination. Slow, and independent of
 * {@link LeastSquares}: at this precision the squared scales that defeat double precision do not
 * matter, so tests can hold the double-precision fit to it.
 */
final class ExactLeastSquares {
  private static final MathContext DIGITS = new MathContext(120);

  private ExactLeastSquares() {}

  /** θ = (w1 … wd, b). */
  static double[] solve(double[] x, double[] y, int d) {
    int n = y.length;
    int p = d + 1;
    BigDecimal[][] a = new BigDecimal[p][p + 1];
    for (BigDecimal[] row : a) {
      java.util.Arrays.fill(row, BigDecimal.ZERO);
    }
    BigDecimal[] row = new BigDecimal[p];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        row[j] = new BigDecimal(x[i * d + j]);
      }
      row[d] = BigDecimal.ONE;
      BigDecimal yi = new BigDecimal(y[i]);
      for (int r = 0; r < p; r++) {
        for (int c = 0; c < p; c++) {
          a[r][c] = a[r][c].add(row[r].multiply(row[c])); // exact: no rounding in sums of products
        }
        a[r][p] = a[r][p].add(row[r].multiply(yi));
      }
    }
    for (int col = 0; col < p; col++) {
      int pivot = col;
      for (int r = col + 1; r < p; r++) {
        if (a[r][col].abs().compareTo(a[pivot][col].abs()) > 0) {
          pivot = r;
        }
      }
      BigDecimal[] t = a[col];
      a[col] = a[pivot];
      a[pivot] = t;
      for (int r = col + 1; r < p; r++) {
        BigDecimal f = a[r][col].divide(a[col][col], DIGITS);
        for (int c = col; c <= p; c++) {
          a[r][c] = a[r][c].subtract(f.multiply(a[col][c], DIGITS), DIGITS);
        }
      }
    }
    BigDecimal[] theta = new BigDecimal[p];
    for (int r = p - 1; r >= 0; r--) {
      BigDecimal acc = a[r][p];
      for (int c = r + 1; c < p; c++) {
        acc = acc.subtract(a[r][c].multiply(theta[c], DIGITS), DIGITS);
      }
      theta[r] = acc.divide(a[r][r], DIGITS);
    }
    double[] out = new double[p];
    for (int i = 0; i < p; i++) {
      out[i] = theta[i].doubleValue();
    }
    return out;
  }
}
