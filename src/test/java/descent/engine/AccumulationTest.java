package descent.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Leaf gradients accumulate across backward calls, as in PyTorch; intermediate ones do not. */
class AccumulationTest {

  private static Tensor x() {
    return Tensor.of(new double[][] {{1, 2}, {3, 4}});
  }

  @Test
  void twoBackwardCallsOnFreshGraphsDoubleTheGradient() {
    Tensor p = Tensor.of(1, -2, 3).requiresGrad(true);
    p.mul(Tensor.of(2, 3, 4)).sum().backward();
    assertThat(p.grad().toArray()).containsExactly(2, 3, 4);
    p.mul(Tensor.of(2, 3, 4)).sum().backward();
    assertThat(p.grad().toArray()).containsExactly(4, 6, 8);
  }

  @Test
  void zeroGradResetsToZeroNotNull() {
    Tensor p = Tensor.of(1, 2).requiresGrad(true);
    p.zeroGrad(); // no gradient yet: nothing to reset, and no failure
    assertThat(p.grad()).isNull();
    p.square().sum().backward();
    assertThat(p.grad().toArray()).containsExactly(2, 4);
    p.zeroGrad();
    assertThat(p.grad()).isNotNull();
    assertThat(p.grad().toArray()).containsExactly(0, 0);
    p.square().sum().backward();
    assertThat(p.grad().toArray()).containsExactly(2, 4);
  }

  @Test
  void backwardTwiceOnTheSameGraphGivesExactlyTwiceTheGradient() {
    Tensor w = Tensor.of(new double[][] {{0.5}, {-1.5}}).requiresGrad(true);
    Tensor b = Tensor.of(0.25).requiresGrad(true);
    Tensor y = Tensor.of(new double[][] {{1}, {2}});
    Tensor residual = x().matmul(w).add(b).sub(y);
    Tensor loss = residual.square().mean();

    loss.backward();
    double[] w1 = w.grad().toArray();
    double[] b1 = b.grad().toArray();
    double[] r1 = residual.grad().toArray();
    // By hand: r = X w + b - y = [[-3.25], [-6.25]]; for the mean of r² over 2 rows
    // dL/dr = 2r / 2 = r, dL/dw = Xᵀ r = [[-22], [-31.5]], dL/db = Σ r = -9.5.
    assertThat(r1).containsExactly(-3.25, -6.25);
    assertThat(w1).containsExactly(-22, -31.5);
    assertThat(b1).containsExactly(-9.5);

    loss.backward();
    assertThat(w.grad().toArray()).containsExactly(2 * w1[0], 2 * w1[1]);
    assertThat(b.grad().toArray()).containsExactly(2 * b1[0]);
    // The intermediate's gradient belongs to the last walk alone.
    assertThat(residual.grad().toArray()).containsExactly(r1);
  }

  @Test
  void twoLossesSharingAnIntermediateEachSeeOnlyTheirOwnGradientThere() {
    Tensor p = Tensor.of(1, 2).requiresGrad(true);
    Tensor h = p.mul(3);
    Tensor sum = h.sum();
    Tensor mean = h.mean();
    sum.backward();
    assertThat(h.grad().toArray()).containsExactly(1, 1);
    mean.backward();
    assertThat(h.grad().toArray()).containsExactly(0.5, 0.5);
    assertThat(p.grad().toArray()).containsExactly(3 + 1.5, 3 + 1.5);
  }

  @Test
  void backwardWithAnExplicitSeed() {
    Tensor p = Tensor.of(1, 2, 3).requiresGrad(true);
    Tensor y = p.square();
    y.backward(Tensor.of(1, 10, 100));
    assertThat(p.grad().toArray()).containsExactly(2, 40, 600);
  }

  @Test
  void aScalarLeafCanStartBackwardItself() {
    Tensor p = Tensor.scalar(3).requiresGrad(true);
    p.backward();
    p.backward();
    assertThat(p.grad().item()).isEqualTo(2);
  }

  @Test
  void aTensorUsedTwiceInOneOpGetsBothContributions() {
    Tensor p = Tensor.of(3).requiresGrad(true);
    p.mul(p).sum().backward(); // d(p²)/dp = 2p
    assertThat(p.grad().toArray()).containsExactly(6);
    p.zeroGrad();
    p.add(p).add(p).sum().backward();
    assertThat(p.grad().toArray()).containsExactly(3);
  }

  @Test
  void aLeafThatStopsRequiringGradGetsNoGradientFromAnyOp() {
    // Freezing a parameter between forward and backward stops its gradient through every op.
    Tensor p = Tensor.of(1, 2).requiresGrad(true);
    Tensor q = Tensor.of(3, 4).requiresGrad(true);
    Tensor loss =
        p.square()
            .add(p.exp())
            .add(p.neg())
            .add(p.mul(q))
            .add(p.reshape(2, 1).transpose().sum(0, false))
            .sum()
            .add(p.mean());
    p.requiresGrad(false);
    loss.backward();
    assertThat(p.grad()).isNull();
    assertThat(q.grad().toArray()).containsExactly(1, 2);
  }
}
