package descent.train;

import descent.train.TrainingRun.Phase;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Copies a run's state into {@link StepSnapshot}s on the training thread, for the step-through
 * views, and only while one of them is {@code watching}: a hidden view costs one volatile read per
 * phase. Set as the run's {@link PhaseObserver}; one recorder per run.
 *
 * <p>While a run plays, a snapshot after every phase would cost more than the step itself, and the
 * screen shows one per frame anyway; so the recorder copies after a phase only when the reader has
 * {@linkplain #want() asked for the next one}, and {@link #settle} copies the state a task leaves
 * the run in, which is what the views show once it stops.
 */
public final class StepRecorder implements PhaseObserver {
  private final BooleanSupplier watching;
  private final Consumer<StepSnapshot> sink;
  private volatile boolean wanted = true;
  // written and read on the training thread only
  private Phase lastRan;
  private double[] wBefore;
  private double bBefore = Double.NaN;

  /**
   * @param watching whether any view shows snapshots now (read on the training thread)
   * @param sink receives each snapshot, on the training thread
   */
  public StepRecorder(BooleanSupplier watching, Consumer<StepSnapshot> sink) {
    this.watching = watching;
    this.sink = sink;
  }

  /** Makes this recorder {@code run}'s phase observer; returns it. */
  public StepRecorder attachTo(TrainingRun run) {
    run.setPhaseObserver(this);
    return this;
  }

  /** Asks for a snapshot after the next phase, even while the run plays. Safe from any thread. */
  public void want() {
    wanted = true;
  }

  @Override
  public void beforePhase(TrainingRun run, Phase next) {
    if (next == Phase.UPDATE) {
      // the update's arithmetic shows w before and after; keep "before" only while watched, and
      // never a stale one from an earlier update
      if (watching.getAsBoolean()) {
        wBefore = run.model().w().toArray();
        bBefore = run.model().b().item();
      } else {
        wBefore = null;
        bBefore = Double.NaN;
      }
    }
  }

  @Override
  public void afterPhase(TrainingRun run, Phase ran) {
    lastRan = ran;
    if (wanted && watching.getAsBoolean()) {
      wanted = false;
      sink.accept(capture(run));
    }
  }

  /**
   * Sends a snapshot of where {@code run} stands, if a view watches: call it on the training thread
   * when a task that stepped the run ends.
   */
  public void settle(TrainingRun run) {
    if (watching.getAsBoolean()) {
      sink.accept(capture(run));
    }
  }

  /** A snapshot of where {@code run} stands now; call it on the thread that steps the run. */
  public StepSnapshot capture(TrainingRun run) {
    return StepSnapshot.of(run, lastRan, wBefore, bBefore);
  }
}
