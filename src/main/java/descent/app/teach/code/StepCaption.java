package descent.app.teach.code;

import descent.train.StepSnapshot;
import descent.train.TrainingRun.Phase;
import descent.train.TrainingRun.Status;

/**
 * The sentence above the code: which phase just ran (its lines are highlighted), which runs next
 * (marked ▶), and, once the run is over, that it finished or where it stopped.
 */
final class StepCaption {
  private StepCaption() {}

  /** Whether the phase about to run is marked: only while the run can go on. */
  static boolean marksNext(StepSnapshot s) {
    return s.status() == Status.READY || s.status() == Status.IN_PROGRESS;
  }

  /** The caption for {@code s}. */
  static String of(StepSnapshot s) {
    Phase ran = s.ran();
    return switch (s.status()) {
      case READY -> "Ready: nothing has run yet. ▶ next: " + s.next() + ".";
      case IN_PROGRESS -> {
        if (ran == null) {
          yield "▶ next: " + s.next() + ".";
        }
        if (ran == Phase.UPDATE) {
          yield "Step "
              + s.step()
              + where(s)
              + " done: UPDATE ran (highlighted). ▶ next: FORWARD of step "
              + (s.step() + 1)
              + ".";
        }
        yield "Step "
            + s.step()
            + where(s)
            + ": "
            + ran
            + " ran (highlighted). ▶ next: "
            + s.next()
            + ".";
      }
      case FINISHED ->
          ran == null
              ? "Finished: every epoch ran."
              : "Finished: every epoch ran, "
                  + s.step()
                  + (s.step() == 1 ? " step" : " steps")
                  + ". The last phase, "
                  + ran
                  + ", is highlighted.";
      case DIVERGED ->
          "Diverged in step "
              + s.step()
              + where(s)
              + (ran == null ? "" : ", in " + ran)
              + ": "
              + reason(s)
              + ". The run stopped after the highlighted lines.";
    };
  }

  private static String where(StepSnapshot s) {
    if (s.batchSize() == 0) {
      return "";
    }
    return " (epoch "
        + (s.epoch() + 1)
        + ", batch "
        + (s.batchIndex() + 1)
        + "/"
        + s.batchesPerEpoch()
        + ")";
  }

  /** Why the run stopped, as {@code TrainingRun} decides it, from the snapshot's numbers. */
  static String reason(StepSnapshot s) {
    if (s.ran() == Phase.LOSS) {
      return Double.isFinite(s.loss())
          ? "the loss grew past a million times its first value"
          : "the loss is " + describe(s.loss());
    }
    double[] w = s.w();
    for (int j = 0; j < w.length; j++) {
      if (!Double.isFinite(w[j])) {
        return "the parameter w[" + j + "] became " + describe(w[j]);
      }
    }
    if (!Double.isFinite(s.b())) {
      return "the parameter b became " + describe(s.b());
    }
    return "the validation loss is not a finite number";
  }

  private static String describe(double v) {
    return Double.isNaN(v) ? "NaN" : v > 0 ? "∞" : "−∞";
  }
}
