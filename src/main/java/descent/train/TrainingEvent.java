package descent.train;

/**
 * Progress of a training run, as immutable records of copied numbers (never live tensors), so a
 * listener on another thread may keep them. Epochs are counted from 0, as d2l's Trainer does.
 */
public sealed interface TrainingEvent {

  /**
   * One training minibatch is done: its loss (before the update), the parameters after the update,
   * and the norm of the gradient it applied (before clipping).
   *
   * @param step the number of training minibatches run so far, this one included
   * @param fractionalEpoch d2l's x position of this batch: epoch + batchIndex / batches per epoch
   * @param learningRate the η this batch's update applied (read once by the optimizer's step)
   */
  record BatchDone(
      int epoch,
      int batchIndex,
      int batchesPerEpoch,
      long step,
      double fractionalEpoch,
      int examples,
      double loss,
      double[] w,
      double b,
      double gradNorm,
      double learningRate)
      implements TrainingEvent {
    public BatchDone {
      w = w.clone();
    }

    @Override
    public double[] w() {
      return w.clone();
    }
  }

  /** An epoch's training and validation are done. Both losses are example-weighted means. */
  record EpochDone(int epoch, long step, double trainLoss, double valLoss)
      implements TrainingEvent {}

  /** Every epoch ran. */
  record RunFinished(int epochs, long steps) implements TrainingEvent {}

  /**
   * The run stopped because a loss or a parameter became NaN or ±∞, or a loss grew past the
   * divergence bound.
   *
   * @param step the 1-based number of the training minibatch that diverged
   * @param loss the loss that diverged, or the last loss when a parameter did
   * @param reason what diverged, in words
   */
  record Diverged(int epoch, int batchIndex, long step, double loss, String reason)
      implements TrainingEvent {}
}
