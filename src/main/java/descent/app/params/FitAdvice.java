package descent.app.params;

import descent.train.FitQuality;
import descent.train.LeastSquaresGap;
import descent.train.StabilityBound;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The app's words for a run on a file's data that stopped far from least squares: how far, and what
 * to try with the app's own controls. The judgement, "far" and "badly scaled", is {@link
 * LeastSquaresGap}'s, the same the command line's notes use; only the wording differs.
 */
public final class FitAdvice {
  private FitAdvice() {}

  /**
   * Where the run stands when it stopped.
   *
   * @param featureNames the features' names
   * @param targetName the target's name
   * @param steps the SGD updates made so far
   * @param finished whether every epoch ran (else the run is paused and may go on)
   * @param lr the learning rate in use
   * @param epochs the epochs the run is set to make
   * @param maxEpochs the most epochs the epochs field accepts
   * @param bound the largest stable learning rate for these rows and batch size
   * @param standardized whether the features are already z-scores
   */
  public record Context(
      List<String> featureNames,
      String targetName,
      long steps,
      boolean finished,
      double lr,
      int epochs,
      int maxEpochs,
      StabilityBound bound,
      boolean standardized) {}

  /**
   * The note to show, or null when the learned model is not far from least squares (or there is
   * nothing to compare).
   */
  public static String note(
      LeastSquaresGap gap, FitQuality.Scores learned, FitQuality.Scores best, Context c) {
    if (gap == null || !gap.isFar()) {
      return null;
    }
    String size = short2(gap.gap());
    String first =
        (c.finished() ? "Far from least squares" : "Still far from least squares")
            + ": training R² "
            + fixed(learned.r2())
            + " against "
            + fixed(best.r2())
            + "; the predictions are "
            + size
            + (size.equals("1") ? " standard deviation of " : " standard deviations of ")
            + c.targetName()
            + " from least squares' (above "
            + LeastSquaresGap.FAR
            + " is far).";
    String scaling = c.standardized() ? null : scalingAdvice(gap, c);
    return first + " " + (scaling != null ? scaling : stepsAdvice(c));
  }

  private static String scalingAdvice(LeastSquaresGap gap, Context c) {
    List<Integer> worst = gap.badlyScaled();
    if (worst.isEmpty()) {
      return null;
    }
    List<String> named = new ArrayList<>();
    for (int j : worst) {
      named.add(name(c.featureNames(), j) + " " + short2(gap.featureSd(j)));
    }
    return "Features on scales far from 1 (standard deviation of "
        + String.join(", ", named)
        + (gap.moreBadlyScaled() ? ", …" : "")
        + ") make SGD crawl along some weights: tick z-scores to standardise them.";
  }

  private static String stepsAdvice(Context c) {
    StabilityBound bound = c.bound();
    int perEpoch = LeastSquaresGap.updatesPerEpoch(bound.numTrain(), bound.batchSize());
    List<String> tries = new ArrayList<>();
    if (c.epochs() < c.maxEpochs()) {
      tries.add("more epochs (e.g. " + Math.min(10L * c.epochs(), c.maxEpochs()) + ")");
    }
    if (bound.batchSize() > 1) {
      tries.add("a smaller batch size (e.g. " + Math.max(1, bound.batchSize() / 4) + ")");
    }
    if (bound.known() && c.lr() < bound.suggestedRate()) {
      tries.add(
          "a learning rate up to "
              + short2(bound.suggestedRate())
              + " ("
              + bound.describe().replace(" for these data and ", " at ")
              + ")");
    }
    if (!c.standardized()) {
      tries.add("z-scores");
    }
    String head =
        c.steps()
            + (c.steps() == 1 ? " SGD update" : " SGD updates")
            + " ("
            + perEpoch
            + " per epoch) "
            + (c.steps() == 1 ? "was" : "were")
            + " not enough";
    if (!c.finished()) {
      return head + " so far: play on, or try " + LeastSquaresGap.joinOr(tries) + ".";
    }
    return tries.isEmpty() ? head + "." : head + ": try " + LeastSquaresGap.joinOr(tries) + ".";
  }

  private static String name(List<String> names, int j) {
    return j < names.size() ? names.get(j) : "x" + (j + 1);
  }

  /** Two significant digits, as the command line's notes print them. */
  static String short2(double v) {
    double a = Math.abs(v);
    if (!Double.isFinite(v) || (a != 0 && (a < 1e-4 || a >= 1e5))) {
      return String.format(java.util.Locale.ROOT, "%.1e", v);
    }
    return new BigDecimal(v).round(new MathContext(2)).stripTrailingZeros().toPlainString();
  }

  /** R² with three decimals and a true minus sign. */
  static String fixed(double v) {
    String s = String.format(java.util.Locale.ROOT, "%.3f", v);
    return s.startsWith("-") ? "−" + s.substring(1) : s;
  }
}
