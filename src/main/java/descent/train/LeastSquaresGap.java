package descent.train;

import descent.data.RegressionData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How far a run's w and b ended from the least-squares fit of the training rows, and whether the
 * features' scales are to blame. The command line's notes and the app's parameter panel both judge
 * a run by it, with the same thresholds; each words its advice for its own controls.
 *
 * <p>The gap is measured where it matters, in predictions: the root mean square, over the training
 * rows, of the difference between the learned model's and the least-squares fit's predictions,
 * divided by the standard deviation of the training targets. It is 0 at least squares and about 1
 * when the learned model predicts little better than a constant. Parameters alone would mislead:
 * with nearly collinear features least squares may need huge opposing weights that predict no
 * better than modest ones. A gap above {@value #FAR} is far.
 *
 * <p>With δ = (w − w*, b − b*) the difference from least squares, the gap² is (δ_wᵀSδ_w + m²) /
 * var(y), m = x̄ᵀδ_w + δ_b, from the training rows' {@link SufficientStatistics}: a sum of squares,
 * so it is computed in O(d²) without cancellation. Since least squares minimises the training loss,
 * the same number is also √(R²_least squares − R²_learned) on the training rows.
 */
public final class LeastSquaresGap {
  /** A gap above this is far: a quarter of the targets' standard deviation. */
  public static final double FAR = 0.25;

  /**
   * Features whose standard deviation lies outside {@value #SCALE_LOW} … {@value #SCALE_HIGH}, or
   * that differ from each other by more than {@value #SCALE_RATIO} times, count as badly scaled.
   */
  public static final double SCALE_LOW = 0.1;

  public static final double SCALE_HIGH = 10;
  public static final double SCALE_RATIO = 10;

  /** The most badly scaled features advice names. */
  public static final int NAMED_FEATURES = 3;

  private final double gap;
  private final double[] featureSd;

  private LeastSquaresGap(double gap, double[] featureSd) {
    this.gap = gap;
    this.featureSd = featureSd;
  }

  /**
   * The gap of a finished run, or empty when there is nothing to compare: the run diverged or made
   * no epoch, least squares is unavailable, or the training targets are all equal.
   */
  public static Optional<LeastSquaresGap> measure(RunSummary summary, RegressionData data) {
    if (summary.diverged() || summary.epochs().isEmpty()) {
      return Optional.empty();
    }
    return measure(summary.w(), summary.b(), summary.leastSquares(), SufficientStatistics.of(data));
  }

  /**
   * The gap of w and b on the training rows {@code stats} describes, or empty when least squares is
   * unavailable, the training targets are all equal, or w and b are not finite.
   */
  public static Optional<LeastSquaresGap> measure(
      double[] w, double b, LeastSquares.Fit ols, SufficientStatistics stats) {
    if (!ols.available() || !(stats.varY() > 0)) {
      return Optional.empty();
    }
    int d = stats.numFeatures();
    double[] olsW = ols.w();
    double[] dw = new double[d];
    double m = b - ols.b();
    for (int j = 0; j < d; j++) {
      dw[j] = w[j] - olsW[j];
      m += stats.meanX(j) * dw[j];
    }
    double quad = 0;
    for (int r = 0; r < d; r++) {
      double sdw = 0;
      for (int c = 0; c < d; c++) {
        sdw += stats.covXX(r, c) * dw[c];
      }
      quad += dw[r] * sdw;
    }
    double squaredGap = (Math.max(0, quad) + m * m) / stats.varY();
    if (!Double.isFinite(squaredGap)) {
      return Optional.empty();
    }
    double[] sd = new double[d];
    for (int j = 0; j < d; j++) {
      sd[j] = Math.sqrt(Math.max(0, stats.covXX(j, j)));
    }
    return Optional.of(new LeastSquaresGap(Math.sqrt(squaredGap), sd));
  }

  /** The learned and least-squares predictions' RMS difference over the targets' deviation. */
  public double gap() {
    return gap;
  }

  /** Whether the gap is above {@link #FAR}. */
  public boolean isFar() {
    return gap > FAR;
  }

  /** The standard deviation of feature {@code j} over the training rows. */
  public double featureSd(int j) {
    return featureSd[j];
  }

  /**
   * The features on scales far from 1, farthest first (at most {@link #NAMED_FEATURES}; {@link
   * #moreBadlyScaled} says whether there are others), or empty when all non-constant features are
   * of a similar scale near 1. A constant feature has no scale to fix.
   */
  public List<Integer> badlyScaled() {
    List<Integer> order = scaled();
    return order.subList(0, Math.min(NAMED_FEATURES, order.size()));
  }

  /** Whether more features are badly scaled than {@link #badlyScaled} names. */
  public boolean moreBadlyScaled() {
    return scaled().size() > NAMED_FEATURES;
  }

  private List<Integer> scaled() {
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
    boolean bad =
        !order.isEmpty() && (min < SCALE_LOW || max > SCALE_HIGH || max > SCALE_RATIO * min);
    if (!bad) {
      return List.of();
    }
    // farthest from 1 on a log scale first
    order.sort(
        (a, c) ->
            Double.compare(Math.abs(Math.log(featureSd[c])), Math.abs(Math.log(featureSd[a]))));
    return order;
  }

  /** The minibatches in an epoch of {@code numTrain} rows. */
  public static int updatesPerEpoch(int numTrain, int batchSize) {
    return (numTrain + batchSize - 1) / batchSize;
  }

  /** {@code a}, {@code a or b}, {@code a, b or c}. */
  public static String joinOr(List<String> items) {
    int last = items.size() - 1;
    return last == 0
        ? items.get(0)
        : String.join(", ", items.subList(0, last)) + " or " + items.get(last);
  }
}
