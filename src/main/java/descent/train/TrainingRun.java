package descent.train;

import descent.data.Batch;
import descent.data.Loader;
import descent.data.RegressionData;
import descent.engine.Autograd;
import descent.engine.Tensor;
import descent.model.LinearModel;
import descent.model.Optimizer;
import descent.train.TrainingEvent.BatchDone;
import descent.train.TrainingEvent.Diverged;
import descent.train.TrainingEvent.EpochDone;
import descent.train.TrainingEvent.RunFinished;
import java.util.ArrayList;
import java.util.List;

/**
 * One training run that advances one minibatch at a time, or one phase of a minibatch at a time.
 * This is the only training loop in Descent: {@link Trainer#fit}, the command line and the app all
 * call {@link #step()} (or {@link #stepPhase()}), so what a class watches is what the CLI prints.
 *
 * <p>Each training minibatch runs d2l's {@code fit_epoch} body as four phases:
 *
 * <ol>
 *   <li>{@link Phase#FORWARD}: ŷ = model.forward(X)
 *   <li>{@link Phase#LOSS}: loss = model.loss(ŷ, y)
 *   <li>{@link Phase#BACKWARD}: zero the gradients, loss.backward(), clip if asked
 *   <li>{@link Phase#UPDATE}: η = optimizer.step() (the rate it applied), trainBatchIdx++
 * </ol>
 *
 * When an epoch's training batches are done, that epoch's validation loop runs in a no-grad scope.
 *
 * <p>Not thread-safe: one thread steps a run. {@link #requestStop()} and {@link
 * #setLearningRate(double)} may be called from any thread.
 */
public final class TrainingRun {
  /** The part of a training minibatch that {@link #stepPhase()} runs next. */
  public enum Phase {
    FORWARD,
    LOSS,
    BACKWARD,
    UPDATE
  }

  /** Where the run stands. */
  public enum Status {
    /** No minibatch has run yet. */
    READY,
    /** At least one phase has run and epochs remain. */
    IN_PROGRESS,
    /** Every epoch ran. */
    FINISHED,
    /** A loss or parameter became non-finite or exploded; the run stopped. */
    DIVERGED
  }

  /** A loss above {@code DIVERGENCE_FACTOR × (first loss + 1)} counts as diverged. */
  public static final double DIVERGENCE_FACTOR = 1e6;

  private final LinearModel model;
  private final RegressionData data;
  private final Optimizer optimizer;
  private volatile int maxEpochs;
  private final double gradientClipVal;
  private final TrainingListener listener;
  private final boolean batchEvents; // whether the listener wants a BatchDone per minibatch

  private Status status = Status.READY;
  private Phase phase = Phase.FORWARD;
  private int epoch;
  private int batchIndex;
  private long trainBatchIdx;
  private long valBatchIdx;
  private Loader loader;
  private Batch batch;
  private Tensor prediction;
  private Tensor loss;
  private double lastGradNorm = Double.NaN;
  private double appliedLearningRate = Double.NaN;
  private double firstLoss = Double.NaN;
  private double epochLossSum;
  private long epochExamples;
  private long trainNanos;
  private volatile boolean stopRequested;
  private PhaseObserver observer = PhaseObserver.NONE;
  private final List<EpochDone> history = new ArrayList<>();
  private Diverged divergence;

  TrainingRun(
      LinearModel model,
      RegressionData data,
      int maxEpochs,
      double gradientClipVal,
      TrainingListener listener) {
    if (model.w().shape().dim(0) != data.numFeatures()) {
      throw new IllegalArgumentException(
          "the model has "
              + model.w().shape().dim(0)
              + " inputs but the data has "
              + data.numFeatures()
              + " features");
    }
    this.model = model;
    this.data = data;
    this.optimizer = model.configureOptimizers();
    this.maxEpochs = maxEpochs;
    this.gradientClipVal = gradientClipVal;
    this.listener = listener;
    this.batchEvents = listener.wantsBatches();
    this.loader = data.trainLoader(0).recycling();
  }

  // ---------------------------------------------------------------- stepping

  /**
   * Runs the next phase of the current training minibatch; after its update, also the epoch's
   * validation when the epoch's last batch is done. Does nothing once the run is over.
   *
   * @return false if the run was already over
   */
  public boolean stepPhase() {
    if (isOver()) {
      return false;
    }
    if (phase == Phase.FORWARD && batchIndex == 0 && epoch >= maxEpochs) {
      finish(); // maxEpochs was lowered to the epochs already done
      return false;
    }
    status = Status.IN_PROGRESS;
    Phase ran = phase;
    observer.beforePhase(this, ran);
    long start = System.nanoTime();
    run(ran);
    trainNanos += System.nanoTime() - start;
    if (ran == Phase.UPDATE) {
      finishBatch();
    }
    observer.afterPhase(this, ran);
    return true;
  }

  /** Runs phase {@code ran} and moves to the next; after the loss, watches for divergence. */
  private void run(Phase ran) {
    // [training-step] the Code view shows the lines between the markers, as they are
    switch (ran) {
      case FORWARD -> {
        batch = loader.get(batchIndex);
        prediction = model.forward(batch.x());
      }
      case LOSS -> {
        loss = model.loss(prediction, batch.y());
      }
      case BACKWARD -> {
        optimizer.zeroGrad(); // gradients add up
        loss.backward();
        lastGradNorm = gradientNorm();
        if (gradientClipVal > 0) {
          clipGradients(gradientClipVal);
        }
      }
      case UPDATE -> {
        // returns the η it applied, read just once
        appliedLearningRate = optimizer.step();
        trainBatchIdx++;
      }
    }
    // [/training-step]
    phase = after(ran);
    if (ran == Phase.FORWARD) {
      loss = null; // this minibatch's loss is not computed yet
    } else if (ran == Phase.LOSS) {
      watchForDivergence(loss.item());
    }
  }

  private static Phase after(Phase ran) {
    return switch (ran) {
      case FORWARD -> Phase.LOSS;
      case LOSS -> Phase.BACKWARD;
      case BACKWARD -> Phase.UPDATE;
      case UPDATE -> Phase.FORWARD;
    };
  }

  private void watchForDivergence(double value) {
    if (Double.isNaN(firstLoss)) {
      firstLoss = value;
    }
    if (!Double.isFinite(value)) {
      diverge(value, "the loss is " + describe(value));
    } else if (value > DIVERGENCE_FACTOR * (firstLoss + 1)) {
      diverge(value, "the loss grew past a million times its first value");
    }
  }

  /**
   * Hears every phase of this run on the thread that steps it, before and after it runs (after an
   * UPDATE, once its events were sent). One observer at a time; {@code null} removes it. Set it
   * only while no thread is stepping the run.
   */
  public void setPhaseObserver(PhaseObserver observer) {
    this.observer = observer == null ? PhaseObserver.NONE : observer;
  }

  /**
   * Runs the rest of the current training minibatch (all four phases from the start). A whole
   * minibatch nobody watches phase by phase runs the same four phases as {@link #stepPhase()},
   * timed once rather than once per phase.
   */
  public void step() {
    if (!isWholeMinibatchNext()) {
      do {
        if (!stepPhase()) {
          return;
        }
      } while (phase != Phase.FORWARD && !isOver());
      return;
    }
    if (isOver() || maxEpochsReached()) {
      return;
    }
    long start = System.nanoTime();
    boolean whole = runMinibatch();
    trainNanos += System.nanoTime() - start;
    if (whole) {
      finishBatch();
    }
  }

  /** Runs minibatches until the current epoch ends, the run ends, or a stop is requested. */
  public void stepEpoch() {
    runMinibatches(epoch + 1);
  }

  /** Runs minibatches until the run ends or a stop is requested. */
  public void runToEnd() {
    runMinibatches(Integer.MAX_VALUE);
  }

  /**
   * Steps until epoch {@code epochLimit} begins, the run ends, or a stop is requested. The clock is
   * read around stretches of minibatches rather than around each one: a stretch ends only where
   * something that is not training comes next (an event handed to a listener, a validation pass,
   * the end of the run). A run nobody listens to reads the clock about once per epoch; a reading
   * costs about 30 ns, a tenth of a minibatch of one row.
   */
  private void runMinibatches(int epochLimit) {
    long start = System.nanoTime(); // the start of the current stretch of training
    while (!isOver() && epoch < epochLimit && !stopRequested) {
      if (!isWholeMinibatchNext()) {
        step(); // times itself
        start = System.nanoTime();
        continue;
      }
      if (maxEpochsReached()) {
        return;
      }
      boolean whole = runMinibatch();
      if (whole && !batchEvents && batchIndex + 1 < loader.size()) {
        finishBatch(); // quick bookkeeping only: the stretch goes on
      } else {
        trainNanos += System.nanoTime() - start;
        if (whole) {
          finishBatch();
        }
        start = System.nanoTime();
      }
    }
    trainNanos += System.nanoTime() - start;
  }

  /** Whether the next phase starts a minibatch and no observer wants to hear each phase. */
  private boolean isWholeMinibatchNext() {
    return phase == Phase.FORWARD && observer == PhaseObserver.NONE;
  }

  /** At the start of an epoch beyond the last (maxEpochs was lowered): finishes the run. */
  private boolean maxEpochsReached() {
    if (batchIndex == 0 && epoch >= maxEpochs) {
      finish();
      return true;
    }
    return false;
  }

  /**
   * Runs the four phases of one minibatch, as {@link #stepPhase()} would one by one; false if its
   * loss diverged, which stops the minibatch before its backward phase.
   */
  private boolean runMinibatch() {
    status = Status.IN_PROGRESS;
    run(Phase.FORWARD);
    run(Phase.LOSS);
    if (isOver()) {
      return false;
    }
    run(Phase.BACKWARD);
    run(Phase.UPDATE);
    return true;
  }

  /**
   * Asks {@link #stepEpoch()}, {@link #runToEnd()} and {@link Trainer#fit} to return after the
   * current minibatch. The request stands until {@link #clearStopRequest()}.
   */
  public void requestStop() {
    stopRequested = true;
  }

  public boolean isStopRequested() {
    return stopRequested;
  }

  public void clearStopRequest() {
    stopRequested = false;
  }

  /** Sets the learning rate from the next update on; safe from any thread. */
  public void setLearningRate(double lr) {
    optimizer.setLearningRate(lr);
  }

  public double learningRate() {
    return optimizer.learningRate();
  }

  /**
   * Counts the minibatch whose update just ran, tells the listener, and ends the epoch after its
   * last minibatch.
   */
  private void finishBatch() {
    int m = batch.size();
    double value = loss.item();
    epochLossSum += value * m;
    epochExamples += m;
    Tensor w = model.w();
    double b = model.b().item();
    if (!w.allFinite() || !Double.isFinite(b)) {
      diverge(value, nonFiniteParameter(w.toArray(), b));
      return;
    }
    int batches = loader.size();
    if (batchEvents) { // else nobody would read the copies
      listener.onEvent(
          new BatchDone(
              epoch,
              batchIndex,
              batches,
              trainBatchIdx,
              epoch + (double) batchIndex / batches,
              m,
              value,
              w.toArray(),
              b,
              lastGradNorm,
              appliedLearningRate));
    }
    batchIndex++;
    if (batchIndex == batches) {
      finishEpoch();
    }
  }

  private void finishEpoch() {
    double trainLoss = epochLossSum / epochExamples;
    double valLoss = validate();
    if (!Double.isFinite(valLoss)) {
      diverge(valLoss, "the validation loss is " + describe(valLoss));
      return;
    }
    EpochDone done = new EpochDone(epoch, trainBatchIdx, trainLoss, valLoss);
    history.add(done);
    listener.onEvent(done);
    epoch++;
    batchIndex = 0;
    epochLossSum = 0;
    epochExamples = 0;
    if (epoch >= maxEpochs) {
      finish();
    } else {
      loader = data.trainLoader(epoch).recycling();
    }
  }

  private void finish() {
    status = Status.FINISHED;
    listener.onEvent(new RunFinished(epoch, trainBatchIdx));
  }

  /** d2l's validation loop, with no gradient tracking; returns the example-weighted mean loss. */
  private double validate() {
    Loader val = data.valLoader().recycling();
    double sum = 0;
    try (var g = Autograd.noGrad()) {
      for (int i = 0; i < val.size(); i++) {
        Batch vb = val.get(i);
        sum += model.validationStep(vb.x(), vb.y()).item() * vb.size();
        valBatchIdx++;
      }
    }
    return sum / val.numExamples();
  }

  private void diverge(double value, String reason) {
    status = Status.DIVERGED;
    // the step that diverged is the one in progress, counted from 1
    long step = phase == Phase.FORWARD ? trainBatchIdx : trainBatchIdx + 1;
    divergence = new Diverged(epoch, batchIndex, step, value, reason);
    listener.onEvent(divergence);
  }

  // g_norm = √(Σ over all parameters of Σ g²)
  private double gradientNorm() {
    double sq = 0;
    for (Tensor p : model.parameters()) {
      Tensor g = p.grad();
      if (g != null) {
        sq += g.sumOfSquares();
      }
    }
    return Math.sqrt(sq);
  }

  /** d2l's clip_gradients: scales the gradients so that their norm is at most {@code max}. */
  private void clipGradients(double max) {
    if (!(lastGradNorm > max)) {
      return; // within the bound, or NaN: nothing to scale by
    }
    double scale = max / lastGradNorm;
    for (Tensor p : model.parameters()) {
      Tensor g = p.grad();
      if (g != null) {
        g.mulInPlace(scale);
      }
    }
  }

  /** Names the first parameter value that is NaN or ±∞, e.g. "w[1] became NaN". */
  private static String nonFiniteParameter(double[] w, double b) {
    for (int j = 0; j < w.length; j++) {
      if (!Double.isFinite(w[j])) {
        return "the parameter w[" + j + "] became " + describe(w[j]);
      }
    }
    return Double.isFinite(b) ? null : "the parameter b became " + describe(b);
  }

  private static String describe(double v) {
    return Double.isNaN(v) ? "NaN" : v > 0 ? "∞" : "−∞";
  }

  // ---------------------------------------------------------------- reading

  public Status status() {
    return status;
  }

  /** Whether the run finished or diverged. */
  public boolean isOver() {
    return status == Status.FINISHED || status == Status.DIVERGED;
  }

  /** The phase {@link #stepPhase()} runs next. */
  public Phase nextPhase() {
    return phase;
  }

  /** The current epoch, from 0; equals maxEpochs once finished. */
  public int epoch() {
    return epoch;
  }

  public int maxEpochs() {
    return maxEpochs;
  }

  /**
   * Changes how many epochs the run makes, keeping everything learned so far. Lowered below the
   * epoch in progress, the run finishes when that epoch ends. Raised after the run finished, it
   * continues from where it stopped; call that only while no thread is stepping the run.
   */
  public void setMaxEpochs(int epochs) {
    if (epochs < 1) {
      throw new IllegalArgumentException("maxEpochs must be at least 1, got " + epochs);
    }
    maxEpochs = epochs;
    if (status == Status.FINISHED && epoch < epochs) {
      status = Status.IN_PROGRESS;
      loader = data.trainLoader(epoch).recycling();
    }
  }

  /** The index within the epoch of the current (or next) training minibatch. */
  public int batchIndex() {
    return batchIndex;
  }

  /** The number of training minibatches per epoch. */
  public int batchesPerEpoch() {
    return loader.size();
  }

  /**
   * d2l's {@code train_batch_idx}: training minibatches whose update ran. For what a user is shown,
   * use {@link #steps()}.
   */
  public long trainBatchIdx() {
    return trainBatchIdx;
  }

  /**
   * The number of steps taken, as every count shown to a user reads it: one step is one training
   * minibatch. While the run is healthy it equals {@link #trainBatchIdx()}, the minibatches whose
   * update ran; after a divergence it is {@link Diverged#step()}, because the minibatch that
   * diverged counts as a step taken even when its update never ran.
   */
  public long steps() {
    return divergence != null ? divergence.step() : trainBatchIdx;
  }

  /** d2l's {@code val_batch_idx}: validation minibatches run. */
  public long valBatchIdx() {
    return valBatchIdx;
  }

  public double gradientClipVal() {
    return gradientClipVal;
  }

  /**
   * The current minibatch, or null before the first forward phase. Its tensors are live: the next
   * forward phase refills them in place with the next minibatch's rows (ADR 0031), so copy what you
   * keep, as {@link StepSnapshot} does.
   */
  public Batch currentBatch() {
    return batch;
  }

  /** ŷ of the current minibatch (a live tensor, for step-through views), or null. */
  public Tensor currentPrediction() {
    return prediction;
  }

  /** The loss of the current minibatch (a live tensor, the root of its graph), or null. */
  public Tensor currentLoss() {
    return loss;
  }

  /** The η the last update applied (read once by the optimizer's step); NaN before the first. */
  public double lastLearningRate() {
    return appliedLearningRate;
  }

  /** The norm of the last gradient before clipping; NaN before the first backward phase. */
  public double lastGradientNorm() {
    return lastGradNorm;
  }

  public LinearModel model() {
    return model;
  }

  public RegressionData data() {
    return data;
  }

  /** The completed epochs' losses. */
  public List<EpochDone> history() {
    return List.copyOf(history);
  }

  /** Why the run diverged, or null. */
  public Diverged divergence() {
    return divergence;
  }

  /** Wall time spent in training minibatches (not validation), in nanoseconds. */
  public long trainNanos() {
    return trainNanos;
  }

  /** The learned parameters, errors against the truth, and the least-squares optimum. */
  public RunSummary summary() {
    return RunSummary.of(this);
  }
}
