package descent.bench;

import java.util.Arrays;

/**
 * The median, smallest and largest of some timings. The median of an even count is the mean of the
 * two middle values.
 */
public record Spread(double median, double min, double max) {
  public Spread {
    if (!(min <= median && median <= max)) {
      throw new IllegalArgumentException(
          "need min ≤ median ≤ max, got " + min + ", " + median + ", " + max);
    }
  }

  /** The spread of {@code values}, at least one. */
  public static Spread of(double... values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    return new Spread(median, v[0], v[n - 1]);
  }
}
