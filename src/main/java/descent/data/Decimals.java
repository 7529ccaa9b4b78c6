package descent.data;

import java.util.regex.Pattern;

/**
 * Plain decimal numbers, the one grammar of numbers every reader here shares: data files' cells,
 * the command line's options and the app's fields ({@link #PLAIN}). {@link #parse} reads them
 * straight from characters, with no {@code String}, to the same bits as {@link Double#parseDouble}.
 *
 * <p>Most cells of a data file have at most 15 significant digits and a small exponent. Then the
 * digits are a long that a double holds exactly, and so is the power of ten (up to 10²²), and one
 * IEEE division or multiplication of the two rounds correctly: the result is the double nearest the
 * decimal, which is what {@link Double#parseDouble} returns (Clinger's fast path). Any other number
 * is given to {@link Double#parseDouble} as a string.
 */
public final class Decimals {
  /**
   * A plain decimal number: an optional sign, digits with an optional point (at least one digit),
   * an optional exponent. No spaces, no hex, no {@code NaN} or {@code Infinity}, no {@code
   * d}/{@code f} suffix: {@link Double#parseDouble} takes Java's 0.5f, 1d and 0x1p-4, which a
   * person does not write.
   */
  static final Pattern PLAIN =
      Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

  /** Not a decimal number: {@link #parse} returns it (no decimal number parses to NaN). */
  static final double NOT_DECIMAL = Double.NaN;

  private static final int MAX_EXACT_DIGITS = 15;

  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  private Decimals() {}

  /** Whether {@code text} is a plain decimal number ({@link #PLAIN}). */
  public static boolean isDecimal(String text) {
    return PLAIN.matcher(text).matches();
  }

  /**
   * The value of {@code text[from..to)} as {@link Double#parseDouble} gives it (±infinity when too
   * large), or {@link #NOT_DECIMAL} (NaN) unless it is a plain decimal number: an optional sign,
   * digits with an optional point (at least one digit), an optional exponent; no spaces, no hex, no
   * {@code NaN} or {@code Infinity}, no {@code d}/{@code f} suffix.
   */
  static double parse(char[] text, int from, int to) {
    int i = from;
    boolean negative = false;
    if (i < to && (text[i] == '+' || text[i] == '-')) {
      negative = text[i] == '-';
      i++;
    }
    long mantissa = 0;
    int significant = 0; // digits in the mantissa, leading zeros left out
    int scale = 0; // the mantissa's digits after the point
    int digits = 0;
    boolean exact = true; // every significant digit is in the mantissa
    for (; i < to && isDigit(text[i]); i++, digits++) {
      if (significant < MAX_EXACT_DIGITS) {
        mantissa = mantissa * 10 + (text[i] - '0');
        if (mantissa != 0) {
          significant++;
        }
      } else {
        exact = false;
      }
    }
    if (i < to && text[i] == '.') {
      i++;
      for (; i < to && isDigit(text[i]); i++, digits++) {
        if (significant < MAX_EXACT_DIGITS) {
          mantissa = mantissa * 10 + (text[i] - '0');
          scale++;
          if (mantissa != 0) {
            significant++;
          }
        } else {
          exact = false;
        }
      }
    }
    if (digits == 0) {
      return NOT_DECIMAL;
    }
    int exponent = 0;
    if (i < to && (text[i] == 'e' || text[i] == 'E')) {
      i++;
      boolean negativeExponent = false;
      if (i < to && (text[i] == '+' || text[i] == '-')) {
        negativeExponent = text[i] == '-';
        i++;
      }
      int exponentDigits = 0;
      for (; i < to && isDigit(text[i]); i++, exponentDigits++) {
        if (exponent < 100_000) {
          exponent = exponent * 10 + (text[i] - '0');
        }
      }
      if (exponentDigits == 0) {
        return NOT_DECIMAL;
      }
      if (negativeExponent) {
        exponent = -exponent;
      }
    }
    if (i != to) {
      return NOT_DECIMAL;
    }
    if (!exact) {
      return slow(text, from, to); // more than 15 significant digits
    }
    int power = exponent - scale; // the value is mantissa × 10^power
    double value;
    if (mantissa == 0) {
      value = 0.0;
    } else if (power >= 0 && power < POWERS_OF_TEN.length) {
      value = mantissa * POWERS_OF_TEN[power];
    } else if (power < 0 && -power < POWERS_OF_TEN.length) {
      value = mantissa / POWERS_OF_TEN[-power];
    } else {
      return slow(text, from, to);
    }
    return negative ? -value : value;
  }

  private static double slow(char[] text, int from, int to) {
    return Double.parseDouble(new String(text, from, to - from));
  }

  /** An ASCII digit, as {@code \\d} matches it (not other scripts' digits). */
  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
