package descent.app.session;

import descent.train.TrainingRun;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import javafx.concurrent.Service;
import javafx.concurrent.Task;

/**
 * Runs a {@link TrainingRun} on one background thread. Each start takes a snapshot of the run and
 * the mode; tasks queue on a single daemon thread, so two tasks never touch a run at once and no
 * thread keeps the JVM alive.
 */
final class TrainingService extends Service<Void> {
  /** What one start of the service does. */
  enum Mode {
    /** One training minibatch. */
    STEP,
    /** Minibatches until the current epoch's validation is done. */
    EPOCH,
    /** Minibatches until paused or over, paced by the speed setting. */
    PLAY
  }

  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "descent-training");
            t.setDaemon(true);
            return t;
          });
  private final DoubleSupplier stepsPerSecond;
  private TrainingRun run;
  private Mode mode = Mode.STEP;

  TrainingService(DoubleSupplier stepsPerSecond) {
    this.stepsPerSecond = stepsPerSecond;
    setExecutor(executor);
  }

  /** Starts {@code mode} on {@code run}; the service must not be running. */
  void start(TrainingRun run, Mode mode) {
    this.run = run;
    this.mode = mode;
    run.clearStopRequest();
    // not restart(): on a finished service it "cancels" the old task, firing onCancelled
    if (getState() != State.READY) {
      reset();
    }
    start();
  }

  /**
   * Asks the running task to stop after its current minibatch, through the run's own stop request.
   * Unlike {@link #cancel()}, the service stays running until the run is really at rest, so the run
   * is never read mid-step.
   */
  void requestPause() {
    if (run != null) {
      run.requestStop();
    }
  }

  boolean isPauseRequested() {
    return run != null && run.isStopRequested();
  }

  /** The mode of the latest start. */
  Mode mode() {
    return mode;
  }

  void shutdown() {
    requestPause();
    cancel();
    executor.shutdownNow();
  }

  @Override
  protected Task<Void> createTask() {
    TrainingRun r = run;
    Mode m = mode;
    return new Task<>() {
      @Override
      protected Void call() throws InterruptedException {
        switch (m) {
          case STEP -> r.step();
          case EPOCH -> r.stepEpoch();
          case PLAY -> play();
        }
        return null;
      }

      /** Sleeps in short slices so a pause at 1 step/s still answers at once. */
      private void sleepUnlessPaused(long nanos) throws InterruptedException {
        long end = System.nanoTime() + nanos;
        for (long left = nanos; left > 0 && !r.isStopRequested(); left = end - System.nanoTime()) {
          TimeUnit.NANOSECONDS.sleep(Math.min(left, 20_000_000L));
        }
      }

      /** Steps at the chosen pace; reads the speed every step so the slider acts at once. */
      private void play() throws InterruptedException {
        long next = System.nanoTime();
        while (!r.isStopRequested() && !r.isOver()) {
          r.step();
          double rate = stepsPerSecond.getAsDouble();
          if (Double.isInfinite(rate)) {
            next = System.nanoTime();
            continue;
          }
          next += (long) (1e9 / rate);
          long wait = next - System.nanoTime();
          if (wait > 0) {
            sleepUnlessPaused(wait);
          } else {
            next = System.nanoTime(); // fell behind: don't burst to catch up
          }
        }
      }
    };
  }
}
