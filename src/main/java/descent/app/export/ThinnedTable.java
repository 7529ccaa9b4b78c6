package descent.app.export;

import java.util.Arrays;

/**
 * Rows of numbers keyed by a growing step, kept in full up to a capacity and then thinned: every
 * second step, every fourth and so on, so memory stays bounded however long a run is. The newest
 * row is always kept. Rows are stored flat in one array of doubles (steps below 2⁵³ are exact).
 */
final class ThinnedTable {
  private final int width;
  private final int capacity;
  private long[] steps;
  private double[] values;
  private int size;
  private long stride = 1;
  private boolean hasLatest; // the last row is off the stride, kept only for being the newest

  ThinnedTable(int width, int capacity) {
    this.width = width;
    this.capacity = capacity;
    steps = new long[Math.min(256, capacity + 1)];
    values = new double[steps.length * width];
  }

  void clear() {
    size = 0;
    stride = 1;
    hasLatest = false;
  }

  /** Adds the row of {@code step}; steps must grow. {@code row} has {@link #width()} numbers. */
  void add(long step, double[] row) {
    if (hasLatest) {
      size--;
      hasLatest = false;
    }
    if (step % stride != 0) {
      hasLatest = true;
    }
    if (size == steps.length) {
      // never past capacity + 1 rows: the row beyond the capacity is thinned away at once
      int rows = (int) Math.min((long) size * 2, (long) capacity + 1);
      steps = Arrays.copyOf(steps, rows);
      values = Arrays.copyOf(values, rows * width);
    }
    steps[size] = step;
    System.arraycopy(row, 0, values, size * width, width);
    size++;
    if (size > capacity) {
      thin();
    }
  }

  private void thin() {
    stride *= 2;
    int kept = 0;
    for (int k = 0; k < size; k++) {
      if (steps[k] % stride == 0 || k == size - 1) {
        steps[kept] = steps[k];
        System.arraycopy(values, k * width, values, kept * width, width);
        kept++;
      }
    }
    size = kept;
    hasLatest = steps[size - 1] % stride != 0;
  }

  int size() {
    return size;
  }

  /** How many rows the table has room for now: never more than its capacity + 1. */
  int allocatedRows() {
    return steps.length;
  }

  int width() {
    return width;
  }

  long step(int k) {
    return steps[k];
  }

  double value(int k, int column) {
    return values[k * width + column];
  }

  /**
   * Whether {@code step} is on the stride: a row off it is kept only while it is the newest, and is
   * never on a later (doubled) stride either.
   */
  boolean onStride(long step) {
    return step % stride == 0;
  }

  /** 1 while every row is kept; k when only steps that are multiples of k are (and the newest). */
  long stride() {
    return stride;
  }

  /** The index of the last row, or -1. */
  int last() {
    return size - 1;
  }
}
