package descent.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a CSV file while it streams, in blocks of about a megabyte, so that growing never
 * copies what was read (a growing array holds its old and new copy at once: 2.5 times the rows),
 * and joined once at the end into the single arrays a data set reads: at most twice the rows are
 * held, and each block is let go as soon as it is copied.
 */
final class RowBlocks {
  /** The numbers a block of features holds, at most: 1 MB. */
  private static final int BLOCK_VALUES = 1 << 17;

  private final int d;
  private final int blockRows;
  private final List<double[]> features = new ArrayList<>();
  private final List<double[]> targets = new ArrayList<>();
  private final List<int[]> lines = new ArrayList<>();
  private double[] x;
  private double[] y;
  private int[] at;
  private int inBlock;
  private int n;

  RowBlocks(int numFeatures) {
    this.d = numFeatures;
    this.blockRows = Math.max(1, BLOCK_VALUES / Math.max(1, numFeatures));
  }

  /** The rows kept. */
  int size() {
    return n;
  }

  /** Whether the next row needs a new block. */
  boolean full() {
    return x == null || inBlock == blockRows;
  }

  /**
   * Adds an empty block; call it when {@link #full()}. It holds room for at most {@code maxRows}
   * rows in all, so a limit on the rows is never overshot by a block's worth of memory.
   */
  void addBlock(long maxRows) {
    int size = (int) Math.max(1, Math.min(blockRows, maxRows - (long) blockRows * features.size()));
    x = new double[size * d];
    y = new double[size];
    at = new int[size];
    features.add(x);
    targets.add(y);
    lines.add(at);
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
    return lines.get(row / blockRows)[row % blockRows];
  }

  /** The features, n × d row-major, in one array; the feature blocks are let go. */
  double[] joinFeatures() {
    double[] all = new double[n * d];
    for (int b = 0; b < features.size(); b++) {
      int rows = Math.min(blockRows, n - b * blockRows);
      System.arraycopy(features.get(b), 0, all, b * blockRows * d, rows * d);
      features.set(b, null);
    }
    x = null;
    return all;
  }

  /** The targets in one array; the target blocks are let go. */
  double[] joinTargets() {
    double[] all = new double[n];
    for (int b = 0; b < targets.size(); b++) {
      int rows = Math.min(blockRows, n - b * blockRows);
      System.arraycopy(targets.get(b), 0, all, b * blockRows, rows);
      targets.set(b, null);
    }
    y = null;
    return all;
  }

  /** The physical line of each row in one array; the line blocks are let go. */
  int[] joinLines() {
    int[] all = new int[n];
    for (int b = 0; b < lines.size(); b++) {
      int rows = Math.min(blockRows, n - b * blockRows);
      System.arraycopy(lines.get(b), 0, all, b * blockRows, rows);
      lines.set(b, null);
    }
    at = null;
    return all;
  }
}
