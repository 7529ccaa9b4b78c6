package descent.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.BinaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every error names the op and the shapes involved, so a student can act on it. */
class ErrorMessagesTest {

  @Test
  void matmulInnerDimensionMismatch() {
    assertThatThrownBy(() -> Tensor.zeros(32, 3).matmul(Tensor.zeros(2, 1)))
        .isInstanceOf(ShapeException.class)
        .hasMessage("matmul: (32, 3) @ (2, 1): inner dimensions 3 and 2 differ");
    assertThatThrownBy(() -> Tensor.zeros(4, 3).matmul(Tensor.zeros(4)))
        .isInstanceOf(ShapeException.class)
        .hasMessage("matmul: (4, 3) @ (4,): inner dimensions 3 and 4 differ");
  }

  @Test
  void matmulNeedsAMatrixOnTheLeft() {
    assertThatThrownBy(() -> Tensor.zeros(3).matmul(Tensor.zeros(3)))
        .isInstanceOf(ShapeException.class)
        .hasMessage(
            "matmul: (3,) @ (3,): needs a matrix on the left and a matrix or vector on the right");
    assertThatThrownBy(() -> Tensor.zeros(2, 2).matmul(Tensor.scalar(1)))
        .hasMessageStartingWith("matmul: (2, 2) @ ():");
    assertThatThrownBy(() -> Tensor.zeros(2, 2).matmul(Tensor.zeros(2, 2, 2)))
        .hasMessageStartingWith("matmul: (2, 2) @ (2, 2, 2):");
  }

  static Stream<Arguments> binaryOps() {
    return Stream.of(
        Arguments.of("add", (BinaryOperator<Tensor>) Tensor::add),
        Arguments.of("sub", (BinaryOperator<Tensor>) Tensor::sub),
        Arguments.of("mul", (BinaryOperator<Tensor>) Tensor::mul),
        Arguments.of("div", (BinaryOperator<Tensor>) Tensor::div));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("binaryOps")
  void broadcastingErrorNamesTheOpAndBothShapes(String name, BinaryOperator<Tensor> op) {
    assertThatThrownBy(() -> op.apply(Tensor.zeros(3, 4), Tensor.zeros(3)))
        .isInstanceOf(ShapeException.class)
        .hasMessage(
            name
                + ": shapes (3, 4) and (3,) cannot be broadcast:"
                + " extents 4 and 3 differ and neither is 1");
    assertThatThrownBy(() -> op.apply(Tensor.zeros(2, 1), Tensor.zeros(3, 4)))
        .hasMessage(
            name
                + ": shapes (2, 1) and (3, 4) cannot be broadcast:"
                + " extents 2 and 3 differ and neither is 1");
    assertThatThrownBy(() -> op.apply(Tensor.zeros(0), Tensor.zeros(2)))
        .hasMessage(
            name
                + ": shapes (0,) and (2,) cannot be broadcast:"
                + " extents 0 and 2 differ and neither is 1");
  }

  @Test
  void backwardOnANonScalarIsRefused() {
    Tensor p = Tensor.zeros(3).requiresGrad(true);
    assertThatThrownBy(() -> p.mul(2).backward())
        .isInstanceOf(ShapeException.class)
        .hasMessageStartingWith("backward: called on a tensor of shape (3,);")
        .hasMessageContaining("mean()");
    assertThat(p.grad()).isNull();
  }

  @Test
  void backwardWithASeedOfTheWrongShape() {
    Tensor p = Tensor.zeros(2, 3).requiresGrad(true);
    assertThatThrownBy(() -> p.mul(2).backward(Tensor.zeros(3, 2)))
        .isInstanceOf(ShapeException.class)
        .hasMessage("backward: seed gradient of shape (3, 2) does not match tensor (2, 3)");
  }

  @Test
  void backwardOnATensorThatDoesNotRequireGrad() {
    assertThatThrownBy(() -> Tensor.zeros(3).sum().backward())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("backward: this tensor does not require grad");
  }

  @Test
  void backwardAfterAnInPlaceChangeNamesTheOpTheTensorAndTheChange() {
    Tensor x = Tensor.of(new double[][] {{1, 2}, {3, 4}}).named("X");
    Tensor w = Tensor.zeros(2, 1).requiresGrad(true).named("w");
    Tensor loss = x.matmul(w).mean();
    x.mulInPlace(2);
    assertThatThrownBy(loss::backward)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "backward through matmul: tensor 'X' of shape (2, 2) was modified in place by"
                + " mulInPlace after matmul used it, and matmul's gradient needs the old values."
                + " Call backward() before modifying it, or run the forward pass again after the"
                + " change");
    Tensor r = w.exp();
    Tensor m = r.sum();
    r.fillInPlace(0).fillInPlace(1);
    assertThatThrownBy(m::backward)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "backward through exp: the result of exp, of shape (2, 1), was modified in place 2"
                + " times (last by fillInPlace) after exp computed it, and exp's gradient needs"
                + " the old values. Call backward() before modifying it, or run the forward pass"
                + " again after the change");
    assertThat(w.grad()).isNull();
  }

  @Test
  void itemOnANonScalar() {
    assertThatThrownBy(() -> Tensor.zeros(2, 2).item())
        .isInstanceOf(ShapeException.class)
        .hasMessage("item: tensor of shape (2, 2) has 4 elements; item() needs exactly one");
    assertThatThrownBy(() -> Tensor.zeros(0).item())
        .hasMessage("item: tensor of shape (0,) has 0 elements; item() needs exactly one");
  }

  @Test
  void reshapeToTheWrongSize() {
    assertThatThrownBy(() -> Tensor.zeros(2, 3).reshape(4, 2))
        .isInstanceOf(ShapeException.class)
        .hasMessage("reshape: cannot reshape (2, 3) of 6 elements into (4, 2) of 8");
    assertThatThrownBy(() -> Tensor.zeros(2, 3).reshape(4, -1))
        .isInstanceOf(ShapeException.class)
        .hasMessage("reshape: cannot reshape (2, 3) of 6 elements into [4, -1]");
    assertThatThrownBy(() -> Tensor.zeros(2, 3).reshape(-1, -1))
        .isInstanceOf(ShapeException.class)
        .hasMessage(
            "reshape: (2, 3) into [-1, -1]: only one extent may be -1 and none may be negative");
    assertThatThrownBy(() -> Tensor.zeros(2, 3).reshape(-2, 3))
        .isInstanceOf(ShapeException.class)
        .hasMessageStartingWith("reshape: (2, 3) into [-2, 3]");
  }

  @Test
  void axisOutOfRange() {
    assertThatThrownBy(() -> Tensor.zeros(3, 4).sum(2, false))
        .isInstanceOf(ShapeException.class)
        .hasMessage("sum: axis 2 is out of range for shape (3, 4)");
    assertThatThrownBy(() -> Tensor.zeros(3, 4).mean(-3, true))
        .isInstanceOf(ShapeException.class)
        .hasMessage("mean: axis -3 is out of range for shape (3, 4)");
    assertThatThrownBy(() -> Tensor.scalar(1).sum(0, false))
        .hasMessage("sum: axis 0 is out of range for shape ()");
    assertThatThrownBy(() -> Shape.of(3).dim(1))
        .hasMessage("dim: axis 1 is out of range for shape (3,)");
  }

  @Test
  void transposeOfRank3() {
    assertThatThrownBy(() -> Tensor.zeros(2, 3, 4).transpose())
        .isInstanceOf(ShapeException.class)
        .hasMessage("transpose: (2, 3, 4) has rank 3; only matrices and vectors transpose");
  }

  @Test
  void getWithTheWrongIndex() {
    assertThatThrownBy(() -> Tensor.zeros(2, 3).get(1))
        .isInstanceOf(ShapeException.class)
        .hasMessage("get: 1 coordinates given for shape (2, 3) of rank 2");
    assertThatThrownBy(() -> Tensor.zeros(2, 3).get(1, 3))
        .hasMessage("get: index 3 out of range for axis 1 of shape (2, 3)");
    assertThatThrownBy(() -> Tensor.zeros(2, 3).get(-1, 0))
        .hasMessage("get: index -1 out of range for axis 0 of shape (2, 3)");
  }

  @Test
  void factoriesWithValuesThatDoNotFit() {
    assertThatThrownBy(() -> Tensor.of(new double[] {1, 2, 3}, 2, 2))
        .isInstanceOf(ShapeException.class)
        .hasMessage("of: 3 values cannot fill shape (2, 2) of 4");
    assertThatThrownBy(() -> Tensor.of(new double[][] {{1, 2}, {3}}))
        .isInstanceOf(ShapeException.class)
        .hasMessage("of: row 1 has 1 values, row 0 has 2");
    assertThatThrownBy(() -> Shape.of(2, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("shape: extents must not be negative, got [2, -1]");
  }

  @Test
  void inPlaceOpsWithMismatchedShapes() {
    Tensor p = Tensor.zeros(2);
    assertThatThrownBy(() -> p.subScaledInPlace(0.1, Tensor.zeros(3)))
        .isInstanceOf(ShapeException.class)
        .hasMessage("subScaledInPlace: (2,) -= alpha * (3,): shapes differ");
    assertThatThrownBy(() -> p.subInPlace(Tensor.zeros(2, 1)))
        .hasMessage("subScaledInPlace: (2,) -= alpha * (2, 1): shapes differ");
    assertThatThrownBy(() -> p.setInPlace(new double[] {1, 2, 3}))
        .isInstanceOf(ShapeException.class)
        .hasMessage("setInPlace: 3 values for a tensor of shape (2,)");
    assertThat(p.toArray()).containsExactly(0, 0);
  }

  @Test
  void onlyLeavesCanBeMarked() {
    Tensor h = Tensor.zeros(2).requiresGrad(true).add(Tensor.ones(2));
    assertThatThrownBy(() -> h.requiresGrad(false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("requiresGrad: only leaf tensors can be marked; this one is the output of add");
  }

  @Test
  void shapeExceptionIsAnIllegalArgumentException() {
    assertThat(new ShapeException("x")).isInstanceOf(IllegalArgumentException.class);
  }
}
