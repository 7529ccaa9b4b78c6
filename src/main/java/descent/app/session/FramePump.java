package descent.app.session;

import descent.app.session.TrainingSession.FrameListener;
import descent.train.StepSnapshot;
import descent.train.TrainingEvent;
import descent.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;

/**
 * Carries the current run's events from its {@link EventInbox} to the FX thread, in two steps. It
 * <em>takes</em> them in every frame while training runs (a few milliseconds' worth at most):
 * {@link #CHUNK} at a time and in order, first to the session (counters), then to the {@link
 * FrameListener}s (the chart's model, the path, the history), interleaved in order with the
 * session's notes of epochs changes and phases. It <em>shows</em> them (the session's counters and
 * parameters, then each listener's {@link FrameListener#onEventsDone}, then the latest step
 * snapshot) in every frame at a chosen speed; at full speed, when its {@link UpdatePacer} allows,
 * spread over {@link #STAGES} frames (ADR 0042). When the session asks ({@link #pump()}), it takes
 * everything and shows it at once. Lives on the FX thread.
 */
final class FramePump {
  private final int inboxCapacity;
  private final Consumer<List<TrainingEvent>> session;
  private final Runnable sessionDone;
  private final BooleanSupplier paced;
  private final Consumer<EpochsChange> changes;
  private final Consumer<PhaseDone> phases;
  private final Consumer<StepSnapshot> snapshots;
  private final List<FrameListener> listeners = new ArrayList<>();
  private final List<TrainingListener> trainingThreadListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<PhaseDone>> phaseThreadListeners = new CopyOnWriteArrayList<>();
  private final AnimationTimer frames;
  private final LateFrames late = new LateFrames();
  private final UpdatePacer pacer = new UpdatePacer(STAGES + 1); // the shows, then a take
  private EventInbox inbox;
  private List<Object> taken = List.of(); // drained from the inbox, handed on up to next
  private int next;
  private int unshown; // bit k: frame k of an update has events handed on since it last showed
  private int stage; // the next frame of a spread update under way (STAGES: its take); 0: none
  private StepSnapshot latest; // the last snapshot taken, not shown yet

  /**
   * @param inboxCapacity how many minibatches each run's inbox holds before training waits
   * @param session applies some events to the session's own state, first (never none)
   * @param sessionDone shows the session's state after the events applied so far: once per update,
   *     even one with no events, and before each note
   * @param paced whether updates are paced now ({@link UpdatePacer}): while the run plays as fast
   *     as possible; at a chosen speed every frame shows what came
   * @param changes shows what a change of epochs did, in order with the events
   * @param phases shows which phase of a minibatch ran, in order with the events
   * @param snapshots receives the latest step snapshot of each pump that brought one, last
   */
  FramePump(
      int inboxCapacity,
      Consumer<List<TrainingEvent>> session,
      Runnable sessionDone,
      BooleanSupplier paced,
      Consumer<EpochsChange> changes,
      Consumer<PhaseDone> phases,
      Consumer<StepSnapshot> snapshots) {
    this.inboxCapacity = inboxCapacity;
    this.session = session;
    this.sessionDone = sessionDone;
    this.paced = paced;
    this.changes = changes;
    this.phases = phases;
    this.snapshots = snapshots;
    this.frames =
        new AnimationTimer() {
          @Override
          public void handle(long now) {
            long t = System.nanoTime();
            late.frameBegins(t);
            frame(t);
          }
        };
  }

  /** What the training thread reads to give way to a late frame. */
  LateFrames lateFrames() {
    return late;
  }

  /** A fresh inbox for a new run, bounded and heard by the training-thread listeners. */
  EventInbox newInbox() {
    return new EventInbox(inboxCapacity, trainingThreadListeners, phaseThreadListeners);
  }

  /** Reads {@code fresh} from now on; the old inbox is closed, so its late events go nowhere. */
  void connect(EventInbox fresh) {
    frames.stop();
    pacer.reset();
    if (inbox != null) {
      inbox.close();
    }
    inbox = fresh;
    taken = List.of(); // the old run's events go nowhere
    next = 0;
    unshown = 0;
    stage = 0;
    latest = null;
    for (FrameListener l : listeners) {
      l.onReset();
    }
  }

  /**
   * How many events go to the session and every listener at a time. A frame at full speed brings
   * tens of thousands, too many to stay in the processor's cache while five readers go through them
   * one after another; a couple of thousand do (about 300 KB with two features).
   */
  static final int CHUNK = 2048;

  /**
   * How long a frame spends handing events on, at most, before it leaves the rest to the next frame
   * (checked after each {@link #CHUNK}). A frame that came late (the window was busy drawing a view
   * for the first time) finds several frames' events waiting; taking them all at once would make
   * that frame late too. The training thread waits when the inbox is full, so a window that cannot
   * keep up slows training down instead of falling ever further behind.
   */
  static final long TAKE_BUDGET_NANOS = 6_000_000L;

  /**
   * Takes and applies every waiting event and note (possibly none), and shows where they left the
   * run: what a frame does when it updates, and what the session does when the run stops.
   */
  void pump() {
    stage = 0;
    take(Long.MAX_VALUE);
    show(0, STAGES - 1);
  }

  /**
   * Over how many frames an update at full speed is spread once updates are slow ({@link
   * UpdatePacer}): the status bar and the parameters in the first, the loss chart in the second,
   * the teaching views in the third ({@link FrameListener#showFrame()}).
   */
  static final int STAGES = 3;

  /**
   * In each frame while training runs: takes the waiting events (within {@link #TAKE_BUDGET_NANOS})
   * and, when an update is due, shows them. At a chosen speed every frame takes and shows. As fast
   * as possible the {@link UpdatePacer} says when an update is due, and whether it is shown at once
   * or spread over {@link #STAGES} frames. A spread update takes no events while it shows them: its
   * frames show the run as the frames before it left it, then one more frame takes what came
   * meanwhile, so that no frame both takes and shows, and every update cycle takes some.
   *
   * @param now {@link System#nanoTime()} (a test's own clock in tests)
   */
  void frame(long now) {
    if (stage > 0 && stage < STAGES) {
      show(stage, stage); // the next frame of a spread update: shows, takes nothing
      stage++;
      return;
    }
    boolean fullSpeed = paced.getAsBoolean();
    boolean due = stage == 0 && (!fullSpeed || pacer.due(now)); // not in a spread update's last
    stage = 0;
    if (due && fullSpeed && pacer.frames() > 1) {
      show(0, 0); // a spread update begins with what the frames before it took
      stage = 1;
      return;
    }
    take(now + TAKE_BUDGET_NANOS);
    if (due) {
      show(0, STAGES - 1);
    }
  }

  /**
   * Hands on the events waiting, in order, until none is left or {@code deadline} ({@link
   * System#nanoTime()}) has passed. Events are taken from the inbox only once the last ones taken
   * are all handed on, so at most twice its capacity wait in all. Notes are shown when they come.
   */
  private void take(long deadline) {
    while (true) {
      if (next == taken.size()) {
        taken = inbox.drain();
        next = 0;
        if (taken.isEmpty()) {
          return;
        }
      }
      List<TrainingEvent> chunk = new ArrayList<>(Math.min(taken.size() - next, CHUNK));
      Object note = null;
      while (next < taken.size() && chunk.size() < CHUNK && note == null) {
        Object item = taken.get(next++);
        if (item instanceof TrainingEvent e) {
          chunk.add(e);
        } else if (item instanceof StepSnapshot s) {
          latest = s; // the views show the state, not a history: the last one taken
        } else {
          note = item;
        }
      }
      if (!chunk.isEmpty()) {
        hand(chunk);
        unshown = (1 << STAGES) - 1;
      }
      if (note instanceof EpochsChange change) {
        sessionDone.run();
        changes.accept(change);
      } else if (note instanceof PhaseDone phase) {
        sessionDone.run();
        phases.accept(phase);
      }
      if (next == taken.size()) {
        taken = List.of(); // let the handed-on events go before the next drain
        next = 0;
      }
      if (System.nanoTime() - deadline >= 0) {
        return;
      }
    }
  }

  /**
   * Shows where the events handed on so far left the run, in the frames {@code from} to {@code to}
   * of an update: the session's counters and parameters with frame 0, each listener with its {@link
   * FrameListener#showFrame()}, the latest snapshot with the last frame.
   */
  private void show(int from, int to) {
    if (from == 0) {
      sessionDone.run(); // even with nothing new: the rate falls when nothing came
    }
    for (int k = from; k <= to; k++) {
      if ((unshown & (1 << k)) != 0) {
        unshown &= ~(1 << k);
        for (FrameListener l : listeners) {
          if (l.showFrame() == k) {
            l.onEventsDone();
          }
        }
      }
    }
    if (to == STAGES - 1 && latest != null) {
      StepSnapshot s = latest;
      latest = null;
      snapshots.accept(s);
    }
  }

  /** Gives {@code events} to the session first, then to every listener. */
  private void hand(List<TrainingEvent> events) {
    session.accept(events);
    for (FrameListener l : listeners) {
      l.onEvents(events);
    }
  }

  /** Runs {@link #frame} in every frame while training runs; the first frame updates. */
  void start() {
    pacer.reset();
    frames.start();
  }

  /** No frames to spend while nothing moves. */
  void stop() {
    frames.stop();
  }

  /** For good: frees a training thread waiting on the inbox. */
  void close() {
    frames.stop();
    inbox.close();
  }

  void addFrameListener(FrameListener l) {
    listeners.add(l);
  }

  void addTrainingThreadListener(TrainingListener l) {
    trainingThreadListeners.add(l);
  }

  void addPhaseThreadListener(Consumer<PhaseDone> l) {
    phaseThreadListeners.add(l);
  }

  EventInbox inbox() {
    return inbox;
  }
}
