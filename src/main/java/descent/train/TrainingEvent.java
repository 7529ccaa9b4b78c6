package descent.train;

/**
 * Progress of a training run, as immutable records of copied numbers (never live tensors), so a
 * listener on another thread may keep them. Epochs are counted from 0, as d2l's Trainer does.
 *
 * <p>Steps are counted one way everywhere a user sees them: a step is one training minibatch,
 * counted from 1, and the count of steps taken includes the minibatch in progress once it has
 * diverged. So after a {@link Diverged} event with {@code step} 7, every "steps" a user is shown
 * (the JSON's {@code steps}, {@link RunSummary#steps()}, {@link TrainingRun#steps()}, the app's
 * status bar) is 7 too, even when the divergence stopped step 7 before its update.
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
   * @param step the 1-based number of the training minibatch that diverged; the run's steps taken
   *     ({@link TrainingRun#steps()}) equal it from then on
   * @param loss the loss that diverged, or the last loss when a parameter did
   * @param reason what diverged, in words
   */
  record Diverged(int epoch, int batchIndex, long step, double loss, String reason)
      implements TrainingEvent {}
}
