package descent.train;

import descent.data.RegressionData;

/**
 * Minibatch SGD on y ≈ x·w + b written as plain loops, independent of the engine, so tests can
 * compare the engine's trajectory with arithmetic done by hand.
 */
final class HandSgd {
  final double[] w;
  double b;
  final double lr;
  final double clip;

  double lastLoss;
  double lastGradNorm;
  double[] lastGw;
  double lastGb;

  HandSgd(double[] w0, double b0, double lr, double clip) {
    this.w = w0.clone();
    this.b = b0;
    this.lr = lr;
    this.clip = clip;
  }

  /** One minibatch over data rows {@code from} (inclusive) to {@code to} (exclusive). */
  void step(RegressionData data, int from, int to) {
    int[] rows = new int[to - from];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = from + i;
    }
    step(data, rows);
  }

  /** One minibatch over the given data rows. */
  void step(RegressionData data, int[] rows) {
    int m = rows.length;
    int d = w.length;
    double[] gw = new double[d];
    double gb = 0;
    double lossSum = 0;
    for (int row : rows) {
      double[] x = data.featuresOf(row);
      double r = predict(x, w, b) - data.targetOf(row);
      lossSum += r * r / 2;
      for (int j = 0; j < d; j++) {
        gw[j] += r * x[j];
      }
      gb += r;
    }
    for (int j = 0; j < d; j++) {
      gw[j] /= m;
    }
    gb /= m;
    lastLoss = lossSum / m;

    double sq = gb * gb;
    for (double g : gw) {
      sq += g * g;
    }
    lastGradNorm = Math.sqrt(sq);
    if (clip > 0 && lastGradNorm > clip) {
      double scale = clip / lastGradNorm;
      for (int j = 0; j < d; j++) {
        gw[j] *= scale;
      }
      gb *= scale;
    }
    lastGw = gw.clone();
    lastGb = gb;
    for (int j = 0; j < d; j++) {
      w[j] -= lr * gw[j];
    }
    b -= lr * gb;
  }

  static double predict(double[] x, double[] w, double b) {
    double acc = b;
    for (int j = 0; j < w.length; j++) {
      acc += x[j] * w[j];
    }
    return acc;
  }

  /** Σ over rows [from, to) of (x·w + b − y)²/2: a loss sum, to be divided by the row count. */
  static double halfSquaredErrorSum(RegressionData data, int from, int to, double[] w, double b) {
    double sum = 0;
    for (int row = from; row < to; row++) {
      double r = predict(data.featuresOf(row), w, b) - data.targetOf(row);
      sum += r * r / 2;
    }
    return sum;
  }
}
