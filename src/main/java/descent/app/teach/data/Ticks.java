package descent.app.teach.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Round tick values (1, 2 or 5 times a power of ten apart) and their labels. */
final class Ticks {
  private Ticks() {}

  /** About {@code target} round values inside {@code range}, in increasing order. */
  static double[] of(Range range, int target) {
    double step = step(range.span(), Math.max(2, target));
    List<Double> ticks = new ArrayList<>();
    double first = Math.ceil(range.min() / step) * step;
    for (int k = 0; k < 100; k++) {
      double v = first + k * step;
      if (v > range.max() + 1e-9 * step) {
        break;
      }
      ticks.add(Math.abs(v) < 1e-9 * step ? 0 : v); // no "−0"
    }
    return ticks.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The round step that cuts {@code span} into about {@code target} parts. */
  static double step(double span, int target) {
    double raw = span / target;
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / power;
    double nice = f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10;
    return nice * power;
  }

  /** The label of tick {@code v} on an axis whose ticks are {@code step} apart. */
  static String format(double v, double step) {
    if (v == 0) {
      return "0";
    }
    double magnitude = Math.max(Math.abs(v), step);
    if (magnitude >= 1e6 || step < 1e-4) {
      return scientific(v, step);
    }
    int decimals = (int) Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));
    return minus(String.format(Locale.ROOT, "%." + decimals + "f", v));
  }

  private static String scientific(double v, double step) {
    int exponent = (int) Math.floor(Math.log10(Math.abs(v)));
    double mantissa = v / Math.pow(10, exponent);
    int decimals = (int) Math.max(0, Math.min(3, exponent - Math.floor(Math.log10(step))));
    String m = String.format(Locale.ROOT, "%." + decimals + "f", mantissa);
    return minus(m) + "×10" + superscript(exponent);
  }

  /** A typographic minus sign, easier to read than a hyphen on a projector. */
  static String minus(String s) {
    return s.replace('-', '−');
  }

  static String superscript(int n) {
    String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    StringBuilder s = new StringBuilder();
    for (char c : Integer.toString(n).toCharArray()) {
      s.append(c == '-' ? '⁻' : digits.charAt(c - '0'));
    }
    return s.toString();
  }
}
