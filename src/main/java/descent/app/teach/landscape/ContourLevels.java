package descent.app.teach.landscape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The losses the map draws contour lines at and fills between. They are round numbers, so a level
 * means the same loss from frame to frame while the map's range moves: on a log ladder (1, 2, 5 ×
 * 10ⁿ, or finer when the map spans few decades) since the loss spans decades, or evenly spaced when
 * the map spans less than half a decade (where the two hardly differ). Plain Java.
 */
final class ContourLevels {
  /** At least this many levels fall inside the map's range, when possible. */
  static final int MIN_LEVELS = 7;

  /** The mantissas of the log ladders, coarsest first. */
  private static final double[][] LADDERS = {
    {1, 2, 5}, {1, 1.5, 2, 3, 5, 7}, {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8, 9}
  };

  private final double[] levels;

  private ContourLevels(double[] levels) {
    this.levels = levels;
  }

  /** Levels for a map whose finite losses run from {@code min} to {@code max}. */
  static ContourLevels of(double min, double max) {
    if (!Double.isFinite(min) || !Double.isFinite(max) || !(max > min)) {
      return new ContourLevels(new double[0]);
    }
    if (min > 0 && max / min >= Math.sqrt(10)) {
      for (double[] ladder : LADDERS) {
        double[] l = ladder(ladder, min, max);
        if (l.length >= MIN_LEVELS || ladder == LADDERS[LADDERS.length - 1]) {
          return new ContourLevels(l);
        }
      }
    }
    return new ContourLevels(linear(min, max));
  }

  private static double[] ladder(double[] mantissas, double min, double max) {
    List<Double> out = new ArrayList<>();
    for (int e = (int) Math.floor(Math.log10(min)) - 1; e <= Math.ceil(Math.log10(max)); e++) {
      for (double m : mantissas) {
        double v = Double.parseDouble(m + "e" + e); // exactly the decimal number
        if (v > min && v < max) {
          out.add(v);
        }
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double[] linear(double min, double max) {
    double step = MapGeometry.niceStep((max - min) / (MIN_LEVELS + 1));
    List<Double> out = new ArrayList<>();
    for (long k = (long) Math.floor(min / step) + 1; k * step < max && out.size() < 40; k++) {
      double v =
          new java.math.BigDecimal(k).multiply(java.math.BigDecimal.valueOf(step)).doubleValue();
      if (v > min) {
        out.add(v);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The levels, ascending. */
  double[] levels() {
    return levels.clone();
  }

  int size() {
    return levels.length;
  }

  double level(int k) {
    return levels[k];
  }

  /**
   * The band {@code loss} falls in: 0 below the first level, k between level k − 1 and level k,
   * {@link #size()} above the last; −1 for NaN.
   */
  int band(double loss) {
    if (Double.isNaN(loss)) {
      return -1;
    }
    int i = Arrays.binarySearch(levels, loss);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** A loss inside band {@code k}, to colour it by: the geometric middle of its two levels. */
  double representative(int k) {
    int n = levels.length;
    if (n == 0) {
      return Double.NaN;
    }
    if (n == 1) {
      return k == 0 ? levels[0] / 2 : levels[0] * 2;
    }
    if (k <= 0) {
      return levels[0] * levels[0] / middle(levels[0], levels[1]);
    }
    if (k >= n) {
      return levels[n - 1] * levels[n - 1] / middle(levels[n - 2], levels[n - 1]);
    }
    return middle(levels[k - 1], levels[k]);
  }

  private static double middle(double a, double b) {
    return a > 0 ? Math.sqrt(a * b) : (a + b) / 2;
  }
}
