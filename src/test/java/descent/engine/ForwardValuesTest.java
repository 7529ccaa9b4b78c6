package descent.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Forward values of every op on small cases worked out by hand. */
class ForwardValuesTest {
  private static final Tensor M = Tensor.of(new double[][] {{1, 2}, {3, 4}});

  @Test
  void matmulOfAMatrixAndAColumn() {
    Tensor c = M.matmul(Tensor.of(new double[][] {{5}, {6}}));
    assertThat(c.shape()).isEqualTo(Shape.of(2, 1));
    assertThat(c.toArray()).containsExactly(17, 39);
  }

  @Test
  void matmulOfAMatrixAndAVectorGivesAVector() {
    Tensor c = M.matmul(Tensor.of(5, 6));
    assertThat(c.shape()).isEqualTo(Shape.of(2));
    assertThat(c.toArray()).containsExactly(17, 39);
  }

  @Test
  void matmulOfTwoMatrices() {
    // [[1,2],[3,4]] @ [[5,6,7],[8,9,10]] = [[21,24,27],[47,54,61]]
    Tensor c = M.matmul(Tensor.of(new double[][] {{5, 6, 7}, {8, 9, 10}}));
    assertThat(c.shape()).isEqualTo(Shape.of(2, 3));
    assertThat(c.toArray()).containsExactly(21, 24, 27, 47, 54, 61);
  }

  @Test
  void broadcastAddOfARowVector() {
    Tensor c = M.add(Tensor.of(10, 20));
    assertThat(c.shape()).isEqualTo(Shape.of(2, 2));
    assertThat(c.toArray()).containsExactly(11, 22, 13, 24);
  }

  @Test
  void broadcastAddOfAColumn() {
    Tensor c = M.add(Tensor.of(new double[][] {{10}, {20}}));
    assertThat(c.toArray()).containsExactly(11, 12, 23, 24);
  }

  @Test
  void broadcastOfAColumnAndARowGivesAnOuterTable() {
    Tensor col = Tensor.of(new double[] {1, 2, 3}, 3, 1);
    Tensor row = Tensor.of(new double[] {10, 20}, 1, 2);
    Tensor sum = col.add(row);
    assertThat(sum.shape()).isEqualTo(Shape.of(3, 2));
    assertThat(sum.toArray()).containsExactly(11, 21, 12, 22, 13, 23);
    Tensor product = row.mul(col);
    assertThat(product.shape()).isEqualTo(Shape.of(3, 2));
    assertThat(product.toArray()).containsExactly(10, 20, 20, 40, 30, 60);
  }

  @Test
  void broadcastOfRank3WithAColumn() {
    Tensor a = Tensor.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 2, 2);
    Tensor b = Tensor.of(new double[] {100, 200}, 2, 1);
    Tensor c = a.sub(b);
    assertThat(c.shape()).isEqualTo(Shape.of(2, 2, 2));
    assertThat(c.toArray()).containsExactly(-99, -98, -197, -196, -95, -94, -193, -192);
  }

  @Test
  void scalarOperandsOnEitherSide() {
    assertThat(M.mul(2).toArray()).containsExactly(2, 4, 6, 8);
    assertThat(Tensor.scalar(12).div(M).toArray()).containsExactly(12, 6, 4, 3);
    assertThat(M.sub(1).toArray()).containsExactly(0, 1, 2, 3);
    assertThat(M.add(0.5).toArray()).containsExactly(1.5, 2.5, 3.5, 4.5);
    assertThat(Tensor.scalar(1).sub(M).shape()).isEqualTo(Shape.of(2, 2));
    assertThat(Tensor.scalar(3).add(Tensor.scalar(4)).shape()).isEqualTo(Shape.SCALAR);
  }

  @Test
  void elementwiseBinaryOpsOnEqualShapes() {
    Tensor b = Tensor.of(new double[][] {{2, 4}, {8, 16}});
    assertThat(M.add(b).toArray()).containsExactly(3, 6, 11, 20);
    assertThat(M.sub(b).toArray()).containsExactly(-1, -2, -5, -12);
    assertThat(M.mul(b).toArray()).containsExactly(2, 8, 24, 64);
    assertThat(b.div(M).toArray()).containsExactly(2, 2, 8.0 / 3, 4);
  }

  @Test
  void sumAlongEachAxis() {
    Tensor a = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
    Tensor down = a.sum(0, false);
    assertThat(down.shape()).isEqualTo(Shape.of(3));
    assertThat(down.toArray()).containsExactly(5, 7, 9);
    Tensor across = a.sum(1, false);
    assertThat(across.shape()).isEqualTo(Shape.of(2));
    assertThat(across.toArray()).containsExactly(6, 15);
    Tensor acrossKept = a.sum(-1, true);
    assertThat(acrossKept.shape()).isEqualTo(Shape.of(2, 1));
    assertThat(acrossKept.toArray()).containsExactly(6, 15);
    Tensor downKept = a.sum(-2, true);
    assertThat(downKept.shape()).isEqualTo(Shape.of(1, 3));
    assertThat(downKept.toArray()).containsExactly(5, 7, 9);
  }

  @Test
  void sumAlongTheMiddleAxisOfRank3() {
    Tensor a = Tensor.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 2, 3, 2);
    Tensor s = a.sum(1, false);
    assertThat(s.shape()).isEqualTo(Shape.of(2, 2));
    assertThat(s.toArray()).containsExactly(9, 12, 27, 30);
    Tensor m = a.mean(1, true);
    assertThat(m.shape()).isEqualTo(Shape.of(2, 1, 2));
    assertThat(m.toArray()).containsExactly(3, 4, 9, 10);
  }

  @Test
  void sumOfAVectorAlongItsOnlyAxisIsAScalar() {
    Tensor s = Tensor.of(1, 2, 3, 4).sum(0, false);
    assertThat(s.shape()).isEqualTo(Shape.SCALAR);
    assertThat(s.item()).isEqualTo(10);
  }

  @Test
  void sumAndMeanOfAllElements() {
    assertThat(M.sum().shape()).isEqualTo(Shape.SCALAR);
    assertThat(M.sum().item()).isEqualTo(10);
    assertThat(M.mean().item()).isEqualTo(2.5);
    assertThat(Tensor.scalar(7).mean().item()).isEqualTo(7);
  }

  @Test
  void meanAlongEachAxis() {
    Tensor a = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
    assertThat(a.mean(0, false).toArray()).containsExactly(2.5, 3.5, 4.5);
    assertThat(a.mean(1, false).toArray()).containsExactly(2, 5);
    assertThat(a.mean(1, true).shape()).isEqualTo(Shape.of(2, 1));
  }

  @Test
  void meanIsATrueMeanNotASumDividedTwice() {
    // A mean of means, as a model's loss over a batch would take it.
    Tensor a = Tensor.of(new double[][] {{2, 4}, {6, 8}});
    assertThat(a.mean(1, false).mean().item()).isEqualTo(5);
    assertThat(Tensor.full(3.0, 4, 5).mean().item()).isEqualTo(3);
  }

  @Test
  void transposeOfAMatrix() {
    Tensor a = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
    Tensor t = a.transpose();
    assertThat(t.shape()).isEqualTo(Shape.of(3, 2));
    assertThat(t.toArray()).containsExactly(1, 4, 2, 5, 3, 6);
    assertThat(t.get(2, 1)).isEqualTo(6);
  }

  @Test
  void transposeOfAVectorOrScalarIsItself() {
    Tensor v = Tensor.of(1, 2, 3);
    assertThat(v.transpose().shape()).isEqualTo(Shape.of(3));
    assertThat(v.transpose().toArray()).containsExactly(1, 2, 3);
    assertThat(Tensor.scalar(4).transpose().item()).isEqualTo(4);
  }

  @Test
  void reshapeKeepsRowMajorOrder() {
    Tensor a = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
    Tensor r = a.reshape(3, 2);
    assertThat(r.shape()).isEqualTo(Shape.of(3, 2));
    assertThat(r.toArray()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(r.get(1, 0)).isEqualTo(3);
    assertThat(a.reshape(-1).shape()).isEqualTo(Shape.of(6));
    assertThat(a.reshape(-1, 1).shape()).isEqualTo(Shape.of(6, 1));
    assertThat(a.reshape(1, -1, 2).shape()).isEqualTo(Shape.of(1, 3, 2));
    assertThat(Tensor.scalar(5).reshape(1, 1).shape()).isEqualTo(Shape.of(1, 1));
    assertThat(Tensor.of(5).reshape().shape()).isEqualTo(Shape.SCALAR);
  }

  @Test
  void reshapeCopiesSoTheResultDoesNotAlias() {
    Tensor a = Tensor.of(1, 2, 3, 4);
    Tensor r = a.reshape(2, 2);
    a.fillInPlace(0);
    assertThat(r.toArray()).containsExactly(1, 2, 3, 4);
  }

  @Test
  void unaryOps() {
    Tensor x = Tensor.of(-2, 0.25, 4);
    assertThat(x.neg().toArray()).containsExactly(2, -0.25, -4);
    assertThat(x.square().toArray()).containsExactly(4, 0.0625, 16);
    assertThat(x.abs().toArray()).containsExactly(2, 0.25, 4);
    assertThat(x.pow(3).toArray()).containsExactly(-8, 0.015625, 64);
    Tensor p = Tensor.of(0.25, 4, 9);
    assertThat(p.sqrt().toArray()).containsExactly(0.5, 2, 3);
    assertThat(p.pow(0.5).toArray()).containsExactly(0.5, 2, 3);
    assertThat(p.pow(-1).toArray()).containsExactly(4, 0.25, 1.0 / 9);
    assertThat(Tensor.of(0, 1).exp().toArray()).containsExactly(1, Math.E);
    assertThat(Tensor.of(1, Math.E).log().toArray()).containsExactly(0, 1);
    assertThat(Tensor.of(2).exp().log().item()).isCloseTo(2, within(1e-15));
  }

  @Test
  void factoriesAndReading() {
    assertThat(Tensor.zeros(2, 3).toArray()).containsOnly(0.0).hasSize(6);
    assertThat(Tensor.ones(4).toArray()).containsExactly(1, 1, 1, 1);
    assertThat(Tensor.full(2.5, 1, 2).toArray()).containsExactly(2.5, 2.5);
    assertThat(Tensor.scalar(3).shape()).isEqualTo(Shape.SCALAR);
    assertThat(Tensor.scalar(3).item()).isEqualTo(3);
    assertThat(Tensor.of(7).item()).isEqualTo(7);
    Tensor a = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
    assertThat(a.get(1, 2)).isEqualTo(6);
    assertThat(a.get(0, 1)).isEqualTo(2);
    assertThat(a.size()).isEqualTo(6);
    assertThat(Tensor.scalar(8).get()).isEqualTo(8);
  }

  @Test
  void factoriesCopyTheirInput() {
    double[] values = {1, 2};
    Tensor v = Tensor.of(values);
    Tensor m = Tensor.of(values, 2, 1);
    values[0] = 99;
    assertThat(v.toArray()).containsExactly(1, 2);
    assertThat(m.toArray()).containsExactly(1, 2);
    v.toArray()[1] = 99;
    assertThat(v.toArray()).containsExactly(1, 2);
  }

  @Test
  void emptyTensorsBroadcastToZeroExtentsAsInNumPy() {
    // An empty batch (0 rows) must flow through X @ w + b rather than crash.
    Tensor x = Tensor.zeros(0, 3);
    Tensor w = Tensor.ones(3, 1).requiresGrad(true);
    Tensor b = Tensor.ones(1).requiresGrad(true);
    Tensor out = x.matmul(w).add(b);
    assertThat(out.shape()).isEqualTo(Shape.of(0, 1));
    assertThat(Tensor.zeros(0, 3).add(Tensor.zeros(3)).shape()).isEqualTo(Shape.of(0, 3));
    assertThat(Tensor.zeros(0).mul(Tensor.scalar(2)).shape()).isEqualTo(Shape.of(0));
    assertThat(Tensor.zeros(1).sub(Tensor.zeros(0)).shape()).isEqualTo(Shape.of(0));
    Tensor loss = out.sum();
    assertThat(loss.item()).isEqualTo(0);
    loss.backward();
    assertThat(w.grad().toArray()).containsExactly(0, 0, 0);
    assertThat(b.grad().toArray()).containsExactly(0);
  }
}
