package descent.app.settings;

import descent.data.Decimals;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Rounds slider values to numbers a student can read aloud and type back. */
public final class Readable {
  /** How many characters of a refused text an error message repeats. */
  public static final int ECHO = 20;

  private static final double[] ONE_TWO_FIVE = {1, 2, 5, 10};

  private Readable() {}

  /** {@code v} rounded to {@code digits} significant digits: 0.0314159 → 0.031 for two. */
  public static double significant(double v, int digits) {
    if (v == 0 || !Double.isFinite(v)) {
      return v;
    }
    return new BigDecimal(v).round(new MathContext(digits)).doubleValue();
  }

  /**
   * The nearest of 1, 2 and 5 times a power of ten, nearest on a log scale (the way a log slider
   * moves): 31.6 → 20 or 50, whichever is closer in ratio; 1,700 → 2,000.
   */
  public static double oneTwoFive(double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      return v;
    }
    double decade = Math.pow(10, Math.floor(Math.log10(v)));
    double m = v / decade;
    double best = 1;
    for (double step : ONE_TWO_FIVE) {
      if (Math.abs(Math.log(m / step)) < Math.abs(Math.log(m / best))) {
        best = step;
      }
    }
    return Double.parseDouble(String.format(Locale.ROOT, "%.3g", best * decade));
  }

  /** A whole number with thousands separators: 2000 → "2,000". */
  public static String grouped(double v) {
    return String.format(Locale.ROOT, "%,d", Math.round(v));
  }

  /**
   * {@code text} as an error message quotes it: at most {@value #ECHO} characters, then "…", so a
   * pasted paragraph cannot fill the panel.
   */
  public static String echo(String text) {
    if (text.codePointCount(0, text.length()) <= ECHO) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, ECHO)) + "…";
  }

  /**
   * Whether {@code text} is a decimal number as a person writes it (ASCII digits, an optional sign,
   * point and exponent). {@link Double#parseDouble} also takes Java's 0.5f, 1d and hexadecimal
   * 0x1p-4, which the fields refuse as the command line does.
   */
  public static boolean isDecimal(String text) {
    return Decimals.isDecimal(text);
  }
}
