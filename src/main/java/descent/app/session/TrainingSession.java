package descent.app.session;

import descent.app.params.ParametersModel;
import descent.app.settings.Setting;
import descent.app.settings.SettingsModel;
import descent.data.RegressionData;
import descent.data.SyntheticRegressionData;
import descent.model.LinearRegressionScratch;
import descent.train.LeastSquares;
import descent.train.RunSpec;
import descent.train.StabilityBound;
import descent.train.TrainingEvent;
import descent.train.TrainingEvent.BatchDone;
import descent.train.TrainingEvent.Diverged;
import descent.train.TrainingEvent.EpochDone;
import descent.train.TrainingEvent.RunFinished;
import descent.train.TrainingRun;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;

/**
 * The app's view model of training: it owns the current {@link TrainingRun}, drives it through a
 * background {@link TrainingService}, and turns the run's events into properties the views bind to.
 * Lives on the FX thread.
 *
 * <p>Events travel from the training thread through a lock-free queue and are applied once per
 * frame, so the training thread never waits for the UI and the UI updates at most once per frame.
 */
public final class TrainingSession {
  /** What the status bar shows. */
  public enum State {
    READY,
    RUNNING,
    PAUSED,
    FINISHED,
    DIVERGED;

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Receives each frame's events, and hears when a new run replaces the old one. */
  public interface FrameListener {
    void onEvents(List<TrainingEvent> events);

    void onReset();
  }

  private final SettingsModel settings;
  private final ParametersModel parameters = new ParametersModel();
  private final TrainingService service;
  private final List<FrameListener> frameListeners = new ArrayList<>();
  private final AnimationTimer frames;

  private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.READY);
  private final ReadOnlyIntegerWrapper epoch = new ReadOnlyIntegerWrapper();
  private final ReadOnlyIntegerWrapper maxEpochs = new ReadOnlyIntegerWrapper();
  private final ReadOnlyIntegerWrapper batch = new ReadOnlyIntegerWrapper();
  private final ReadOnlyIntegerWrapper batchesPerEpoch = new ReadOnlyIntegerWrapper();
  private final ReadOnlyLongWrapper steps = new ReadOnlyLongWrapper();
  private final ReadOnlyDoubleWrapper examplesPerSecond = new ReadOnlyDoubleWrapper();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper divergence = new ReadOnlyStringWrapper(null);
  private final ReadOnlyObjectWrapper<StabilityBound> stabilityBound =
      new ReadOnlyObjectWrapper<>();

  private TrainingRun run;
  private ConcurrentLinkedQueue<TrainingEvent> inbox = new ConcurrentLinkedQueue<>();
  private long examplesSeen;
  private final ArrayDeque<long[]> rateWindow = new ArrayDeque<>(); // {nanoTime, examples}

  public TrainingSession(SettingsModel settings) {
    this.settings = settings;
    this.service = new TrainingService(settings.speed::stepsPerSecond);
    service.setOnSucceeded(e -> onTaskEnded());
    service.setOnCancelled(e -> onTaskEnded());
    service.setOnFailed(e -> onTaskFailed(service.getException()));

    settings.learningRate.valueProperty().addListener((obs, old, lr) -> onLearningRate(lr));
    settings.epochs.valueProperty().addListener((obs, old, n) -> onEpochs(n.intValue()));
    for (Setting s : settings.all()) {
      if (s != settings.learningRate && s != settings.epochs) {
        ChangeListener<Object> reset = (obs, old, now) -> reset(s.label() + " changed");
        s.observableValue().addListener(reset);
      }
    }
    frames =
        new AnimationTimer() {
          @Override
          public void handle(long now) {
            drain();
          }
        };
    newRun();
    message.set("Ready: press Play (Space) or Step (→)");
  }

  // ---------------------------------------------------------------- commands

  /** Space: plays, or pauses between minibatches. */
  public void playPause() {
    if (state.get() == State.RUNNING) {
      pause();
    } else {
      play();
    }
  }

  public void play() {
    if (canStep()) {
      begin(TrainingService.Mode.PLAY);
    }
  }

  public void pause() {
    if (state.get() == State.RUNNING) {
      service.requestPause(); // the task ends after its current minibatch
    }
  }

  /** →: exactly one training minibatch. */
  public void step() {
    if (canStep()) {
      begin(TrainingService.Mode.STEP);
    }
  }

  /** Shift+→: the rest of the current epoch, then its validation. */
  public void stepEpoch() {
    if (canStep()) {
      begin(TrainingService.Mode.EPOCH);
    }
  }

  /** R: a fresh run from the current settings. */
  public void reset() {
    reset("Reset");
  }

  /** Stops training for good, e.g. when the window closes. */
  public void shutdown() {
    frames.stop();
    service.shutdown();
  }

  private boolean canStep() {
    if (run.isOver()) {
      message.set(
          state.get() == State.DIVERGED
              ? "The run diverged: lower the learning rate, or Reset (R)"
              : "The run is finished: raise the epochs to go on, or Reset (R)");
      return false;
    }
    return !service.isRunning();
  }

  private void begin(TrainingService.Mode mode) {
    state.set(State.RUNNING);
    frames.start();
    message.set(
        switch (mode) {
          case PLAY -> "Training…";
          case STEP -> "One minibatch";
          case EPOCH -> "One epoch";
        });
    service.start(run, mode);
  }

  private void onTaskEnded() {
    drain();
    frames.stop(); // nothing moves until the next start: no frames to spend
    examplesPerSecond.set(0);
    if (run.isOver() || state.get() != State.RUNNING) {
      return; // drain() set FINISHED or DIVERGED, or a reset made a new run
    }
    state.set(State.PAUSED);
    if (service.isPauseRequested()) {
      message.set("Paused between minibatches: Space to go on, → to step");
      return;
    }
    message.set(
        switch (service.mode()) {
          case STEP -> "Stepped one minibatch: → for the next, Space to play";
          case EPOCH -> "Epoch " + run.epoch() + " done and validated";
          case PLAY -> "Paused";
        });
  }

  private void onTaskFailed(Throwable error) {
    drain();
    frames.stop();
    state.set(State.PAUSED);
    message.set("Training stopped by an unexpected error: " + error);
  }

  /** Shows an unexpected error in the status bar. */
  public void report(Throwable error) {
    message.set("Unexpected error: " + error);
  }

  /** More epochs continue the run, fewer end it sooner; nothing learned is thrown away. */
  private void onEpochs(int epochs) {
    if (state.get() == State.DIVERGED) {
      reset("epochs changed after divergence");
      return;
    }
    boolean wasFinished = run.isOver();
    run.setMaxEpochs(epochs); // a running task sees it at the end of its epoch
    maxEpochs.set(epochs);
    if (!service.isRunning() && !run.isOver() && run.epoch() >= epochs) {
      run.step(); // idle at the boundary of an epoch already done: this only finishes the run
      drain();
      return;
    }
    if (wasFinished && !run.isOver()) {
      state.set(State.PAUSED);
      epoch.set(run.epoch() + 1);
      batch.set(0);
      message.set("Epochs raised to " + epochs + ": Play or Step to go on from here");
    } else {
      message.set("Epochs set to " + epochs + " for this run");
    }
  }

  private void onLearningRate(Number lr) {
    if (state.get() == State.DIVERGED) {
      reset("learning rate changed after divergence");
    } else {
      run.setLearningRate(lr.doubleValue()); // takes effect from the next step
    }
  }

  private void reset(String why) {
    newRun();
    message.set(why + ": a fresh run is ready (Space to play)");
  }

  /**
   * Builds a run from the current settings and makes it current. The old run's task, if any, is
   * cancelled; it may finish one more step, into its own queue, which nobody reads.
   */
  private void newRun() {
    ConcurrentLinkedQueue<TrainingEvent> queue = new ConcurrentLinkedQueue<>();
    long seed = (long) settings.seed.value();
    double[] trueW = settings.trueW.value();
    RegressionData data =
        new SyntheticRegressionData(
            trueW,
            settings.trueB.value(),
            settings.noise.value(),
            settings.numTrain.intValue(),
            settings.numVal.intValue(),
            settings.batchSize.intValue(),
            true,
            seed);
    // the same RunSpec as the command line's, so a seed gives the same run in both
    RunSpec spec =
        new RunSpec(
            settings.learningRate.value(),
            settings.sigma.value(),
            settings.epochs.intValue(),
            0,
            seed);
    LinearRegressionScratch model = spec.newModel(trueW.length);
    TrainingRun fresh = spec.newTrainer().prepare(model, data, queue::add);
    LeastSquares.Fit ols =
        LeastSquares.fit(data.trainFeatures(), data.trainTargets(), data.numFeatures());
    StabilityBound bound = StabilityBound.of(data);
    // everything is built: only now stop the old run (after its current minibatch) and swap
    if (service.isRunning()) {
      service.requestPause();
      service.cancel();
    }
    frames.stop();
    run = fresh;
    inbox = queue;
    parameters.reset(trueW, settings.trueB.value(), ols, model.w().toArray(), model.b().item());
    state.set(State.READY);
    epoch.set(1);
    maxEpochs.set(run.maxEpochs());
    batch.set(0);
    batchesPerEpoch.set(run.batchesPerEpoch());
    steps.set(0);
    examplesSeen = 0;
    rateWindow.clear();
    examplesPerSecond.set(0);
    divergence.set(null);
    stabilityBound.set(bound);
    for (FrameListener l : frameListeners) {
      l.onReset();
    }
  }

  // ---------------------------------------------------------------- events, once per frame

  /** Applies every event that arrived since the last frame. Called by the frame timer. */
  public void drain() {
    List<TrainingEvent> events = new ArrayList<>();
    for (TrainingEvent e; (e = inbox.poll()) != null; ) {
      events.add(e);
    }
    updateRate(System.nanoTime());
    if (events.isEmpty()) {
      return;
    }
    BatchDone last = null;
    int ep = epoch.get();
    int done = batch.get();
    for (TrainingEvent e : events) {
      if (e instanceof BatchDone b) {
        last = b;
        examplesSeen += b.examples();
        ep = b.epoch() + 1;
        done = b.batchIndex() + 1;
      } else if (e instanceof EpochDone d) {
        if (d.epoch() + 1 < maxEpochs.get()) {
          ep = d.epoch() + 2; // the next epoch begins
          done = 0;
        }
      } else if (e instanceof RunFinished f) {
        state.set(State.FINISHED);
        message.set("Finished " + f.epochs() + " epochs, " + f.steps() + " steps");
      } else if (e instanceof Diverged d) {
        state.set(State.DIVERGED);
        divergence.set(divergenceMessage(d));
        message.set("Diverged: lower the learning rate, then Reset (R)");
      }
    }
    epoch.set(ep);
    batch.set(done);
    if (last != null) {
      steps.set(last.step());
      parameters.update(last.w(), last.b());
    }
    for (FrameListener l : frameListeners) {
      l.onEvents(events);
    }
  }

  /** "Diverged at epoch 1, step 4: loss = ∞ — lower the learning rate". */
  static String divergenceMessage(Diverged d) {
    return "Diverged at epoch "
        + (d.epoch() + 1)
        + ", step "
        + d.step()
        + ": loss = "
        + formatLoss(d.loss())
        + " — lower the learning rate";
  }

  static String formatLoss(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "−∞";
    }
    return Math.abs(v) >= 1e5 || (v != 0 && Math.abs(v) < 1e-4)
        ? String.format(Locale.ROOT, "%.3g", v)
        : String.format(Locale.ROOT, "%.6f", v);
  }

  private void updateRate(long now) {
    rateWindow.addLast(new long[] {now, examplesSeen});
    while (rateWindow.size() > 2 && now - rateWindow.peekFirst()[0] > 1_000_000_000L) {
      rateWindow.removeFirst();
    }
    long[] first = rateWindow.peekFirst();
    double dt = (now - first[0]) / 1e9;
    boolean running = state.get() == State.RUNNING;
    examplesPerSecond.set(running && dt > 0.2 ? (examplesSeen - first[1]) / dt : 0);
  }

  // ---------------------------------------------------------------- state for views

  public void addFrameListener(FrameListener l) {
    frameListeners.add(l);
  }

  public SettingsModel settings() {
    return settings;
  }

  public ParametersModel parameters() {
    return parameters;
  }

  /** The current run. Read it only while {@link #isBusy()} is false. */
  public TrainingRun run() {
    return run;
  }

  /** Whether the background thread is stepping the run. */
  public boolean isBusy() {
    return service.isRunning();
  }

  public javafx.beans.property.ReadOnlyBooleanProperty busyProperty() {
    return service.runningProperty();
  }

  public ReadOnlyObjectProperty<State> stateProperty() {
    return state.getReadOnlyProperty();
  }

  public State state() {
    return state.get();
  }

  /** The current epoch, from 1. */
  public ReadOnlyIntegerProperty epochProperty() {
    return epoch.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty maxEpochsProperty() {
    return maxEpochs.getReadOnlyProperty();
  }

  /** Minibatches done in the current epoch. */
  public ReadOnlyIntegerProperty batchProperty() {
    return batch.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty batchesPerEpochProperty() {
    return batchesPerEpoch.getReadOnlyProperty();
  }

  /** Training minibatches done in this run. */
  public ReadOnlyLongProperty stepsProperty() {
    return steps.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty examplesPerSecondProperty() {
    return examplesPerSecond.getReadOnlyProperty();
  }

  /** A line for the status bar: what just happened and why. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** The largest stable learning rate for the current run's data and batch size. */
  public ReadOnlyObjectProperty<StabilityBound> stabilityBoundProperty() {
    return stabilityBound.getReadOnlyProperty();
  }

  /** The divergence banner's text, or null while the run is healthy. */
  public ReadOnlyStringProperty divergenceProperty() {
    return divergence.getReadOnlyProperty();
  }
}
