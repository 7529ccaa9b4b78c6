package descent.app.teach.batch;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How the Minibatch view prints numbers: every computed number with {@value #DIGITS} significant
 * digits, rounded from its exact binary value, so that a printed number is exactly the engine's
 * double rounded once, and two equal doubles always print alike. A real minus sign (−), NaN as
 * "NaN" and infinities as "∞" and "−∞". Plain notation from 10⁻⁴ up to 10⁵, else scientific, e.g.
 * {@code 1.2346e−7}.
 */
public final class Numbers {
  /** Significant digits of every computed number. */
  public static final int DIGITS = 5;

  /** The mark of a number not computed yet (its phase has not run). */
  public static final String PENDING = "—";

  private static final MathContext ROUND = new MathContext(DIGITS, RoundingMode.HALF_UP);
  private static final char MINUS = '−';

  private Numbers() {}

  /** {@code v} with {@value #DIGITS} significant digits, e.g. 1.8123, −4.1200, 0.030000. */
  public static String format(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : MINUS + "∞";
    }
    if (v == 0) {
      return "0." + "0".repeat(DIGITS - 1);
    }
    BigDecimal r = new BigDecimal(v).round(ROUND);
    int exponent = r.precision() - r.scale() - 1; // of the leading digit
    String sign = r.signum() < 0 ? String.valueOf(MINUS) : "";
    if (exponent >= 5 || exponent < -4) {
      String digits = r.unscaledValue().abs().toString();
      digits = (digits + "0".repeat(DIGITS)).substring(0, DIGITS);
      String e = exponent < 0 ? MINUS + Integer.toString(-exponent) : Integer.toString(exponent);
      return sign + digits.charAt(0) + "." + digits.substring(1) + "e" + e;
    }
    return sign + r.abs().setScale(Math.max(0, DIGITS - 1 - exponent)).toPlainString();
  }

  /** Like {@link #format}, in parentheses when negative, for use inside arithmetic. */
  public static String term(double v) {
    String s = format(v);
    return s.charAt(0) == MINUS ? "(" + s + ")" : s;
  }

  /** {@link #format} of {@code v}, or {@link #PENDING} when {@code known} is false. */
  public static String orPending(boolean known, double v) {
    return known ? format(v) : PENDING;
  }

  /**
   * A setting such as the learning rate, as briefly as it reads exactly to {@value #DIGITS} digits:
   * 0.03, not 0.030000.
   */
  public static String setting(double v) {
    if (!Double.isFinite(v) || v == 0) {
      return format(v);
    }
    BigDecimal r = new BigDecimal(v).round(ROUND).stripTrailingZeros();
    int exponent = r.precision() - r.scale() - 1;
    if (exponent >= 5 || exponent < -4) {
      return format(v);
    }
    String s = r.toPlainString();
    return r.signum() < 0 ? MINUS + s.substring(1) : s;
  }

  /** A count with thousands separators: 1,000. */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A relative error, two digits: 3.4e−11, or NaN. */
  public static String error(double v) {
    if (!Double.isFinite(v)) {
      return format(v);
    }
    if (v == 0) {
      return "0";
    }
    return String.format(Locale.ROOT, "%.1e", v)
        .replace("e-0", "e" + MINUS)
        .replace("e+0", "e")
        .replace("e-", "e" + MINUS)
        .replace("e+", "e");
  }

  /** {@code n} in subscript digits: 12 → ₁₂. */
  public static String sub(long n) {
    String digits = Long.toString(n);
    StringBuilder out = new StringBuilder(digits.length());
    for (char c : digits.toCharArray()) {
      out.append(c == '-' ? '₋' : (char) ('₀' + (c - '0')));
    }
    return out.toString();
  }

  /** A feature's column name: x1 → x₁ (other names as they are). */
  public static String featureName(String name) {
    if (name.matches("x[0-9]+")) {
      return "x" + sub(Long.parseLong(name.substring(1)));
    }
    return name;
  }
}
