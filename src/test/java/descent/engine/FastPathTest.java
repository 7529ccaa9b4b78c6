package descent.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The engine's fast paths (ADR 0031) give the general code's numbers bit for bit, and the methods
 * added for them keep the engine's rules: wrapping shares, gathering in place counts as a change.
 */
class FastPathTest {

  /** A random (m, k) matrix with values of mixed signs and sizes, so sums round differently. */
  private static double[] values(int n, long seed) {
    Random r = new Random(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextGaussian() * Math.pow(10, r.nextInt(7) - 3);
    }
    return v;
  }

  private static long[] bits(double[] values) {
    long[] out = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Double.doubleToLongBits(values[i]);
    }
    return out;
  }

  /**
   * X·w for a column w runs four rows at once and its gradient four rows per pass; the general loop
   * (a right operand of two columns, here both equal to w) must give the same bits, for row counts
   * that do and do not divide by four.
   */
  @Test
  void theColumnProductAndItsGradientMatchTheGeneralLoopBitForBit() {
    int k = 37;
    for (int m : new int[] {1, 3, 4, 7, 32, 257}) {
      double[] x = values(m * k, m);
      double[] w = values(k, 100 + m);
      double[] g = values(m, 200 + m);
      double[] w2 = new double[2 * k];
      for (int p = 0; p < k; p++) {
        w2[2 * p] = w[p];
        w2[2 * p + 1] = w[p];
      }
      Tensor column = Tensor.of(w, k, 1).requiresGrad(true);
      Tensor general = Tensor.of(w2, k, 2).requiresGrad(true);
      Tensor fast = Tensor.of(x, m, k).matmul(column);
      Tensor slow = Tensor.of(x, m, k).matmul(general);
      double[] g2 = new double[2 * m];
      for (int i = 0; i < m; i++) {
        g2[2 * i] = g[i];
      }
      fast.backward(Tensor.of(g, m, 1));
      slow.backward(Tensor.of(g2, m, 2));

      double[] slowOut = slow.toArray();
      double[] slowGrad = general.grad().toArray();
      double[] firstColumn = new double[m];
      for (int i = 0; i < m; i++) {
        firstColumn[i] = slowOut[2 * i];
      }
      double[] firstColumnGrad = new double[k];
      for (int p = 0; p < k; p++) {
        firstColumnGrad[p] = slowGrad[2 * p];
      }
      assertThat(bits(fast.toArray())).as("X·w, m = %d", m).containsExactly(bits(firstColumn));
      assertThat(bits(column.grad().toArray()))
          .as("Xᵀg, m = %d", m)
          .containsExactly(bits(firstColumnGrad));
    }
  }

  /** A one-element operand broadcasts without an index map, with the same sums in backward. */
  @Test
  void aOneElementOperandBroadcastsAndSumsItsGradientInOrder() {
    double[] y = values(9, 3);
    Tensor b = Tensor.of(0.25).requiresGrad(true);
    Tensor out = Tensor.of(y, 9, 1).add(b);
    assertThat(out.shape()).isEqualTo(Shape.of(9, 1));
    double[] g = values(9, 4);
    out.backward(Tensor.of(g, 9, 1));
    double sum = 0;
    for (double v : g) {
      sum += v;
    }
    assertThat(Double.doubleToLongBits(b.grad().item())).isEqualTo(Double.doubleToLongBits(sum));
    assertThat(Tensor.of(y, 9, 1).div(2).toArray()[8]).isEqualTo(y[8] / 2);
  }

  @Test
  void wrapSharesTheArrayAndChecksTheShape() {
    double[] values = {1, 2, 3, 4, 5, 6};
    Tensor t = Tensor.wrap(values, 3, 2);
    values[5] = 60;
    assertThat(t.get(2, 1)).isEqualTo(60);
    assertThatThrownBy(() -> Tensor.wrap(values, 4, 2))
        .isInstanceOf(ShapeException.class)
        .hasMessage("wrap: 6 values cannot fill shape (4, 2) of 8");
  }

  @Test
  void gatheringRowsInPlaceFillsThemAndCountsAsAnInPlaceChange() {
    double[] table = {0, 1, 10, 11, 20, 21, 30, 31};
    Tensor x = Tensor.zeros(2, 2).named("X");
    Tensor w = Tensor.of(new double[] {1, -1}, 2, 1).requiresGrad(true);
    Tensor loss = x.matmul(w).sum();
    x.gatherRowsInPlace(table, new int[] {3, 1});
    assertThat(x.toArray()).containsExactly(30, 31, 10, 11);
    // matmul saved X for w's gradient: the refill makes backward refuse, as any in-place change
    assertThatThrownBy(loss::backward)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "tensor 'X' of shape (2, 2) was modified in place by gatherRowsInPlace");
    Tensor y = Tensor.zeros(2, 1);
    y.gatherRowsInPlace(new double[] {5, 6, 7}, new int[] {2, 0});
    assertThat(y.toArray()).containsExactly(7, 5);
    assertThatThrownBy(() -> y.gatherRowsInPlace(new double[] {5, 6, 7}, new int[] {2}))
        .isInstanceOf(ShapeException.class)
        .hasMessage("gatherRowsInPlace: 1 rows into a tensor of shape (2, 1)");
  }

  @Test
  void allFiniteSeesNaNAndInfinities() {
    assertThat(Tensor.of(1, -2, 0).allFinite()).isTrue();
    assertThat(Tensor.of(1, Double.NaN).allFinite()).isFalse();
    assertThat(Tensor.of(Double.NEGATIVE_INFINITY).allFinite()).isFalse();
  }
}
