package descent.train;

import descent.data.RegressionData;
import descent.engine.Seeds;
import java.util.Random;

/**
 * The training rows a scatter plot draws: all of them up to {@link #MAX_POINTS}, otherwise a seeded
 * sample of that many, so the same run always draws the same points. A copy, made once per run,
 * that any thread may read. Arrays are owned by the sample and must not be modified.
 *
 * @param rows the data-set row of each point drawn
 * @param x their features, one array per point
 * @param y their targets
 * @param totalRows how many training rows the data have
 * @param means each feature's mean over all training rows
 */
public record DataSample(int[] rows, double[][] x, double[] y, int totalRows, double[] means) {
  /** The most points a scatter plot draws; more would cost frames and show nothing new. */
  public static final int MAX_POINTS = 5_000;

  /** The stream of {@link Seeds} the sample draws from, apart from the data's own streams. */
  private static final long SAMPLE_STREAM = -1; // the data and shuffles use 1, 2, 1002, …

  /** Whether only a sample of the rows is drawn. */
  public boolean isSampled() {
    return rows.length < totalRows;
  }

  public int numFeatures() {
    return means.length;
  }

  /** The training rows of {@code data}, or a seeded sample of {@link #MAX_POINTS} of them. */
  public static DataSample of(RegressionData data) {
    int n = data.numTrain();
    int d = data.numFeatures();
    double[] xs = data.trainFeatures();
    double[] ys = data.trainTargets();
    double[] means = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        means[j] += xs[i * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      means[j] /= Math.max(1, n);
    }
    int[] rows = pick(n, data.seed());
    double[][] x = new double[rows.length][d];
    double[] y = new double[rows.length];
    for (int k = 0; k < rows.length; k++) {
      System.arraycopy(xs, rows[k] * d, x[k], 0, d);
      y[k] = ys[rows[k]];
    }
    return new DataSample(rows, x, y, n, means);
  }

  /** All of 0..n−1, or {@link #MAX_POINTS} of them in increasing order (Floyd's sampling). */
  static int[] pick(int n, long seed) {
    if (n <= MAX_POINTS) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      return all;
    }
    Random random = Seeds.stream(seed, SAMPLE_STREAM);
    java.util.BitSet chosen = new java.util.BitSet(n);
    for (int j = n - MAX_POINTS; j < n; j++) {
      int t = random.nextInt(j + 1);
      chosen.set(chosen.get(t) ? j : t);
    }
    int[] rows = new int[MAX_POINTS];
    int k = 0;
    for (int i = chosen.nextSetBit(0); i >= 0; i = chosen.nextSetBit(i + 1)) {
      rows[k++] = i;
    }
    return rows;
  }
}
