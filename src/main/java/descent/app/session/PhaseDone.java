package descent.app.session;

import descent.train.TrainingRun;
import descent.train.TrainingRun.Phase;
import java.util.Locale;

/**
 * One phase of a training minibatch that the training thread just ran, read there right after it
 * ran, for the FX thread to show without touching the live run.
 *
 * @param ran the phase that ran
 * @param next the phase the run will run next
 * @param epoch the run's epoch after the phase, from 0
 * @param batchIndex the run's minibatch within that epoch after the phase
 * @param step the steps taken after the phase (one more after an UPDATE)
 * @param loss the minibatch's loss after a LOSS phase, otherwise NaN
 */
public record PhaseDone(Phase ran, Phase next, int epoch, int batchIndex, long step, double loss) {

  /** Reads what {@code ran} did; call it on the training thread, right after the phase. */
  static PhaseDone after(TrainingRun run, Phase ran) {
    double loss = ran == Phase.LOSS ? run.currentLoss().item() : Double.NaN;
    return new PhaseDone(ran, run.nextPhase(), run.epoch(), run.batchIndex(), run.steps(), loss);
  }

  /**
   * What the status bar says: the phase that ran, its formula, and what comes next; short, so it
   * fits beside the counters in the smallest window.
   */
  String message() {
    return switch (ran) {
      case FORWARD -> "Ran FORWARD (ŷ = Xw + b) · next: LOSS (.)";
      case LOSS -> String.format(Locale.ROOT, "Ran LOSS (ℓ = %.4g) · next: BACKWARD (.)", loss);
      case BACKWARD -> "Ran BACKWARD (∇θ ℓ) · next: UPDATE (.)";
      case UPDATE ->
          String.format(
              Locale.ROOT, "Ran UPDATE (θ ← θ − η∇θ): step %,d done · next: FORWARD (.)", step);
    };
  }
}
