package descent.run;

import descent.data.CsvRegressionData;
import descent.data.DataFileException;
import descent.data.RegressionData;
import descent.data.SyntheticRegressionData;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where a run's rows come from: the chapter's synthetic data, or a CSV file. Together with the
 * hyperparameters in {@link RunConfig} it is all a run needs, so presets, run files, preferences,
 * the command line and the app all describe data the same way.
 */
public sealed interface DataSource permits DataSource.Synthetic, DataSource.CsvFile {

  /**
   * Builds the rows.
   *
   * @throws DataFileException if a file cannot be read or is not a numeric table as described
   */
  RegressionData load(int batchSize, boolean shuffle, long seed) throws DataFileException;

  /** How many training rows the data will have, or -1 while a file has not been read. */
  int numTrainOrUnknown();

  /**
   * d2l's synthetic data: y = Xw + b + noise·ε with ε ~ N(0, 1) and feature j of X drawn from N(0,
   * featureScale[j]²) (the chapter's scale is 1 for every feature).
   *
   * @param trueW the true weights, 1 to 10 of them
   * @param featureScale each feature's standard deviation, &gt; 0, as many as trueW
   */
  record Synthetic(
      double[] trueW, double trueB, double noise, int numTrain, int numVal, double[] featureScale)
      implements DataSource {
    public Synthetic {
      trueW = trueW.clone();
      featureScale = featureScale.clone();
      if (featureScale.length != trueW.length) {
        throw new IllegalArgumentException(
            featureScale.length + " feature scales for " + trueW.length + " features");
      }
    }

    /** Features of the chapter's size, N(0, 1). */
    public Synthetic(double[] trueW, double trueB, double noise, int numTrain, int numVal) {
      this(trueW, trueB, noise, numTrain, numVal, ones(trueW.length));
    }

    /** The chapter's data: w = (2, −3.4), b = 4.2, noise 0.01, 1,000 + 1,000 rows. */
    public static Synthetic chapter() {
      return new Synthetic(new double[] {2, -3.4}, 4.2, 0.01, 1000, 1000);
    }

    /** {@code d} scales of 1. */
    public static double[] ones(int d) {
      double[] one = new double[d];
      java.util.Arrays.fill(one, 1);
      return one;
    }

    @Override
    public double[] trueW() {
      return trueW.clone();
    }

    @Override
    public double[] featureScale() {
      return featureScale.clone();
    }

    @Override
    public RegressionData load(int batchSize, boolean shuffle, long seed) {
      return new SyntheticRegressionData(
          trueW, trueB, noise, numTrain, numVal, featureScale, batchSize, shuffle, seed);
    }

    @Override
    public int numTrainOrUnknown() {
      return numTrain;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Synthetic s
          && java.util.Arrays.equals(trueW, s.trueW)
          && Double.compare(trueB, s.trueB) == 0
          && Double.compare(noise, s.noise) == 0
          && numTrain == s.numTrain
          && numVal == s.numVal
          && java.util.Arrays.equals(featureScale, s.featureScale);
    }

    @Override
    public int hashCode() {
      return Objects.hash(
          java.util.Arrays.hashCode(trueW),
          trueB,
          noise,
          numTrain,
          numVal,
          java.util.Arrays.hashCode(featureScale));
    }

    @Override
    public String toString() {
      return "Synthetic[trueW="
          + java.util.Arrays.toString(trueW)
          + ", trueB="
          + trueB
          + ", noise="
          + noise
          + ", numTrain="
          + numTrain
          + ", numVal="
          + numVal
          + ", featureScale="
          + java.util.Arrays.toString(featureScale)
          + "]";
    }
  }

  /**
   * Rows read from a CSV file with a header row.
   *
   * @param file the file
   * @param target the target column's header name, or null for the last column
   * @param features the feature columns' header names, or an empty list for every column but the
   *     target
   * @param numTrain how many of the first data rows train, or null for the first 80%
   */
  record CsvFile(Path file, String target, List<String> features, Integer numTrain)
      implements DataSource {
    public CsvFile {
      Objects.requireNonNull(file, "file");
      features = List.copyOf(features);
    }

    @Override
    public RegressionData load(int batchSize, boolean shuffle, long seed) throws DataFileException {
      return CsvRegressionData.load(file, target, features, numTrain, batchSize, shuffle, seed);
    }

    @Override
    public int numTrainOrUnknown() {
      return numTrain == null ? -1 : numTrain;
    }
  }
}
