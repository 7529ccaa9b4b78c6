package descent.app.teach.batch;

import descent.train.StepSnapshot;
import descent.train.TrainingRun.Phase;
import descent.train.TrainingRun.Status;

/**
 * Which of the shown minibatch's phases have run, read from a snapshot. A number is known once its
 * phase ran, whatever its value: a diverged loss is NaN or ∞ and still printed.
 *
 * @param ready no minibatch yet (nothing ran)
 * @param forward ŷ is known
 * @param loss the residuals, row losses and batch loss are known
 * @param backward the gradient is known
 * @param updated the update ran (the minibatch is done)
 */
record BatchState(boolean ready, boolean forward, boolean loss, boolean backward, boolean updated) {

  static BatchState of(StepSnapshot s) {
    boolean ready = s.ran() == null || s.batchSize() == 0;
    boolean forward = !ready && s.yHat() != null;
    boolean loss = forward && s.ran() != Phase.FORWARD;
    boolean backward = loss && s.gradW() != null;
    boolean updated = backward && s.ran() == Phase.UPDATE;
    return new BatchState(ready, forward, loss, backward, updated);
  }

  /** Whether the run stands between two minibatches (or finished, or diverged after an update). */
  static boolean between(StepSnapshot s) {
    return s.ran() == Phase.UPDATE;
  }

  static boolean diverged(StepSnapshot s) {
    return s.status() == Status.DIVERGED;
  }
}
