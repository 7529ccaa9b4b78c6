package descent.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShapeTest {

  @Test
  void printsLikeNumPy() {
    assertThat(Shape.of(32, 2)).hasToString("(32, 2)");
    assertThat(Shape.of(3)).hasToString("(3,)");
    assertThat(Shape.of()).hasToString("()");
    assertThat(Shape.SCALAR).hasToString("()");
    assertThat(Shape.of(2, 3, 4)).hasToString("(2, 3, 4)");
    assertThat(Shape.of(0)).hasToString("(0,)");
  }

  @Test
  void rankSizeAndDims() {
    Shape s = Shape.of(2, 3, 4);
    assertThat(s.rank()).isEqualTo(3);
    assertThat(s.size()).isEqualTo(24);
    assertThat(s.dim(0)).isEqualTo(2);
    assertThat(s.dim(-1)).isEqualTo(4);
    assertThat(s.dim(-3)).isEqualTo(2);
    assertThat(s.dims()).containsExactly(2, 3, 4);
    assertThat(Shape.SCALAR.rank()).isZero();
    assertThat(Shape.SCALAR.size()).isEqualTo(1);
    assertThat(Shape.of(3, 0).size()).isZero();
  }

  @Test
  void isImmutable() {
    int[] dims = {2, 3};
    Shape s = Shape.of(dims);
    dims[0] = 9;
    s.dims()[1] = 9;
    assertThat(s).isEqualTo(Shape.of(2, 3));
  }

  @Test
  void equalityIsByExtents() {
    assertThat(Shape.of(2, 3)).isEqualTo(Shape.of(2, 3)).hasSameHashCodeAs(Shape.of(2, 3));
    assertThat(Shape.of(2, 3)).isNotEqualTo(Shape.of(3, 2));
    assertThat(Shape.of(6)).isNotEqualTo(Shape.of(6, 1));
    assertThat(Shape.of()).isSameAs(Shape.SCALAR);
  }

  @Test
  void broadcastFollowsNumPy() {
    assertThat(Shape.broadcast("t", Shape.of(3, 4), Shape.of(4))).isEqualTo(Shape.of(3, 4));
    assertThat(Shape.broadcast("t", Shape.of(3, 1), Shape.of(1, 4))).isEqualTo(Shape.of(3, 4));
    assertThat(Shape.broadcast("t", Shape.of(2, 3, 4), Shape.of(3, 1)))
        .isEqualTo(Shape.of(2, 3, 4));
    assertThat(Shape.broadcast("t", Shape.SCALAR, Shape.of(5))).isEqualTo(Shape.of(5));
    assertThat(Shape.broadcast("t", Shape.of(0, 1), Shape.of(1))).isEqualTo(Shape.of(0, 1));
    assertThat(Shape.broadcast("t", Shape.of(1), Shape.of(0))).isEqualTo(Shape.of(0));
  }
}
