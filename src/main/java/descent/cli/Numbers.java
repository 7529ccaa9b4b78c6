package descent.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Numbers as the command line prints them: about six significant digits, no trailing zeros. */
final class Numbers {
  private static final MathContext SIX = new MathContext(6);

  private Numbers() {}

  /**
   * {@code v} to 6 significant digits: plain from 10⁻⁴ up to 10⁷ ({@code 0.108768}, {@code -3.4},
   * {@code 4.2}), scientific outside ({@code 5.12345e-05}). Always a point, whatever the locale.
   */
  static String sig6(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "-∞";
    }
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a >= 1e-4 && a < 1e7) {
      return new BigDecimal(v).round(SIX).stripTrailingZeros().toPlainString();
    }
    String s = String.format(Locale.ROOT, "%.5e", v); // e.g. 5.10000e-05
    int e = s.indexOf('e');
    String mantissa = s.substring(0, e);
    if (mantissa.contains(".")) {
      mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return mantissa + s.substring(e);
  }

  /** {@code v} to 2 significant digits, for a one-line message: {@code 1.2e+07}, {@code 0.5}. */
  static String short2(double v) {
    if (!Double.isFinite(v)) {
      return sig6(v);
    }
    double a = Math.abs(v);
    if (a != 0 && (a < 1e-4 || a >= 1e5)) {
      return String.format(Locale.ROOT, "%.1e", v);
    }
    return new BigDecimal(v).round(new MathContext(2)).stripTrailingZeros().toPlainString();
  }
}
