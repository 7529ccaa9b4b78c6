package descent.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import descent.engine.Autograd;
import descent.engine.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SGD is θ ← θ − η·∂L/∂θ in place and outside the graph, plus zeroGrad. */
class SGDTest {
  private final Tensor w = Tensor.of(new double[] {1.0, -2.0, 0.5}, 3, 1).requiresGrad(true);
  private final Tensor b = Tensor.of(0.25).requiresGrad(true);
  private final SGD sgd = new SGD(List.of(w, b), 0.1);

  /** L = Σ cᵢwᵢ + 3b, so ∂L/∂w = c and ∂L/∂b = 3. */
  private void backwardLinearLoss() {
    Tensor c = Tensor.of(new double[] {4.0, -1.0, 2.5}, 3, 1);
    w.mul(c).sum().add(b.mul(3).sum()).backward();
  }

  @Test
  void stepSubtractsLearningRateTimesGradientInPlace() {
    backwardLinearLoss();
    Tensor wBefore = w;
    sgd.step();
    assertThat(w).isSameAs(wBefore);
    assertThat(w.toArray()).containsExactly(1.0 - 0.1 * 4.0, -2.0 - 0.1 * -1.0, 0.5 - 0.1 * 2.5);
    assertThat(b.item()).isEqualTo(0.25 - 0.1 * 3);
    // The gradient is left as it was; zeroing it is zeroGrad's job.
    assertThat(w.grad().toArray()).containsExactly(4.0, -1.0, 2.5);
  }

  @Test
  void parametersStayLeavesAndStepRecordsNothing() {
    backwardLinearLoss();
    sgd.step();
    for (Tensor p : List.of(w, b)) {
      assertThat(p.isLeaf()).isTrue();
      assertThat(p.op()).isNull();
      assertThat(p.inputs()).isEmpty();
      assertThat(p.requiresGrad()).isTrue();
    }
    // The no-grad scope closed again: a forward pass after the step is recorded as usual.
    assertThat(Autograd.isGradEnabled()).isTrue();
    Tensor next = w.mul(2).sum();
    assertThat(next.isLeaf()).isFalse();
    assertThat(next.requiresGrad()).isTrue();
  }

  @Test
  void stepInsideAnOuterNoGradScopeLeavesThatScopeInForce() {
    backwardLinearLoss();
    try (var g = Autograd.noGrad()) {
      sgd.step();
      assertThat(Autograd.isGradEnabled()).isFalse();
    }
    assertThat(Autograd.isGradEnabled()).isTrue();
    assertThat(b.item()).isEqualTo(0.25 - 0.1 * 3);
  }

  @Test
  void stepBeforeAnyBackwardChangesNothing() {
    sgd.step();
    assertThat(w.toArray()).containsExactly(1.0, -2.0, 0.5);
    assertThat(b.item()).isEqualTo(0.25);
  }

  @Test
  void gradientsAccumulateUntilZeroGradResetsThem() {
    backwardLinearLoss();
    backwardLinearLoss();
    assertThat(w.grad().toArray()).containsExactly(8.0, -2.0, 5.0);
    sgd.zeroGrad();
    assertThat(w.grad().toArray()).containsExactly(0.0, 0.0, 0.0);
    assertThat(b.grad().toArray()).containsExactly(0.0);
    sgd.step();
    assertThat(w.toArray()).containsExactly(1.0, -2.0, 0.5);
    assertThat(b.item()).isEqualTo(0.25);
    backwardLinearLoss();
    assertThat(w.grad().toArray()).containsExactly(4.0, -1.0, 2.5);
  }

  @Test
  void aNewLearningRateTakesEffectOnTheNextStep() {
    sgd.setLearningRate(0.5);
    assertThat(sgd.learningRate()).isEqualTo(0.5);
    backwardLinearLoss();
    assertThat(sgd.step()).isEqualTo(0.5);
    assertThat(b.item()).isEqualTo(0.25 - 0.5 * 3);
  }

  @Test
  void stepReturnsTheRateItAppliedToEveryParameter() {
    backwardLinearLoss();
    double used = sgd.step();
    sgd.setLearningRate(0.7); // a change right after the step does not rewrite what it used
    assertThat(used).isEqualTo(0.1);
    assertThat(w.toArray()).containsExactly(1.0 - used * 4.0, -2.0 - used * -1.0, 0.5 - used * 2.5);
    assertThat(b.item()).isEqualTo(0.25 - used * 3);
  }

  @ParameterizedTest
  @ValueSource(
      doubles = {0.0, -0.0, -0.1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void refusesALearningRateThatIsNotAFinitePositiveNumber(double lr) {
    assertThatThrownBy(() -> sgd.setLearningRate(lr))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("learning rate");
    assertThat(sgd.learningRate()).isEqualTo(0.1);
    assertThatThrownBy(() -> new SGD(List.of(w), lr)).isInstanceOf(IllegalArgumentException.class);
  }
}
