package descent.train;

import descent.data.RegressionData;
import java.util.List;

/** A small, unshuffled data set given row by row, for cases synthetic data cannot produce. */
final class ArrayData extends RegressionData {
  ArrayData(double[][] x, double[] y, int numTrain, int batchSize) {
    super(flatten(x), y.clone(), x[0].length, numTrain, batchSize, false, 0, List.of(), "y");
  }

  private static double[] flatten(double[][] x) {
    int d = x[0].length;
    double[] flat = new double[x.length * d];
    for (int i = 0; i < x.length; i++) {
      System.arraycopy(x[i], 0, flat, i * d, d);
    }
    return flat;
  }
}
