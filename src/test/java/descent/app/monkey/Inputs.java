package descent.app.monkey;

import java.util.List;
import java.util.Random;

/** What the monkey types into a field: plausible values, edge values and garbage. */
final class Inputs {
  private Inputs() {}

  /** Values a student might mean: within or near the settings' ranges. */
  private static final List<String> PLAUSIBLE =
      List.of(
          "0.03",
          "0.1",
          "1",
          "3",
          "0.001",
          "0.5",
          "2",
          "32",
          "16",
          "1000",
          "100",
          "10",
          "7",
          "0",
          "4.2",
          "-3.4",
          "2, -3.4",
          "1, 2, 3",
          "1,2,3,4,5,6,7,8,9,10",
          "1, 1",
          "0.01",
          "1e-3",
          "5e-2",
          "42",
          "123456",
          "1000, 1",
          "1e6, 1e-6",
          "100000");

  /** Edge values and garbage. */
  private static final List<String> HOSTILE =
      List.of(
          "",
          " ",
          "abc",
          "1e309",
          "-1e309",
          "NaN",
          "nan",
          "Infinity",
          "-Infinity",
          "1e-320",
          "4.9e-324",
          "-0",
          "0x1F",
          "1_000",
          "1,5",
          "１２",
          "٣",
          "π",
          "∞",
          "😀",
          "\u202E12",
          "\u0000",
          "1e",
          "--1",
          "+5",
          ".",
          "e5",
          "99999999999999999999999",
          "-2147483649",
          "2147483648",
          "9223372036854775808",
          "1, NaN, 2",
          ",,,",
          "1 2 3",
          "1\n2",
          "\t3",
          "-1",
          "-1000000",
          "1e100",
          "0.0000000001",
          "1;2",
          "١٫٥",
          "2,-3.4,",
          "ＮａＮ",
          "1e308, 1e308",
          "-5, 5, -5, 5, -5, 5, -5, 5, -5, 5, -5");

  /** A value for a field: plausible half the time, hostile otherwise, rarely a long paste. */
  static String any(Random r) {
    int roll = r.nextInt(100);
    if (roll < 45) {
      return PLAUSIBLE.get(r.nextInt(PLAUSIBLE.size()));
    }
    if (roll < 52) {
      return String.valueOf(r.nextGaussian() * Math.pow(10, r.nextInt(13) - 6));
    }
    if (roll < 97) {
      return HOSTILE.get(r.nextInt(HOSTILE.size()));
    }
    return longPaste(r);
  }

  /** 10,000 characters of one of a few kinds: digits, a list, or mixed Unicode. */
  static String longPaste(Random r) {
    StringBuilder s = new StringBuilder(10_000);
    int kind = r.nextInt(3);
    while (s.length() < 10_000) {
      switch (kind) {
        case 0 -> s.append((char) ('0' + r.nextInt(10)));
        case 1 -> s.append(r.nextInt(100) - 50).append(", ");
        default -> s.appendCodePoint(unicode(r));
      }
    }
    s.setLength(10_000);
    return s.toString();
  }

  private static int unicode(Random r) {
    int[][] ranges = {
      {0x20, 0x7e}, {0xa0, 0x2ff}, {0x400, 0x4ff}, {0x4e00, 0x4fff}, {0x1f600, 0x1f64f}
    };
    int[] range = ranges[r.nextInt(ranges.length)];
    return range[0] + r.nextInt(range[1] - range[0] + 1);
  }

  /** Small text a person types with the keyboard. */
  static String typed(Random r) {
    List<String> keys = List.of("0.1", "5", "-2", "abc", "1e9", "3, 4", "", "0.05");
    return keys.get(r.nextInt(keys.size()));
  }
}
