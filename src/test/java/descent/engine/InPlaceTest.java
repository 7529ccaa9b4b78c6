package descent.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** In-place ops mutate their receiver, return it, and are never recorded. */
@SuppressWarnings("try") // no-grad scopes are opened for their effect and never referenced
class InPlaceTest {

  private static Tensor param() {
    return Tensor.of(1, 2, 3).requiresGrad(true);
  }

  private static void assertStillAPlainParameter(Tensor p) {
    assertThat(p.isLeaf()).isTrue();
    assertThat(p.op()).isNull();
    assertThat(p.inputs()).isEmpty();
    assertThat(p.requiresGrad()).isTrue();
  }

  @Test
  void subInPlace() {
    Tensor p = param();
    assertThat(p.subInPlace(Tensor.of(1, 1, 1))).isSameAs(p);
    assertThat(p.toArray()).containsExactly(0, 1, 2);
    assertStillAPlainParameter(p);
  }

  @Test
  void addInPlace() {
    Tensor p = param();
    assertThat(p.addInPlace(Tensor.of(10, 20, 30))).isSameAs(p);
    assertThat(p.toArray()).containsExactly(11, 22, 33);
    assertStillAPlainParameter(p);
  }

  @Test
  void subScaledInPlace() {
    Tensor p = param();
    assertThat(p.subScaledInPlace(0.5, Tensor.of(2, 4, 6))).isSameAs(p);
    assertThat(p.toArray()).containsExactly(0, 0, 0);
    assertStillAPlainParameter(p);
  }

  @Test
  void mulInPlace() {
    Tensor p = param();
    assertThat(p.mulInPlace(-2)).isSameAs(p);
    assertThat(p.toArray()).containsExactly(-2, -4, -6);
    assertStillAPlainParameter(p);
  }

  @Test
  void fillInPlace() {
    Tensor p = param();
    assertThat(p.fillInPlace(7)).isSameAs(p);
    assertThat(p.toArray()).containsExactly(7, 7, 7);
    assertStillAPlainParameter(p);
  }

  @Test
  void setInPlaceCopiesTheValues() {
    Tensor p = param();
    double[] values = {4, 5, 6};
    assertThat(p.setInPlace(values)).isSameAs(p);
    values[0] = 99;
    assertThat(p.toArray()).containsExactly(4, 5, 6);
    assertStillAPlainParameter(p);
  }

  @Test
  void inPlaceOpsOnAnIntermediateDoNotAddItToTheGraph() {
    Tensor p = param();
    Tensor h = p.mul(2);
    h.mulInPlace(10).fillInPlace(1).setInPlace(new double[] {1, 1, 1});
    assertThat(h.op()).isEqualTo("mul");
    assertThat(h.inputs()).containsExactly(p, h.inputs().get(1));
  }

  @Test
  void gradSharesStorageSoOptimizersCanScaleItInPlace() {
    Tensor p = param();
    p.square().sum().backward();
    assertThat(p.grad().toArray()).containsExactly(2, 4, 6);
    Tensor g = p.grad();
    assertThat(g.requiresGrad()).isFalse();
    assertThat(g.isLeaf()).isTrue();
    assertThat(g.shape()).isEqualTo(p.shape());
    p.grad().mulInPlace(0.5);
    assertThat(p.grad().toArray()).containsExactly(1, 2, 3);
    assertThat(g.toArray()).containsExactly(1, 2, 3);
    p.zeroGrad();
    assertThat(g.toArray()).containsExactly(0, 0, 0);
  }

  @Test
  void aHandWrittenSgdLoopConvergesOnAOneParameterProblem() {
    // Minimise (w - 3)²: each step w ← w − 0.25·2(w − 3) halves the distance to 3.
    Tensor w = Tensor.of(7.0).requiresGrad(true);
    for (int step = 0; step < 3; step++) {
      w.zeroGrad();
      w.sub(3).square().sum().backward();
      try (var g = Autograd.noGrad()) {
        w.subScaledInPlace(0.25, w.grad());
      }
    }
    assertThat(w.toArray()).containsExactly(3.5);
  }
}
