package descent.data;

import descent.engine.Shape;
import descent.engine.Tensor;
import java.util.Arrays;

/**
 * The minibatches of one pass over some rows, in a fixed order. Batches are gathered on demand, so
 * a pass over a large data set never copies it whole. The last, partial batch is kept.
 */
public final class Loader {
  private final RegressionData data;
  private final int[] order;
  private final int batchSize;
  private final boolean recycling;
  private final Shape fullX; // (batch size, d) and (batch size, 1): every batch's but the last's
  private final Shape fullY;
  private Batch last; // the batch whose buffers the next one refills, when recycling

  Loader(RegressionData data, int[] order, int batchSize) {
    this(data, order, batchSize, false);
  }

  private Loader(RegressionData data, int[] order, int batchSize, boolean recycling) {
    this.data = data;
    this.order = order;
    this.batchSize = batchSize;
    this.recycling = recycling;
    this.fullX = Shape.of(batchSize, data.numFeatures());
    this.fullY = Shape.of(batchSize, 1);
  }

  /**
   * The same minibatches, gathered into the X and y of the batch before whenever it has the same
   * size: each {@link #get} overwrites them in place (an in-place change, so backward through a
   * graph that read the old values refuses). For a loop that is done with a minibatch before it
   * asks for the next, as the training loop is: a minibatch of 256 rows × 200 features is 400 KB,
   * which then stays in the processor's cache instead of being allocated anew on every step.
   */
  public Loader recycling() {
    return new Loader(data, order, batchSize, true);
  }

  /** The number of minibatches: ⌈rows / batch size⌉. */
  public int size() {
    return (order.length + batchSize - 1) / batchSize;
  }

  /** The number of examples in one pass. */
  public int numExamples() {
    return order.length;
  }

  /**
   * Minibatch {@code i}, 0-based. From a {@link #recycling()} loader its tensors hold this batch's
   * values only until the next call.
   */
  public Batch get(int i) {
    if (i < 0 || i >= size()) {
      throw new IndexOutOfBoundsException("batch " + i + " of " + size());
    }
    int from = i * batchSize;
    int m = Math.min(batchSize, order.length - from);
    int[] rows = Arrays.copyOfRange(order, from, from + m);
    if (recycling && last != null && last.size() == m) {
      last =
          new Batch(
              last.x().gatherRowsInPlace(data.features, rows),
              last.y().gatherRowsInPlace(data.targets, rows),
              rows);
      return last;
    }
    int d = data.numFeatures();
    double[] x = new double[m * d];
    double[] y = new double[m];
    double[] features = data.features;
    double[] targets = data.targets;
    for (int r = 0; r < m; r++) {
      int row = rows[r];
      System.arraycopy(features, row * d, x, r * d, d);
      y[r] = targets[row];
    }
    // x and y were filled for these tensors alone: wrapped, not copied once more
    boolean full = m == batchSize;
    Tensor xs = Tensor.wrap(x, full ? fullX : Shape.of(m, d)).named("X");
    Tensor ys = Tensor.wrap(y, full ? fullY : Shape.of(m, 1)).named("y");
    Batch batch = new Batch(xs, ys, rows);
    if (recycling) {
      last = batch;
    }
    return batch;
  }
}
