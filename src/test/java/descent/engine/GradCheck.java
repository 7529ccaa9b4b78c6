package descent.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;

/**
 * Finite-difference gradient checks and random test tensors.
 *
 * <p>An op's output is turned into a scalar as {@code sum(op(inputs) * W)} with fixed random
 * weights {@code W}, so that every element of a non-scalar output gets its own, non-trivial seed
 * gradient. The autograd gradient of each input that requires grad is then compared, element by
 * element, with a central difference {@code (f(x + h) - f(x - h)) / 2h}.
 */
@SuppressWarnings("try") // no-grad scopes are opened for their effect and never referenced
final class GradCheck {
  /** Step of the central difference. */
  static final double H = 1e-6;

  /** Relative tolerance, measured against max(1, |autograd|, |numeric|). */
  static final double TOLERANCE = 1e-6;

  private GradCheck() {}

  /**
   * Asserts that autograd's gradient of {@code op} matches central differences for every input that
   * requires grad, and that inputs that do not require grad receive no gradient at all.
   *
   * @param label names the case in failure messages
   * @param random draws the weights that reduce the output to a scalar
   */
  static void assertGradientsMatch(
      String label, Function<Tensor[], Tensor> op, Random random, Tensor... inputs) {
    Tensor probe;
    try (var g = Autograd.noGrad()) {
      probe = op.apply(inputs);
    }
    Tensor weights = Tensor.normal(0, 1, probe.shape(), random);
    Function<Tensor[], Tensor> f = in -> op.apply(in).mul(weights).sum();

    Tensor loss = f.apply(inputs);
    assertThat(loss.requiresGrad()).as("%s: loss should be recorded", label).isTrue();
    loss.backward();

    for (int i = 0; i < inputs.length; i++) {
      Tensor x = inputs[i];
      if (!x.requiresGrad()) {
        assertThat(x.grad()).as("%s: input %d does not require grad", label, i).isNull();
        continue;
      }
      assertThat(x.grad()).as("%s: gradient of input %d", label, i).isNotNull();
      assertThat(x.grad().shape())
          .as("%s: gradient shape of input %d", label, i)
          .isEqualTo(x.shape());
      double[] autograd = x.grad().toArray();
      double[] numeric = numericGradient(f, inputs, i);
      for (int k = 0; k < autograd.length; k++) {
        double scale = Math.max(1.0, Math.max(Math.abs(autograd[k]), Math.abs(numeric[k])));
        assertThat(autograd[k])
            .as(
                "%s: d loss / d input %d %s, element %d; autograd %s, numeric %s",
                label, i, x.shape(), k, Arrays.toString(autograd), Arrays.toString(numeric))
            .isCloseTo(numeric[k], within(TOLERANCE * scale));
      }
    }
  }

  /**
   * Central differences of the scalar {@code f} with respect to every element of input {@code i}.
   */
  static double[] numericGradient(Function<Tensor[], Tensor> f, Tensor[] inputs, int i) {
    double[] x = inputs[i].data;
    double[] gradient = new double[x.length];
    try (var g = Autograd.noGrad()) {
      for (int k = 0; k < x.length; k++) {
        double original = x[k];
        x[k] = original + H;
        double plus = f.apply(inputs).item();
        x[k] = original - H;
        double minus = f.apply(inputs).item();
        x[k] = original;
        gradient[k] = (plus - minus) / (2 * H);
      }
    }
    return gradient;
  }

  // ---------------------------------------------------------------- random tensors

  /** Standard normal values. */
  static Tensor normal(Random random, int... dims) {
    return Tensor.normal(0, 1, Shape.of(dims), random);
  }

  /** Uniform values in [lo, hi). */
  static Tensor uniform(Random random, double lo, double hi, int... dims) {
    Shape s = Shape.of(dims);
    double[] d = new double[s.size()];
    for (int k = 0; k < d.length; k++) {
      d[k] = lo + (hi - lo) * random.nextDouble();
    }
    return Tensor.of(d, dims);
  }

  /** Values with magnitude in [lo, hi) and a random sign: safe for abs and as divisors. */
  static Tensor awayFromZero(Random random, double lo, double hi, int... dims) {
    Tensor t = uniform(random, lo, hi, dims);
    double[] d = t.data;
    for (int k = 0; k < d.length; k++) {
      if (random.nextBoolean()) {
        d[k] = -d[k];
      }
    }
    return t;
  }

  /** A random shape of rank {@code minRank}..{@code maxRank} with extents 1..{@code maxExtent}. */
  static int[] randomDims(Random random, int minRank, int maxRank, int maxExtent) {
    int[] dims = new int[minRank + random.nextInt(maxRank - minRank + 1)];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = 1 + random.nextInt(maxExtent);
    }
    return dims;
  }

  /** Marks a leaf as a parameter. */
  static Tensor param(Tensor t) {
    return t.requiresGrad(true);
  }
}
