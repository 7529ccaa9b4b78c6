package descent.model;

/** An optimizer is {@code zeroGrad} plus {@code step}, and nothing more. */
public interface Optimizer {
  /**
   * Updates every parameter from its gradient, in place and outside the graph. Reads the learning
   * rate once, so a concurrent {@link #setLearningRate} applies either wholly before or wholly
   * after this step, never to part of it.
   *
   * @return the learning rate this step used
   */
  double step();

  /** Resets every parameter's gradient to zero. */
  void zeroGrad();

  /** The current learning rate η. */
  double learningRate();

  /** Sets η; safe to call from another thread, and takes effect from the next step. */
  void setLearningRate(double lr);
}
