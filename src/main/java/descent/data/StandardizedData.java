package descent.data;

import java.util.Optional;

/**
 * Another data set with every feature replaced by its z-score, (x − μ) / s, where μ and s are the
 * mean and standard deviation (dividing by n) of that feature over the <em>training</em> rows only,
 * so nothing about the validation rows leaks into training. Targets, the split, the batch size and
 * the shuffles are unchanged.
 *
 * <p>A model learned here predicts ŷ = Σ w′ⱼ (xⱼ − μⱼ)/sⱼ + b′, which is the model wⱼ = w′ⱼ / sⱼ, b
 * = b′ − Σ w′ⱼ μⱼ / sⱼ on the original features: {@link #toOriginal} maps it back.
 */
public final class StandardizedData extends RegressionData {
  private final RegressionData original;
  private final double[] means;
  private final double[] scales;

  private StandardizedData(
      RegressionData original, double[] features, double[] means, double[] scales) {
    super(
        features,
        original.targets,
        original.numFeatures(),
        original.numTrain(),
        original.batchSize(),
        original.shuffle(),
        original.seed(),
        original.featureNames(),
        original.targetName());
    this.original = original;
    this.means = means;
    this.scales = scales;
  }

  /**
   * Standardises {@code data}'s features with its training rows' means and standard deviations.
   *
   * @throws IllegalArgumentException if a feature is constant over the training rows (its standard
   *     deviation is 0, so it has no z-score); the message names the feature
   */
  public static StandardizedData of(RegressionData data) {
    int d = data.numFeatures();
    int n = data.numTrain();
    double[] x = data.features;
    double[] means = new double[d];
    double[] scales = new double[d];
    for (int j = 0; j < d; j++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += x[i * d + j];
      }
      double mean = sum / n;
      double squares = 0;
      for (int i = 0; i < n; i++) {
        double c = x[i * d + j] - mean;
        squares += c * c;
      }
      double sd = Math.sqrt(squares / n);
      if (!(sd > 0) || !Double.isFinite(sd)) {
        throw new IllegalArgumentException(
            "cannot standardise feature "
                + data.featureNames().get(j)
                + ": "
                + (sd > 0 ? "its values are too large" : "it is constant over the training rows"));
      }
      means[j] = mean;
      scales[j] = sd;
    }
    double[] z = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      int j = i % d;
      z[i] = (x[i] - means[j]) / scales[j];
    }
    return new StandardizedData(data, z, means, scales);
  }

  /** The data before standardising. */
  public RegressionData original() {
    return original;
  }

  /** Each feature's mean μⱼ over the training rows. */
  public double[] means() {
    return means.clone();
  }

  /** Each feature's standard deviation sⱼ over the training rows (dividing by n). */
  public double[] scales() {
    return scales.clone();
  }

  /** {@code w} and {@code b} learned on the z-scores, as weights of the original features. */
  public Parameters toOriginal(double[] w, double b) {
    double[] wo = new double[w.length];
    double bo = b;
    for (int j = 0; j < w.length; j++) {
      wo[j] = w[j] / scales[j];
      bo -= w[j] * means[j] / scales[j];
    }
    return new Parameters(wo, bo);
  }

  /** The true parameters in standardised units: w′ⱼ = wⱼ sⱼ, b′ = b + Σ wⱼ μⱼ. */
  @Override
  public Optional<Truth> truth() {
    return original
        .truth()
        .map(
            t -> {
              double[] w = t.w();
              double b = t.b();
              for (int j = 0; j < w.length; j++) {
                b += w[j] * means[j];
                w[j] *= scales[j];
              }
              return new Truth(w, b);
            });
  }

  /** Weights and a bias. */
  public record Parameters(double[] w, double b) {
    public Parameters {
      w = w.clone();
    }

    @Override
    public double[] w() {
      return w.clone();
    }
  }
}
