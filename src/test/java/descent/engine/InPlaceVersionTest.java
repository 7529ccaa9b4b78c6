package descent.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Backward refuses to run through an op whose saved values were modified in place after it ran,
 * instead of computing a gradient from values the op never saw (PyTorch's version counter).
 */
@SuppressWarnings("try") // no-grad scopes are opened for their effect and never referenced
class InPlaceVersionTest {

  private static Tensor w() {
    return Tensor.of(1, 2, 3).requiresGrad(true).named("w");
  }

  @Test
  void backwardAfterAnInPlaceChangeToASavedInputIsRefused() {
    Tensor w = w();
    Tensor l = w.square().sum();
    w.fillInPlace(0);
    // Without the check this silently gave [0, 0, 0] instead of [2, 4, 6].
    assertThatThrownBy(l::backward)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "backward through square: tensor 'w' of shape (3,) was modified in place by"
                + " fillInPlace after square used it, and square's gradient needs the old values."
                + " Call backward() before modifying it, or run the forward pass again after the"
                + " change");
    assertThat(w.grad()).isNull();
  }

  @Test
  void runningTheForwardPassAgainAfterTheChangeWorks() {
    Tensor w = w();
    w.square().sum();
    w.fillInPlace(0.5);
    w.square().sum().backward();
    assertThat(w.grad().toArray()).containsExactly(1, 1, 1);
  }

  static Stream<Arguments> inPlaceMethods() {
    return Stream.of(
        Arguments.of("subInPlace", (UnaryOperator<Tensor>) t -> t.subInPlace(Tensor.ones(3))),
        Arguments.of("addInPlace", (UnaryOperator<Tensor>) t -> t.addInPlace(Tensor.ones(3))),
        Arguments.of(
            "subScaledInPlace",
            (UnaryOperator<Tensor>) t -> t.subScaledInPlace(0.1, Tensor.ones(3))),
        Arguments.of("mulInPlace", (UnaryOperator<Tensor>) t -> t.mulInPlace(2)),
        Arguments.of("fillInPlace", (UnaryOperator<Tensor>) t -> t.fillInPlace(7)),
        Arguments.of(
            "setInPlace", (UnaryOperator<Tensor>) t -> t.setInPlace(new double[] {4, 5, 6})));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inPlaceMethods")
  void everyInPlaceMethodIsCountedAndNamed(String method, UnaryOperator<Tensor> change) {
    Tensor w = w();
    Tensor l = w.log().sum();
    change.apply(w);
    assertThatThrownBy(l::backward)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "backward through log: tensor 'w' of shape (3,) was modified in place by "
                + method
                + " after log used it");
  }

  @Test
  void severalChangesAreCountedAndTheLastIsNamed() {
    Tensor w = w();
    Tensor l = w.pow(3).sum();
    w.fillInPlace(1).mulInPlace(2);
    assertThatThrownBy(l::backward)
        .hasMessageStartingWith(
            "backward through pow: tensor 'w' of shape (3,) was modified in place 2 times"
                + " (last by mulInPlace) after pow used it");
  }

  @Test
  void anUnnamedIntermediateIsDescribedByItsShape() {
    Tensor w = Tensor.of(new double[][] {{1, 2}, {3, 4}}).requiresGrad(true);
    Tensor h = w.mul(2);
    Tensor l = h.abs().sum();
    h.mulInPlace(-1); // abs's gradient would flip sign: sign(-2x) instead of sign(2x)
    assertThatThrownBy(l::backward)
        .hasMessageStartingWith(
            "backward through abs: an unnamed tensor of shape (2, 2) was modified in place by"
                + " mulInPlace after abs used it");
  }

  @Test
  void anOpThatReadsItsOwnResultChecksTheResult() {
    Tensor w = w();
    Tensor r = w.sqrt();
    Tensor l = r.sum();
    r.fillInPlace(0); // sqrt's gradient is g / (2 √w): it would divide by zero
    assertThatThrownBy(l::backward)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "backward through sqrt: the result of sqrt, of shape (3,), was modified in place by"
                + " fillInPlace after sqrt computed it");

    Tensor e = w.exp().named("e");
    Tensor m = e.sum();
    e.mulInPlace(0);
    assertThatThrownBy(m::backward)
        .hasMessageStartingWith(
            "backward through exp: the result 'e' of exp, of shape (3,), was modified in place by"
                + " mulInPlace after exp computed it");
    assertThat(w.grad()).isNull();
  }

  @Test
  void aChangeThroughADetachedViewCountsForTheOriginalAndBack() {
    Tensor w = w();
    Tensor l = w.square().sum();
    w.detach().fillInPlace(0); // detach shares the values: w is now zero too
    assertThatThrownBy(l::backward)
        .hasMessageStartingWith(
            "backward through square: tensor 'w' of shape (3,) was modified in place by"
                + " fillInPlace");

    Tensor v = w();
    Tensor d = v.detach();
    Tensor m = d.mul(v).sum(); // mul reads d's values for v's gradient
    v.fillInPlace(0);
    assertThatThrownBy(m::backward)
        .hasMessageStartingWith(
            "backward through mul: a detached view of 'w' of shape (3,) was modified in place by"
                + " fillInPlace after mul used it");
  }

  @Test
  void aGradientUsedInAnOpIsCheckedToo() {
    Tensor p = w();
    p.square().sum().backward();
    assertThat(p.grad()).isSameAs(p.grad());
    Tensor q = Tensor.of(1, 1, 1).requiresGrad(true);
    Tensor l = p.grad().mul(q).sum(); // q's gradient is p's gradient, as it was here
    p.zeroGrad();
    assertThatThrownBy(l::backward)
        .hasMessageContaining("was modified in place by zeroGrad after mul used it");

    Tensor m = p.grad().mul(q).sum();
    p.square().sum().backward(); // accumulates into p's gradient in place
    assertThatThrownBy(m::backward)
        .hasMessageContaining("was modified in place by backward after mul used it");
    assertThat(q.grad()).isNull();
  }

  @Test
  void nothingIsAccumulatedWhenBackwardIsRefused() {
    Tensor w = w();
    Tensor a = Tensor.of(5, 5).requiresGrad(true).named("a");
    // The walk reaches a's sum before w's square: a must not get its half of the gradient.
    Tensor l = w.square().sum().add(a.sum());
    w.fillInPlace(0);
    assertThatThrownBy(l::backward).isInstanceOf(IllegalStateException.class);
    assertThat(a.grad()).isNull();
    assertThat(w.grad()).isNull();
  }

  @Test
  void valuesABackwardRuleDoesNotReadMayChange() {
    // The chapter's loss: only X's values are read by matmul for w's gradient, and none of b's.
    Tensor x = Tensor.of(new double[][] {{1, 2}, {3, 4}}).named("X");
    Tensor w = Tensor.of(new double[][] {{0.5}, {-1}}).requiresGrad(true).named("w");
    Tensor b = Tensor.of(0.25).requiresGrad(true).named("b");
    Tensor residual = x.matmul(w).add(b).neg().reshape(2).transpose();
    Tensor l = residual.sum().add(residual.mean());
    w.fillInPlace(100);
    b.fillInPlace(100);
    residual.fillInPlace(100); // read by nothing: sum, mean and add read no values
    l.backward();
    // dl/d(residual) = 1 + 1/2 per row; residual = -(Xw + b): dl/dw = -1.5 Xᵀ 1, dl/db = -3
    assertThat(w.grad().toArray()).containsExactly(-1.5 * 4, -1.5 * 6);
    assertThat(b.grad().toArray()).containsExactly(-3);
  }

  @Test
  void aProductChecksOnlyTheFactorItsGradientReads() {
    Tensor x = Tensor.of(2, 3).named("x");
    Tensor w = Tensor.of(5, 7).requiresGrad(true).named("w");
    Tensor l = x.mul(w).sum();
    w.fillInPlace(0); // dl/dw reads x alone
    l.backward();
    assertThat(w.grad().toArray()).containsExactly(2, 3);

    Tensor m = x.mul(w).sum();
    x.fillInPlace(0);
    assertThatThrownBy(m::backward)
        .hasMessageStartingWith("backward through mul: tensor 'x' of shape (2,) was modified");

    Tensor v = Tensor.of(4, 8).requiresGrad(true).named("v");
    Tensor n = Tensor.of(1, 2).div(v).sum(); // dl/dv = -a / v² reads the divisor v itself
    v.fillInPlace(1);
    assertThatThrownBy(n::backward)
        .hasMessageStartingWith("backward through div: tensor 'v' of shape (2,) was modified");
  }

  @Test
  void aGraphCanStillBeReadAfterAnUpdate() {
    // Step-through views draw the graph of the last step after SGD updated w in place.
    Tensor x = Tensor.of(new double[][] {{1, 2}, {3, 4}}).named("X");
    Tensor w = Tensor.of(new double[][] {{0.5}, {-1}}).requiresGrad(true).named("w");
    Tensor y = Tensor.of(new double[][] {{1}, {2}}).named("y");
    Tensor residual = x.matmul(w).sub(y);
    Tensor loss = residual.square().mean();
    loss.backward();
    try (var g = Autograd.noGrad()) {
      w.subScaledInPlace(0.1, w.grad());
    }
    assertThat(loss.op()).isEqualTo("mean");
    assertThat(loss.inputs()).hasSize(1);
    Tensor square = loss.inputs().get(0);
    assertThat(square.op()).isEqualTo("square");
    assertThat(square.inputs()).containsExactly(residual);
    Tensor product = residual.inputs().get(0);
    assertThat(product.op()).isEqualTo("matmul");
    assertThat(product.inputs()).containsExactly(x, w);
    assertThat(product.inputs().get(1).name()).isEqualTo("w");
    assertThat(product.toArray()).containsExactly(-1.5, -2.5);
    assertThat(loss.item()).isEqualTo((2.5 * 2.5 + 4.5 * 4.5) / 2);
    assertThat(residual.grad().toArray()).containsExactly(-2.5, -4.5);
  }

  @Test
  void theTrainingLoopsInPlaceWritesToGradientsAndParametersStillWork() {
    // forward, zeroGrad, backward, clip (grad ← c·grad), update (w ← w − η grad), for two steps
    Tensor x = Tensor.of(new double[][] {{1, 0}, {0, 1}});
    Tensor y = Tensor.of(new double[][] {{2}, {4}});
    Tensor w = Tensor.zeros(2, 1).requiresGrad(true).named("w");
    for (int step = 0; step < 2; step++) {
      Tensor loss = x.matmul(w).sub(y).square().mean();
      w.zeroGrad();
      loss.backward();
      w.grad().mulInPlace(0.5);
      try (var g = Autograd.noGrad()) {
        w.subScaledInPlace(0.5, w.grad());
      }
    }
    // per step: grad = (w − y), halved; w ← w − 0.25 (w − y): w = y (1 − 0.75²)
    assertThat(w.toArray()).containsExactly(2 * (1 - 0.5625), 4 * (1 - 0.5625));
  }
}
