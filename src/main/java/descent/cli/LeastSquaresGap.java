package descent.cli;

import descent.data.RegressionData;
import descent.train.LeastSquares;
import descent.train.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How far a finished run's w and b ended from the least-squares fit, and, when that is far, a note
 * saying so and what to try. See {@code docs/decisions/0007-cli-output-and-notices.md}.
 *
 * <p>The gap is measured where it matters, in predictions: the root mean square, over the training
 * rows, of the difference between the learned model's and the least-squares fit's predictions,
 * divided by the standard deviation of the training targets. It is 0 at least squares and about 1
 * when the learned model predicts little better than a constant. Parameters alone would mislead:
 * with nearly collinear features least squares may need huge opposing weights that predict no
 * better than modest ones. A gap above {@value #FAR} is far.
 */
final class LeastSquaresGap {
  /** A gap above this is far: a quarter of the targets' standard deviation. */
  static final double FAR = 0.25;

  /**
   * Features whose standard deviation lies outside {@value #SCALE_LOW} … {@value #SCALE_HIGH}, or
   * that differ from each other by more than {@value #SCALE_RATIO} times, count as badly scaled.
   */
  static final double SCALE_LOW = 0.1;

  static final double SCALE_HIGH = 10;
  static final double SCALE_RATIO = 10;

  /** The most badly scaled features a note names. */
  private static final int NAMED_FEATURES = 3;

  private final double gap;
  private final double[] featureSd;

  private LeastSquaresGap(double gap, double[] featureSd) {
    this.gap = gap;
    this.featureSd = featureSd;
  }

  /**
   * The gap of a run, or empty when there is nothing to compare: the run diverged or made no epoch,
   * least squares is unavailable, or the training targets are all equal.
   */
  static Optional<LeastSquaresGap> measure(RunSummary summary, RegressionData data) {
    return Optional.ofNullable(compute(summary, data));
  }

  /** The learned and least-squares predictions' RMS difference over the targets' deviation. */
  double gap() {
    return gap;
  }

  /**
   * The notes for this run, each one sentence without the {@code note: } that text output puts
   * before it; empty unless the gap is far.
   *
   * @param data the data the run trained on
   * @param lr the learning rate the run used
   * @param epochs the epochs the run made
   * @param maxEpochs the most epochs the command line accepts
   */
  List<String> notes(RegressionData data, double lr, int epochs, int maxEpochs) {
    if (!(gap > FAR)) {
      return List.of();
    }
    List<String> notes = new ArrayList<>();
    notes.add(
        "the learned w and b are far from least squares: on the training rows their predictions"
            + " are "
            + Numbers.short2(gap)
            + (Numbers.short2(gap).equals("1")
                ? " standard deviation of "
                : " standard deviations of ")
            + Names.column(data.targetName())
            + " away from the least-squares ones (root mean square; above "
            + FAR
            + " counts as far)");
    String scaling = scalingAdvice(data);
    notes.add(scaling != null ? scaling : stepsAdvice(data, lr, epochs, maxEpochs));
    return notes;
  }

  private static LeastSquaresGap compute(RunSummary summary, RegressionData data) {
    LeastSquares.Fit ols = summary.leastSquares();
    if (summary.diverged() || !ols.available() || summary.epochs().isEmpty()) {
      return null;
    }
    double[] w = summary.w();
    double[] olsW = ols.w();
    double db = summary.b() - ols.b();
    int n = data.numTrain();
    int d = data.numFeatures();
    // two passes: the means first, then squares of deviations from them (no cancellation)
    double[] meanX = new double[d];
    double meanY = 0;
    for (int i = 0; i < n; i++) {
      double[] x = data.featuresOf(i);
      for (int j = 0; j < d; j++) {
        meanX[j] += x[j] / n;
      }
      meanY += data.targetOf(i) / n;
    }
    double[] varX = new double[d];
    double varY = 0;
    double squaredGap = 0;
    for (int i = 0; i < n; i++) {
      double[] x = data.featuresOf(i);
      double diff = db;
      for (int j = 0; j < d; j++) {
        diff += x[j] * (w[j] - olsW[j]);
        double dx = x[j] - meanX[j];
        varX[j] += dx * dx / n;
      }
      squaredGap += diff * diff / n;
      double dy = data.targetOf(i) - meanY;
      varY += dy * dy / n;
    }
    if (!(varY > 0) || !Double.isFinite(squaredGap)) {
      return null;
    }
    double[] sd = new double[d];
    for (int j = 0; j < d; j++) {
      sd[j] = Math.sqrt(varX[j]);
    }
    return new LeastSquaresGap(Math.sqrt(squaredGap / varY), sd);
  }

  /**
   * What to do about features far from unit scale, naming the worst, or null when they are all of a
   * similar scale near 1.
   */
  private String scalingAdvice(RegressionData data) {
    // a constant feature has no scale to fix (and only the bias could use it)
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    List<Integer> order = new ArrayList<>();
    for (int j = 0; j < featureSd.length; j++) {
      if (featureSd[j] > 0) {
        min = Math.min(min, featureSd[j]);
        max = Math.max(max, featureSd[j]);
        order.add(j);
      }
    }
    boolean badlyScaled =
        !order.isEmpty() && (min < SCALE_LOW || max > SCALE_HIGH || max > SCALE_RATIO * min);
    if (!badlyScaled) {
      return null;
    }
    // name the features farthest from 1, on a log scale
    order.sort(
        (a, b) -> Double.compare(distanceFromOne(featureSd[b]), distanceFromOne(featureSd[a])));
    List<String> named = new ArrayList<>();
    for (int j : order.subList(0, Math.min(NAMED_FEATURES, order.size()))) {
      named.add(Names.column(data.featureNames().get(j)) + " " + Numbers.short2(featureSd[j]));
    }
    return "features on scales far from 1 make SGD crawl along some weights or diverge along others"
        + " (standard deviation of "
        + String.join(", ", named)
        + (order.size() > NAMED_FEATURES ? ", …" : "")
        + "); scale the features in the file, e.g. subtract each column's mean and divide by its"
        + " standard deviation, then train again";
  }

  private static double distanceFromOne(double sd) {
    return Math.abs(Math.log(sd));
  }

  /** {@code 3 updates (1 per epoch) were too few: try more epochs (e.g. --epochs 30), …}. */
  private static String stepsAdvice(RegressionData data, double lr, int epochs, int maxEpochs) {
    int perEpoch = updatesPerEpoch(data.numTrain(), data.batchSize());
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
              + updatesPerEpoch(data.numTrain(), smaller)
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
        + joinOr(tries);
  }

  /** {@code a}, {@code a or b}, {@code a, b or c}. */
  static String joinOr(List<String> items) {
    int last = items.size() - 1;
    return last == 0
        ? items.get(0)
        : String.join(", ", items.subList(0, last)) + " or " + items.get(last);
  }

  private static int updatesPerEpoch(int numTrain, int batchSize) {
    return (numTrain + batchSize - 1) / batchSize;
  }
}
