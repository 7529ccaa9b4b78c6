package descent.data;

import descent.engine.Seeds;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A regression data set split into training and validation rows, as d2l's {@code DataModule}: rows
 * 0 … numTrain−1 train, the rest validate. The training loader reshuffles every epoch (unless
 * shuffling is off), reproducibly from the seed; the validation loader reads rows in order.
 */
public abstract class RegressionData {
  /** Salt for the per-epoch shuffle streams, see {@link Seeds}. */
  private static final long SHUFFLE_STREAM = 2;

  final double[] features; // n × d, row-major
  final double[] targets; // n
  private final int numFeatures;
  private final int numTrain;
  private final int batchSize;
  private final boolean shuffle;
  private final long seed;
  private final List<String> featureNames;
  private final String targetName;

  protected RegressionData(
      double[] features,
      double[] targets,
      int numFeatures,
      int numTrain,
      int batchSize,
      boolean shuffle,
      long seed,
      List<String> featureNames,
      String targetName) {
    int n = targets.length;
    if (numFeatures < 1 || features.length != n * numFeatures) {
      throw new IllegalArgumentException(
          "features hold " + features.length + " values, not " + n + " rows × " + numFeatures);
    }
    if (numTrain < 1 || numTrain >= n) {
      throw new IllegalArgumentException(
          "numTrain must leave at least one training and one validation row: "
              + numTrain
              + " of "
              + n);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
    this.features = features;
    this.targets = targets;
    this.numFeatures = numFeatures;
    this.numTrain = numTrain;
    this.batchSize = batchSize;
    this.shuffle = shuffle;
    this.seed = seed;
    this.featureNames = List.copyOf(featureNames);
    this.targetName = targetName;
  }

  /** d, the number of features. */
  public int numFeatures() {
    return numFeatures;
  }

  public int numTrain() {
    return numTrain;
  }

  public int numVal() {
    return targets.length - numTrain;
  }

  public int batchSize() {
    return batchSize;
  }

  public boolean shuffle() {
    return shuffle;
  }

  public long seed() {
    return seed;
  }

  public List<String> featureNames() {
    return featureNames;
  }

  public String targetName() {
    return targetName;
  }

  /** The parameters that generated the data, when they are known (synthetic data). */
  public Optional<Truth> truth() {
    return Optional.empty();
  }

  /** The true w and b of synthetic data. */
  public record Truth(double[] w, double b) {
    public Truth {
      w = w.clone();
    }

    @Override
    public double[] w() {
      return w.clone();
    }
  }

  /** The training minibatches of {@code epoch} (0-based): a fresh shuffle for each epoch. */
  public Loader trainLoader(int epoch) {
    return new Loader(this, trainOrder(epoch), batchSize);
  }

  /**
   * The order in which {@link #trainLoader(int)} reads the training rows in {@code epoch}: batch i
   * holds rows {@code order[i·batchSize …]}. A fresh array, for code that reads the rows itself
   * (the benchmark's hand loop) without gathering them into batches.
   */
  public int[] trainOrder(int epoch) {
    int[] order = new int[numTrain];
    for (int i = 0; i < numTrain; i++) {
      order[i] = i;
    }
    if (shuffle) {
      Random random = Seeds.stream(seed, SHUFFLE_STREAM + 1000L * epoch);
      for (int i = numTrain - 1; i > 0; i--) { // Fisher–Yates
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
    return order;
  }

  /** The validation minibatches, rows in order. */
  public Loader valLoader() {
    int[] order = new int[numVal()];
    for (int i = 0; i < order.length; i++) {
      order[i] = numTrain + i;
    }
    return new Loader(this, order, batchSize);
  }

  /** A copy of row {@code row}'s features. */
  public double[] featuresOf(int row) {
    double[] x = new double[numFeatures];
    System.arraycopy(features, row * numFeatures, x, 0, numFeatures);
    return x;
  }

  /** Row {@code row}'s target. */
  public double targetOf(int row) {
    return targets[row];
  }

  /** The training rows' features, n × d row-major (a copy). */
  public double[] trainFeatures() {
    double[] x = new double[numTrain * numFeatures];
    System.arraycopy(features, 0, x, 0, x.length);
    return x;
  }

  /** The training rows' targets (a copy). */
  public double[] trainTargets() {
    double[] y = new double[numTrain];
    System.arraycopy(targets, 0, y, 0, numTrain);
    return y;
  }
}
