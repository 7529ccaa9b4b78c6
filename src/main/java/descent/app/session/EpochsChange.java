package descent.app.session;

import descent.train.TrainingRun;

/**
 * A new number of epochs, applied to a run on the training thread (never on the FX thread, which
 * would race a playing task), and what it did, for the FX thread to show.
 *
 * @param epochs the number asked for
 * @param wasOver whether the run had finished (or diverged) before the change
 * @param isOver whether it is over after the change
 * @param epoch the run's epoch after the change, from 0
 * @param batchIndex the run's minibatch within that epoch after the change
 * @param duringPlay whether a playing task made the change between minibatches and goes on
 */
record EpochsChange(
    TrainingRun run,
    int epochs,
    boolean wasOver,
    boolean isOver,
    int epoch,
    int batchIndex,
    boolean duringPlay) {

  /**
   * Sets the run's epochs; call it on the training thread, between minibatches. More epochs
   * continue a finished run from where it stopped; fewer end it when the epoch in progress ends, or
   * at once if the run stands at the boundary after its last epoch. Nothing is trained here.
   */
  static EpochsChange apply(TrainingRun run, int epochs, boolean duringPlay) {
    boolean wasOver = run.isOver();
    run.setMaxEpochs(epochs);
    if (!run.isOver()
        && run.epoch() >= epochs
        && run.batchIndex() == 0
        && run.nextPhase() == TrainingRun.Phase.FORWARD) {
      // every epoch asked for is done: at an epoch boundary, the step only finishes the run
      run.step();
    }
    return new EpochsChange(
        run, epochs, wasOver, run.isOver(), run.epoch(), run.batchIndex(), duringPlay);
  }

  /** A finished run got more epochs and can go on. */
  boolean resumed() {
    return wasOver && !isOver;
  }

  /** The run was lowered below the epoch in progress, so it ends when that epoch ends. */
  boolean endsWithCurrentEpoch() {
    return !isOver && epoch >= epochs;
  }
}
