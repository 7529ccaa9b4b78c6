package descent.app.export;

import java.util.Arrays;

/**
 * Rows of numbers keyed by a growing step, kept in full up to a capacity and then thinned: every
 * second step, every fourth and so on, so memory stays bounded however long a run is. The newest
 * row is always kept.
 *
 * <p>It lives on the FX thread, which must never stop for it (ADR 0045). So rows are stored in
 * blocks (a block of steps and one of their numbers, about 256 KiB): the table grows a block at a
 * time and never copies what it holds. And thinning is spread over the adds that follow: once the
 * table passes its capacity, the stride doubles at once (new rows are taken on it), and each add
 * then moves {@link #PACE} of the older rows, keeping those on the new stride, until all have been
 * through. Rows added meanwhile wait after them, so the table holds at most {@code capacity / PACE}
 * rows more than its capacity, rounded up to a block. A reader sees the thinned table: reading
 * finishes the thinning first.
 */
final class ThinnedTable {
  /** Older rows thinned per add while a thinning is under way. */
  static final int PACE = 16;

  /** About how many numbers a block holds: 32,768 doubles, 256 KiB. */
  private static final int BLOCK_VALUES = 1 << 15;

  private final int width;
  private final int capacity;
  private final int shift; // a block holds 1 << shift rows
  private final int mask;
  private long[][] steps = new long[0][];
  private double[][] values = new double[0][];
  private int size;
  private long stride = 1;
  private boolean hasLatest; // the last row is off the stride, kept only for being the newest

  // a thinning under way: rows [0, write) are thinned, [read, end) still to go, [end, size) new
  private boolean thinning;
  private int read;
  private int write;
  private int end;

  ThinnedTable(int width, int capacity) {
    this.width = width;
    this.capacity = capacity;
    int rows = Math.max(1, Integer.highestOneBit(Math.max(1, BLOCK_VALUES / width)));
    // a small table needs no more than one block of its own size
    rows = Math.min(rows, Integer.highestOneBit(capacity) * 2);
    shift = Integer.numberOfTrailingZeros(rows);
    mask = rows - 1;
  }

  void clear() {
    size = 0;
    stride = 1;
    hasLatest = false;
    thinning = false;
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
    if (size >> shift == steps.length) {
      steps = Arrays.copyOf(steps, steps.length + 1);
      values = Arrays.copyOf(values, values.length + 1);
      steps[steps.length - 1] = new long[mask + 1];
      values[values.length - 1] = new double[(mask + 1) * width];
    }
    steps[size >> shift][size & mask] = step;
    System.arraycopy(row, 0, values[size >> shift], (size & mask) * width, width);
    size++;
    if (!thinning && size > capacity) {
      startThinning();
    }
    if (thinning) {
      thin(PACE);
    }
  }

  /** Doubles the stride; every row but the newest, which stays, is then thinned a few at a time. */
  private void startThinning() {
    stride *= 2;
    thinning = true;
    read = 0;
    write = 0;
    end = size - 1;
    hasLatest = steps[end >> shift][end & mask] % stride != 0;
  }

  /** Thins up to {@code rows} more of the older rows; the last of them moves the new ones down. */
  private void thin(int rows) {
    int stop = (int) Math.min(end, (long) read + rows);
    long off = stride - 1; // the stride is a power of two
    for (; read < stop; read++) {
      if ((steps[read >> shift][read & mask] & off) == 0) {
        move(read, write++);
      }
    }
    if (read == end) {
      for (int k = end; k < size; k++) {
        move(k, write++);
      }
      size = write;
      thinning = false;
    }
  }

  private void move(int from, int to) {
    if (from != to) {
      steps[to >> shift][to & mask] = steps[from >> shift][from & mask];
      System.arraycopy(
          values[from >> shift],
          (from & mask) * width,
          values[to >> shift],
          (to & mask) * width,
          width);
    }
  }

  /** How many older rows a thinning under way has still to go through: 0 when none is. */
  int thinningLeft() {
    return thinning ? end - read : 0;
  }

  /** Finishes a thinning under way, so that rows are read as the thinned table has them. */
  private void settle() {
    if (thinning) {
      thin(Integer.MAX_VALUE);
    }
  }

  int size() {
    settle();
    return size;
  }

  /**
   * How many rows the table has room for now: at most its capacity + 1 + capacity / {@link #PACE},
   * rounded up to a block.
   */
  int allocatedRows() {
    return steps.length << shift;
  }

  /** The bytes of the blocks it has allocated for rows (their steps and numbers). */
  long allocatedBytes() {
    return (long) allocatedRows() * (Long.BYTES + (long) width * Double.BYTES);
  }

  int width() {
    return width;
  }

  long step(int k) {
    settle();
    return steps[k >> shift][k & mask];
  }

  double value(int k, int column) {
    settle();
    return values[k >> shift][(k & mask) * width + column];
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
    return size() - 1;
  }
}
