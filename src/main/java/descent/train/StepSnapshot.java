package descent.train;

import descent.data.Batch;
import descent.engine.Tensor;
import descent.train.TrainingRun.Phase;
import descent.train.TrainingRun.Status;

/**
 * What the step-through views show of a run at one moment, between two phases: the current
 * minibatch's rows and, as far as its phases have run, ŷ, the loss, the gradients and the update.
 * Every number is a copy made on the training thread ({@link #of}), exactly the engine's values, so
 * the FX thread and the {@code snapshot} command may read it at leisure. Arrays are owned by the
 * snapshot and must not be modified.
 *
 * @param status where the run stands
 * @param ran the phase that ran last, or null before the first one
 * @param next the phase {@link TrainingRun#stepPhase()} runs next
 * @param epoch the epoch of the minibatch shown, from 0
 * @param batchIndex the minibatch's index in its epoch, from 0
 * @param batchesPerEpoch training minibatches per epoch
 * @param step the 1-based number of the minibatch shown, or 0 before the first
 * @param batchSize m, the minibatch's number of rows, or 0 before the first forward
 * @param rows the data-set row of each of the first {@link #MAX_ROWS} examples
 * @param x their features, one array per row
 * @param y their targets
 * @param yHat their predictions, or null before this minibatch's FORWARD
 * @param loss the minibatch's loss, or NaN before its LOSS
 * @param gradW ∂L/∂w as the update applies it (after clipping), or null before BACKWARD
 * @param gradB ∂L/∂b as the update applies it, or NaN before BACKWARD
 * @param gradNorm the gradient's norm before clipping, or NaN before BACKWARD
 * @param clipFactor what clipping multiplied the gradient by: 1 when it did not clip, NaN before
 *     BACKWARD
 * @param clipValue the clipping threshold, or 0 when clipping is off
 * @param wBefore w before this minibatch's update, or null unless UPDATE ran last
 * @param bBefore b before the update, or NaN unless UPDATE ran last
 * @param learningRate the η the update applied once UPDATE ran, else the η it will apply
 * @param w w now
 * @param b b now
 * @param graph the engine's graph for this minibatch (from the loss, or from ŷ before the loss), or
 *     null before its FORWARD
 */
public record StepSnapshot(
    Status status,
    Phase ran,
    Phase next,
    int epoch,
    int batchIndex,
    int batchesPerEpoch,
    long step,
    int batchSize,
    int[] rows,
    double[][] x,
    double[] y,
    double[] yHat,
    double loss,
    double[] gradW,
    double gradB,
    double gradNorm,
    double clipFactor,
    double clipValue,
    double[] wBefore,
    double bBefore,
    double learningRate,
    double[] w,
    double b,
    GraphSnapshot graph) {

  /** The most rows copied from a minibatch; larger minibatches show these and a count. */
  public static final int MAX_ROWS = 500;

  /** The number of features, d. */
  public int numFeatures() {
    return w.length;
  }

  /** Whether the minibatch has more rows than were copied. */
  public boolean isTruncated() {
    return rows.length < batchSize;
  }

  /**
   * Copies what the views show of {@code run}, which has just run {@code ran} (null if nothing ran
   * yet). Call it on the thread that steps the run.
   *
   * @param wBefore w just before the last UPDATE, when {@code ran} is UPDATE, else ignored
   * @param bBefore b just before the last UPDATE
   */
  public static StepSnapshot of(TrainingRun run, Phase ran, double[] wBefore, double bBefore) {
    Batch batch = run.currentBatch();
    boolean between = run.nextPhase() == Phase.FORWARD; // the minibatch shown is the one done
    int m = batch == null ? 0 : batch.size();
    int shown = Math.min(m, MAX_ROWS);
    int d = run.model().w().shape().dim(0);
    int[] rows = new int[shown];
    double[][] x = new double[shown][];
    double[] y = new double[shown];
    if (batch != null) {
      System.arraycopy(batch.rows(), 0, rows, 0, shown);
      double[] xs = batch.x().toArray();
      double[] ys = batch.y().toArray();
      for (int i = 0; i < shown; i++) {
        x[i] = new double[d];
        System.arraycopy(xs, i * d, x[i], 0, d);
        y[i] = ys[i];
      }
    }
    boolean forwardRan = batch != null && run.currentPrediction() != null;
    double[] yHat = null;
    if (forwardRan) {
      yHat = new double[shown];
      System.arraycopy(run.currentPrediction().toArray(), 0, yHat, 0, shown);
    }
    Tensor lossTensor = run.currentLoss();
    double loss = lossTensor == null ? Double.NaN : lossTensor.item();
    boolean backwardRan = lossTensor != null && (ran == Phase.BACKWARD || ran == Phase.UPDATE);
    double[] gradW = null;
    double gradB = Double.NaN;
    double gradNorm = Double.NaN;
    double clipFactor = Double.NaN;
    if (backwardRan) {
      gradW = run.model().w().grad().toArray();
      gradB = run.model().b().grad().item();
      gradNorm = run.lastGradientNorm();
      double clip = run.gradientClipVal();
      clipFactor = clip > 0 && gradNorm > clip ? clip / gradNorm : 1;
    }
    boolean updated = ran == Phase.UPDATE && wBefore != null;
    Tensor root = lossTensor != null ? lossTensor : run.currentPrediction();
    long step = batch == null ? 0 : between ? run.trainBatchIdx() : run.trainBatchIdx() + 1;
    if (run.divergence() != null) {
      step = run.divergence().step();
    }
    int epoch = run.epoch();
    int batchIndex = run.batchIndex();
    if (between && batch != null && !(run.status() == Status.DIVERGED)) {
      // the run has moved past the minibatch shown: name the one that was done
      batchIndex = batchIndex == 0 ? run.batchesPerEpoch() - 1 : batchIndex - 1;
      epoch = run.batchIndex() == 0 ? epoch - 1 : epoch;
    }
    return new StepSnapshot(
        run.status(),
        ran,
        run.nextPhase(),
        Math.max(0, epoch),
        Math.max(0, batchIndex),
        run.batchesPerEpoch(),
        step,
        m,
        rows,
        x,
        y,
        yHat,
        loss,
        gradW,
        gradB,
        gradNorm,
        clipFactor,
        run.gradientClipVal(),
        updated ? wBefore.clone() : null,
        updated ? bBefore : Double.NaN,
        updated ? run.lastLearningRate() : run.learningRate(),
        run.model().w().toArray(),
        run.model().b().item(),
        root == null ? null : GraphSnapshot.of(root, backwardRan));
  }
}
