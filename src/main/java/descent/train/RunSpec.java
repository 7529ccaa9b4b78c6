package descent.train;

import descent.data.RegressionData;
import descent.engine.Seeds;
import descent.model.LinearRegressionScratch;
import java.util.Random;

/**
 * The settings of one training run apart from its data: the model's learning rate and initial
 * spread, the trainer's epochs and clipping, and the seed of the initial weights. The command line
 * and the app both build their model and trainer here, so the same seed gives the same run
 * everywhere.
 *
 * @param lr the learning rate η, a finite number &gt; 0
 * @param sigma the standard deviation of the initial weights; 0 starts w at exactly zero
 * @param epochs the number of passes over the training rows
 * @param gradientClipVal the gradient-norm bound, or 0 for no clipping
 * @param seed the user-visible seed; the initial weights use its {@link #MODEL_INIT_STREAM}
 */
public record RunSpec(double lr, double sigma, int epochs, double gradientClipVal, long seed) {
  /**
   * The {@link Seeds} purpose of the initial weights. The data uses 1 and the shuffles 2 (see
   * {@link RegressionData}), so the three never share a stream.
   */
  public static final long MODEL_INIT_STREAM = 3;

  /**
   * The largest seed a user can give or is shown; seeds run from 0 to this, in the app and on the
   * command line alike, so any printed seed can be typed into either.
   */
  public static final long MAX_SEED = 999_999_999L;

  /** The chapter's settings: lr 0.03, σ 0.01, 3 epochs, no clipping. */
  public static RunSpec chapter(long seed) {
    return new RunSpec(0.03, 0.01, 3, 0, seed);
  }

  /** The random stream of the initial weights. */
  public Random modelInitStream() {
    return Seeds.stream(seed, MODEL_INIT_STREAM);
  }

  /** A freshly initialised model with {@code numInputs} features. */
  public LinearRegressionScratch newModel(int numInputs) {
    return new LinearRegressionScratch(numInputs, lr, sigma, modelInitStream());
  }

  public Trainer newTrainer() {
    return new Trainer(epochs, gradientClipVal);
  }

  /** Trains a fresh model on {@code data} through {@link Trainer#fit}. */
  public RunSummary fit(RegressionData data, TrainingListener listener) {
    return newTrainer().fit(newModel(data.numFeatures()), data, listener);
  }
}
