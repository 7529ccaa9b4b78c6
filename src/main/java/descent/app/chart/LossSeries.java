package descent.app.chart;

/** The three curves of the loss chart, in the order they are drawn. */
public enum LossSeries {
  /** Every training minibatch's loss, averaged into buckets once there are too many to draw. */
  MINIBATCH,
  /**
   * d2l's ProgressBoard train_loss: the plain mean of each group of {@code max(1, batches / 2)}
   * minibatch losses, so about two points per epoch.
   */
  AVERAGED,
  /** The validation loss after each epoch (mean over the validation rows), at x = epochs done. */
  VALIDATION;

  /**
   * The name shown in the chart's legend, for a run with {@code batchesPerEpoch} minibatches per
   * epoch (0 if not known yet): the averaged series says how many points it draws per epoch.
   */
  public String legend(int batchesPerEpoch) {
    return switch (this) {
      case MINIBATCH -> "train loss (minibatch)";
      case AVERAGED -> {
        int n = LossChartModel.averagedPointsPerEpoch(batchesPerEpoch);
        yield n == 0 ? "train loss (d2l)" : "train loss (d2l, " + n + " per epoch)";
      }
      case VALIDATION -> "val loss (mean over rows)";
    };
  }
}
