package descent.run;

import descent.data.DataFileException;
import descent.data.RegressionData;
import descent.data.StandardizedData;
import descent.train.RunSpec;

/**
 * Everything that decides a run: its data and every hyperparameter, with the seed. The same config
 * gives the same run, bit for bit, in the app, on the command line and from a run file.
 *
 * @param data where the rows come from
 * @param lr the learning rate η, &gt; 0
 * @param sigma the standard deviation of the initial weights, ≥ 0
 * @param batchSize the minibatch size, 1 to the training rows
 * @param epochs passes over the training rows
 * @param clip the gradient-norm bound, or 0 for none
 * @param shuffle whether the training rows are reshuffled every epoch
 * @param standardize whether every feature is replaced by its z-score, with the mean and standard
 *     deviation of the training rows ({@link StandardizedData})
 * @param seed the seed of the data, the initial weights and the shuffles
 */
public record RunConfig(
    DataSource data,
    double lr,
    double sigma,
    int batchSize,
    int epochs,
    double clip,
    boolean shuffle,
    boolean standardize,
    long seed) {

  /** d2l §3.4's run: its data, lr 0.03, σ 0.01, batch 32, 3 epochs, shuffled, no clipping. */
  public static RunConfig chapter(long seed) {
    return new RunConfig(DataSource.Synthetic.chapter(), 0.03, 0.01, 32, 3, 0, true, false, seed);
  }

  /** The model's and trainer's settings. */
  public RunSpec spec() {
    return new RunSpec(lr, sigma, epochs, clip, seed);
  }

  /**
   * Builds the rows (see {@link DataSource#load}), standardised if asked.
   *
   * @throws IllegalArgumentException if standardising finds a constant feature (the message names
   *     it)
   */
  public RegressionData loadData() throws DataFileException {
    RegressionData rows = data.load(batchSize, shuffle, seed);
    return standardize ? StandardizedData.of(rows) : rows;
  }

  public RunConfig withData(DataSource v) {
    return new RunConfig(v, lr, sigma, batchSize, epochs, clip, shuffle, standardize, seed);
  }

  public RunConfig withLr(double v) {
    return new RunConfig(data, v, sigma, batchSize, epochs, clip, shuffle, standardize, seed);
  }

  public RunConfig withSigma(double v) {
    return new RunConfig(data, lr, v, batchSize, epochs, clip, shuffle, standardize, seed);
  }

  public RunConfig withBatchSize(int v) {
    return new RunConfig(data, lr, sigma, v, epochs, clip, shuffle, standardize, seed);
  }

  public RunConfig withEpochs(int v) {
    return new RunConfig(data, lr, sigma, batchSize, v, clip, shuffle, standardize, seed);
  }

  public RunConfig withClip(double v) {
    return new RunConfig(data, lr, sigma, batchSize, epochs, v, shuffle, standardize, seed);
  }

  public RunConfig withShuffle(boolean v) {
    return new RunConfig(data, lr, sigma, batchSize, epochs, clip, v, standardize, seed);
  }

  public RunConfig withStandardize(boolean v) {
    return new RunConfig(data, lr, sigma, batchSize, epochs, clip, shuffle, v, seed);
  }

  public RunConfig withSeed(long v) {
    return new RunConfig(data, lr, sigma, batchSize, epochs, clip, shuffle, standardize, v);
  }
}
