package descent.app.chart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.function.DoubleFunction;
import javafx.util.StringConverter;

/** The loss chart's axis ranges and number formats: plain functions, no JavaFX nodes. */
final class ChartScale {
  /**
   * In linear scale the y-axis reaches at most this many times the run's first minibatch loss. A
   * healthy run stays under its first loss (give or take a noisy minibatch), so it always fits; a
   * diverging run leaves through the top, with an edge mark saying where it went, instead of
   * flattening everything before it against the x-axis.
   */
  static final double CEILING_FACTOR = 10;

  private ChartScale() {}

  /**
   * A y-axis range in plotted units (log10 of the loss in log scale).
   *
   * @param lower the bottom of the axis
   * @param upper the top of the axis
   * @param unit the distance between major ticks
   */
  record YRange(double lower, double upper, double unit) {
    boolean contains(double y) {
      return y >= lower && y <= upper;
    }
  }

  /** The highest loss the linear y-axis may reach, for a run whose first loss is {@code first}. */
  static double ceiling(double first) {
    return first > 0 && Double.isFinite(first) ? CEILING_FACTOR * first : Double.POSITIVE_INFINITY;
  }

  /**
   * Linear: from 0 to a round number a little above {@code max} (the highest loss to show), with
   * about six major ticks; 0 to 1 if there is nothing to show.
   */
  static YRange linear(double max) {
    if (!(max > 0) || !Double.isFinite(max)) {
      return new YRange(0, 1, 0.2);
    }
    double unit = niceUnit(max / 6);
    double upper = unit * Math.ceil(max * 1.03 / unit - 1e-9);
    return new YRange(0, upper, unit);
  }

  /**
   * Log: whole decades around the shown values (already log10), at most about eight major ticks;
   * 10⁻³ to 10¹ if there is nothing to show.
   */
  static YRange log(double minLog10, double maxLog10) {
    if (!(minLog10 <= maxLog10)) {
      return new YRange(-3, 1, 1);
    }
    double lower = Math.floor(minLog10);
    double upper = Math.ceil(maxLog10);
    if (upper <= lower) {
      upper = lower + 1;
    }
    return new YRange(lower, upper, Math.max(1, Math.ceil((upper - lower) / 8)));
  }

  /**
   * The x-axis' upper bound: the run's planned epochs, or further if the data already reach past
   * them (the end of the epoch in progress, or the last validated epoch).
   */
  static double xUpper(int plannedEpochs, double maxTrainX, double maxValX) {
    double upper = Math.max(1, plannedEpochs);
    if (maxTrainX > Double.NEGATIVE_INFINITY) {
      upper = Math.max(upper, Math.floor(maxTrainX) + 1);
    }
    if (maxValX > Double.NEGATIVE_INFINITY) {
      upper = Math.max(upper, Math.ceil(maxValX));
    }
    return upper;
  }

  /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
  static double niceUnit(double rough) {
    if (!(rough > 0)) {
      return 1;
    }
    double decade = Math.pow(10, Math.floor(Math.log10(rough)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * decade >= rough * (1 - 1e-9)) {
        return m * decade;
      }
    }
    return 10 * decade;
  }

  /** An axis tick without trailing zeros: 0, 0.5, 1, 1.25. */
  static String formatTick(double v) {
    if (Math.abs(v) < 1e-12) {
      return "0";
    }
    return new BigDecimal(v)
        .setScale(6, RoundingMode.HALF_EVEN)
        .stripTrailingZeros()
        .toPlainString();
  }

  /** A log10 tick as the power of ten it stands for: -3 → "10⁻³". */
  static String powerOfTen(double exponent) {
    long e = Math.round(exponent);
    if (Math.abs(exponent - e) > 1e-9) {
      return String.format(Locale.ROOT, "%.2g", Math.pow(10, exponent));
    }
    return "10" + superscript(e);
  }

  /**
   * A loss for an edge mark: four significant digits up to 10,000, then two with a power of ten
   * ("3.2×10⁷"), and "∞", "−∞" or "NaN" as such.
   */
  static String formatValue(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "−∞";
    }
    if (v == 0 || Math.abs(v) < 1e4) {
      return HoverInfo.formatLoss(v);
    }
    long e = (long) Math.floor(Math.log10(Math.abs(v)));
    double mantissa = v / Math.pow(10, e);
    if (Math.abs(mantissa) >= 9.95) { // rounds up to the next decade
      mantissa /= 10;
      e++;
    }
    return String.format(Locale.ROOT, "%.1f×10", mantissa) + superscript(e);
  }

  private static String superscript(long e) {
    StringBuilder s = new StringBuilder();
    for (char c : Long.toString(e).toCharArray()) {
      s.append(c == '-' ? '⁻' : "⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(c - '0'));
    }
    return s.toString();
  }

  static StringConverter<Number> converter(DoubleFunction<String> format) {
    return new StringConverter<>() {
      @Override
      public String toString(Number value) {
        return format.apply(value.doubleValue());
      }

      @Override
      public Number fromString(String text) {
        throw new UnsupportedOperationException("axis labels are not parsed");
      }
    };
  }
}
