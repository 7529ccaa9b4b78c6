package descent.app.snapshot;

import descent.data.RegressionData;
import descent.train.RunPicture;
import descent.train.RunSpec;
import descent.train.StepRecorder;
import descent.train.StepSnapshot;
import descent.train.TrainingEvent;
import descent.train.TrainingEvent.BatchDone;
import descent.train.TrainingRun;
import java.util.ArrayList;
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

  /**
   * Steps a run of {@code spec} on {@code d}, on this thread, through the one training loop's
   * {@link TrainingRun#step()}: {@code steps} minibatches (fewer if the run ends or diverges
   * first), then {@code phases} phases of the next ({@link TrainingRun#stepPhase()}), keeping every
   * event and copies of its states.
   *
   * @param withPicture whether to make the run's {@link RunPicture} (the teaching views need it;
   *     the whole window's drawing makes its own)
   */
  public static SteppedRun of(
      RunSpec spec, RegressionData d, int steps, int phases, boolean withPicture) {
    List<TrainingEvent> events = new ArrayList<>();
    TrainingRun run = spec.newTrainer().prepare(spec.newModel(d.numFeatures()), d, events::add);
    StepRecorder recorder = new StepRecorder(() -> true, s -> {}).attachTo(run);
    RunPicture runPicture = withPicture ? RunPicture.of(d) : null;
    StepSnapshot ready = recorder.capture(run);
    for (int i = 0; i < steps && !run.isOver(); i++) {
      run.step(); // the one training loop's step, nothing else
    }
    for (int i = 0; i < phases && !run.isOver(); i++) {
      run.stepPhase();
    }
    return new SteppedRun(
        d,
        runPicture,
        ready,
        events,
        recorder.capture(run),
        steps,
        phases,
        run.steps(),
        spec.epochs(),
        run.batchesPerEpoch());
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
