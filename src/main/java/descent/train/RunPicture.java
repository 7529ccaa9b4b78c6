package descent.train;

import descent.data.RegressionData;
import java.util.List;

/**
 * What the step-through views draw of a run's data that never changes during the run: the rows a
 * scatter shows, the loss surface over the training rows, the true parameters when known and the
 * least-squares optimum. Made once per run, before training starts; any thread may read it.
 *
 * @param sample the rows a scatter draws
 * @param surface the full training loss as a function of (w, b)
 * @param truth the parameters the data were made with, or null for a file's data
 * @param featureNames the features' names, x₁ … or a file's header
 * @param targetName the target's name
 */
public record RunPicture(
    DataSample sample,
    LossSurface surface,
    RegressionData.Truth truth,
    List<String> featureNames,
    String targetName) {

  public RunPicture {
    featureNames = List.copyOf(featureNames);
  }

  /** The least-squares optimum of the training rows (maybe unavailable, with its reason). */
  public LeastSquares.Fit optimum() {
    return surface.optimum();
  }

  public int numFeatures() {
    return sample.numFeatures();
  }

  /** The picture of {@code data}, whose least-squares fit {@code optimum} was already computed. */
  public static RunPicture of(RegressionData data, LeastSquares.Fit optimum) {
    return new RunPicture(
        DataSample.of(data),
        new LossSurface(SufficientStatistics.of(data), optimum),
        data.truth().orElse(null),
        data.featureNames(),
        data.targetName());
  }

  /** The picture of {@code data}, fitting least squares too. */
  public static RunPicture of(RegressionData data) {
    return of(
        data, LeastSquares.fit(data.trainFeatures(), data.trainTargets(), data.numFeatures()));
  }
}
