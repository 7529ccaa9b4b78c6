package descent.app.chart;

import java.util.Locale;

/**
 * The exact numbers behind one plotted point, for the hover label.
 *
 * <p>Epochs and batches are stored 0-based, as the training events count them, and shown 1-based,
 * as the status bar and the command line count them: the first epoch is "epoch 1" and spans x from
 * 0 to 1 on the chart (d2l's continuous x: epoch index + batch index / batches per epoch).
 *
 * @param series which curve the point belongs to
 * @param x its x position, in epochs trained
 * @param y the loss it shows (never a log)
 * @param count how many values {@code y} is the mean of: minibatch losses for {@link
 *     LossSeries#MINIBATCH} (1 = one minibatch, more = a decimated bucket) and {@link
 *     LossSeries#AVERAGED}; epochs for {@link LossSeries#VALIDATION} (1 unless merged)
 * @param first where the point's first value lies (step, epoch, batch index)
 * @param last where its last value lies
 * @param batchesPerEpoch the run's minibatches per epoch, or 0 if not known
 */
public record HoverInfo(
    LossSeries series,
    double x,
    double y,
    int count,
    Place first,
    Place last,
    int batchesPerEpoch) {

  /**
   * Where one value of a series lies in the run.
   *
   * @param step the training step (1-based) it came from; for a validation value, the steps run
   *     when it was measured
   * @param epoch its 0-based epoch
   * @param batch its 0-based minibatch index within the epoch, or -1 for a per-epoch value
   */
  public record Place(long step, int epoch, int batch) {}

  /** Whether this point is one minibatch's own loss rather than a mean. */
  public boolean isSingleMinibatch() {
    return series == LossSeries.MINIBATCH && count == 1;
  }

  public long firstStep() {
    return first.step();
  }

  public long lastStep() {
    return last.step();
  }

  /**
   * A one-line description, such as {@code "epoch 2, batch 18/32 · minibatch loss 0.01000 · step 50
   * · x = 1.53"} or {@code "end of epoch 2 · val loss 0.04512 · x = 2"}.
   */
  public String describe() {
    return where() + " · " + what() + steps() + " · x = " + formatEpoch(x);
  }

  private String where() {
    int e1 = first.epoch() + 1;
    int e2 = last.epoch() + 1;
    if (series == LossSeries.VALIDATION) {
      return e1 == e2 ? "end of epoch " + e1 : "end of epochs " + e1 + "–" + e2;
    }
    if (e1 != e2) {
      return "epochs " + e1 + "–" + e2;
    }
    String of = batchesPerEpoch > 0 ? "/" + batchesPerEpoch : "";
    int b1 = first.batch() + 1;
    int b2 = last.batch() + 1;
    return "epoch " + e1 + (b1 == b2 ? ", batch " + b1 : ", batches " + b1 + "–" + b2) + of;
  }

  private String what() {
    String loss = formatLoss(y);
    return switch (series) {
      case MINIBATCH ->
          "minibatch loss " + loss + (count == 1 ? "" : " (mean of " + count + " minibatches)");
      case AVERAGED ->
          "train loss "
              + loss
              + " (d2l: mean of "
              + count
              + (count == 1 ? " minibatch loss)" : " minibatch losses)");
      case VALIDATION -> "val loss " + loss + (count == 1 ? "" : " (mean of " + count + " epochs)");
    };
  }

  private String steps() {
    if (series == LossSeries.VALIDATION) {
      return "";
    }
    return first.step() == last.step()
        ? " · step " + first.step()
        : " · steps " + first.step() + "–" + last.step();
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
