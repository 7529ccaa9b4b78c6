package descent.engine;

/** Sums and means, over all elements or along one axis. */
final class Reductions {
  private Reductions() {}

  // s = Σ aₖ:  daₖ = ds
  static Tensor sum(Tensor a) {
    return total("sum", a, 1.0, Reductions::sumBackward);
  }

  // m = (Σ aₖ) / n:  daₖ = dm / n. The sum is divided once, so the mean is a true mean.
  static Tensor mean(Tensor a) {
    return total("mean", a, a.size(), Reductions::meanBackward);
  }

  private static void sumBackward(Tensor out) {
    spread(out, 1.0);
  }

  private static void meanBackward(Tensor out) {
    spread(out, out.input0.size());
  }

  // Both rules are static, so recording a loss's mean allocates no closure.
  private static void spread(Tensor out, double divisor) {
    double g = out.grad[0] / divisor;
    double[] ga = out.input0.gradBuffer();
    for (int k = 0; k < ga.length; k++) {
      ga[k] += g;
    }
  }

  private static Tensor total(String op, Tensor a, double divisor, Tensor.Backward backward) {
    double[] x = a.data;
    double acc = 0;
    for (double v : x) {
      acc += v;
    }
    return Tensor.result(
        op, new double[] {acc / divisor}, Shape.SCALAR, a, null, Saved.NOTHING, backward);
  }

  static Tensor sum(Tensor a, int axis, boolean keepDims) {
    return along("sum", a, axis, keepDims, false);
  }

  static Tensor mean(Tensor a, int axis, boolean keepDims) {
    return along("mean", a, axis, keepDims, true);
  }

  /**
   * Reduces along one axis. Viewing the tensor as (outer, n, inner), element (o, j, i) contributes
   * to output (o, i), and its gradient is that output's gradient (divided by n for a mean).
   */
  private static Tensor along(String op, Tensor a, int axis, boolean keepDims, boolean mean) {
    Shape shape = a.shape;
    int ax = shape.normalizeAxis(op, axis);
    int[] dims = shape.dims();
    int n = dims[ax];
    int outer = product(dims, 0, ax);
    int inner = product(dims, ax + 1, dims.length);
    double[] x = a.data;
    double[] o = new double[outer * inner];
    for (int p = 0; p < outer; p++) {
      for (int j = 0; j < n; j++) {
        int src = (p * n + j) * inner;
        int dst = p * inner;
        for (int i = 0; i < inner; i++) {
          o[dst + i] += x[src + i];
        }
      }
    }
    double divisor = mean ? n : 1.0;
    if (mean) {
      for (int k = 0; k < o.length; k++) {
        o[k] /= divisor;
      }
    }
    int[] outDims;
    if (keepDims) {
      outDims = dims.clone();
      outDims[ax] = 1;
    } else {
      outDims = new int[dims.length - 1];
      System.arraycopy(dims, 0, outDims, 0, ax);
      System.arraycopy(dims, ax + 1, outDims, ax, dims.length - ax - 1);
    }
    return Tensor.result(
        op,
        o,
        Shape.of(outDims),
        a,
        null,
        Saved.NOTHING,
        out -> {
          double[] g = out.grad;
          double[] ga = a.gradBuffer();
          for (int p = 0; p < outer; p++) {
            for (int j = 0; j < n; j++) {
              int dst = (p * n + j) * inner;
              int src = p * inner;
              for (int i = 0; i < inner; i++) {
                ga[dst + i] += g[src + i] / divisor;
              }
            }
          }
        });
  }

  private static int product(int[] dims, int from, int to) {
    int p = 1;
    for (int i = from; i < to; i++) {
      p *= dims[i];
    }
    return p;
  }
}
