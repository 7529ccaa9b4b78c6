package descent.app.chart;

import java.util.Locale;

/**
 * The exact numbers behind one plotted point, for the hover label.
 *
 * @param series which curve the point belongs to
 * @param x its x position, in epochs
 * @param y the loss it shows (never a log)
 * @param count how many values {@code y} is the mean of: minibatch losses for {@link
 *     LossSeries#MINIBATCH} (1 = one minibatch, more = a decimated bucket) and {@link
 *     LossSeries#AVERAGED}; epochs for {@link LossSeries#VALIDATION} (1 unless merged)
 * @param firstStep the first training step (1-based) the point covers; for a validation point, the
 *     steps run when it was measured
 * @param lastStep the last training step the point covers
 * @param epoch the 0-based epoch the point lies in, or -1 if it spans several
 * @param batchIndex the minibatch's index within its epoch, or -1 unless the point is exactly one
 *     minibatch
 */
public record HoverInfo(
    LossSeries series,
    double x,
    double y,
    int count,
    long firstStep,
    long lastStep,
    int epoch,
    int batchIndex) {

  /** Whether this point is one minibatch's own loss rather than a mean. */
  public boolean isSingleMinibatch() {
    return series == LossSeries.MINIBATCH && count == 1;
  }

  /**
   * A one-line description, such as {@code "epoch 1.53 · minibatch loss 0.01234 (step 49)"} or
   * {@code "epoch 2 · val loss 0.04512 (after 2 epochs)"}.
   */
  public String describe() {
    String where = "epoch " + formatEpoch(x) + " · ";
    return switch (series) {
      case MINIBATCH ->
          where
              + "minibatch loss "
              + formatLoss(y)
              + (count == 1
                  ? " (step " + firstStep + ")"
                  : " (mean of " + count + " minibatches, steps " + steps() + ")");
      case AVERAGED ->
          where
              + "train loss "
              + formatLoss(y)
              + " (d2l: mean of "
              + count
              + (count == 1 ? " minibatch, step " : " minibatches, steps ")
              + steps()
              + ")";
      case VALIDATION ->
          where
              + "val loss "
              + formatLoss(y)
              + (count == 1
                  ? " (after " + (epoch + 1) + (epoch == 0 ? " epoch)" : " epochs)")
                  : " (mean over " + count + " epochs)");
    };
  }

  private String steps() {
    return firstStep == lastStep ? Long.toString(firstStep) : firstStep + "–" + lastStep;
  }

  /** An epoch position with two decimals, or as a whole number when it is one. */
  static String formatEpoch(double x) {
    if (x == Math.rint(x) && Math.abs(x) < 1e15) {
      return Long.toString((long) x);
    }
    return String.format(Locale.ROOT, "%.2f", x);
  }

  /** A loss with four significant digits. */
  static String formatLoss(double y) {
    return String.format(Locale.ROOT, "%.4g", y);
  }
}
