package descent.app.session;

import descent.app.session.TrainingSession.FrameListener;
import descent.train.StepSnapshot;
import descent.train.TrainingEvent;
import descent.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;

/**
 * Carries the current run's events from its {@link EventInbox} to the FX thread: once per frame
 * while training runs, and whenever the session asks. The events go first to the session (counters,
 * parameters), interleaved in order with the session's notes of epochs changes and phases, then all
 * at once to the {@link FrameListener}s (the chart). Lives on the FX thread.
 */
final class FramePump {
  private final int inboxCapacity;
  private final Consumer<List<TrainingEvent>> session;
  private final Consumer<EpochsChange> changes;
  private final Consumer<PhaseDone> phases;
  private final Consumer<StepSnapshot> snapshots;
  private final List<FrameListener> listeners = new ArrayList<>();
  private final List<TrainingListener> trainingThreadListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<PhaseDone>> phaseThreadListeners = new CopyOnWriteArrayList<>();
  private final AnimationTimer frames;
  private EventInbox inbox;

  /**
   * @param inboxCapacity how many minibatches each run's inbox holds before training waits
   * @param session applies a batch of events to the session's own state, first
   * @param changes shows what a change of epochs did, in order with the events
   * @param phases shows which phase of a minibatch ran, in order with the events
   * @param snapshots receives the latest step snapshot of each pump that brought one, last
   */
  FramePump(
      int inboxCapacity,
      Consumer<List<TrainingEvent>> session,
      Consumer<EpochsChange> changes,
      Consumer<PhaseDone> phases,
      Consumer<StepSnapshot> snapshots) {
    this.inboxCapacity = inboxCapacity;
    this.session = session;
    this.changes = changes;
    this.phases = phases;
    this.snapshots = snapshots;
    this.frames =
        new AnimationTimer() {
          @Override
          public void handle(long now) {
            pump();
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
    if (inbox != null) {
      inbox.close();
    }
    inbox = next;
    for (FrameListener l : listeners) {
      l.onReset();
    }
  }

  /** Takes and applies every waiting event and note (possibly none). */
  void pump() {
    List<Object> items = inbox.drain();
    List<TrainingEvent> events = new ArrayList<>(items.size());
    int applied = 0;
    StepSnapshot latest = null; // the views show the state, not a history: one per frame
    for (Object item : items) {
      if (item instanceof TrainingEvent e) {
        events.add(e);
      } else if (item instanceof StepSnapshot s) {
        latest = s;
      } else {
        if (applied < events.size()) {
          session.accept(events.subList(applied, events.size()));
          applied = events.size();
        }
        if (item instanceof EpochsChange change) {
          changes.accept(change);
        } else if (item instanceof PhaseDone phase) {
          phases.accept(phase);
        }
      }
    }
    session.accept(events.subList(applied, events.size())); // even if empty: once per frame
    if (!events.isEmpty()) {
      for (FrameListener l : listeners) {
        l.onEvents(events);
      }
    }
    if (latest != null) {
      snapshots.accept(latest);
    }
  }

  /** Pumps once per frame, while training runs. */
  void start() {
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
