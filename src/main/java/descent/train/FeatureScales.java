package descent.train;

import descent.data.RegressionData;
import java.util.List;

/**
 * How large each feature is on the training rows, to tell a student when scaling the features, not
 * a smaller learning rate, is the cure for a divergence. Features on different scales make the
 * stable learning rate tiny (the largest feature sets it, see {@link StabilityBound}), and a rate
 * that small leaves the other features and the bias barely moving.
 *
 * @param names the features' names, {@code x1 … xd} when the data have none
 * @param std each feature's standard deviation over the training rows
 * @param rms each feature's root mean square, √E[x²]: its size including its mean
 */
public record FeatureScales(List<String> names, double[] std, double[] rms) {
  /** Scales differ widely when the largest standard deviation exceeds the smallest this much. */
  public static final double WIDE_RATIO = 10;

  /**
   * A feature is large when its root mean square exceeds the bias's column of ones this much: it
   * then sets a tiny bound on its own, even when it is the only feature.
   */
  public static final double LARGE_RMS = 10;

  public FeatureScales {
    names = List.copyOf(names);
    std = std.clone();
    rms = rms.clone();
  }

  /** The scales of {@code data}'s training rows. */
  public static FeatureScales of(RegressionData data) {
    int n = data.numTrain();
    int d = data.numFeatures();
    double[] x = data.trainFeatures();
    double[] mean = new double[d];
    double[] std = new double[d];
    double[] rms = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += x[i * d + j] / n;
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        double v = x[i * d + j];
        double dev = v - mean[j];
        std[j] += dev * dev / n;
        rms[j] += v * v / n;
      }
    }
    for (int j = 0; j < d; j++) {
      std[j] = Math.sqrt(std[j]);
      rms[j] = Math.sqrt(rms[j]);
    }
    List<String> names = data.featureNames();
    if (names.size() != d) {
      names = java.util.stream.IntStream.rangeClosed(1, d).mapToObj(j -> "x" + j).toList();
    }
    return new FeatureScales(names, std, rms);
  }

  @Override
  public double[] std() {
    return std.clone();
  }

  @Override
  public double[] rms() {
    return rms.clone();
  }

  /** The index of the feature with the largest standard deviation. */
  private int widest() {
    int best = 0;
    for (int j = 1; j < std.length; j++) {
      if (std[j] > std[best]) {
        best = j;
      }
    }
    return best;
  }

  /** The index of the non-constant feature with the smallest standard deviation, or -1. */
  private int narrowest() {
    int best = -1;
    for (int j = 0; j < std.length; j++) {
      if (std[j] > 0 && (best < 0 || std[j] < std[best])) {
        best = j;
      }
    }
    return best;
  }

  private int largest() {
    int best = 0;
    for (int j = 1; j < rms.length; j++) {
      if (!(rms[j] <= rms[best])) {
        best = j;
      }
    }
    return best;
  }

  /** Whether the largest standard deviation is more than {@link #WIDE_RATIO} times the smallest. */
  public boolean differWidely() {
    int narrow = narrowest();
    return narrow >= 0 && !(std[widest()] <= WIDE_RATIO * std[narrow]);
  }

  /** Whether some feature's root mean square is more than {@link #LARGE_RMS} (or not finite). */
  public boolean hasLargeFeature() {
    return !(rms[largest()] <= LARGE_RMS);
  }

  /** Whether scaling the features is the cure for a divergence on these data. */
  public boolean needScaling() {
    return differWidely() || hasLargeFeature();
  }

  /**
   * Why the features need scaling, e.g. {@code the features' scales differ widely (standard
   * deviation 0.01 for "rate", 4e+04 for "area")} or {@code the feature "ts" is large (values
   * around 1.7e+09)}; null when they do not.
   */
  public String problem() {
    if (differWidely()) {
      int narrow = narrowest();
      int wide = widest();
      return "the features' scales differ widely (standard deviation "
          + DivergenceAdvice.number(std[narrow])
          + " for "
          + quote(names.get(narrow))
          + ", "
          + DivergenceAdvice.number(std[wide])
          + " for "
          + quote(names.get(wide))
          + ")";
    }
    if (hasLargeFeature()) {
      int big = largest();
      return "the feature "
          + quote(names.get(big))
          + " is large (values around "
          + DivergenceAdvice.number(rms[big])
          + ")";
    }
    return null;
  }

  /** {@code "name"}, with quotes, backslashes and control characters escaped to keep one line. */
  private static String quote(String name) {
    StringBuilder s = new StringBuilder("\"");
    for (char c : name.toCharArray()) {
      if (c == '"' || c == '\\') {
        s.append('\\').append(c);
      } else if (Character.isISOControl(c)) {
        s.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        s.append(c);
      }
    }
    return s.append('"').toString();
  }
}
