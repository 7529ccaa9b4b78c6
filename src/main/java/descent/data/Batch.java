package descent.data;

import descent.engine.Tensor;

/**
 * One minibatch: features {@code x} of shape (m, d) and targets {@code y} of shape (m, 1). Neither
 * requires grad. {@code rows} holds the data-set row of each example, for views that show them.
 */
public record Batch(Tensor x, Tensor y, int[] rows) {
  /** The number of examples, m. */
  public int size() {
    return rows.length;
  }
}
