package descent.app.teach.landscape;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** How the landscape writes parameters' names and numbers: plain functions, no JavaFX. */
final class LandscapeFormat {
  private static final String SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉";
  private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

  private LandscapeFormat() {}

  /**
   * The name of parameter {@code axis} of a model with {@code d} weights: "w" and "b" for one
   * feature, else "w₁" … "w_d" and "b" (axis d).
   */
  static String parameter(int axis, int d) {
    if (axis == d) {
      return "b";
    }
    return d == 1 ? "w" : "w" + subscript(axis + 1);
  }

  /** {@code n} in subscript digits: 10 → "₁₀". */
  static String subscript(int n) {
    StringBuilder s = new StringBuilder();
    for (char c : Integer.toString(n).toCharArray()) {
      s.append(c == '-' ? '₋' : SUBSCRIPTS.charAt(c - '0'));
    }
    return s.toString();
  }

  /** {@code n} in superscript digits: −3 → "⁻³". */
  static String superscript(long n) {
    StringBuilder s = new StringBuilder();
    for (char c : Long.toString(n).toCharArray()) {
      s.append(c == '-' ? '⁻' : SUPERSCRIPTS.charAt(c - '0'));
    }
    return s.toString();
  }

  /**
   * A number to read at a glance: four significant digits between 0.001 and 100,000 ("4.187",
   * "−3.4", "1234"), else two with a power of ten ("3.2×10⁷"), and "NaN", "∞", "−∞" as such.
   */
  static String number(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "−∞";
    }
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a >= 1e5 || a < 1e-3) {
      return scientific(v, 2);
    }
    String s =
        new BigDecimal(v)
            .round(new MathContext(4, RoundingMode.HALF_EVEN))
            .stripTrailingZeros()
            .toPlainString();
    return minus(s);
  }

  /** {@code v} with {@code digits} significant digits and a power of ten: "3.2×10⁷". */
  static String scientific(double v, int digits) {
    BigDecimal d = new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN));
    int exponent = d.precision() - d.scale() - 1;
    BigDecimal mantissa = d.movePointLeft(exponent).stripTrailingZeros();
    String m =
        mantissa.scale() < 0 ? mantissa.setScale(0).toPlainString() : mantissa.toPlainString();
    if (exponent == 0) {
      return minus(m);
    }
    return minus(m) + "×10" + superscript(exponent);
  }

  /**
   * An axis tick at {@code v} on an axis whose ticks are {@code step} apart: as many decimals as
   * the step needs ("0.25", "−3", "1200"), with a power of ten for very large or small values.
   */
  static String tick(double v, double step) {
    if (Math.abs(v) < step * 1e-9) {
      return "0";
    }
    double a = Math.max(Math.abs(v), step);
    if (a >= 1e6 || a < 1e-4) {
      // enough digits to tell neighbouring ticks apart
      int digits = (int) Math.max(1, Math.ceil(Math.log10(Math.abs(v) / step)) + 1);
      return scientific(v, Math.min(digits, 6));
    }
    int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
    return minus(
        new BigDecimal(v)
            .setScale(decimals, RoundingMode.HALF_EVEN)
            .stripTrailingZeros()
            .toPlainString());
  }

  /** A loss level on the colour bar: at most three significant digits. */
  static String level(double v) {
    if (!Double.isFinite(v)) {
      return number(v);
    }
    double a = Math.abs(v);
    if (a >= 1e4 || (a < 1e-2 && a > 0)) {
      return scientific(v, 2);
    }
    return minus(
        new BigDecimal(v)
            .round(new MathContext(3, RoundingMode.HALF_EVEN))
            .stripTrailingZeros()
            .toPlainString());
  }

  private static String minus(String s) {
    return s.startsWith("-") ? "−" + s.substring(1) : s;
  }
}
