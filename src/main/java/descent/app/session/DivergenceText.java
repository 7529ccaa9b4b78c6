package descent.app.session;

import descent.train.DivergenceAdvice;
import descent.train.TrainingEvent.Diverged;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The words the app shows when a run diverges: a banner that says where and what, and what to
 * change. The advice itself is {@link DivergenceAdvice#forApp()}, the same reasoning and wording as
 * the command line's, with a learning rate computed from the data ({@link
 * descent.train.StabilityBound}).
 */
final class DivergenceText {
  private DivergenceText() {}

  /**
   * "Diverged at epoch 1, step 7: loss = 4.4e+07 — try a learning rate of 0.5 (stable below 1.8 for
   * these data and batch 32)".
   */
  static String banner(Diverged d, DivergenceAdvice advice) {
    return "Diverged at epoch "
        + (d.epoch() + 1)
        + ", step "
        + d.step()
        + ": loss = "
        + loss(d.loss())
        + " — "
        + advice.forApp();
  }

  /** The status bar's line: what to do next. */
  static String message(DivergenceAdvice advice) {
    if (!advice.learningRateHelps()) {
      return "Diverged before the first update: lower init σ or the data's values";
    }
    double rate = advice.suggestedRate();
    if (Double.isNaN(rate)) {
      return "Diverged: lower the data's values, then Reset (R)";
    }
    return "Diverged: set the learning rate to " + rate(rate) + " or less to start a fresh run";
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
