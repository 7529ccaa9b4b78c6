package descent.app.session;

import descent.train.TrainingRun;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.concurrent.Service;
import javafx.concurrent.Task;

/**
 * Runs a {@link TrainingRun} on one background thread. Each start takes a snapshot of the run and
 * the mode; tasks queue on a single daemon thread, so two tasks never touch a run at once and no
 * thread keeps the JVM alive.
 *
 * <p>Besides training, the same thread runs {@linkplain #submit commands} that change a run (such
 * as a new number of epochs) and {@linkplain #execute jobs} such as building a large run, and hands
 * their results back to the FX thread: a run is only ever touched on this one thread. A playing
 * task runs waiting commands between minibatches, so a command acts at once even while the run
 * plays.
 */
final class TrainingService extends Service<Void> {
  /** What one start of the service does. */
  enum Mode {
    /** One training minibatch. */
    STEP,
    /** Minibatches until the current epoch's validation is done. */
    EPOCH,
    /** Minibatches until paused or over, paced by the speed setting. */
    PLAY,
    /** The next phase of the current minibatch (forward, loss, backward or update), then a note. */
    PHASE
  }

  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "descent-training");
            t.setDaemon(true);
            return t;
          });
  private final DoubleSupplier stepsPerSecond;
  private final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();
  // work handed to the training thread whose result has not come back to the FX thread yet
  private final IntegerProperty pending = new SimpleIntegerProperty();
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
  private TrainingRun run;
  private EventInbox inbox;
  private Mode mode = Mode.STEP;
  private Consumer<TrainingRun> afterTask = r -> {};
  private boolean playing; // read and written on the training thread only

  private final LateFrames late; // what playing as fast as possible gives way to

  /**
   * @param stepsPerSecond the chosen speed, read every step; infinite for as fast as possible
   * @param late the window's frames, which training gives way to when one is late
   */
  TrainingService(DoubleSupplier stepsPerSecond, LateFrames late) {
    this.stepsPerSecond = stepsPerSecond;
    this.late = late;
    setExecutor(executor);
    busy.bind(runningProperty().or(pending.greaterThan(0)));
  }

  /**
   * Starts {@code mode} on {@code run}, whose events go to {@code inbox}; the service must not be
   * running. In {@link Mode#PHASE} the task notes in {@code inbox} which phase it ran.
   *
   * @param afterTask runs on the training thread when the task ends, however it ends
   */
  void start(TrainingRun run, Mode mode, EventInbox inbox, Consumer<TrainingRun> afterTask) {
    this.afterTask = afterTask;
    this.run = run;
    this.inbox = inbox;
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

  /**
   * Runs {@code work} on the training thread, between two minibatches if a task is playing,
   * otherwise as soon as the thread is free; then hands its result to {@code done} (or its
   * exception to {@code failed}) on the FX thread. Such commands run once each, in order.
   */
  <T> void submit(Supplier<T> work, Consumer<T> done, Consumer<RuntimeException> failed) {
    if (executor.isShutdown()) {
      return;
    }
    commands.add(handOff(work, done, failed));
    executor.execute(this::runCommands); // does nothing if a playing task ran it first
  }

  /**
   * Like {@link #submit}, but {@code work} waits behind whatever is queued on the training thread,
   * a playing task included: for work that must not run in the middle of training.
   */
  <T> void execute(Supplier<T> work, Consumer<T> done, Consumer<RuntimeException> failed) {
    if (!executor.isShutdown()) {
      executor.execute(handOff(work, done, failed));
    }
  }

  private <T> Runnable handOff(
      Supplier<T> work, Consumer<T> done, Consumer<RuntimeException> failed) {
    pending.set(pending.get() + 1);
    return () -> {
      try {
        T result = work.get();
        Platform.runLater(
            () -> {
              pending.set(pending.get() - 1);
              done.accept(result);
            });
      } catch (RuntimeException e) {
        Platform.runLater(
            () -> {
              pending.set(pending.get() - 1);
              failed.accept(e);
            });
      }
    };
  }

  /** Runs the waiting commands; called on the training thread only. */
  private void runCommands() {
    for (Runnable c; (c = commands.poll()) != null; ) {
      c.run();
    }
  }

  /**
   * Whether a playing task is running the current command between its minibatches, so the run goes
   * on after it. Call it from a command, on the training thread.
   */
  boolean isPlaying() {
    return playing;
  }

  /** Whether a task runs or submitted work has not reported back yet. */
  ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
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
    EventInbox notes = inbox;
    Mode m = mode;
    Consumer<TrainingRun> after = afterTask;
    return new Task<>() {
      @Override
      protected Void call() throws InterruptedException {
        try {
          switch (m) {
            case STEP -> r.step();
            case EPOCH -> r.stepEpoch();
            case PLAY -> play();
            case PHASE -> phase();
          }
        } finally {
          after.accept(r);
        }
        return null;
      }

      /**
       * Runs one phase and notes, after the events it caused, which phase ran and which is next.
       */
      private void phase() {
        TrainingRun.Phase ran = r.nextPhase();
        if (r.stepPhase()) {
          notes.note(PhaseDone.after(r, ran));
        }
      }

      /** Sleeps in short slices so a pause or a command at 1 step/s still acts at once. */
      private void sleepUnlessPaused(long nanos) throws InterruptedException {
        long end = System.nanoTime() + nanos;
        for (long left = nanos; left > 0 && !r.isStopRequested(); left = end - System.nanoTime()) {
          TimeUnit.NANOSECONDS.sleep(Math.min(left, 20_000_000L));
          runCommands(); // a change of epochs need not wait for a slow pace
        }
      }

      /**
       * Steps at the chosen pace; reads the speed every step so the slider acts at once, and runs
       * waiting commands before each step, so a change of epochs counts from the next minibatch.
       */
      private void play() throws InterruptedException {
        playing = true;
        try {
          playPaced();
        } finally {
          playing = false;
        }
      }

      private void playPaced() throws InterruptedException {
        long next = System.nanoTime();
        while (true) {
          runCommands();
          if (r.isStopRequested() || r.isOver()) {
            return;
          }
          r.step();
          double rate = stepsPerSecond.getAsDouble();
          if (Double.isInfinite(rate)) {
            next = System.nanoTime();
            late.giveWay(next); // as fast as possible, but never at a late frame's expense
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
