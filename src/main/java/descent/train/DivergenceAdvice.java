package descent.train;

import descent.data.RegressionData;
import descent.train.TrainingEvent.Diverged;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * What to change after a run diverged, worked out from the data rather than guessed: the largest
 * stable learning rate for these training rows and this batch size ({@link StabilityBound}), a rate
 * to try below it, and whether the features' scales, not the rate, are the real problem. The
 * command line and the app word it the same way, {@link #forCli} with option names and {@link
 * #forApp} without.
 *
 * <ul>
 *   <li>The very first loss, computed before any update, is NaN or ∞: the initial weights or the
 *       data are too large, and no learning rate will help.
 *   <li>The rate was above the bound: try the bound's suggested rate, about half of it.
 *   <li>The rate was below the bound (the bound is a mean-square estimate, and a noisy minibatch
 *       can still overshoot): try the suggested rate if it is lower, else a fifth of the rate.
 *   <li>The features' scales differ widely, or one feature is large: say that scaling the features
 *       is the cure, since the stable rate is then so small that the other features barely move.
 * </ul>
 */
public final class DivergenceAdvice {
  /** How to scale features, in words. */
  private static final String HOW_TO_SCALE =
      "subtract each one's mean, divide by its standard deviation";

  private final Diverged divergence;
  private final double learningRate;
  private final StabilityBound bound;
  private final FeatureScales scales;

  private DivergenceAdvice(
      Diverged divergence, double learningRate, StabilityBound bound, FeatureScales scales) {
    this.divergence = divergence;
    this.learningRate = learningRate;
    this.bound = bound;
    this.scales = scales;
  }

  /**
   * The advice for {@code divergence} of a run at {@code learningRate} on {@code data}, with the
   * bound of the data's batch size. Reads the training rows once.
   */
  public static DivergenceAdvice of(Diverged divergence, double learningRate, RegressionData data) {
    return of(divergence, learningRate, StabilityBound.of(data), FeatureScales.of(data));
  }

  public static DivergenceAdvice of(
      Diverged divergence, double learningRate, StabilityBound bound, FeatureScales scales) {
    return new DivergenceAdvice(divergence, learningRate, bound, scales);
  }

  /**
   * Whether the run stopped at its very first loss, computed from the initial weights before any
   * update, because it is NaN or ±∞. The learning rate cannot have caused that.
   */
  public static boolean firstLossNotFinite(Diverged d) {
    return d.epoch() == 0 && d.batchIndex() == 0 && d.step() == 1 && !Double.isFinite(d.loss());
  }

  /** Whether a smaller learning rate can help (false when the first loss was not finite). */
  public boolean learningRateHelps() {
    return !firstLossNotFinite(divergence);
  }

  /** Whether the rate that diverged was at or above the bound (or no bound is known). */
  public boolean aboveBound() {
    return !bound.isStable(learningRate);
  }

  /** Whether the advice is to scale the features. */
  public boolean scaleFeatures() {
    return learningRateHelps() && (!bound.known() || scales.needScaling());
  }

  /**
   * The learning rate to try: the bound's suggestion (about half the bound) if it is below the rate
   * that diverged, else a fifth of that rate, rounded down to 1, 2 or 5 times a power of ten. NaN
   * when a smaller rate will not help or no bound could be computed.
   */
  public double suggestedRate() {
    if (!learningRateHelps() || !bound.known()) {
      return Double.NaN;
    }
    double suggested = bound.suggestedRate();
    return suggested < learningRate ? suggested : StabilityBound.roundDown125(learningRate / 5);
  }

  public StabilityBound bound() {
    return bound;
  }

  public FeatureScales scales() {
    return scales;
  }

  /**
   * The advice as the command line prints it after "diverged at …: loss = … — ", e.g. {@code lr 5
   * is above the stable bound for these data and batch 32 (1.8); try --lr 0.5}. Every advice that
   * names a rate ends in {@code try --lr <rate>} or {@code meanwhile try --lr <rate>}.
   *
   * @param tooLarge what to lower when the very first loss is not finite, e.g. {@code --sigma} or
   *     {@code the values in data.csv}; at least one (used only in that case)
   */
  public String forCli(List<String> tooLarge) {
    if (!learningRateHelps()) {
      return tooLarge(orList(tooLarge), "--lr");
    }
    if (!bound.known()) {
      return unknownBound();
    }
    String rate =
        "lr "
            + number(learningRate)
            + (aboveBound()
                ? " is above the stable bound for " + dataAndBatch() + " (" + boundText() + ")"
                : " is below the stable bound for "
                    + dataAndBatch()
                    + " ("
                    + boundText()
                    + "), but that bound is approximate");
    String tryIt = "try --lr " + number(suggestedRate());
    return scaleFeatures()
        ? rate + "; " + scales.problem() + ": scaling the features is the cure; meanwhile " + tryIt
        : rate + "; " + tryIt;
  }

  /**
   * The advice in words for the app, without option names, e.g. {@code try a learning rate of 0.5
   * (stable below 1.8 for these data and batch 32)}.
   */
  public String forApp() {
    if (!learningRateHelps()) {
      return tooLarge("the initial σ or the data's values", "learning rate");
    }
    if (!bound.known()) {
      return unknownBound();
    }
    String tryIt =
        "try a learning rate of "
            + number(suggestedRate())
            + (aboveBound()
                ? " (stable below " + boundText() + " for " + dataAndBatch() + ")"
                : " ("
                    + number(learningRate)
                    + " was below the bound for "
                    + dataAndBatch()
                    + ", "
                    + boundText()
                    + ", which is approximate)");
    return scaleFeatures()
        ? "scale the features (" + HOW_TO_SCALE + "): " + scales.problem() + "; meanwhile " + tryIt
        : tryIt;
  }

  private String unknownBound() {
    String problem = scales.problem();
    return "no learning rate is known to be stable: the features are too large"
        + (problem == null ? "" : " (" + problem + ")")
        + "; scale the features ("
        + HOW_TO_SCALE
        + ")";
  }

  private static String tooLarge(String what, String rate) {
    return "the initial weights or the data are too large to compute a finite loss; lower "
        + what
        + " (a smaller "
        + rate
        + " will not help)";
  }

  /** "these data and batch 32", or "these data and full batch". */
  private String dataAndBatch() {
    return "these data and "
        + (bound.batchSize() >= bound.numTrain() ? "full batch" : "batch " + bound.batchSize());
  }

  private String boundText() {
    double v = bound.maxStableRate();
    return v >= 1e-4 && v < 1e5 ? StabilityBound.twoDigits(v) : number(roundDown2(v));
  }

  private static String orList(List<String> items) {
    if (items.isEmpty()) {
      throw new IllegalArgumentException("name at least one thing to lower");
    }
    return items.size() == 1
        ? items.get(0)
        : String.join(", ", items.subList(0, items.size() - 1))
            + " or "
            + items.get(items.size() - 1);
  }

  /** {@code v} rounded down to two significant digits. */
  private static double roundDown2(double v) {
    double decade = Math.pow(10, Math.floor(Math.log10(v)) - 1);
    return Math.floor(v / decade * (1 + 1e-12)) * decade;
  }

  /**
   * Two significant digits, no trailing zeros: plain from 10⁻⁴ up to 10⁵ ({@code 0.5}, {@code 1.8},
   * {@code 0.00019}), scientific outside ({@code 5e-05}, {@code 1.7e+09}); ∞ and NaN as such.
   */
  static String number(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "−∞";
    }
    double a = Math.abs(v);
    if (a != 0 && (a < 1e-4 || a >= 1e5)) {
      String s = String.format(Locale.ROOT, "%.1e", v);
      return s.replace(".0e", "e");
    }
    return new BigDecimal(String.format(Locale.ROOT, "%.2g", v))
        .stripTrailingZeros()
        .toPlainString();
  }
}
