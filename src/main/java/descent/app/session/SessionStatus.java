package descent.app.session;

import descent.app.session.RunRecipe.PreparedRun;
import descent.app.session.TrainingSession.State;
import descent.train.DivergenceAdvice;
import descent.train.FeatureScales;
import descent.train.StabilityBound;
import descent.train.TrainingEvent;
import descent.train.TrainingEvent.BatchDone;
import descent.train.TrainingEvent.Diverged;
import descent.train.TrainingEvent.EpochDone;
import descent.train.TrainingEvent.RunFinished;
import descent.train.TrainingRun.Phase;
import java.util.List;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the status bar and the divergence banner show: the state, the counters, the message and the
 * examples per second, worked out from a run's events alone (never by reading the live run, which
 * belongs to the training thread). Lives on the FX thread; {@link TrainingSession} exposes its
 * properties read-only.
 */
final class SessionStatus {
  final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.READY);
  final ReadOnlyIntegerWrapper epoch = new ReadOnlyIntegerWrapper(1);
  final ReadOnlyIntegerWrapper maxEpochs = new ReadOnlyIntegerWrapper();
  final ReadOnlyIntegerWrapper batch = new ReadOnlyIntegerWrapper();
  final ReadOnlyIntegerWrapper batchesPerEpoch = new ReadOnlyIntegerWrapper();
  final ReadOnlyLongWrapper steps = new ReadOnlyLongWrapper();
  final ReadOnlyDoubleWrapper examplesPerSecond = new ReadOnlyDoubleWrapper();
  final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  final ReadOnlyStringWrapper divergence = new ReadOnlyStringWrapper(null);
  final ReadOnlyObjectWrapper<Phase> nextPhase = new ReadOnlyObjectWrapper<>(Phase.FORWARD);

  /** The learning rate the divergence advice suggests; NaN while healthy or when none helps. */
  final ReadOnlyDoubleWrapper suggestedLearningRate = new ReadOnlyDoubleWrapper(Double.NaN);

  final ReadOnlyObjectWrapper<StabilityBound> stabilityBound = new ReadOnlyObjectWrapper<>();
  private FeatureScales scales;

  private final ThroughputMeter meter = new ThroughputMeter();
  private int lastEpochDone = -1;
  // the counters as the events applied so far left them, until publish() shows them
  private boolean pending;
  private int pendingEpoch;
  private int pendingBatch;
  private long pendingSteps;

  /**
   * Shows a fresh run of {@code epochs} epochs, ready for its first step, built because {@code
   * why}.
   */
  void start(PreparedRun p, int epochs, String why) {
    pending = false;
    state.set(State.READY);
    epoch.set(1);
    maxEpochs.set(epochs);
    batch.set(0);
    batchesPerEpoch.set(p.batchesPerEpoch());
    steps.set(0);
    nextPhase.set(Phase.FORWARD);
    meter.reset();
    examplesPerSecond.set(0);
    divergence.set(null);
    suggestedLearningRate.set(Double.NaN);
    stabilityBound.set(p.bound());
    scales = p.scales();
    lastEpochDone = -1;
    say(
        why == null
            ? "Ready: press Play (Space) or Step (→)"
            : why + ": a fresh run is ready (Space to play)");
  }

  /**
   * Applies some events, in order, to the counters and the state. The counters change on screen at
   * the next {@link #publish()}, or at once when the run finishes or diverges, so that the state
   * and the counters that go with it show together.
   *
   * @param learningRate the learning rate now, for the divergence banner's advice
   * @return the last {@link BatchDone} among them, or null
   */
  BatchDone apply(List<TrainingEvent> events, double learningRate) {
    BatchDone last = null;
    int ep = pending ? pendingEpoch : epoch.get();
    int done = pending ? pendingBatch : batch.get();
    long step = pending ? pendingSteps : steps.get();
    boolean ended = false;
    for (TrainingEvent e : events) {
      if (e instanceof BatchDone b) {
        last = b;
        meter.add(b.examples());
        ep = b.epoch() + 1;
        done = b.batchIndex() + 1;
        step = b.step();
        nextPhase.set(Phase.FORWARD); // the minibatch is complete, however it was stepped
      } else if (e instanceof EpochDone d) {
        lastEpochDone = d.epoch();
        boolean another = d.epoch() + 1 < maxEpochs.get();
        ep = another ? d.epoch() + 2 : d.epoch() + 1; // the next epoch begins, or the last ends
        done = another ? 0 : batchesPerEpoch.get();
        step = d.step();
      } else if (e instanceof RunFinished f) {
        ep = Math.max(1, f.epochs()); // the last epoch, shown complete
        done = batchesPerEpoch.get();
        step = f.steps();
        ended = true;
        state.set(State.FINISHED);
        message.set("Finished " + f.epochs() + " epochs, " + f.steps() + " steps");
      } else if (e instanceof Diverged d) {
        // the minibatch that diverged counts as a step taken: the banner and the counters agree
        ep = d.epoch() + 1;
        done = Math.min(d.batchIndex() + 1, batchesPerEpoch.get());
        step = d.step();
        ended = true;
        state.set(State.DIVERGED);
        DivergenceAdvice advice =
            DivergenceAdvice.of(d, learningRate, stabilityBound.get(), scales);
        suggestedLearningRate.set(advice.suggestedRate());
        divergence.set(DivergenceText.banner(d, advice));
        message.set(DivergenceText.message(advice));
      }
    }
    pending = true;
    pendingEpoch = ep;
    pendingBatch = done;
    pendingSteps = step;
    if (ended) {
      publish();
    }
    return last;
  }

  /** Shows the counters as the events applied so far left them. */
  void publish() {
    if (pending) {
      pending = false;
      epoch.set(pendingEpoch);
      batch.set(pendingBatch);
      steps.set(pendingSteps);
    }
  }

  /** Samples the examples per second once per update; 0 unless training. */
  void measure(long nanoTime) {
    double rate = meter.sample(nanoTime);
    examplesPerSecond.set(state.get() == State.RUNNING ? rate : 0);
  }

  /** Training starts (again): the rate counts from now. */
  void running(String why) {
    meter.restart();
    state.set(State.RUNNING);
    message.set(why);
  }

  /** A task threw: the run stays where it stopped. */
  void failed(Throwable error) {
    stopped();
    state.set(State.PAUSED);
    say("Training stopped by an unexpected error: " + error);
  }

  /** Why Play and Step do nothing now that the run is over. */
  void sayWhyOver() {
    say(
        state.get() == State.DIVERGED
            ? "The run diverged: lower the learning rate, or Reset (R)"
            : "The run is finished: raise the epochs to go on, or Reset (R)");
  }

  /** Training stopped: no rate to show. */
  void stopped() {
    examplesPerSecond.set(0);
  }

  /** A task ended with the run neither finished nor diverged. */
  void paused(TrainingService.Mode mode, boolean pauseRequested) {
    state.set(State.PAUSED);
    if (pauseRequested && mode != TrainingService.Mode.PHASE) {
      say("Paused between minibatches: Space to go on, → to step");
      return;
    }
    say(
        switch (mode) {
          case STEP -> "Stepped one minibatch: → for the next, Space to play";
          case EPOCH -> "Epoch " + (lastEpochDone + 1) + " done and validated";
          case PLAY -> "Paused";
          case PHASE -> message.get(); // the phase's note said what ran and what is next
        });
  }

  /**
   * Shows what a new number of epochs did, once the training thread made the change; the events it
   * caused (such as RunFinished) must be applied first.
   */
  void epochsChanged(EpochsChange change) {
    publish();
    int n = change.epochs();
    if (change.resumed()) {
      // a finished run got more epochs: it stands at the start of the next one
      state.set(change.duringPlay() ? State.RUNNING : State.PAUSED);
      epoch.set(change.epoch() + 1);
      batch.set(0);
      say(
          "Epochs raised to "
              + n
              + (change.duringPlay() ? ": training goes on" : ": Play or Step to go on from here"));
    } else if (change.endsWithCurrentEpoch()) {
      maxEpochs.set(change.epoch() + 1);
      say("Epochs set to " + n + ": this run ends when epoch " + (change.epoch() + 1) + " ends");
    } else if (change.wasOver() && change.isOver()) {
      maxEpochs.set(Math.max(n, change.epoch())); // what is done stays done
      say("Epochs set to " + n + ": this run already made " + change.epoch());
    } else if (!change.isOver()) {
      say("Epochs set to " + n + " for this run");
    }
  }

  /**
   * Shows which phase just ran and which is next; the events it caused (an UPDATE's BatchDone, a
   * LOSS phase's Diverged) must be applied first. A divergence or the run's end keeps its message.
   */
  void phaseDone(PhaseDone phase) {
    publish();
    if (isOver()) {
      return;
    }
    nextPhase.set(phase.next());
    say(phase.message());
  }

  /** The 0-based number of the last epoch that finished, or -1. */
  int lastEpochDone() {
    return lastEpochDone;
  }

  boolean isOver() {
    return state.get() == State.FINISHED || state.get() == State.DIVERGED;
  }

  void say(String text) {
    message.set(text);
  }
}
