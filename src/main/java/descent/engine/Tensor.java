package descent.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A rank-n array of doubles, stored row-major in one contiguous {@code double[]}, that records the
 * ops applied to it so that {@link #backward()} can compute gradients.
 *
 * <p>Ops return new tensors. Methods whose names end in {@code InPlace} mutate this tensor and are
 * never recorded; backward through an op that read the values they changed is refused. Only tensors
 * marked with {@link #requiresGrad(boolean)}, and results computed from them, take part in the
 * graph; data tensors cost no gradient work.
 */
public final class Tensor {
  /**
   * The local backward rule of one op: given its output {@code out}, whose {@code grad} holds
   * dL/d(out), add this op's contribution to the gradients of its inputs that require grad.
   */
  @FunctionalInterface
  interface Backward {
    void propagate(Tensor out);
  }

  private static final double[] SCALAR_SEED = {1.0}; // dL/dL, only ever read
  private static final int SHORT_ROW = 16; // rows shorter than this are gathered by hand

  final double[] data;
  final Shape shape;
  boolean requiresGrad;
  double[] grad;
  private Tensor gradView; // the one tensor grad() hands out, so its in-place changes are counted
  private String name;

  // In-place tracking (ADR 0006): the tensor owning `data` counts the in-place changes to it.
  final Tensor base; // the owner when this tensor shares another's values (detach), else null
  private int version;
  private String lastInPlaceOp;

  // The graph: set only for results recorded while gradients were enabled.
  final String op;
  final Tensor input0; // the op's first input, or null for a leaf
  final Tensor input1; // its second input, or null for a leaf or a one-input op
  private Backward backward;
  int saves; // which values the backward rule reads (Saved.FIRST, ...)
  // Their versions when the op ran: ops have at most two inputs, so three fields hold them all.
  int savedVersion0;
  int savedVersion1;
  int savedResultVersion;
  long visited;

  Tensor(double[] data, Shape shape) {
    this(data, shape, null, null, null, null);
  }

  private Tensor(double[] data, Shape shape, String op, Tensor input0, Tensor input1, Tensor base) {
    this.data = data;
    this.shape = shape;
    this.op = op;
    this.input0 = input0;
    this.input1 = input1;
    this.base = base;
  }

  /**
   * Wraps an op's output. It joins the graph only if recording is on and an input requires grad;
   * otherwise it is a plain leaf and {@code backward} is dropped. {@code saves} names the tensors
   * whose values {@code backward} reads ({@link Saved}), so that backward can refuse if one of them
   * is modified in place in the meantime.
   */
  static Tensor result(
      String op, double[] data, Shape shape, Tensor a, Tensor b, int saves, Backward backward) {
    if ((a.requiresGrad || b != null && b.requiresGrad) && Autograd.isGradEnabled()) {
      Tensor out = new Tensor(data, shape, op, a, b, null);
      out.requiresGrad = true;
      out.backward = backward;
      Saved.record(out, saves);
      return out;
    }
    return new Tensor(data, shape);
  }

  /**
   * How many times this tensor's values have been modified in place (by any tensor sharing them).
   */
  int version() {
    return base == null ? version : base.version;
  }

  /** The last in-place method that modified this tensor's values, e.g. "fillInPlace". */
  String lastInPlaceOp() {
    return base == null ? lastInPlaceOp : base.lastInPlaceOp;
  }

  /** Counts one in-place change to this tensor's values, made by the method {@code method}. */
  void modifiedInPlace(String method) {
    Tensor owner = base == null ? this : base;
    owner.version++;
    owner.lastInPlaceOp = method;
  }

  /** Counts a change to the gradient buffer (zeroGrad, or accumulation by backward). */
  void gradModified(String method) {
    if (gradView != null) {
      gradView.modifiedInPlace(method);
    }
  }

  void propagate() {
    if (backward != null && grad != null && anyInputRequiresGrad()) {
      backward.propagate(this);
    }
  }

  // Unary backward rules write to their input unconditionally; a leaf unmarked after the forward
  // pass (requiresGrad(false)) must still get nothing, as it does from the binary ops.
  private boolean anyInputRequiresGrad() {
    return input0 != null && input0.requiresGrad || input1 != null && input1.requiresGrad;
  }

  /** The number of inputs of the op that produced this tensor: 0 for a leaf, else 1 or 2. */
  int arity() {
    return input1 != null ? 2 : input0 != null ? 1 : 0;
  }

  // ---------------------------------------------------------------- factories

  /** A tensor of zeros. */
  public static Tensor zeros(int... dims) {
    Shape s = Shape.of(dims);
    return new Tensor(new double[s.size()], s);
  }

  /** A tensor of ones. */
  public static Tensor ones(int... dims) {
    return full(1.0, dims);
  }

  /** A tensor with every element equal to {@code value}. */
  public static Tensor full(double value, int... dims) {
    Shape s = Shape.of(dims);
    double[] d = new double[s.size()];
    Arrays.fill(d, value);
    return new Tensor(d, s);
  }

  /** A rank-0 tensor. */
  public static Tensor scalar(double value) {
    return new Tensor(new double[] {value}, Shape.SCALAR);
  }

  /** A vector holding a copy of {@code values}. */
  public static Tensor of(double... values) {
    return new Tensor(values.clone(), Shape.of(values.length));
  }

  /** A tensor of the given shape holding a copy of {@code values}, in row-major order. */
  public static Tensor of(double[] values, int... dims) {
    Shape s = Shape.of(dims);
    if (values.length != s.size()) {
      throw new ShapeException(
          "of: " + values.length + " values cannot fill shape " + s + " of " + s.size());
    }
    return new Tensor(values.clone(), s);
  }

  /**
   * A tensor of the given shape over {@code values} itself, not a copy: the caller hands the array
   * over and must not change it afterwards. For buffers filled just to become a tensor, such as a
   * gathered minibatch, where {@link #of(double[], int...)} would copy every value once more.
   */
  public static Tensor wrap(double[] values, int... dims) {
    return wrap(values, Shape.of(dims));
  }

  /** {@link #wrap(double[], int...)} with the shape given as a {@link Shape}. */
  public static Tensor wrap(double[] values, Shape shape) {
    if (values.length != shape.size()) {
      throw new ShapeException(
          "wrap: " + values.length + " values cannot fill shape " + shape + " of " + shape.size());
    }
    return new Tensor(values, shape);
  }

  /** A matrix from rows of equal length. */
  public static Tensor of(double[][] rows) {
    int cols = rows.length == 0 ? 0 : rows[0].length;
    double[] d = new double[rows.length * cols];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != cols) {
        throw new ShapeException(
            "of: row " + i + " has " + rows[i].length + " values, row 0 has " + cols);
      }
      System.arraycopy(rows[i], 0, d, i * cols, cols);
    }
    return new Tensor(d, Shape.of(rows.length, cols));
  }

  /**
   * Samples from N(mean, std²), element by element in row-major order, from {@code random}. The
   * same seed gives the same numbers on every machine: {@link Random#nextGaussian()} is specified
   * exactly.
   */
  public static Tensor normal(double mean, double std, Shape shape, Random random) {
    double[] d = new double[shape.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = mean + std * random.nextGaussian();
    }
    return new Tensor(d, shape);
  }

  // ---------------------------------------------------------------- reading

  public Shape shape() {
    return shape;
  }

  /** The number of elements. */
  public int size() {
    return data.length;
  }

  /** The single value of a one-element tensor. */
  public double item() {
    if (data.length != 1) {
      throw new ShapeException(
          "item: tensor of shape "
              + shape
              + " has "
              + data.length
              + " elements; item() needs exactly one");
    }
    return data[0];
  }

  /** The element at {@code index}, one coordinate per axis. */
  public double get(int... index) {
    if (index.length != shape.rank()) {
      throw new ShapeException(
          "get: "
              + index.length
              + " coordinates given for shape "
              + shape
              + " of rank "
              + shape.rank());
    }
    int flat = 0;
    for (int axis = 0; axis < index.length; axis++) {
      int extent = shape.dim(axis);
      if (index[axis] < 0 || index[axis] >= extent) {
        throw new ShapeException(
            "get: index " + index[axis] + " out of range for axis " + axis + " of shape " + shape);
      }
      flat = flat * extent + index[axis];
    }
    return data[flat];
  }

  /** Σ x² over all elements, read directly (no copy, not recorded): e.g. a gradient's norm². */
  public double sumOfSquares() {
    double acc = 0;
    for (double v : data) {
      acc += v * v;
    }
    return acc;
  }

  /** Whether every element is a finite number (no NaN, no ±∞), read directly without a copy. */
  public boolean allFinite() {
    for (double v : data) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  /** A copy of the elements in row-major order. */
  public double[] toArray() {
    return data.clone();
  }

  // ---------------------------------------------------------------- gradients

  /** Whether gradients flow to this tensor. */
  public boolean requiresGrad() {
    return requiresGrad;
  }

  /** Marks a leaf (a parameter) to receive gradients, or stops it. Returns this tensor. */
  public Tensor requiresGrad(boolean flag) {
    if (!isLeaf()) {
      throw new IllegalStateException(
          "requiresGrad: only leaf tensors can be marked; this one is the output of " + op);
    }
    this.requiresGrad = flag;
    return this;
  }

  /**
   * The accumulated gradient, sharing its storage so that optimizers can scale it in place, or
   * {@code null} if no backward pass has reached this tensor yet. Every call returns the same
   * tensor, as PyTorch's {@code p.grad} does.
   */
  public Tensor grad() {
    if (grad == null) {
      return null;
    }
    if (gradView == null) {
      gradView = new Tensor(grad, shape);
    }
    return gradView;
  }

  /** Resets the accumulated gradient to zero. */
  public void zeroGrad() {
    if (grad != null) {
      Arrays.fill(grad, 0.0);
      gradModified("zeroGrad");
    }
  }

  double[] gradBuffer() {
    if (grad == null) {
      grad = new double[data.length];
    }
    return grad;
  }

  /**
   * Computes the gradient of this scalar with respect to every tensor that requires grad and led to
   * it, and adds it to their {@link #grad()}. Gradients accumulate across calls, as in PyTorch.
   */
  public void backward() {
    if (data.length != 1) {
      throw new ShapeException(
          "backward: called on a tensor of shape "
              + shape
              + "; only a scalar (one element) can start backward without a seed gradient."
              + " Reduce it first, e.g. with mean(), or pass backward(seed)");
    }
    backward(SCALAR_SEED);
  }

  /** Backward from a non-scalar, given the gradient of the final result with respect to this. */
  public void backward(Tensor seed) {
    if (!seed.shape.equals(shape)) {
      throw new ShapeException(
          "backward: seed gradient of shape " + seed.shape + " does not match tensor " + shape);
    }
    backward(seed.data);
  }

  private void backward(double[] seed) {
    if (!requiresGrad) {
      throw new IllegalStateException(
          "backward: this tensor does not require grad: no parameter marked requiresGrad(true)"
              + " took part in computing it (or it was computed in a no-grad scope)");
    }
    Autograd.backward(this, seed);
  }

  /**
   * A leaf sharing this tensor's values, cut from the graph: gradients never flow through it. An
   * in-place change to either one changes both, and counts as a change to both.
   */
  public Tensor detach() {
    return new Tensor(data, shape, null, null, null, base == null ? this : base);
  }

  // ---------------------------------------------------------------- the graph

  /** True for tensors not produced by a recorded op: data, parameters and constants. */
  public boolean isLeaf() {
    return op == null;
  }

  /** The name of the op that produced this tensor, or {@code null} for a leaf. */
  public String op() {
    return op;
  }

  /** The inputs of the op that produced this tensor; empty for a leaf. */
  public List<Tensor> inputs() {
    return input0 == null ? List.of() : input1 == null ? List.of(input0) : List.of(input0, input1);
  }

  /** A label for graph views, e.g. "w" or "X". */
  public String name() {
    return name;
  }

  /** Sets the label shown in graph views. Returns this tensor. */
  public Tensor named(String label) {
    this.name = label;
    return this;
  }

  // ---------------------------------------------------------------- differentiable ops

  public Tensor add(Tensor other) {
    return Elementwise.add(this, other);
  }

  public Tensor sub(Tensor other) {
    return Elementwise.sub(this, other);
  }

  public Tensor mul(Tensor other) {
    return Elementwise.mul(this, other);
  }

  public Tensor div(Tensor other) {
    return Elementwise.div(this, other);
  }

  public Tensor add(double c) {
    return add(scalar(c));
  }

  public Tensor sub(double c) {
    return sub(scalar(c));
  }

  public Tensor mul(double c) {
    return mul(scalar(c));
  }

  public Tensor div(double c) {
    return div(scalar(c));
  }

  public Tensor neg() {
    return Elementwise.neg(this);
  }

  /** Raises every element to the constant power {@code p}. */
  public Tensor pow(double p) {
    return Elementwise.pow(this, p);
  }

  public Tensor square() {
    return Elementwise.square(this);
  }

  public Tensor sqrt() {
    return Elementwise.sqrt(this);
  }

  public Tensor exp() {
    return Elementwise.exp(this);
  }

  public Tensor log() {
    return Elementwise.log(this);
  }

  public Tensor abs() {
    return Elementwise.abs(this);
  }

  /** Matrix product: (m, k) @ (k, n) gives (m, n); (m, k) @ (k,) gives (m,). */
  public Tensor matmul(Tensor other) {
    return LinearAlgebra.matmul(this, other);
  }

  /** The transpose of a matrix; vectors and scalars are their own transpose. */
  public Tensor transpose() {
    return LinearAlgebra.transpose(this);
  }

  /** The same elements in a new shape; one extent may be -1 and is then inferred. */
  public Tensor reshape(int... dims) {
    return LinearAlgebra.reshape(this, dims);
  }

  /** The sum of all elements, as a scalar. */
  public Tensor sum() {
    return Reductions.sum(this);
  }

  /** The sum along {@code axis}, keeping it with extent 1 if {@code keepDims}. */
  public Tensor sum(int axis, boolean keepDims) {
    return Reductions.sum(this, axis, keepDims);
  }

  /** The mean of all elements, as a scalar. */
  public Tensor mean() {
    return Reductions.mean(this);
  }

  /** The mean along {@code axis}, keeping it with extent 1 if {@code keepDims}. */
  public Tensor mean(int axis, boolean keepDims) {
    return Reductions.mean(this, axis, keepDims);
  }

  // ---------------------------------------------------------------- in place, never recorded
  //
  // Each counts one change to the tensor's version, so that backward through an op that read the
  // old values refuses instead of computing a wrong gradient (Saved, ADR 0006).

  /** this ← this − other (same shape), in place. */
  public Tensor subInPlace(Tensor other) {
    return subScaled("subInPlace", 1.0, other);
  }

  /** this ← this + other (same shape), in place. */
  public Tensor addInPlace(Tensor other) {
    return subScaled("addInPlace", -1.0, other);
  }

  /** this ← this − alpha·other (same shape), in place: the SGD update θ ← θ − η·g. */
  public Tensor subScaledInPlace(double alpha, Tensor other) {
    return subScaled("subScaledInPlace", alpha, other);
  }

  private Tensor subScaled(String method, double alpha, Tensor other) {
    if (!other.shape.equals(shape)) {
      throw new ShapeException(
          "subScaledInPlace: " + shape + " -= alpha * " + other.shape + ": shapes differ");
    }
    double[] o = other.data;
    for (int i = 0; i < data.length; i++) {
      data[i] -= alpha * o[i];
    }
    modifiedInPlace(method);
    return this;
  }

  /** this ← c·this, in place. */
  public Tensor mulInPlace(double c) {
    for (int i = 0; i < data.length; i++) {
      data[i] *= c;
    }
    modifiedInPlace("mulInPlace");
    return this;
  }

  /** Overwrites every element with {@code value}, in place. */
  public Tensor fillInPlace(double value) {
    Arrays.fill(data, value);
    modifiedInPlace("fillInPlace");
    return this;
  }

  /** Overwrites this tensor's elements with a copy of {@code values}, in place. */
  public Tensor setInPlace(double[] values) {
    if (values.length != data.length) {
      throw new ShapeException(
          "setInPlace: " + values.length + " values for a tensor of shape " + shape);
    }
    System.arraycopy(values, 0, data, 0, data.length);
    modifiedInPlace("setInPlace");
    return this;
  }

  /**
   * Overwrites this matrix, in place, with rows of {@code table}, a row-major matrix with as many
   * columns as this one: row r becomes row {@code rows[r]} of the table. A minibatch gathered into
   * the buffers of the one before it, so that a training step allocates no new copy of its data.
   */
  public Tensor gatherRowsInPlace(double[] table, int[] rows) {
    if (shape.rank() != 2 || shape.dim(0) != rows.length) {
      throw new ShapeException(
          "gatherRowsInPlace: " + rows.length + " rows into a tensor of shape " + shape);
    }
    int cols = shape.dim(1);
    if (cols >= SHORT_ROW) {
      for (int r = 0; r < rows.length; r++) {
        System.arraycopy(table, rows[r] * cols, data, r * cols, cols);
      }
    } else { // a call to arraycopy costs more than copying a row of a few values by hand
      for (int r = 0; r < rows.length; r++) {
        int from = rows[r] * cols;
        int to = r * cols;
        for (int c = 0; c < cols; c++) {
          data[to + c] = table[from + c];
        }
      }
    }
    modifiedInPlace("gatherRowsInPlace");
    return this;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("tensor(");
    if (data.length <= 12) {
      sb.append(Arrays.toString(data));
    } else {
      sb.append('[').append(data[0]).append(", ").append(data[1]).append(", …]");
    }
    sb.append(", shape=").append(shape);
    if (op != null) {
      sb.append(", op=").append(op);
    } else if (requiresGrad) {
      sb.append(", requiresGrad");
    }
    return sb.append(')').toString();
  }
}
