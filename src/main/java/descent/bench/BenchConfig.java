package descent.bench;

import descent.data.SyntheticRegressionData;
import descent.train.RunSpec;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One benchmark workload: synthetic data (d2l's y = Xw + b + noise·ε) and the run's settings. The
 * three of issue 11 are {@link #chapter()}, {@link #wide()} and {@link #single()}; all three use
 * the chapter's learning rate 0.03, σ 0.01 and noise 0.01, with seed {@value #SEED}.
 *
 * @param name what the command line calls it
 * @param trueW the true weights, one per feature
 * @param trueB the true bias
 * @param noise the standard deviation of the noise added to y
 * @param numTrain training rows
 * @param numVal validation rows
 * @param batchSize minibatch size
 * @param epochs passes over the training rows
 */
public record BenchConfig(
    String name,
    double[] trueW,
    double trueB,
    double noise,
    int numTrain,
    int numVal,
    int batchSize,
    int epochs) {

  /** The seed of every configuration's data, initial weights and shuffles. */
  public static final long SEED = 42;

  /** The chapter's w, (2, −3.4). */
  private static final double[] CHAPTER_W = {2, -3.4};

  /** The width of {@link #wide()}. */
  public static final int WIDE_FEATURES = 200;

  public BenchConfig {
    trueW = trueW.clone();
  }

  @Override
  public double[] trueW() {
    return trueW.clone();
  }

  /** d2l §3.4 as it is: d = 2, 1,000 + 1,000 rows, batch 32, 3 epochs. */
  public static BenchConfig chapter() {
    return new BenchConfig("chapter", CHAPTER_W, 4.2, 0.01, 1000, 1000, 32, 3);
  }

  /**
   * Wide data: d = 200, 100,000 + 1,000 rows, batch 256, 1 epoch. Its true w is the chapter's (2,
   * −3.4) repeated 100 times, b = 4.2.
   */
  public static BenchConfig wide() {
    double[] w = new double[WIDE_FEATURES];
    for (int j = 0; j < w.length; j++) {
      w[j] = CHAPTER_W[j % 2];
    }
    return new BenchConfig("wide", w, 4.2, 0.01, 100_000, 1000, 256, 1);
  }

  /** One example per step: d = 2, 100,000 + 1,000 rows, batch 1, 1 epoch. */
  public static BenchConfig single() {
    return new BenchConfig("single", CHAPTER_W, 4.2, 0.01, 100_000, 1000, 1, 1);
  }

  /** The three, in the order {@code --config all} runs them. */
  public static List<BenchConfig> all() {
    return List.of(chapter(), wide(), single());
  }

  /** The configuration called {@code name} (any case), if there is one. */
  public static Optional<BenchConfig> named(String name) {
    String key = name.trim().toLowerCase(Locale.ROOT);
    return all().stream().filter(c -> c.name().equals(key)).findFirst();
  }

  /** The names {@link #named} knows. */
  public static List<String> names() {
    return all().stream().map(BenchConfig::name).toList();
  }

  /** d, the number of features. */
  public int numFeatures() {
    return trueW.length;
  }

  /** The same workload on fewer (or more) rows: for tests, which cannot afford the real sizes. */
  public BenchConfig withRows(int train, int val) {
    return new BenchConfig(name, trueW, trueB, noise, train, val, batchSize, epochs);
  }

  /** Training minibatches per epoch: ⌈numTrain / batchSize⌉. */
  public int batchesPerEpoch() {
    return (numTrain + batchSize - 1) / batchSize;
  }

  /** Training minibatches in one fit. */
  public long stepsPerFit() {
    return (long) batchesPerEpoch() * epochs;
  }

  /** Training examples in one fit. */
  public long examplesPerFit() {
    return (long) numTrain * epochs;
  }

  /** The run's settings: the chapter's lr 0.03 and σ 0.01, no clipping, seed {@value #SEED}. */
  public RunSpec runSpec() {
    return new RunSpec(0.03, 0.01, epochs, 0, SEED);
  }

  /** Builds the data: shuffled every epoch, reproducibly from {@value #SEED}. */
  public SyntheticRegressionData data() {
    return new SyntheticRegressionData(
        trueW, trueB, noise, numTrain, numVal, batchSize, true, SEED);
  }
}
