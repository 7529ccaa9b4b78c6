package descent.app.compare;

import descent.app.chart.LossChartModel.Point;
import descent.run.RunConfig;
import java.util.List;

/**
 * A run kept for comparison: immutable copies of its settings, its loss history, its parameter path
 * and how it ended.
 *
 * @param number the run's number in this session, from 1 ("run 3" when nothing else tells it apart)
 * @param colour its colour slot, 0 to {@link KeptRuns#CAPACITY} − 1 ({@link OverlayColours})
 * @param config the settings it ran with
 * @param trainLoss per-step training loss, at most {@link RunRecording#MAX_LOSS_POINTS} points, x
 *     in epochs trained
 * @param valLoss the validation loss after each epoch
 * @param path the parameters (w₁ … w_d, b) after each kept step, step 0 first, at most {@link
 *     descent.app.teach.ParameterPath#CAPACITY} points
 * @param finalW the weights it ended with
 * @param finalB the bias it ended with
 * @param end finished, diverged or stopped, and at which step
 */
public record KeptRun(
    int number,
    int colour,
    RunConfig config,
    List<Point> trainLoss,
    List<Point> valLoss,
    double[][] path,
    double[] finalW,
    double finalB,
    RunEnd end) {

  public KeptRun {
    trainLoss = List.copyOf(trainLoss);
    valLoss = List.copyOf(valLoss);
    double[][] copy = new double[path.length][];
    for (int k = 0; k < path.length; k++) {
      copy[k] = path[k].clone();
    }
    path = copy;
    finalW = finalW.clone();
  }

  @Override
  public double[][] path() {
    double[][] copy = new double[path.length][];
    for (int k = 0; k < path.length; k++) {
      copy[k] = path[k].clone();
    }
    return copy;
  }

  @Override
  public double[] finalW() {
    return finalW.clone();
  }

  /**
   * The loss it ended with: the last validation loss if an epoch ended, else the last training
   * loss; NaN if it has neither.
   */
  public double finalLoss() {
    if (!valLoss.isEmpty()) {
      return valLoss.get(valLoss.size() - 1).y();
    }
    return trainLoss.isEmpty() ? Double.NaN : trainLoss.get(trainLoss.size() - 1).y();
  }

  /** Whether {@link #finalLoss()} is a validation loss. */
  public boolean finalLossIsValidation() {
    return !valLoss.isEmpty();
  }

  /**
   * Whether this run trained on the same rows as a run with {@code other}'s settings, so that its
   * path belongs on that run's loss landscape: the same data source, seed (synthetic rows are drawn
   * from it) and standardising.
   */
  public boolean sameDataAs(RunConfig other) {
    return other != null
        && config.data().equals(other.data())
        && config.seed() == other.seed()
        && config.standardize() == other.standardize();
  }
}
