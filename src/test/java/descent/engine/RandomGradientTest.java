package descent.engine;

import static descent.engine.GradCheck.assertGradientsMatch;
import static descent.engine.GradCheck.normal;
import static descent.engine.GradCheck.randomDims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import descent.engine.GradientCheckTest.BinaryOp;
import descent.engine.GradientCheckTest.Grad;
import descent.engine.GradientCheckTest.Unary;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property checks over random shapes and values: each case draws everything from a {@link Random}
 * seeded with the case's number, so a failure names the seed that reproduces it. Gradients are
 * checked against central differences, forward values against naive reference loops.
 */
class RandomGradientTest {

  static LongStream seeds() {
    return LongStream.range(0, 40);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void binaryOpsBroadcastLikeNumPy(long seed) {
    Random random = new Random(seed);
    for (BinaryOp op : BinaryOp.values()) {
      int[] out = randomDims(random, 0, 3, 4);
      int[] left = operandOf(out, random);
      int[] right = operandOf(out, random);
      Grad grad = Grad.values()[random.nextInt(Grad.values().length)];
      Tensor a = normal(random, left).requiresGrad(grad.left);
      Tensor b = op.right(random, right).requiresGrad(grad.right);
      String label = "seed " + seed + ": " + op + " " + a.shape() + " with " + b.shape();

      Tensor c = op.apply.apply(a, b);
      int[] expected = broadcastDims(left, right);
      assertThat(c.shape()).as(label).isEqualTo(Shape.of(expected));
      forEachIndex(
          expected,
          index -> {
            double x = a.get(project(index, left));
            double y = b.get(project(index, right));
            double want =
                switch (op) {
                  case ADD -> x + y;
                  case SUB -> x - y;
                  case MUL -> x * y;
                  case DIV -> x / y;
                };
            assertThat(c.get(index)).as("%s at %s", label, Arrays.toString(index)).isEqualTo(want);
          });

      assertGradientsMatch(label, in -> op.apply.apply(in[0], in[1]), random, a, b);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void unaryOps(long seed) {
    Random random = new Random(seed);
    for (Unary u : GradientCheckTest.UNARY) {
      int[] dims = randomDims(random, 0, 3, 4);
      Tensor x = u.domain().draw(random, dims).requiresGrad(true);
      assertGradientsMatch(
          "seed " + seed + ": " + u.name() + " " + x.shape(), in -> u.op().apply(in[0]), random, x);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void reductions(long seed) {
    Random random = new Random(seed);
    int[] dims = randomDims(random, 1, 3, 4);
    int rank = dims.length;
    int axis = random.nextInt(2 * rank) - rank; // -rank .. rank-1
    int ax = axis < 0 ? axis + rank : axis;
    boolean keepDims = random.nextBoolean();
    boolean mean = random.nextBoolean();
    Tensor x = normal(random, dims).requiresGrad(true);
    String label =
        "seed " + seed + ": " + (mean ? "mean" : "sum") + " " + x.shape() + " axis " + axis;

    Tensor r = mean ? x.mean(axis, keepDims) : x.sum(axis, keepDims);
    int[] kept = dims.clone();
    kept[ax] = 1;
    Tensor expected = Tensor.zeros(kept);
    forEachIndex(
        dims,
        index -> {
          int[] to = index.clone();
          to[ax] = 0;
          expected.data[flat(to, kept)] += x.get(index) / (mean ? dims[ax] : 1);
        });
    assertThat(r.size()).as(label).isEqualTo(expected.size());
    assertThat(r.shape().rank()).as(label).isEqualTo(keepDims ? rank : rank - 1);
    for (int k = 0; k < r.size(); k++) {
      assertThat(r.data[k]).as(label).isCloseTo(expected.data[k], within(1e-12));
    }

    assertGradientsMatch(
        label, in -> mean ? in[0].mean(axis, keepDims) : in[0].sum(axis, keepDims), random, x);
    x.zeroGrad();
    assertGradientsMatch(label + " (all)", in -> mean ? in[0].mean() : in[0].sum(), random, x);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void matmul(long seed) {
    Random random = new Random(seed);
    int m = 1 + random.nextInt(5);
    int k = 1 + random.nextInt(5);
    int n = 1 + random.nextInt(5);
    boolean vector = random.nextInt(3) == 0;
    Grad grad = Grad.values()[random.nextInt(Grad.values().length)];
    Tensor a = normal(random, m, k).requiresGrad(grad.left);
    Tensor b = (vector ? normal(random, k) : normal(random, k, n)).requiresGrad(grad.right);
    String label = "seed " + seed + ": " + a.shape() + " @ " + b.shape();

    Tensor c = a.matmul(b);
    assertThat(c.shape()).as(label).isEqualTo(vector ? Shape.of(m) : Shape.of(m, n));
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < (vector ? 1 : n); j++) {
        double acc = 0;
        for (int p = 0; p < k; p++) {
          acc += a.get(i, p) * (vector ? b.get(p) : b.get(p, j));
        }
        double actual = vector ? c.get(i) : c.get(i, j);
        assertThat(actual).as(label).isCloseTo(acc, within(1e-12));
      }
    }

    assertGradientsMatch(label, in -> in[0].matmul(in[1]), random, a, b);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void reshapeAndTranspose(long seed) {
    Random random = new Random(seed);
    int[] dims = randomDims(random, 0, 3, 4);
    // Any permutation of the extents has the same size; one of them may become -1.
    int[] target = dims.clone();
    for (int i = target.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = target[i];
      target[i] = target[j];
      target[j] = t;
    }
    if (target.length > 0 && random.nextBoolean()) {
      target[random.nextInt(target.length)] = -1;
    }
    Tensor x = normal(random, dims).requiresGrad(true);
    String label = "seed " + seed + ": reshape " + x.shape() + " to " + Arrays.toString(target);
    Tensor r = x.reshape(target);
    assertThat(r.toArray()).as(label).containsExactly(x.toArray());
    assertGradientsMatch(label, in -> in[0].reshape(target), random, x);

    int rows = 1 + random.nextInt(5);
    int cols = 1 + random.nextInt(5);
    Tensor m = normal(random, rows, cols).requiresGrad(true);
    Tensor t = m.transpose();
    assertThat(t.shape()).isEqualTo(Shape.of(cols, rows));
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        assertThat(t.get(j, i)).isEqualTo(m.get(i, j));
      }
    }
    assertGradientsMatch("seed " + seed + ": transpose", in -> in[0].transpose(), random, m);
  }

  // ---------------------------------------------------------------- broadcasting reference

  /** An operand that broadcasts to {@code out}: leading axes dropped, some extents set to 1. */
  private static int[] operandOf(int[] out, Random random) {
    int drop = random.nextInt(out.length + 1);
    int[] d = Arrays.copyOfRange(out, drop, out.length);
    for (int i = 0; i < d.length; i++) {
      if (random.nextInt(3) == 0) {
        d[i] = 1;
      }
    }
    return d;
  }

  /** NumPy's rule, written independently of the engine's. */
  private static int[] broadcastDims(int[] a, int[] b) {
    int rank = Math.max(a.length, b.length);
    int[] out = new int[rank];
    for (int i = 0; i < rank; i++) {
      int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
      int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
      assertThat(da == db || da == 1 || db == 1).isTrue();
      out[i] = da == 1 ? db : da;
    }
    return out;
  }

  /** The index an operand of shape {@code dims} reads for output {@code index}. */
  private static int[] project(int[] index, int[] dims) {
    int offset = index.length - dims.length;
    int[] p = new int[dims.length];
    for (int i = 0; i < dims.length; i++) {
      p[i] = dims[i] == 1 ? 0 : index[i + offset];
    }
    return p;
  }

  private static int flat(int[] index, int[] dims) {
    int f = 0;
    for (int i = 0; i < dims.length; i++) {
      f = f * dims[i] + index[i];
    }
    return f;
  }

  /** Calls {@code body} for every index of {@code dims} in row-major order. */
  private static void forEachIndex(int[] dims, java.util.function.Consumer<int[]> body) {
    int size = 1;
    for (int d : dims) {
      size *= d;
    }
    int[] index = new int[dims.length];
    for (int k = 0; k < size; k++) {
      body.accept(index.clone());
      for (int axis = dims.length - 1; axis >= 0; axis--) {
        if (++index[axis] < dims[axis]) {
          break;
        }
        index[axis] = 0;
      }
    }
  }
}
