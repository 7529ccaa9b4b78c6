package descent.data;

import descent.engine.Tensor;

/**
 * The minibatches of one pass over some rows, in a fixed order. Batches are gathered on demand, so
 * a pass over a large data set never copies it whole. The last, partial batch is kept.
 */
public final class Loader {
  private final RegressionData data;
  private final int[] order;
  private final int batchSize;

  Loader(RegressionData data, int[] order, int batchSize) {
    this.data = data;
    this.order = order;
    this.batchSize = batchSize;
  }

  /** The number of minibatches: ⌈rows / batch size⌉. */
  public int size() {
    return (order.length + batchSize - 1) / batchSize;
  }

  /** The number of examples in one pass. */
  public int numExamples() {
    return order.length;
  }

  /** Minibatch {@code i}, 0-based. */
  public Batch get(int i) {
    if (i < 0 || i >= size()) {
      throw new IndexOutOfBoundsException("batch " + i + " of " + size());
    }
    int from = i * batchSize;
    int m = Math.min(batchSize, order.length - from);
    int d = data.numFeatures();
    double[] x = new double[m * d];
    double[] y = new double[m];
    int[] rows = new int[m];
    double[] features = data.features;
    double[] targets = data.targets;
    for (int r = 0; r < m; r++) {
      int row = order[from + r];
      rows[r] = row;
      System.arraycopy(features, row * d, x, r * d, d);
      y[r] = targets[row];
    }
    return new Batch(Tensor.of(x, m, d).named("X"), Tensor.of(y, m, 1).named("y"), rows);
  }
}
