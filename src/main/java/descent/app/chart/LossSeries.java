package descent.app.chart;

/** The three curves of the loss chart, in the order they are drawn. */
public enum LossSeries {
  /** Every training minibatch's loss, averaged into buckets once there are too many to draw. */
  MINIBATCH("train loss (minibatch)"),
  /** d2l's ProgressBoard train_loss: two means per epoch, each of half an epoch's minibatches. */
  AVERAGED("train loss (d2l, 2 per epoch)"),
  /** d2l's val_loss: one point per epoch, at x = epoch + 1. */
  VALIDATION("val loss");

  private final String legend;

  LossSeries(String legend) {
    this.legend = legend;
  }

  /** The name shown in the chart's legend. */
  public String legend() {
    return legend;
  }
}
