package descent.engine;

import static descent.engine.GradCheck.assertGradientsMatch;
import static descent.engine.GradCheck.awayFromZero;
import static descent.engine.GradCheck.normal;
import static descent.engine.GradCheck.uniform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Finite-difference gradient checks of every differentiable op on named, hand-picked shapes. The
 * randomised counterpart is {@link RandomGradientTest}.
 */
class GradientCheckTest {

  /** The four broadcasting binary ops. */
  enum BinaryOp {
    ADD(Tensor::add),
    SUB(Tensor::sub),
    MUL(Tensor::mul),
    DIV(Tensor::div);

    final BinaryOperator<Tensor> apply;

    BinaryOp(BinaryOperator<Tensor> apply) {
      this.apply = apply;
    }

    /** A right operand for this op: divisors stay away from zero. */
    Tensor right(Random random, int... dims) {
      return this == DIV ? awayFromZero(random, 0.5, 2.0, dims) : normal(random, dims);
    }
  }

  /** Which operands of a binary op require grad. */
  enum Grad {
    BOTH(true, true),
    LEFT_ONLY(true, false),
    RIGHT_ONLY(false, true);

    final boolean left;
    final boolean right;

    Grad(boolean left, boolean right) {
      this.left = left;
      this.right = right;
    }
  }

  private static final int[][][] BROADCAST_PAIRS = {
    {{3, 4}, {4}},
    {{4}, {3, 4}},
    {{3, 1}, {1, 4}},
    {{1, 4}, {3, 1}},
    {{}, {3, 4}},
    {{3, 4}, {}},
    {{2, 3, 4}, {3, 1}},
    {{3, 1}, {2, 3, 4}},
    {{2, 1, 4}, {3, 1}},
    {{2, 3}, {2, 3}},
    {{}, {}},
    {{5}, {1}},
  };

  static Stream<Arguments> binaryCases() {
    List<Arguments> cases = new ArrayList<>();
    for (BinaryOp op : BinaryOp.values()) {
      for (int[][] pair : BROADCAST_PAIRS) {
        for (Grad grad : Grad.values()) {
          cases.add(Arguments.of(op, pair[0], pair[1], grad));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} with {2}, grad {3}")
  @MethodSource("binaryCases")
  void binaryOpsBroadcastInBothDirections(BinaryOp op, int[] left, int[] right, Grad grad) {
    Random random = new Random(Arrays.hashCode(left) * 31L + Arrays.hashCode(right));
    Tensor a = normal(random, left).requiresGrad(grad.left);
    Tensor b = op.right(random, right).requiresGrad(grad.right);
    assertGradientsMatch(
        op + " " + a.shape() + " with " + b.shape(),
        in -> op.apply.apply(in[0], in[1]),
        random,
        a,
        b);
  }

  @ParameterizedTest(name = "x {0} x")
  @MethodSource("binaryOps")
  void binaryOpsWithTheSameTensorOnBothSides(BinaryOp op) {
    Random random = new Random(7);
    Tensor x = awayFromZero(random, 0.5, 2.0, 3, 2).requiresGrad(true);
    assertGradientsMatch("x " + op + " x", in -> op.apply.apply(in[0], in[0]), random, x);
  }

  static Stream<BinaryOp> binaryOps() {
    return Stream.of(BinaryOp.values());
  }

  @Test
  void scalarConstantsOnTheRight() {
    Random random = new Random(11);
    Tensor x = awayFromZero(random, 0.5, 2.0, 2, 3).requiresGrad(true);
    assertGradientsMatch("x + 2.5", in -> in[0].add(2.5), random, x);
    x.zeroGrad();
    assertGradientsMatch("x - 2.5", in -> in[0].sub(2.5), random, x);
    x.zeroGrad();
    assertGradientsMatch("x * 2.5", in -> in[0].mul(2.5), random, x);
    x.zeroGrad();
    assertGradientsMatch("x / 2.5", in -> in[0].div(2.5), random, x);
  }

  // ---------------------------------------------------------------- unary ops

  /** Draws inputs inside an op's domain. */
  @FunctionalInterface
  interface Domain {
    Tensor draw(Random random, int... dims);
  }

  record Unary(String name, UnaryOperator<Tensor> op, Domain domain) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final Domain ANY = GradCheck::normal;
  private static final Domain POSITIVE = (r, d) -> uniform(r, 0.5, 3.0, d);
  private static final Domain AWAY_FROM_ZERO = (r, d) -> awayFromZero(r, 0.2, 2.0, d);

  static final List<Unary> UNARY =
      List.of(
          new Unary("neg", Tensor::neg, ANY),
          new Unary("square", Tensor::square, ANY),
          new Unary("sqrt", Tensor::sqrt, POSITIVE),
          new Unary("exp", Tensor::exp, ANY),
          new Unary("log", Tensor::log, POSITIVE),
          new Unary("abs", Tensor::abs, AWAY_FROM_ZERO),
          new Unary("pow(2)", t -> t.pow(2), ANY),
          new Unary("pow(3)", t -> t.pow(3), ANY),
          new Unary("pow(0.5)", t -> t.pow(0.5), POSITIVE),
          new Unary("pow(-1)", t -> t.pow(-1), AWAY_FROM_ZERO),
          new Unary("pow(1.5)", t -> t.pow(1.5), POSITIVE),
          new Unary("pow(-2.5)", t -> t.pow(-2.5), POSITIVE),
          new Unary("pow(0)", t -> t.pow(0), POSITIVE),
          new Unary("pow(1)", t -> t.pow(1), ANY));

  private static final int[][] UNARY_SHAPES = {{}, {1}, {5}, {3, 4}, {2, 3, 2}};

  static Stream<Arguments> unaryCases() {
    List<Arguments> cases = new ArrayList<>();
    for (Unary u : UNARY) {
      for (int[] dims : UNARY_SHAPES) {
        cases.add(Arguments.of(u, dims));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("unaryCases")
  void unaryOps(Unary u, int[] dims) {
    Random random = new Random(u.name().hashCode() * 17L + dims.length);
    Tensor x = u.domain().draw(random, dims).requiresGrad(true);
    assertGradientsMatch(u.name() + " " + x.shape(), in -> u.op().apply(in[0]), random, x);
  }

  // ---------------------------------------------------------------- reductions

  static Stream<Arguments> axisCases() {
    int[][] shapes = {{5}, {3, 4}, {2, 3, 4}};
    List<Arguments> cases = new ArrayList<>();
    for (String op : List.of("sum", "mean")) {
      for (int[] dims : shapes) {
        for (int axis = -dims.length; axis < dims.length; axis++) {
          cases.add(Arguments.of(op, dims, axis, true));
          cases.add(Arguments.of(op, dims, axis, false));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} of {1} along axis {2}, keepDims {3}")
  @MethodSource("axisCases")
  void reductionsAlongAnAxis(String op, int[] dims, int axis, boolean keepDims) {
    Random random = new Random(Arrays.hashCode(dims) + 100L * axis);
    Tensor x = normal(random, dims).requiresGrad(true);
    int[] expected = dims.clone();
    int ax = axis < 0 ? axis + dims.length : axis;
    expected[ax] = 1;
    if (!keepDims) {
      expected = removeAxis(dims, ax);
    }
    Tensor probe = op.equals("sum") ? x.sum(axis, keepDims) : x.mean(axis, keepDims);
    assertThat(probe.shape()).isEqualTo(Shape.of(expected));
    assertGradientsMatch(
        op + " " + x.shape() + " axis " + axis + " keepDims " + keepDims,
        in -> op.equals("sum") ? in[0].sum(axis, keepDims) : in[0].mean(axis, keepDims),
        random,
        x);
  }

  static Stream<int[]> allElementShapes() {
    return Stream.of(
        new int[] {}, new int[] {1}, new int[] {5}, new int[] {3, 4}, new int[] {2, 3, 4});
  }

  @ParameterizedTest(name = "sum and mean of all elements of {0}")
  @MethodSource("allElementShapes")
  void reductionsOverAllElements(int[] dims) {
    Random random = new Random(Arrays.hashCode(dims));
    Tensor x = normal(random, dims).requiresGrad(true);
    assertGradientsMatch("sum " + x.shape(), in -> in[0].sum(), random, x);
    x.zeroGrad();
    assertGradientsMatch("mean " + x.shape(), in -> in[0].mean(), random, x);
  }

  private static int[] removeAxis(int[] dims, int axis) {
    int[] out = new int[dims.length - 1];
    for (int i = 0, j = 0; i < dims.length; i++) {
      if (i != axis) {
        out[j++] = dims[i];
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- linear algebra

  static Stream<Arguments> matmulCases() {
    int[][][] pairs = {
      {{3, 4}, {4, 2}},
      {{1, 3}, {3, 1}},
      {{2, 5}, {5, 3}},
      {{4, 1}, {1, 4}},
      {{4, 3}, {3}},
      {{1, 1}, {1}},
    };
    List<Arguments> cases = new ArrayList<>();
    for (int[][] pair : pairs) {
      for (Grad grad : Grad.values()) {
        cases.add(Arguments.of(pair[0], pair[1], grad));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} @ {1}, grad {2}")
  @MethodSource("matmulCases")
  void matmul(int[] left, int[] right, Grad grad) {
    Random random = new Random(Arrays.hashCode(left) * 7L + Arrays.hashCode(right));
    Tensor a = normal(random, left).requiresGrad(grad.left);
    Tensor b = normal(random, right).requiresGrad(grad.right);
    assertGradientsMatch(a.shape() + " @ " + b.shape(), in -> in[0].matmul(in[1]), random, a, b);
  }

  static Stream<Arguments> reshapeCases() {
    return Stream.of(
        Arguments.of(new int[] {2, 3}, new int[] {3, 2}),
        Arguments.of(new int[] {2, 3}, new int[] {-1}),
        Arguments.of(new int[] {2, 3, 4}, new int[] {4, -1}),
        Arguments.of(new int[] {2, 3, 4}, new int[] {-1, 2, 3}),
        Arguments.of(new int[] {6}, new int[] {1, 6, 1}),
        Arguments.of(new int[] {}, new int[] {1, 1}),
        Arguments.of(new int[] {1}, new int[] {}));
  }

  @ParameterizedTest(name = "reshape {0} to {1}")
  @MethodSource("reshapeCases")
  void reshape(int[] from, int[] to) {
    Random random = new Random(Arrays.hashCode(from) + Arrays.hashCode(to));
    Tensor x = normal(random, from).requiresGrad(true);
    assertGradientsMatch(
        "reshape " + x.shape() + " to " + Arrays.toString(to), in -> in[0].reshape(to), random, x);
  }

  static Stream<int[]> transposeShapes() {
    return Stream.of(
        new int[] {3, 4}, new int[] {1, 5}, new int[] {4, 1}, new int[] {4}, new int[] {});
  }

  @ParameterizedTest(name = "transpose {0}")
  @MethodSource("transposeShapes")
  void transpose(int[] dims) {
    Random random = new Random(Arrays.hashCode(dims));
    Tensor x = normal(random, dims).requiresGrad(true);
    assertGradientsMatch("transpose " + x.shape(), in -> in[0].transpose(), random, x);
  }

  // ---------------------------------------------------------------- compositions

  @Test
  void linearRegressionLoss() {
    Random random = new Random(3);
    Tensor x = normal(random, 8, 3);
    Tensor y = normal(random, 8, 1);
    Tensor w = normal(random, 3, 1).requiresGrad(true);
    Tensor b = normal(random, 1).requiresGrad(true);
    assertGradientsMatch(
        "mean((X @ w + b - y)^2)",
        in -> in[0].matmul(in[1]).add(in[2]).sub(in[3]).square().mean(),
        random,
        x,
        w,
        b,
        y);
  }

  @Test
  void aDiamondWhereOneIntermediateFeedsSeveralOps() {
    Random random = new Random(5);
    Tensor x = uniform(random, 0.5, 2.0, 2, 3).requiresGrad(true);
    assertGradientsMatch(
        "e = exp(x); e * e + e / x - log(e)",
        in -> {
          Tensor e = in[0].exp();
          return e.mul(e).add(e.div(in[0])).sub(e.log());
        },
        random,
        x);
  }

  @Test
  void aLongerChainThroughEveryKindOfOp() {
    Random random = new Random(9);
    Tensor a = uniform(random, 0.5, 2.0, 3, 4).requiresGrad(true);
    Tensor v = normal(random, 4).requiresGrad(true);
    assertGradientsMatch(
        "chain",
        in ->
            in[0]
                .transpose()
                .reshape(-1, 3)
                .sqrt()
                .matmul(in[0])
                .add(in[1])
                .abs()
                .pow(1.5)
                .mean(0, true)
                .neg()
                .sum(-1, false),
        random,
        a,
        v);
  }

  // ---------------------------------------------------------------- the checker itself

  @Test
  void theCheckerCatchesAWrongBackwardRule() {
    // square with the derivative 3x instead of 2x: the check must fail, or it checks nothing.
    Random random = new Random(1);
    Tensor x = normal(random, 3).requiresGrad(true);
    assertThatThrownBy(
            () ->
                assertGradientsMatch(
                    "wrong square",
                    in -> {
                      Tensor a = in[0];
                      double[] o = a.toArray();
                      for (int k = 0; k < o.length; k++) {
                        o[k] *= o[k];
                      }
                      return Tensor.result(
                          "square",
                          o,
                          a.shape(),
                          a,
                          null,
                          Saved.FIRST,
                          out -> {
                            double[] ga = a.gradBuffer();
                            for (int k = 0; k < ga.length; k++) {
                              ga[k] += 3 * a.data[k] * out.grad[k];
                            }
                          });
                    },
                    random,
                    x))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("wrong square");
  }

  @Test
  void theCheckerCatchesAGradientOnAnInputThatDoesNotRequireIt() {
    Random random = new Random(2);
    Tensor x = normal(random, 3).requiresGrad(true);
    Tensor data = normal(random, 3);
    data.gradBuffer(); // as if a bug had written a gradient into a data tensor
    assertThatThrownBy(() -> assertGradientsMatch("data", in -> in[0].mul(in[1]), random, x, data))
        .isInstanceOf(AssertionError.class);
  }
}
