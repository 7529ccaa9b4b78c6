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
 * Carries the current run's events from its {@link EventInbox} to the FX thread: while training
 * runs, in every frame (at full speed, in every frame its {@link UpdatePacer} allows: every frame,
 * unless updates take longer than a frame), and whenever the session asks. The events go, {@link
 * #CHUNK} at a time and in order, first to the session (counters, parameters), then to the {@link
 * FrameListener}s (the chart, the path, the history), interleaved in order with the session's notes
 * of epochs changes and phases. Lives on the FX thread.
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
  private final UpdatePacer pacer = new UpdatePacer();
  private EventInbox inbox;

  /**
   * @param inboxCapacity how many minibatches each run's inbox holds before training waits
   * @param session applies some events to the session's own state, first (never none)
   * @param sessionDone shows the session's state after the events applied so far: once per frame,
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
            if (!paced.getAsBoolean() || pacer.due(System.nanoTime())) {
              pump();
            }
          }
        };
  }

  /** A fresh inbox for a new run, bounded and heard by the training-thread listeners. */
  EventInbox newInbox() {
    return new EventInbox(inboxCapacity, trainingThreadListeners, phaseThreadListeners);
  }

  /** Reads {@code next} from now on; the old inbox is closed, so its late events go nowhere. */
  void connect(EventInbox next) {
    frames.stop();
    pacer.reset();
    if (inbox != null) {
      inbox.close();
    }
    inbox = next;
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

  /** Takes and applies every waiting event and note (possibly none). */
  void pump() {
    List<Object> items = inbox.drain();
    List<TrainingEvent> chunk = new ArrayList<>(Math.min(items.size(), CHUNK));
    boolean any = false; // whether the listeners heard any event
    StepSnapshot latest = null; // the views show the state, not a history: one per frame
    for (Object item : items) {
      if (item instanceof StepSnapshot s) {
        latest = s;
        continue;
      }
      if (item instanceof TrainingEvent e) {
        chunk.add(e);
        if (chunk.size() < CHUNK) {
          continue;
        }
      }
      if (!chunk.isEmpty()) { // a full chunk, or the events before a note
        hand(chunk);
        any = true;
        chunk = new ArrayList<>(CHUNK);
      }
      if (item instanceof EpochsChange change) {
        sessionDone.run();
        changes.accept(change);
      } else if (item instanceof PhaseDone phase) {
        sessionDone.run();
        phases.accept(phase);
      }
    }
    if (!chunk.isEmpty()) {
      hand(chunk);
      any = true;
    }
    sessionDone.run(); // once per frame, even with nothing new
    if (any) {
      for (FrameListener l : listeners) {
        l.onEventsDone();
      }
    }
    if (latest != null) {
      snapshots.accept(latest);
    }
  }

  /** Gives {@code events} to the session first, then to every listener. */
  private void hand(List<TrainingEvent> events) {
    session.accept(events);
    for (FrameListener l : listeners) {
      l.onEvents(events);
    }
  }

  /**
   * Pumps while training runs: in the first frame, then in every frame its {@link UpdatePacer}
   * allows.
   */
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
