package descent.data;

import descent.engine.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * d2l's {@code SyntheticRegressionData}: X ~ N(0, 1) of shape (n, d), y = Xw + b + noise·ε with ε ~
 * N(0, 1), n = numTrain + numVal.
 */
public final class SyntheticRegressionData extends RegressionData {
  /** Salt for the generating stream, see {@link Seeds}. */
  private static final long DATA_STREAM = 1;

  private final Truth truth;
  private final double noise;

  /** The chapter's defaults: noise 0.01, 1000 + 1000 rows, batch size 32, shuffled. */
  public SyntheticRegressionData(double[] trueW, double trueB, long seed) {
    this(trueW, trueB, 0.01, 1000, 1000, 32, true, seed);
  }

  public SyntheticRegressionData(
      double[] trueW,
      double trueB,
      double noise,
      int numTrain,
      int numVal,
      int batchSize,
      boolean shuffle,
      long seed) {
    this(trueW, trueB, noise, numTrain, numVal, null, batchSize, shuffle, seed);
  }

  /**
   * Data whose feature j is drawn from N(0, featureScale[j]²) instead of N(0, 1), so features can
   * differ in size (an elongated loss valley); {@code null} means every scale is 1, the chapter's.
   */
  public SyntheticRegressionData(
      double[] trueW,
      double trueB,
      double noise,
      int numTrain,
      int numVal,
      double[] featureScale,
      int batchSize,
      boolean shuffle,
      long seed) {
    this(
        generate(trueW, trueB, noise, numTrain, numVal, featureScale, seed),
        trueW,
        trueB,
        noise,
        numTrain,
        batchSize,
        shuffle,
        seed);
  }

  private SyntheticRegressionData(
      double[][] xy,
      double[] trueW,
      double trueB,
      double noise,
      int numTrain,
      int batchSize,
      boolean shuffle,
      long seed) {
    super(xy[0], xy[1], trueW.length, numTrain, batchSize, shuffle, seed, names(trueW.length), "y");
    this.truth = new Truth(trueW, trueB);
    this.noise = noise;
  }

  private static double[][] generate(
      double[] w,
      double b,
      double noise,
      int numTrain,
      int numVal,
      double[] featureScale,
      long seed) {
    if (w.length < 1) {
      throw new IllegalArgumentException("true w needs at least one feature");
    }
    if (featureScale != null && featureScale.length != w.length) {
      throw new IllegalArgumentException(
          featureScale.length + " feature scales for " + w.length + " features");
    }
    if (featureScale != null) {
      for (double s : featureScale) {
        if (!(s > 0) || Double.isInfinite(s)) {
          throw new IllegalArgumentException("feature scales must be finite numbers > 0, got " + s);
        }
      }
    }
    if (!(noise >= 0) || Double.isInfinite(noise)) {
      throw new IllegalArgumentException("noise must be a finite number ≥ 0, got " + noise);
    }
    if (numTrain < 1 || numVal < 1) {
      throw new IllegalArgumentException(
          "numTrain and numVal must each be at least 1, got " + numTrain + " and " + numVal);
    }
    int n = numTrain + numVal;
    int d = w.length;
    Random random = Seeds.stream(seed, DATA_STREAM);
    double[] x = new double[n * d];
    for (int i = 0; i < x.length; i++) {
      // a scale of 1 leaves the chapter's numbers bit for bit
      x[i] =
          featureScale == null
              ? random.nextGaussian()
              : random.nextGaussian() * featureScale[i % d];
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double acc = 0;
      for (int j = 0; j < d; j++) {
        acc += x[i * d + j] * w[j];
      }
      y[i] = acc + b;
    }
    for (int i = 0; i < n; i++) {
      y[i] += noise * random.nextGaussian();
    }
    return new double[][] {x, y};
  }

  private static List<String> names(int d) {
    List<String> names = new ArrayList<>();
    for (int j = 1; j <= d; j++) {
      names.add("x" + j);
    }
    return names;
  }

  public double noise() {
    return noise;
  }

  @Override
  public Optional<Truth> truth() {
    return Optional.of(truth);
  }
}
