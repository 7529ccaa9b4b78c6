package descent.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a CSV file while it streams, in blocks, so that growing never copies what was read (a
 * growing array holds its old and new copy at once: 2.5 times the rows).
 *
 * <p>When the number of rows is known beforehand (a regular file whose lines were counted: {@link
 * LineCount}), the first block holds them all, and if the file has exactly that many rows it
 * becomes the data set's array as it is: the rows are held once, never copied. Otherwise the blocks
 * are joined once at the end into the single arrays a data set reads, each block let go as soon as
 * it is copied: at most twice the rows are held.
 *
 * <p>A block of features is just under 4 MB, a whole number of the collector's regions (G1's are 1
 * to 4 MB up to a 16 GB heap): it is allocated straight into the old generation and never copied by
 * a collection, and it leaves no region half empty.
 */
final class RowBlocks {
  /** The numbers a block of features holds, at most: 4 MB less the array's header. */
  private static final int BLOCK_VALUES = ((4 << 20) - 16) / Double.BYTES;

  private final int d;
  private final int blockRows;
  private final List<double[]> features = new ArrayList<>();
  private final List<double[]> targets = new ArrayList<>();
  private final List<int[]> lines = new ArrayList<>();
  private final List<Integer> sizes = new ArrayList<>(); // the rows each block holds
  private long expected;
  private double[] x;
  private double[] y;
  private int[] at;
  private int inBlock;
  private int blockSize;
  private long capacity;
  private int n;

  RowBlocks(int numFeatures) {
    this(numFeatures, 0);
  }

  /**
   * Blocks for rows of {@code numFeatures} features; {@code expectedRows} (0 if unknown) is how
   * many rows will come, at most: the first block holds that many.
   */
  RowBlocks(int numFeatures, long expectedRows) {
    this.d = numFeatures;
    this.blockRows = Math.max(1, BLOCK_VALUES / Math.max(1, numFeatures));
    this.expected = expectedRows;
  }

  /** The rows kept. */
  int size() {
    return n;
  }

  /** Whether the next row needs a new block. */
  boolean full() {
    return x == null || inBlock == blockSize;
  }

  /**
   * Adds an empty block; call it when {@link #full()}. It holds room for at most {@code maxRows}
   * rows in all, so a limit on the rows is never overshot by a block's worth of memory.
   */
  void addBlock(long maxRows) {
    long wanted = expected > 0 ? expected : blockRows;
    expected = 0;
    int size = (int) Math.max(1, Math.min(wanted, maxRows - capacity));
    x = new double[Math.multiplyExact(size, d)];
    y = new double[size];
    at = new int[size];
    features.add(x);
    targets.add(y);
    lines.add(at);
    sizes.add(size);
    blockSize = size;
    capacity += size;
    inBlock = 0;
  }

  /** Sets feature {@code k} of the row being filled. */
  void feature(int k, double value) {
    x[inBlock * d + k] = value;
  }

  /** Sets the target of the row being filled. */
  void target(double value) {
    y[inBlock] = value;
  }

  /** Keeps the row being filled, read from physical line {@code line}. */
  void keep(int line) {
    at[inBlock] = line;
    inBlock++;
    n++;
  }

  /** The line of row {@code row}, 0-based. */
  int lineOf(int row) {
    int first = 0;
    for (int b = 0; b < lines.size(); b++) {
      if (row < first + sizes.get(b)) {
        return lines.get(b)[row - first];
      }
      first += sizes.get(b);
    }
    throw new IndexOutOfBoundsException(row);
  }

  /** Whether the rows fill exactly one block: then it is the array, and nothing is copied. */
  private boolean oneFullBlock() {
    return features.size() == 1 && sizes.get(0) == n;
  }

  /** The features, n × d row-major, in one array; the feature blocks are let go. */
  double[] joinFeatures() {
    double[] all;
    if (oneFullBlock()) {
      all = features.get(0);
    } else {
      all = join(features, new double[n * d], d);
    }
    features.clear();
    x = null;
    return all;
  }

  /** The targets in one array; the target blocks are let go. */
  double[] joinTargets() {
    y = null;
    return join(targets, new double[n], 1);
  }

  /** The physical line of each row in one array; the line blocks are let go. */
  int[] joinLines() {
    at = null;
    return join(lines, new int[n], 1);
  }

  /**
   * Copies the first n rows of {@code blocks}, {@code width} values each, into {@code all}, and
   * lets each block go once copied.
   */
  private <A> A join(List<A> blocks, A all, int width) {
    for (int b = 0, first = 0; b < blocks.size() && first < n; first += sizes.get(b), b++) {
      int rows = Math.min(sizes.get(b), n - first);
      System.arraycopy(blocks.get(b), 0, all, first * width, rows * width);
      blocks.set(b, null);
    }
    return all;
  }
}
