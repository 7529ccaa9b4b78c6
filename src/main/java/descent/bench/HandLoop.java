package descent.bench;

import descent.data.RegressionData;

/**
 * The benchmark's baseline: the same training as the engine's, written as plain Java loops with no
 * autograd, no tensors and no allocation per step. It is the practical limit for this work in this
 * JVM, not a strawman: the same rows, read in the order {@link RegressionData#trainLoader(int)}
 * reads them, each minibatch gathered into a minibatch buffer as the engine's {@code Loader} does,
 * then forward, loss, gradient and the SGD update fused into one pass over the gathered rows.
 *
 * <p>It computes the same model bit for bit: every sum runs in the engine's order (each row's dot
 * product over p = 0 … d−1 from 0.0; each gradient element over the rows in order), so its final w
 * and b equal the engine's exactly. Speed comes from what the engine must do one op at a time:
 *
 * <ul>
 *   <li>for two features (the chapter's d), a loop with w, b and every sum in registers;
 *   <li>for any other d, four rows at a time, so four dot products run side by side instead of one
 *       long chain of dependent additions (each row's own sum keeps its order);
 *   <li>each row is gathered, multiplied by w and added into the gradient while it is in the L1
 *       cache; the gradient of w takes four rows per pass, so it is loaded and stored a quarter as
 *       often;
 *   <li>the error, the loss and the gradient factor are scalars in registers, never arrays.
 * </ul>
 *
 * Not thread-safe: one thread trains one hand loop.
 */
public final class HandLoop {
  private final int d;
  private final int numTrain;
  private final int batchSize;
  private final int epochs;
  private final double lr;
  private final double[] x; // the training rows, numTrain × d, row-major
  private final double[] y;
  private final int[][] orders; // the training loader's row order, per epoch

  // the minibatch, gathered (batchSize × d and batchSize), and the parameters and gradient of w
  private final double[] xb;
  private final double[] yb;
  private final double[] w;
  private final double[] gw;
  private double b;

  private final double[] epochLoss;
  private long steps;
  private boolean diverged;

  /**
   * A hand loop over {@code data}'s training rows, for {@code epochs} epochs at learning rate
   * {@code lr}. It copies the training rows and reads every epoch's row order now, so that {@link
   * #train} times only the training.
   */
  public HandLoop(RegressionData data, int epochs, double lr) {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
    }
    this.d = data.numFeatures();
    this.numTrain = data.numTrain();
    this.batchSize = data.batchSize();
    this.epochs = epochs;
    this.lr = lr;
    this.x = data.trainFeatures();
    this.y = data.trainTargets();
    this.orders = new int[epochs][];
    for (int e = 0; e < epochs; e++) {
      orders[e] = data.trainOrder(e);
    }
    this.xb = new double[batchSize * d];
    this.yb = new double[batchSize];
    this.w = new double[d];
    this.gw = new double[d];
    this.epochLoss = new double[epochs];
  }

  /**
   * Trains from {@code w0} and {@code b0} through every epoch (or until the loss is no longer
   * finite) and returns the wall time of the training loop in nanoseconds.
   */
  public long train(double[] w0, double b0) {
    start(w0, b0);
    long begin = System.nanoTime();
    for (int e = 0; e < epochs && !diverged; e++) {
      int[] order = orders[e];
      double lossSum = 0;
      for (int from = 0; from < numTrain; from += batchSize) {
        int m = Math.min(batchSize, numTrain - from);
        double loss = step(order, from, m);
        steps++;
        lossSum += loss * m;
        if (!Double.isFinite(loss)) {
          diverged = true;
          break;
        }
      }
      epochLoss[e] = lossSum / numTrain;
    }
    return System.nanoTime() - begin;
  }

  /** Sets the parameters to {@code w0} and {@code b0} and forgets the steps taken. */
  public void start(double[] w0, double b0) {
    if (w0.length != d) {
      throw new IllegalArgumentException(w0.length + " weights for " + d + " features");
    }
    System.arraycopy(w0, 0, w, 0, d);
    b = b0;
    steps = 0;
    diverged = false;
    java.util.Arrays.fill(epochLoss, Double.NaN);
  }

  /**
   * One training minibatch: batch {@code batch} of epoch {@code epoch} (the epoch taken modulo the
   * epochs this loop was built for). Returns its loss. For benchmarks that time single steps.
   */
  public double step(int epoch, int batch) {
    int from = batch * batchSize;
    if (batch < 0 || from >= numTrain) {
      throw new IndexOutOfBoundsException("batch " + batch + " of " + batchesPerEpoch());
    }
    steps++;
    return step(orders[Math.floorMod(epoch, epochs)], from, Math.min(batchSize, numTrain - from));
  }

  /**
   * Gathers rows {@code order[from … from+m−1]}, then forward, loss, gradient and update. The
   * engine's loss is mean((ŷ − y)² / 2), so dL/dŷᵢ = 2·eᵢ·((1/m)/2), written exactly as its
   * backward computes it. Returns the minibatch's loss.
   */
  private double step(int[] order, int from, int m) {
    return d == 2 ? stepTwo(order, from, m) : stepAny(order, from, m);
  }

  /**
   * Two features, written out: w, b and every sum live in registers, and each row is gathered,
   * predicted and added into the gradient in one go. The sums keep the engine's order.
   */
  private double stepTwo(int[] order, int from, int m) {
    final double[] x = this.x;
    final double[] y = this.y;
    final double[] xb = this.xb;
    final double[] yb = this.yb;
    final double w0 = w[0];
    final double w1 = w[1];
    final double b = this.b;
    final double scale = 1.0 / m / 2.0;
    double gw0 = 0.0;
    double gw1 = 0.0;
    double gb = 0.0;
    double lossSum = 0.0;
    for (int i = 0; i < m; i++) {
      int r = order[from + i];
      double x0 = x[2 * r];
      double x1 = x[2 * r + 1];
      double yi = y[r];
      xb[2 * i] = x0;
      xb[2 * i + 1] = x1;
      yb[i] = yi;
      double a = 0.0;
      a += x0 * w0;
      a += x1 * w1;
      double e = a + b - yi;
      lossSum += e * e / 2;
      double g = 2 * e * scale;
      gb += g;
      gw0 += x0 * g;
      gw1 += x1 * g;
    }
    w[0] = w0 - lr * gw0;
    w[1] = w1 - lr * gw1;
    this.b = b - lr * gb;
    return lossSum / m;
  }

  /** Any number of features: four rows at a time, then the rows left over one by one. */
  private double stepAny(int[] order, int from, int m) {
    final int d = this.d;
    final double[] x = this.x;
    final double[] xb = this.xb;
    final double[] w = this.w;
    final double[] gw = this.gw;
    final double b = this.b;
    final double scale = 1.0 / m / 2.0;
    for (int p = 0; p < d; p++) {
      gw[p] = 0.0;
    }
    double gb = 0.0;
    double lossSum = 0.0;
    int i = 0;
    for (; i + 4 <= m; i += 4) {
      int r0 = order[from + i];
      int r1 = order[from + i + 1];
      int r2 = order[from + i + 2];
      int r3 = order[from + i + 3];
      int s0 = r0 * d;
      int s1 = r1 * d;
      int s2 = r2 * d;
      int s3 = r3 * d;
      int o0 = i * d;
      int o1 = o0 + d;
      int o2 = o1 + d;
      int o3 = o2 + d;
      // gather four rows and run their dot products side by side, each summed p = 0 … d−1
      double a0 = 0.0;
      double a1 = 0.0;
      double a2 = 0.0;
      double a3 = 0.0;
      for (int p = 0; p < d; p++) {
        double wp = w[p];
        double x0 = x[s0 + p];
        double x1 = x[s1 + p];
        double x2 = x[s2 + p];
        double x3 = x[s3 + p];
        xb[o0 + p] = x0;
        xb[o1 + p] = x1;
        xb[o2 + p] = x2;
        xb[o3 + p] = x3;
        a0 += x0 * wp;
        a1 += x1 * wp;
        a2 += x2 * wp;
        a3 += x3 * wp;
      }
      double y0 = y[r0];
      double y1 = y[r1];
      double y2 = y[r2];
      double y3 = y[r3];
      yb[i] = y0;
      yb[i + 1] = y1;
      yb[i + 2] = y2;
      yb[i + 3] = y3;
      double e0 = a0 + b - y0;
      double e1 = a1 + b - y1;
      double e2 = a2 + b - y2;
      double e3 = a3 + b - y3;
      lossSum += e0 * e0 / 2;
      lossSum += e1 * e1 / 2;
      lossSum += e2 * e2 / 2;
      lossSum += e3 * e3 / 2;
      double g0 = 2 * e0 * scale;
      double g1 = 2 * e1 * scale;
      double g2 = 2 * e2 * scale;
      double g3 = 2 * e3 * scale;
      gb += g0;
      gb += g1;
      gb += g2;
      gb += g3;
      // the four rows' terms join each gradient element in row order
      for (int p = 0; p < d; p++) {
        gw[p] = gw[p] + xb[o0 + p] * g0 + xb[o1 + p] * g1 + xb[o2 + p] * g2 + xb[o3 + p] * g3;
      }
    }
    for (; i < m; i++) {
      int r = order[from + i];
      int s = r * d;
      int o = i * d;
      double a = 0.0;
      for (int p = 0; p < d; p++) {
        double xp = x[s + p];
        xb[o + p] = xp;
        a += xp * w[p];
      }
      double yi = y[r];
      yb[i] = yi;
      double e = a + b - yi;
      lossSum += e * e / 2;
      double g = 2 * e * scale;
      gb += g;
      for (int p = 0; p < d; p++) {
        gw[p] += xb[o + p] * g;
      }
    }
    for (int p = 0; p < d; p++) {
      w[p] -= lr * gw[p];
    }
    this.b = b - lr * gb;
    return lossSum / m;
  }

  /** The learned weights (a copy). */
  public double[] w() {
    return w.clone();
  }

  /** The learned bias. */
  public double b() {
    return b;
  }

  /** Training minibatches run since the last {@link #start}. */
  public long steps() {
    return steps;
  }

  /** Whether the last {@link #train} stopped on a loss that was not finite. */
  public boolean diverged() {
    return diverged;
  }

  /**
   * The example-weighted mean training loss of {@code epoch} in the last {@link #train}, as the
   * engine's {@code EpochDone.trainLoss()}; NaN if that epoch did not run.
   */
  public double epochTrainLoss(int epoch) {
    return epochLoss[epoch];
  }

  /** Training minibatches per epoch. */
  public int batchesPerEpoch() {
    return (numTrain + batchSize - 1) / batchSize;
  }
}
