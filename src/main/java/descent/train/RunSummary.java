package descent.train;

import descent.data.RegressionData;
import descent.train.TrainingEvent.Diverged;
import descent.train.TrainingEvent.EpochDone;
import java.util.List;
import java.util.Optional;

/**
 * The end of a run, as the chapter prints it: the learned w and b, the errors true − learned when
 * the truth is known, and the closed-form least-squares fit of the training data.
 *
 * @param steps the steps taken (see {@link TrainingRun#steps()}): the training minibatches run, and
 *     after a divergence exactly {@link Diverged#step()}, the diverged minibatch included
 */
public record RunSummary(
    double[] w,
    double b,
    Optional<RegressionData.Truth> truth,
    LeastSquares.Fit leastSquares,
    List<EpochDone> epochs,
    long steps,
    Diverged divergence,
    long trainNanos) {

  public RunSummary {
    w = w.clone();
    epochs = List.copyOf(epochs);
  }

  static RunSummary of(TrainingRun run) {
    RegressionData data = run.data();
    return new RunSummary(
        run.model().w().toArray(),
        run.model().b().item(),
        data.truth(),
        LeastSquares.fit(data.trainFeatures(), data.trainTargets(), data.numFeatures()),
        run.history(),
        run.steps(),
        run.divergence(),
        run.trainNanos());
  }

  @Override
  public double[] w() {
    return w.clone();
  }

  public boolean diverged() {
    return divergence != null;
  }

  /** true w − learned w, when the truth is known. */
  public Optional<double[]> errorW() {
    return truth.map(
        t -> {
          double[] tw = t.w();
          double[] e = new double[tw.length];
          for (int i = 0; i < e.length; i++) {
            e[i] = tw[i] - w[i];
          }
          return e;
        });
  }

  /** true b − learned b, when the truth is known. */
  public Optional<Double> errorB() {
    return truth.map(t -> t.b() - b);
  }

  /** The last completed epoch, if any. */
  public Optional<EpochDone> lastEpoch() {
    return epochs.isEmpty() ? Optional.empty() : Optional.of(epochs.get(epochs.size() - 1));
  }
}
