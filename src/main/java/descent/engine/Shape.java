package descent.engine;

import java.util.Arrays;

/**
 * The immutable shape of a {@link Tensor}: its extent along each axis, row-major.
 *
 * <p>Prints the way NumPy does: {@code (32, 2)} for a matrix, {@code (3,)} for a vector and {@code
 * ()} for a scalar.
 */
public final class Shape {
  /** The shape of a rank-0 tensor, a scalar. */
  public static final Shape SCALAR = new Shape(new int[0]);

  private final int[] dims;
  private final int size;

  private Shape(int[] dims) {
    this.dims = dims;
    int n = 1;
    for (int d : dims) {
      n = Math.multiplyExact(n, d);
    }
    this.size = n;
  }

  /** A shape with the given extents; every extent must be zero or more. */
  public static Shape of(int... dims) {
    for (int d : dims) {
      if (d < 0) {
        throw new IllegalArgumentException(
            "shape: extents must not be negative, got " + Arrays.toString(dims));
      }
    }
    return dims.length == 0 ? SCALAR : new Shape(dims.clone());
  }

  /** An op's result shape from extents already checked: no copy, no validation. */
  static Shape trusted(int... dims) {
    return dims.length == 0 ? SCALAR : new Shape(dims);
  }

  /** The number of axes: 0 for a scalar, 1 for a vector, 2 for a matrix. */
  public int rank() {
    return dims.length;
  }

  /** The extent along {@code axis}; negative axes count from the end, as in NumPy. */
  public int dim(int axis) {
    return dims[normalizeAxis("dim", axis)];
  }

  /** The number of elements, the product of all extents (1 for a scalar). */
  public int size() {
    return size;
  }

  /** A copy of the extents. */
  public int[] dims() {
    return dims.clone();
  }

  int normalizeAxis(String op, int axis) {
    int a = axis < 0 ? axis + dims.length : axis;
    if (a < 0 || a >= dims.length) {
      throw new ShapeException(op + ": axis " + axis + " is out of range for shape " + this);
    }
    return a;
  }

  /**
   * The shape two operands broadcast to under NumPy's rules: align from the right; each pair of
   * extents must be equal or one of them 1.
   */
  static Shape broadcast(String op, Shape a, Shape b) {
    if (a.equals(b)) {
      return a;
    }
    // A one-element operand of no higher rank leaves the other's shape as it is: ŷ + b, r / 2.
    if (b.size == 1 && b.rank() <= a.rank()) {
      return a;
    }
    if (a.size == 1 && a.rank() <= b.rank()) {
      return b;
    }
    int rank = Math.max(a.rank(), b.rank());
    int[] out = new int[rank];
    for (int i = 0; i < rank; i++) {
      int da = i < rank - a.rank() ? 1 : a.dims[i - (rank - a.rank())];
      int db = i < rank - b.rank() ? 1 : b.dims[i - (rank - b.rank())];
      if (da != db && da != 1 && db != 1) {
        throw new ShapeException(
            op
                + ": shapes "
                + a
                + " and "
                + b
                + " cannot be broadcast: extents "
                + da
                + " and "
                + db
                + " differ and neither is 1");
      }
      out[i] = da == 1 ? db : da; // not max: an extent of 0 against 1 stays 0, as in NumPy
    }
    return new Shape(out);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Shape s && Arrays.equals(dims, s.dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  @Override
  public String toString() {
    if (dims.length == 1) {
      return "(" + dims[0] + ",)";
    }
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < dims.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(dims[i]);
    }
    return sb.append(')').toString();
  }
}
