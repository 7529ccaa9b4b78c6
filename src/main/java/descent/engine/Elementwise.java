package descent.engine;

/**
 * Elementwise ops. Binary ops broadcast under NumPy's rules; their backward sums the output
 * gradient back over the broadcast axes, which falls out of accumulating through the index maps.
 *
 * <p>Each backward rule is a static method that reads the op's inputs and result from the node it
 * is handed, so recording an op allocates no closure: a training step records one of each op per
 * minibatch, and for a minibatch of one row that bookkeeping is most of the step.
 */
final class Elementwise {
  private Elementwise() {}

  /**
   * The index map of an operand with a single element, such as b or the 2 in (ŷ − y)²/2: every
   * output element reads element 0. A marker, not a map of zeros, so that a minibatch's broadcast
   * allocates and reads no map.
   */
  private static final int[] FIRST_ELEMENT = new int[0];

  /**
   * For each element of a tensor of shape {@code out}, the flat index of the element of an operand
   * of shape {@code in} that it reads; {@code null} when the shapes are equal (the identity), and
   * {@link #FIRST_ELEMENT} when the operand has a single element.
   */
  static int[] indexMap(Shape out, Shape in) {
    if (in.equals(out)) {
      return null;
    }
    if (in.size() == 1) {
      return FIRST_ELEMENT;
    }
    int rank = out.rank();
    int offset = rank - in.rank();
    int[] extent = out.dims();
    int[] stride = new int[rank]; // the operand's stride along each output axis; 0 if broadcast
    int s = 1;
    for (int axis = rank - 1; axis >= 0; axis--) {
      int d = axis >= offset ? in.dim(axis - offset) : 1;
      stride[axis] = d == 1 ? 0 : s;
      s *= d;
    }
    int[] map = new int[out.size()];
    int[] counter = new int[rank];
    int index = 0;
    for (int k = 0; k < map.length; k++) {
      map[k] = index;
      for (int axis = rank - 1; axis >= 0; axis--) {
        index += stride[axis];
        if (++counter[axis] < extent[axis]) {
          break;
        }
        index -= stride[axis] * extent[axis];
        counter[axis] = 0;
      }
    }
    return map;
  }

  private static int at(int[] map, int k) {
    return map == null ? k : map == FIRST_ELEMENT ? 0 : map[k];
  }

  // d(a + b) = da + db
  static Tensor add(Tensor a, Tensor b) {
    Shape s = Shape.broadcast("add", a.shape, b.shape);
    int[] ia = indexMap(s, a.shape);
    int[] ib = indexMap(s, b.shape);
    double[] x = a.data;
    double[] y = b.data;
    double[] o = new double[s.size()];
    for (int k = 0; k < o.length; k++) {
      o[k] = x[at(ia, k)] + y[at(ib, k)];
    }
    return Tensor.result("add", o, s, a, b, Saved.NOTHING, Elementwise::addBackward);
  }

  private static void addBackward(Tensor out) {
    passBack(out, out.input0, false);
    passBack(out, out.input1, false);
  }

  /**
   * Adds {@code out}'s gradient (negated if {@code negate}) into {@code in}'s, summing over the
   * elements {@code in} was broadcast to: the backward rule of add and sub for one input.
   */
  private static void passBack(Tensor out, Tensor in, boolean negate) {
    if (!in.requiresGrad) {
      return;
    }
    int[] map = indexMap(out.shape, in.shape);
    double[] target = in.gradBuffer();
    double[] g = out.grad;
    for (int k = 0; k < g.length; k++) {
      target[at(map, k)] += negate ? -g[k] : g[k]; // x + (−g) is exactly x − g
    }
  }

  // d(a - b) = da - db
  static Tensor sub(Tensor a, Tensor b) {
    Shape s = Shape.broadcast("sub", a.shape, b.shape);
    int[] ia = indexMap(s, a.shape);
    int[] ib = indexMap(s, b.shape);
    double[] x = a.data;
    double[] y = b.data;
    double[] o = new double[s.size()];
    for (int k = 0; k < o.length; k++) {
      o[k] = x[at(ia, k)] - y[at(ib, k)];
    }
    return Tensor.result("sub", o, s, a, b, Saved.NOTHING, Elementwise::subBackward);
  }

  private static void subBackward(Tensor out) {
    passBack(out, out.input0, false);
    passBack(out, out.input1, true);
  }

  // d(a * b) = b da + a db
  static Tensor mul(Tensor a, Tensor b) {
    Shape s = Shape.broadcast("mul", a.shape, b.shape);
    int[] ia = indexMap(s, a.shape);
    int[] ib = indexMap(s, b.shape);
    double[] x = a.data;
    double[] y = b.data;
    double[] o = new double[s.size()];
    for (int k = 0; k < o.length; k++) {
      o[k] = x[at(ia, k)] * y[at(ib, k)];
    }
    return Tensor.result("mul", o, s, a, b, Saved.crosswise(a, b), Elementwise::mulBackward);
  }

  private static void mulBackward(Tensor out) {
    Tensor a = out.input0;
    Tensor b = out.input1;
    int[] ia = indexMap(out.shape, a.shape);
    int[] ib = indexMap(out.shape, b.shape);
    double[] x = a.data;
    double[] y = b.data;
    double[] g = out.grad;
    if (a.requiresGrad) {
      double[] ga = a.gradBuffer();
      for (int k = 0; k < g.length; k++) {
        ga[at(ia, k)] += g[k] * y[at(ib, k)];
      }
    }
    if (b.requiresGrad) {
      double[] gb = b.gradBuffer();
      for (int k = 0; k < g.length; k++) {
        gb[at(ib, k)] += g[k] * x[at(ia, k)];
      }
    }
  }

  // d(a / b) = da / b - a db / b²
  static Tensor div(Tensor a, Tensor b) {
    Shape s = Shape.broadcast("div", a.shape, b.shape);
    int[] ia = indexMap(s, a.shape);
    int[] ib = indexMap(s, b.shape);
    double[] x = a.data;
    double[] y = b.data;
    double[] o = new double[s.size()];
    for (int k = 0; k < o.length; k++) {
      o[k] = x[at(ia, k)] / y[at(ib, k)];
    }
    return Tensor.result(
        "div",
        o,
        s,
        a,
        b,
        Saved.crosswise(a, b) | (b.requiresGrad ? Saved.SECOND : Saved.NOTHING),
        Elementwise::divBackward);
  }

  private static void divBackward(Tensor out) {
    Tensor a = out.input0;
    Tensor b = out.input1;
    int[] ia = indexMap(out.shape, a.shape);
    int[] ib = indexMap(out.shape, b.shape);
    double[] x = a.data;
    double[] y = b.data;
    double[] g = out.grad;
    if (a.requiresGrad) {
      double[] ga = a.gradBuffer();
      for (int k = 0; k < g.length; k++) {
        ga[at(ia, k)] += g[k] / y[at(ib, k)];
      }
    }
    if (b.requiresGrad) {
      double[] gb = b.gradBuffer();
      for (int k = 0; k < g.length; k++) {
        double yk = y[at(ib, k)];
        gb[at(ib, k)] -= g[k] * x[at(ia, k)] / (yk * yk);
      }
    }
  }

  // d(-a) = -da
  static Tensor neg(Tensor a) {
    double[] x = a.data;
    double[] o = new double[x.length];
    for (int k = 0; k < o.length; k++) {
      o[k] = -x[k];
    }
    return Tensor.result("neg", o, a.shape, a, null, Saved.NOTHING, Elementwise::negBackward);
  }

  private static void negBackward(Tensor out) {
    double[] g = out.grad;
    double[] ga = out.input0.gradBuffer();
    for (int k = 0; k < g.length; k++) {
      ga[k] -= g[k];
    }
  }

  // d(a^p) = p a^(p-1) da. For p = 0 the derivative is 0 everywhere, also at a = 0 where
  // 0 · 0^(-1) would give NaN; PyTorch returns 0 there too. For 0 < p < 1 at a = 0 it stays +∞
  // (times the incoming gradient), the one-sided limit, as in PyTorch and as sqrt gives.
  static Tensor pow(Tensor a, double p) {
    double[] x = a.data;
    double[] o = new double[x.length];
    for (int k = 0; k < o.length; k++) {
      o[k] = Math.pow(x[k], p);
    }
    return Tensor.result(
        "pow",
        o,
        a.shape,
        a,
        null,
        p == 0 ? Saved.NOTHING : Saved.FIRST,
        out -> {
          double[] g = out.grad;
          double[] ga = a.gradBuffer();
          if (p == 0) {
            return; // a constant: its gradient is exactly 0, and ga already holds the rest
          }
          for (int k = 0; k < g.length; k++) {
            ga[k] += g[k] * p * Math.pow(x[k], p - 1);
          }
        });
  }

  // d(a²) = 2a da
  static Tensor square(Tensor a) {
    double[] x = a.data;
    double[] o = new double[x.length];
    for (int k = 0; k < o.length; k++) {
      o[k] = x[k] * x[k];
    }
    return Tensor.result("square", o, a.shape, a, null, Saved.FIRST, Elementwise::squareBackward);
  }

  private static void squareBackward(Tensor out) {
    Tensor a = out.input0;
    double[] x = a.data;
    double[] g = out.grad;
    double[] ga = a.gradBuffer();
    for (int k = 0; k < g.length; k++) {
      ga[k] += 2 * x[k] * g[k];
    }
  }

  // d(√a) = da / (2√a)
  static Tensor sqrt(Tensor a) {
    double[] x = a.data;
    double[] o = new double[x.length];
    for (int k = 0; k < o.length; k++) {
      o[k] = Math.sqrt(x[k]);
    }
    return Tensor.result("sqrt", o, a.shape, a, null, Saved.RESULT, Elementwise::sqrtBackward);
  }

  private static void sqrtBackward(Tensor out) {
    double[] o = out.data;
    double[] g = out.grad;
    double[] ga = out.input0.gradBuffer();
    for (int k = 0; k < g.length; k++) {
      ga[k] += g[k] / (2 * o[k]);
    }
  }

  // d(e^a) = e^a da
  static Tensor exp(Tensor a) {
    double[] x = a.data;
    double[] o = new double[x.length];
    for (int k = 0; k < o.length; k++) {
      o[k] = Math.exp(x[k]);
    }
    return Tensor.result("exp", o, a.shape, a, null, Saved.RESULT, Elementwise::expBackward);
  }

  private static void expBackward(Tensor out) {
    double[] o = out.data;
    double[] g = out.grad;
    double[] ga = out.input0.gradBuffer();
    for (int k = 0; k < g.length; k++) {
      ga[k] += g[k] * o[k];
    }
  }

  // d(ln a) = da / a
  static Tensor log(Tensor a) {
    double[] x = a.data;
    double[] o = new double[x.length];
    for (int k = 0; k < o.length; k++) {
      o[k] = Math.log(x[k]);
    }
    return Tensor.result("log", o, a.shape, a, null, Saved.FIRST, Elementwise::logBackward);
  }

  private static void logBackward(Tensor out) {
    Tensor a = out.input0;
    double[] x = a.data;
    double[] g = out.grad;
    double[] ga = a.gradBuffer();
    for (int k = 0; k < g.length; k++) {
      ga[k] += g[k] / x[k];
    }
  }

  // d|a| = sign(a) da, taking sign(0) = 0 as PyTorch does
  static Tensor abs(Tensor a) {
    double[] x = a.data;
    double[] o = new double[x.length];
    for (int k = 0; k < o.length; k++) {
      o[k] = Math.abs(x[k]);
    }
    return Tensor.result("abs", o, a.shape, a, null, Saved.FIRST, Elementwise::absBackward);
  }

  private static void absBackward(Tensor out) {
    Tensor a = out.input0;
    double[] x = a.data;
    double[] g = out.grad;
    double[] ga = a.gradBuffer();
    for (int k = 0; k < g.length; k++) {
      ga[k] += g[k] * Math.signum(x[k]);
    }
  }
}
