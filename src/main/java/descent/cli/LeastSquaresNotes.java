package descent.cli;

import descent.data.RegressionData;
import descent.train.LeastSquaresGap;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line's words for a run that ended far from least squares ({@link LeastSquaresGap},
 * shared with the app): how far, and what to try, naming the options to change. See {@code
 * docs/decisions/0007-cli-output-and-notices.md}.
 */
final class LeastSquaresNotes {
  private LeastSquaresNotes() {}

  /**
   * The notes for this run, each one sentence without the {@code note: } that text output puts
   * before it; empty unless the gap is far.
   *
   * @param data the data the run trained on
   * @param lr the learning rate the run used
   * @param epochs the epochs the run made
   * @param maxEpochs the most epochs the command line accepts
   */
  static List<String> of(
      LeastSquaresGap gap, RegressionData data, double lr, int epochs, int maxEpochs) {
    if (!gap.isFar()) {
      return List.of();
    }
    List<String> notes = new ArrayList<>();
    String size = Numbers.short2(gap.gap());
    notes.add(
        "the learned w and b are far from least squares: on the training rows their predictions"
            + " are "
            + size
            + (size.equals("1") ? " standard deviation of " : " standard deviations of ")
            + Names.column(data.targetName())
            + " away from the least-squares ones (root mean square; above "
            + LeastSquaresGap.FAR
            + " counts as far)");
    String scaling = scalingAdvice(gap, data);
    notes.add(scaling != null ? scaling : stepsAdvice(data, lr, epochs, maxEpochs));
    return notes;
  }

  /**
   * What to do about features far from unit scale, naming the worst, or null when they are all of a
   * similar scale near 1.
   */
  private static String scalingAdvice(LeastSquaresGap gap, RegressionData data) {
    List<Integer> worst = gap.badlyScaled();
    if (worst.isEmpty()) {
      return null;
    }
    List<String> named = new ArrayList<>();
    for (int j : worst) {
      named.add(Names.column(data.featureNames().get(j)) + " " + Numbers.short2(gap.featureSd(j)));
    }
    return "features on scales far from 1 make SGD crawl along some weights or diverge along others"
        + " (standard deviation of "
        + String.join(", ", named)
        + (gap.moreBadlyScaled() ? ", …" : "")
        + "); scale the features in the file, e.g. subtract each column's mean and divide by its"
        + " standard deviation, then train again";
  }

  /** {@code 3 updates (1 per epoch) were too few: try more epochs (e.g. --epochs 30), …}. */
  private static String stepsAdvice(RegressionData data, double lr, int epochs, int maxEpochs) {
    int perEpoch = LeastSquaresGap.updatesPerEpoch(data.numTrain(), data.batchSize());
    long updates = (long) perEpoch * epochs;
    List<String> tries = new ArrayList<>();
    if (epochs < maxEpochs) {
      tries.add("more epochs (e.g. --epochs " + Math.min(10L * epochs, maxEpochs) + ")");
    }
    if (data.batchSize() > 1) {
      int smaller = Math.max(1, data.batchSize() / 4);
      tries.add(
          "a smaller --batch-size (e.g. "
              + smaller
              + ", for "
              + LeastSquaresGap.updatesPerEpoch(data.numTrain(), smaller)
              + " updates per epoch)");
    }
    tries.add("a larger --lr (now " + Numbers.short2(lr) + "; too large diverges)");
    return updates
        + (updates == 1 ? " SGD update" : " SGD updates")
        + " ("
        + perEpoch
        + " per epoch) "
        + (updates == 1 ? "was" : "were")
        + " not enough to get there; try "
        + LeastSquaresGap.joinOr(tries);
  }
}
