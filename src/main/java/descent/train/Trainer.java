package descent.train;

import descent.data.RegressionData;
import descent.model.LinearModel;

/**
 * d2l's {@code Trainer(max_epochs, gradient_clip_val=0)}. {@link #fit} prepares a {@link
 * TrainingRun} and calls {@link #fitEpoch()} once per epoch; both are loops over the run's single
 * {@link TrainingRun#step()}.
 */
public final class Trainer {
  private final int maxEpochs;
  private final double gradientClipVal;
  private TrainingRun run;

  public Trainer(int maxEpochs) {
    this(maxEpochs, 0);
  }

  public Trainer(int maxEpochs, double gradientClipVal) {
    if (maxEpochs < 1) {
      throw new IllegalArgumentException("maxEpochs must be at least 1, got " + maxEpochs);
    }
    if (!(gradientClipVal >= 0) || Double.isInfinite(gradientClipVal)) {
      throw new IllegalArgumentException(
          "gradientClipVal must be a finite number ≥ 0, got " + gradientClipVal);
    }
    this.maxEpochs = maxEpochs;
    this.gradientClipVal = gradientClipVal;
  }

  /** A run of this trainer's settings, ready for its first step. */
  public TrainingRun prepare(LinearModel model, RegressionData data, TrainingListener listener) {
    run = new TrainingRun(model, data, maxEpochs, gradientClipVal, listener);
    return run;
  }

  /** Trains {@code model} on {@code data} for every epoch, or until it diverges. */
  public RunSummary fit(LinearModel model, RegressionData data) {
    return fit(model, data, TrainingListener.NONE);
  }

  public RunSummary fit(LinearModel model, RegressionData data, TrainingListener listener) {
    prepare(model, data, listener);
    while (!run.isOver() && !run.isStopRequested()) {
      fitEpoch();
    }
    return run.summary();
  }

  /** One epoch of the prepared run: its training minibatches, then its validation. */
  public void fitEpoch() {
    if (run == null) {
      throw new IllegalStateException("fitEpoch: call fit or prepare first");
    }
    run.stepEpoch();
  }

  /**
   * The run of the last {@link #fit} or {@link #prepare}, or null before either. A listener of
   * {@code fit} reaches the run through it, e.g. to {@link TrainingRun#requestStop()}.
   */
  public TrainingRun run() {
    return run;
  }

  public int maxEpochs() {
    return maxEpochs;
  }

  public double gradientClipVal() {
    return gradientClipVal;
  }
}
