package descent.app.session;

import descent.app.params.FitAdvice;
import descent.app.params.ParametersModel;
import descent.app.session.RunRecipe.PreparedRun;
import descent.app.settings.Setting;
import descent.app.settings.SettingsModel;
import descent.run.RunConfig;
import descent.train.GradientCheck;
import descent.train.RunPicture;
import descent.train.StabilityBound;
import descent.train.StepRecorder;
import descent.train.StepSnapshot;
import descent.train.TrainingEvent;
import descent.train.TrainingEvent.BatchDone;
import descent.train.TrainingListener;
import descent.train.TrainingRun;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ChangeListener;

/**
 * The app's view model of training: it owns the current {@link TrainingRun}, drives it through a
 * background {@link TrainingService}, and turns the run's events into properties the views bind to.
 * Lives on the FX thread.
 *
 * <p>The run belongs to the training thread: the session never steps it or changes its state
 * itself, but hands commands (play, a new number of epochs, building a large run) to that thread.
 * Events come back through a bounded {@link EventInbox}, are taken in every frame and shown when an
 * update is due ({@link FramePump}; {@link SessionStatus} for the counters), so the UI updates at
 * most once per frame.
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

  /**
   * Receives the run's events as frames take them, and hears when a new run replaces the old one.
   */
  public interface FrameListener {
    /** Events in order; a frame may bring them in several calls, {@code FramePump.CHUNK} each. */
    void onEvents(List<TrainingEvent> events);

    /**
     * Once the events handed on since the last call are to be shown (not after every {@link
     * #onEvents}: at full speed a frame may take events and leave showing them to a later one):
     * time to draw.
     */
    default void onEventsDone() {}

    /**
     * In which frame of an update at full speed this listener draws, so that no single frame draws
     * everything: 0 with the status bar and the parameter table (the default), 1 (the loss chart),
     * 2 (the teaching views, with the step snapshot). At a chosen speed, and whenever the session
     * shows the run at once, every listener draws in the same frame.
     */
    default int showFrame() {
      return 0;
    }

    void onReset();
  }

  private final SettingsModel settings;
  private final ParametersModel parameters = new ParametersModel();
  private final SessionStatus status = new SessionStatus();
  private final TrainingService service;
  private final FramePump frames;
  private final RunBuilder builder;
  private TrainingRun run;
  private BatchDone lastApplied; // the last minibatch applied, not shown yet
  private StepRecorder recorder;
  private boolean applying; // load() is setting values: one reset at its end
  private volatile boolean watching; // read by the training thread's recorders
  private final ReadOnlyObjectWrapper<StepSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<RunPicture> picture = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<RunConfig> runConfig = new ReadOnlyObjectWrapper<>();

  public TrainingSession(SettingsModel settings) {
    this(settings, EventInbox.DEFAULT_CAPACITY);
  }

  /** A session whose inbox holds at most {@code inboxCapacity} minibatches, for tests. */
  TrainingSession(SettingsModel settings, int inboxCapacity) {
    this.settings = settings;
    this.frames =
        new FramePump(
            inboxCapacity,
            this::apply,
            this::applied,
            () -> Double.isInfinite(settings.speed.stepsPerSecond()),
            status::epochsChanged,
            status::phaseDone,
            snapshot::set);
    this.service = new TrainingService(settings.speed::stepsPerSecond, frames.lateFrames());
    this.builder =
        new RunBuilder(service, frames::newInbox, this::install, status::say, () -> watching);
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
    settings.shuffle.addListener((obs, old, now) -> reset(now ? "shuffling on" : "shuffling off"));
    settings.standardize.addListener(
        (obs, old, now) -> reset(now ? "standardised features" : "features as generated"));
    settings.csvData.addListener(
        (obs, old, now) -> reset(now == null ? "synthetic data" : "data from a file"));
    status.state.addListener((obs, old, now) -> parameters.stopped(stopContext(now)));
    builder.request(RunRecipe.of(settings), null, true);
  }

  /** Where the run stands for the far-from-least-squares note, or null while it is not stopped. */
  private FitAdvice.Context stopContext(State state) {
    RunPicture p = picture.get();
    StabilityBound bound = status.stabilityBound.get();
    if ((state != State.FINISHED && state != State.PAUSED) || p == null || bound == null) {
      return null;
    }
    return new FitAdvice.Context(
        p.featureNames(),
        p.targetName(),
        status.steps.get(),
        state == State.FINISHED,
        settings.learningRate.value(),
        settings.epochs.intValue(),
        (int) settings.epochs.max(),
        bound,
        settings.standardize.get());
  }

  // ---------------------------------------------------------------- commands

  /** Space: plays, or pauses between minibatches. */
  public void playPause() {
    if (status.state.get() == State.RUNNING) {
      pause();
    } else {
      play();
    }
  }

  public void play() {
    if (canStep()) {
      begin(TrainingService.Mode.PLAY, "Training…");
    }
  }

  public void pause() {
    if (status.state.get() == State.RUNNING) {
      service.requestPause(); // the task ends after its current minibatch
    }
  }

  /** →: exactly one training minibatch. */
  public void step() {
    if (canStep()) {
      begin(TrainingService.Mode.STEP, "One minibatch");
    }
  }

  /**
   * Period: the next phase of the current minibatch (forward, loss, backward, update), one press
   * each; the status bar names the phase that ran and the next one.
   */
  public void stepPhase() {
    if (canStep()) {
      begin(TrainingService.Mode.PHASE, "Running " + status.nextPhase.get() + "…");
    }
  }

  /** Shift+→: the rest of the current epoch, then its validation. */
  public void stepEpoch() {
    if (canStep()) {
      begin(TrainingService.Mode.EPOCH, "One epoch");
    }
  }

  /** R: a fresh run from the current settings. */
  public void reset() {
    reset("Reset");
  }

  /**
   * Shows {@code config} in the settings and starts one fresh run from it (not one per changed
   * setting), e.g. for a preset or a run file.
   *
   * @param why what the status bar says, e.g. "Preset lr-edge"
   */
  public void load(descent.run.RunConfig config, String why) {
    applying = true;
    try {
      settings.apply(config);
    } finally {
      applying = false;
    }
    reset(why);
  }

  /** Stops training for good, e.g. when the window closes. */
  public void shutdown() {
    frames.close();
    service.shutdown();
  }

  /**
   * Shows {@code text} in the status line: what a command such as an export did, or a notice such
   * as preferences that could not be used.
   */
  public void say(String text) {
    status.say(text);
  }

  /** Shows an unexpected error in the status bar. */
  public void report(Throwable error) {
    status.say("Unexpected error: " + error);
  }

  /**
   * Hears every event of every run on the training thread, as the run makes it and before the
   * frame's batching. For tests and diagnostics: the training thread waits while it runs.
   */
  public void addTrainingThreadListener(TrainingListener listener) {
    frames.addTrainingThreadListener(listener);
  }

  /** Hears each phase note on the training thread, right after the phase ran (for tests). */
  void addPhaseThreadListener(Consumer<PhaseDone> listener) {
    frames.addPhaseThreadListener(listener);
  }

  private boolean canStep() {
    if (builder.isBuilding()) {
      status.say("A fresh run is being built: one moment");
      return false;
    }
    if (status.isOver()) {
      status.sayWhyOver();
      return false;
    }
    return !service.isRunning();
  }

  private void begin(TrainingService.Mode mode, String what) {
    status.running(what);
    frames.start();
    service.start(run, mode, frames.inbox(), recorder::settle);
  }

  private void onTaskEnded() {
    drain();
    frames.stop(); // nothing moves until the next start: no frames to spend
    status.stopped();
    if (status.state.get() != State.RUNNING) {
      return; // drain() showed FINISHED or DIVERGED, or a reset made a new run
    }
    if (builder.isBuilding()) {
      status.state.set(State.PAUSED); // the message says a fresh run is on its way
    } else {
      status.paused(service.mode(), service.isPauseRequested());
    }
  }

  private void onTaskFailed(Throwable error) {
    drain();
    frames.stop();
    status.failed(error);
  }

  /**
   * More epochs continue the run, fewer end it sooner; nothing learned is thrown away. The training
   * thread makes the change, between minibatches, since it may be stepping the run right now.
   */
  private void onEpochs(int epochs) {
    if (applying) {
      return; // load() starts a fresh run with them
    }
    if (status.state.get() == State.DIVERGED) {
      reset("epochs changed after divergence");
      return;
    }
    status.maxEpochs.set(epochs);
    runConfig.set(runConfig.get().withEpochs(epochs));
    if (builder.isBuilding()) {
      return; // the fresh run takes the settings as they are when it is installed
    }
    TrainingRun target = run;
    EventInbox targetInbox = frames.inbox();
    service.submit(
        () -> {
          EpochsChange change = EpochsChange.apply(target, epochs, service.isPlaying());
          targetInbox.note(change); // after the events the change caused
          return change;
        },
        change -> drain(), // shows the note now even if no frame is due
        this::report);
  }

  private void onLearningRate(Number lr) {
    if (applying) {
      return;
    }
    if (status.state.get() == State.DIVERGED) {
      reset("learning rate changed after divergence");
    } else {
      run.setLearningRate(lr.doubleValue()); // volatile: the next update uses it
      runConfig.set(runConfig.get().withLr(lr.doubleValue()));
    }
  }

  private void reset(String why) {
    if (applying) {
      return; // load() starts one run once every setting holds its value
    }
    builder.request(RunRecipe.of(settings), why, false);
  }

  // ---------------------------------------------------------------- installing runs

  /** Makes {@code p} the current run; the old run's task, if any, is cancelled. */
  private void install(PreparedRun p, String why) {
    if (service.isRunning()) {
      service.requestPause();
      service.cancel(); // it may finish one more step, into its closed inbox
    }
    run = p.run();
    // settings changed while a large run was building; no thread has the new run yet
    if (run.learningRate() != settings.learningRate.value()) {
      run.setLearningRate(settings.learningRate.value());
    }
    if (run.maxEpochs() != settings.epochs.intValue()) {
      run.setMaxEpochs(settings.epochs.intValue());
    }
    parameters.reset(p.trueW(), p.trueB(), p.ols(), p.initialW(), p.initialB(), p.quality());
    recorder = p.recorder();
    runConfig.set(p.config().withLr(run.learningRate()).withEpochs(settings.epochs.intValue()));
    picture.set(p.picture());
    snapshot.set(p.ready());
    status.start(p, run.maxEpochs(), why); // drops the old run's counters not shown yet
    lastApplied = null; // and its last w and b: the old task's last drain may come after this
    frames.connect(p.inbox());
  }

  // ---------------------------------------------------------------- events, taken and shown

  /**
   * Applies and shows every event that arrived, at once: when a task ends, and whenever a view
   * needs the run as it stands.
   */
  public void drain() {
    frames.pump();
  }

  /** Counts a frame's events, or some of them; {@link #applied()} shows where they left the run. */
  private void apply(List<TrainingEvent> events) {
    BatchDone last = status.apply(events, settings.learningRate.value());
    if (last != null) {
      lastApplied = last;
    }
  }

  /** Shows the counters and parameters after the events applied so far, once for all of them. */
  private void applied() {
    status.publish();
    if (recorder != null) {
      recorder.want(); // one snapshot per update while the run plays
    }
    if (lastApplied != null) {
      parameters.update(lastApplied.w(), lastApplied.b());
      // the frame that finishes the run sets the state before its last w and b arrive
      parameters.stopped(stopContext(status.state.get()));
      lastApplied = null;
    }
    status.measure(System.nanoTime());
  }

  /**
   * How long training has waited for late frames since the session began, in nanoseconds (ADR 0043;
   * for the UI benchmark).
   */
  public long gaveWayNanos() {
    return frames.lateFrames().waitedNanos();
  }

  /** The current run's inbox (for tests). */
  EventInbox inbox() {
    return frames.inbox();
  }

  // ---------------------------------------------------------------- state for views

  /**
   * Tells the training thread whether a step-through view shows, so that it copies the run's state
   * after each phase only while one does. Turned on, the views get where the run stands at once
   * (between two minibatches if it plays).
   */
  public void setWatching(boolean on) {
    if (on == watching) {
      return;
    }
    watching = on;
    if (on && run != null) {
      TrainingRun target = run;
      StepRecorder source = recorder;
      service.submit(
          () -> source.capture(target),
          s -> {
            if (target == run) {
              snapshot.set(s);
            }
          },
          this::report);
    }
  }

  /**
   * Compares the autograd gradient with central finite differences on the training thread ({@link
   * GradientCheck#of(TrainingRun)}: the current minibatch mid-step, else the next one), without
   * changing the run; hands the result, or why there is none, to the FX thread.
   */
  public void checkGradient(Consumer<GradientCheck> done, Consumer<String> failed) {
    TrainingRun target = run;
    service.submit(
        () -> GradientCheck.of(target),
        done,
        e -> failed.accept(e instanceof IllegalStateException ? e.getMessage() : e.toString()));
  }

  public boolean isWatching() {
    return watching;
  }

  /**
   * The current run's state as the step-through views show it: the latest copy the training thread
   * made, at most one new one per frame, and only while {@linkplain #setWatching watched} (the
   * fresh run's ready state is always there).
   */
  public ReadOnlyObjectProperty<StepSnapshot> snapshotProperty() {
    return snapshot.getReadOnlyProperty();
  }

  /**
   * What never changes during the current run: its data sample, loss surface, truth and optimum.
   */
  public ReadOnlyObjectProperty<RunPicture> pictureProperty() {
    return picture.getReadOnlyProperty();
  }

  /**
   * The settings of the current run, as they were when it was built; a learning rate changed while
   * it runs replaces the one it started with. Set before the frame listeners hear {@code onReset}.
   */
  public ReadOnlyObjectProperty<RunConfig> runConfigProperty() {
    return runConfig.getReadOnlyProperty();
  }

  public void addFrameListener(FrameListener l) {
    frames.addFrameListener(l);
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

  /** Whether the training thread is stepping the run or has a command of ours to carry out. */
  public boolean isBusy() {
    return service.busyProperty().get();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return service.busyProperty();
  }

  public ReadOnlyObjectProperty<State> stateProperty() {
    return status.state.getReadOnlyProperty();
  }

  public State state() {
    return status.state.get();
  }

  /** The current epoch, from 1. */
  public ReadOnlyIntegerProperty epochProperty() {
    return status.epoch.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty maxEpochsProperty() {
    return status.maxEpochs.getReadOnlyProperty();
  }

  /** Minibatches done in the current epoch. */
  public ReadOnlyIntegerProperty batchProperty() {
    return status.batch.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty batchesPerEpochProperty() {
    return status.batchesPerEpoch.getReadOnlyProperty();
  }

  /** Training minibatches done in this run; after a divergence, the one that diverged included. */
  public ReadOnlyLongProperty stepsProperty() {
    return status.steps.getReadOnlyProperty();
  }

  /** The phase of the current minibatch that Step phase runs next; FORWARD between minibatches. */
  public ReadOnlyObjectProperty<TrainingRun.Phase> nextPhaseProperty() {
    return status.nextPhase.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty examplesPerSecondProperty() {
    return status.examplesPerSecond.getReadOnlyProperty();
  }

  /** A line for the status bar: what just happened and why. */
  public ReadOnlyStringProperty messageProperty() {
    return status.message.getReadOnlyProperty();
  }

  /** The largest stable learning rate for the current run's data and batch size. */
  public ReadOnlyObjectProperty<StabilityBound> stabilityBoundProperty() {
    return status.stabilityBound.getReadOnlyProperty();
  }

  /**
   * The divergence banner's text, with a learning rate to try, or null while the run is healthy.
   */
  public ReadOnlyStringProperty divergenceProperty() {
    return status.divergence.getReadOnlyProperty();
  }

  /**
   * The learning rate the divergence banner suggests (the same number as its text), or NaN while
   * the run is healthy or when a smaller rate would not help.
   */
  public ReadOnlyDoubleProperty suggestedLearningRateProperty() {
    return status.suggestedLearningRate.getReadOnlyProperty();
  }
}
