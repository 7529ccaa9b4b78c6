package descent.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Numbers read from characters are the very doubles {@link Double#parseDouble} gives. */
class DecimalsTest {
  private static void assertSameBits(String text) {
    double parsed = Decimals.parse(text.toCharArray(), 0, text.length());
    boolean decimal = Decimals.isDecimal(text);
    assertThat(!Double.isNaN(parsed)).as("is %s a decimal", text).isEqualTo(decimal);
    if (decimal) {
      assertThat(Double.doubleToRawLongBits(parsed))
          .as("%s: %s, not %s", text, parsed, Double.parseDouble(text))
          .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }
  }

  @Test
  void edgeCases() {
    for (String text :
        List.of(
            "0",
            "-0",
            "+0",
            "-0.0",
            "0e999999999999",
            "-0e-5",
            "0.1",
            "0.2",
            "0.3",
            "-3.1415",
            "1.",
            ".5",
            "-.5",
            "+1e+05",
            "007",
            "000000000000000000000000001.5",
            "0.000000000000000000000000000000123",
            "123456789012345",
            "1234567890123456",
            "12345678901234567",
            "9007199254740993",
            "0.12345678901234567890123",
            "1e22",
            "1e23",
            "1e-22",
            "1e-23",
            "999999999999999e22",
            "123456789012345e-22",
            "1.7976931348623157e308",
            "1.7976931348623159e308",
            "1e309",
            "-1e309",
            "4.9e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "1e-400",
            "2.2250738585072011e-308",
            "2.2250738585072012e-308",
            "1e2147483648",
            "1e-2147483649",
            "1.5e",
            "e5",
            "1e5.5",
            "1d",
            "1f",
            "0x1p3",
            "NaN",
            "Infinity",
            "1,5",
            " 1",
            "١",
            "",
            ".",
            "-",
            "+-1",
            "12345678901234567890abc",
            "12345678901234567890d",
            "1.23456789012345678d")) {
      assertSameBits(text);
    }
  }

  @Test
  void randomNumbers() {
    Random random = new Random(3);
    for (int t = 0; t < 300_000; t++) {
      StringBuilder s = new StringBuilder();
      if (random.nextInt(3) == 0) {
        s.append(random.nextBoolean() ? '-' : '+');
      }
      int before = random.nextInt(t % 2 == 0 ? 6 : 20);
      for (int i = 0; i < before; i++) {
        s.append((char) ('0' + random.nextInt(10)));
      }
      if (random.nextInt(4) != 0) {
        s.append('.');
        int after = random.nextInt(t % 3 == 0 ? 20 : 8);
        for (int i = 0; i < after; i++) {
          s.append((char) ('0' + random.nextInt(10)));
        }
      }
      if (random.nextInt(3) == 0) {
        s.append(random.nextBoolean() ? 'e' : 'E');
        if (random.nextBoolean()) {
          s.append(random.nextBoolean() ? '-' : '+');
        }
        s.append(random.nextInt(t % 5 == 0 ? 400 : 30));
      }
      assertSameBits(s.toString());
    }
  }

  /** Every double printed shortest, as Java prints it, reads back as itself. */
  @Test
  void printedDoublesReadBack() {
    Random random = new Random(4);
    for (int t = 0; t < 200_000; t++) {
      double value =
          switch (t % 3) {
            case 0 -> Double.longBitsToDouble(random.nextLong());
            case 1 -> random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
            default -> Math.round(random.nextGaussian() * 1e6) / 1e4;
          };
      if (Double.isFinite(value)) {
        assertSameBits(Double.toString(value));
        assertSameBits(String.format(java.util.Locale.ROOT, "%.4f", value));
      }
    }
  }
}
