package descent.app.session;

import descent.train.StepSnapshot;
import descent.train.TrainingEvent;
import descent.train.TrainingEvent.BatchDone;
import descent.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Where one run's events wait between the training thread, which adds them, and the FX thread,
 * which takes them in every frame ({@link FramePump}). Bounded: at most {@code capacity} {@link
 * BatchDone} events wait at once. When that many are waiting (the FX thread has not taken any for a
 * while), the training thread waits inside {@link #onEvent} until the next {@link #drain()}, so
 * memory stays bounded and no event is ever dropped. Other events (one per epoch at most, plus the
 * run's end) never wait.
 *
 * <p>The session adds its own {@linkplain #note notes} (what a change of epochs did, which phase of
 * a minibatch ran) on the training thread too, so that they reach the FX thread in order with the
 * events around them.
 *
 * <p>{@link #close()} lets go of a run nobody will read again: a waiting training thread returns at
 * once and later events are dropped.
 */
final class EventInbox implements TrainingListener {
  /**
   * About 200 ms of events at batch size 1 and full speed (1.3 million steps a second): the FX
   * thread empties the inbox at each update, and updates come at least every 250 ms, more often
   * unless they are slow ({@link UpdatePacer}), so the training thread waits only when the window
   * stalls. Each waiting {@link BatchDone} takes about 130 bytes with two features and 200 with
   * ten, so the inbox holds at most 34 to 52 MB, for a moment.
   */
  static final int DEFAULT_CAPACITY = 1 << 18;

  private final int capacity;
  private final List<TrainingListener> taps;
  private final List<Consumer<PhaseDone>> phaseTaps;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition drained = lock.newCondition();
  private List<Object> waiting = new ArrayList<>(); // TrainingEvents, EpochsChange, PhaseDone
  private int waitingBatches;
  private long waits;
  private boolean closed;

  /**
   * @param taps listeners that hear each event first, on the training thread (for tests and
   *     diagnostics); a slow tap slows training
   */
  EventInbox(int capacity, List<TrainingListener> taps) {
    this(capacity, taps, List.of());
  }

  /**
   * @param phaseTaps hear each {@linkplain #note(PhaseDone) phase note} first, on the training
   *     thread (for tests)
   */
  EventInbox(int capacity, List<TrainingListener> taps, List<Consumer<PhaseDone>> phaseTaps) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.capacity = capacity;
    this.taps = taps;
    this.phaseTaps = phaseTaps;
  }

  /** Called by the run on the training thread. */
  @Override
  public void onEvent(TrainingEvent event) {
    for (TrainingListener tap : taps) {
      tap.onEvent(event);
    }
    lock.lock();
    try {
      if (event instanceof BatchDone) {
        if (waitingBatches >= capacity && !closed) {
          waits++;
        }
        while (waitingBatches >= capacity && !closed) {
          drained.await();
        }
        waitingBatches++;
      }
      if (!closed) {
        waiting.add(event);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the app is shutting down: drop the event
    } finally {
      lock.unlock();
    }
  }

  /** Adds what a change of epochs did, after the events it caused. Never waits. */
  void note(EpochsChange change) {
    add(change);
  }

  /** Adds which phase just ran, after the events it caused (an UPDATE's BatchDone). Never waits. */
  void note(PhaseDone phase) {
    for (Consumer<PhaseDone> tap : phaseTaps) {
      tap.accept(phase);
    }
    add(phase);
  }

  /** Adds a copy of the run's state for the step-through views, after the events before it. */
  void note(StepSnapshot snapshot) {
    add(snapshot);
  }

  private void add(Object change) {
    lock.lock();
    try {
      if (!closed) {
        waiting.add(change);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Takes everything waiting, in order: {@link TrainingEvent}s and {@link EpochsChange} and {@link
   * PhaseDone} notes. Called by the FX thread.
   */
  List<Object> drain() {
    lock.lock();
    try {
      if (waiting.isEmpty()) {
        return List.of();
      }
      List<Object> taken = waiting;
      waiting = new ArrayList<>(Math.min(taken.size(), capacity));
      waitingBatches = 0;
      drained.signalAll();
      return taken;
    } finally {
      lock.unlock();
    }
  }

  /** Drops what waits and every later event, and frees a training thread that waits. */
  void close() {
    lock.lock();
    try {
      closed = true;
      waiting = new ArrayList<>();
      waitingBatches = 0;
      drained.signalAll();
    } finally {
      lock.unlock();
    }
  }

  int capacity() {
    return capacity;
  }

  /** How many events and notes wait now. */
  int size() {
    lock.lock();
    try {
      return waiting.size();
    } finally {
      lock.unlock();
    }
  }

  /** How many times the training thread found the inbox full and waited for the FX thread. */
  long waits() {
    lock.lock();
    try {
      return waits;
    } finally {
      lock.unlock();
    }
  }
}
