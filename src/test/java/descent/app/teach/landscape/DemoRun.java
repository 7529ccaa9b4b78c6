package descent.app.teach.landscape;

import descent.app.teach.ParameterPath;
import descent.app.teach.TeachingFeed;
import descent.data.RegressionData;
import descent.data.SyntheticRegressionData;
import descent.train.RunPicture;
import descent.train.RunSpec;
import descent.train.StabilityBound;
import descent.train.StepRecorder;
import descent.train.StepSnapshot;
import descent.train.TrainingEvent;
import descent.train.TrainingRun;
import java.util.ArrayList;
import java.util.List;

/**
 * A real run of the chapter's model (RunSpec → Trainer → TrainingRun), stepped on the test's thread
 * as the training thread would, keeping its events and snapshots for a {@link TeachingFeed}, and
 * its path as the feed keeps it ({@link ParameterPath}).
 */
final class DemoRun {
  static final double[] TRUE_W = {2, -3.4};
  static final double TRUE_B = 4.2;
  static final long SEED = 42;

  final RegressionData data;
  final RunPicture picture;
  final TrainingRun run;
  final StepRecorder recorder;
  final StepSnapshot ready;
  final List<TrainingEvent> events = new ArrayList<>();
  final ParameterPath path;

  /** The chapter's data (noise 0.01, 1000 + 1000 rows) with true w {@code w}. */
  static DemoRun chapter(double[] w, int batch, double lr, double clip, int epochs) {
    var data = new SyntheticRegressionData(w, TRUE_B, 0.01, 1000, 1000, batch, true, SEED);
    return new DemoRun(data, new RunSpec(lr, 0.01, epochs, clip, SEED));
  }

  static DemoRun chapter(int batch, double lr, double clip, int epochs) {
    return chapter(TRUE_W, batch, lr, clip, epochs);
  }

  DemoRun(RegressionData data, RunSpec spec) {
    this.data = data;
    this.picture = RunPicture.of(data);
    var model = spec.newModel(data.numFeatures());
    this.run = spec.newTrainer().prepare(model, data, events::add);
    this.recorder = new StepRecorder(() -> true, s -> {}).attachTo(run);
    this.ready = recorder.capture(run);
    this.path = new ParameterPath(data.numFeatures());
    path.reset(ready.w(), ready.b());
  }

  /** The largest stable learning rate for the chapter's data and this batch size. */
  static double bound(int batch) {
    return bound(TRUE_W, batch);
  }

  /** The largest stable learning rate for the chapter's data with true w {@code w}. */
  static double bound(double[] w, int batch) {
    var data = new SyntheticRegressionData(w, TRUE_B, 0.01, 1000, 1000, batch, true, SEED);
    return StabilityBound.of(data).maxStableRate();
  }

  /** Runs {@code n} whole steps (fewer if the run ends) and adds them to the path. */
  DemoRun steps(int n) {
    for (int i = 0; i < n && !run.isOver(); i++) {
      run.step();
    }
    drain();
    return this;
  }

  /** Runs one phase. */
  DemoRun phase() {
    run.stepPhase();
    drain();
    return this;
  }

  private int drained;

  private void drain() {
    for (; drained < events.size(); drained++) {
      if (events.get(drained) instanceof TrainingEvent.BatchDone done) {
        path.add(done.step(), done.w(), done.b());
      }
    }
  }

  /** The run as it stands, as the views see it. */
  StepSnapshot snapshot() {
    return recorder.capture(run);
  }

  private int fed;

  /** Fills {@code feed} (on the FX thread) with this run as it stands, as a new run. */
  void feed(TeachingFeed feed) {
    feed.startRun(picture, ready);
    fed = 0;
    feedNew(feed);
  }

  /** Gives {@code feed} (on the FX thread) the events since the last time, and the snapshot. */
  void feedNew(TeachingFeed feed) {
    feed.onEvents(List.copyOf(events.subList(fed, events.size())));
    fed = events.size();
    feed.show(snapshot());
  }

  /** Parameter {@code axis} at path point {@code k}. */
  double p(int k, int axis) {
    return path.parameter(k, axis);
  }
}
