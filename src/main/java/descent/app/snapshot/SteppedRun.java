package descent.app.snapshot;

import descent.data.RegressionData;
import descent.train.RunPicture;
import descent.train.StepSnapshot;
import descent.train.TrainingEvent;
import descent.train.TrainingEvent.BatchDone;
import descent.train.TrainingRun;
import java.util.List;

/**
 * A run the {@code snapshot} command stepped on its own thread, as copies the views can read: what
 * the run showed before its first step, every event it sent, and where it stands now. Nothing here
 * is a live tensor.
 *
 * @param data the run's data
 * @param picture the run's fixed picture (sample, loss surface, optimum), made before training
 * @param ready the run's state before its first step
 * @param events every event the run sent, in order
 * @param now the run's state after the steps and phases asked for, or at divergence
 * @param stepsAsked the N of {@code --steps N}
 * @param phasesAsked how many phases of step N + 1 were asked for (0 to 4)
 * @param stepsTaken the run's {@link TrainingRun#steps()} at the end
 * @param epochs the epochs the run was planned for
 * @param batchesPerEpoch training minibatches per epoch
 */
public record SteppedRun(
    RegressionData data,
    RunPicture picture,
    StepSnapshot ready,
    List<TrainingEvent> events,
    StepSnapshot now,
    int stepsAsked,
    int phasesAsked,
    long stepsTaken,
    int epochs,
    int batchesPerEpoch) {

  public SteppedRun {
    events = List.copyOf(events);
  }

  /** The last finished minibatch's event, or null before the first. */
  public BatchDone lastBatch() {
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i) instanceof BatchDone done) {
        return done;
      }
    }
    return null;
  }

  /** w as the parameter table shows it: after the last finished minibatch, else the initial w. */
  public double[] shownW() {
    BatchDone last = lastBatch();
    return last == null ? ready.w() : last.w();
  }

  /** b as the parameter table shows it. */
  public double shownB() {
    BatchDone last = lastBatch();
    return last == null ? ready.b() : last.b();
  }
}
