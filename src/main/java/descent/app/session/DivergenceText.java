package descent.app.session;

import descent.train.StabilityBound;
import descent.train.TrainingEvent.Diverged;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The words the app shows when a run diverges: a banner that says where and what, and what to
 * change, with a learning rate computed from the data ({@link StabilityBound}).
 */
final class DivergenceText {
  private DivergenceText() {}

  /**
   * "Diverged at epoch 1, step 7: loss = 4.4e+07 — try a learning rate of 0.5 (stable below 1.8 for
   * these data and batch 32)". When the very first loss is already NaN or ∞, no learning rate can
   * help (no update has happened yet), so it says to shrink σ or the data instead.
   */
  static String banner(Diverged d, StabilityBound bound, double learningRate) {
    String where =
        "Diverged at epoch "
            + (d.epoch() + 1)
            + ", step "
            + d.step()
            + ": loss = "
            + loss(d.loss());
    if (isFirstLoss(d)) {
      return where
          + " — the first loss, before any update, is already too large, so no learning rate"
          + " helps: lower init σ or the data's values (true w, true b, noise)";
    }
    if (bound == null || !bound.known()) {
      return where
          + " — "
          + (bound == null ? "no stable learning rate is known" : bound.describe())
          + ": lower the data's values (true w, true b, noise)";
    }
    if (learningRate <= bound.suggestedRate()) {
      // unlucky minibatches near the bound: the suggestion would not be smaller than what failed
      return where
          + " — lower the learning rate below "
          + rate(learningRate)
          + " ("
          + bound.describe()
          + ")";
    }
    return where
        + " — try a learning rate of "
        + rate(bound.suggestedRate())
        + " ("
        + bound.describe()
        + ")";
  }

  /** The status bar's line: what to do next. */
  static String message(Diverged d, StabilityBound bound, double learningRate) {
    if (isFirstLoss(d)) {
      return "Diverged before the first update: lower init σ or the data's values";
    }
    if (bound == null || !bound.known()) {
      return "Diverged: lower the data's values, then Reset (R)";
    }
    if (learningRate <= bound.suggestedRate()) {
      return "Diverged: lower the learning rate to start a fresh run";
    }
    return "Diverged: set the learning rate to "
        + rate(bound.suggestedRate())
        + " or less to start a fresh run";
  }

  /** Whether the run diverged on its very first loss, before any update. */
  static boolean isFirstLoss(Diverged d) {
    return d.step() <= 1 && !Double.isFinite(d.loss());
  }

  /** A suggested rate as typed: 0.5, 0.02, 1e-05. */
  static String rate(double v) {
    if (v >= 1e-4) {
      return new BigDecimal(String.format(Locale.ROOT, "%.3g", v))
          .stripTrailingZeros()
          .toPlainString();
    }
    return String.format(Locale.ROOT, "%.0e", v);
  }

  /** A loss for a person: ∞, NaN, 4.4e+07, or 0.012345. */
  static String loss(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "−∞";
    }
    return Math.abs(v) >= 1e5 || (v != 0 && Math.abs(v) < 1e-4)
        ? String.format(Locale.ROOT, "%.2g", v)
        : String.format(Locale.ROOT, "%.6f", v);
  }
}
