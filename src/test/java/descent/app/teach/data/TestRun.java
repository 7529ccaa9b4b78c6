package descent.app.teach.data;

import descent.data.SyntheticRegressionData;
import descent.train.RunPicture;
import descent.train.RunSpec;
import descent.train.StepRecorder;
import descent.train.StepSnapshot;
import descent.train.TrainingListener;
import descent.train.TrainingRun;
import descent.train.TrainingRun.Status;

/** A real run of the chapter's model on synthetic data, stepped by hand on the test's thread. */
final class TestRun {
  final SyntheticRegressionData data;
  final TrainingRun run;
  final RunPicture picture;
  private final StepRecorder recorder;

  TestRun(double[] w, double b, int numTrain, int batchSize, double lr, int epochs) {
    data = new SyntheticRegressionData(w, b, 0.01, numTrain, 100, batchSize, true, 7);
    RunSpec spec = new RunSpec(lr, 0.01, epochs, 0, 7);
    run = spec.newTrainer().prepare(spec.newModel(w.length), data, TrainingListener.NONE);
    recorder = new StepRecorder(() -> true, s -> {}).attachTo(run);
    picture = RunPicture.of(data);
  }

  /** The chapter's data with {@code d} features: w = (2, −3.4, 1.5, …), b = 4.2. */
  static TestRun chapter(int d, int numTrain, int batchSize, double lr) {
    double[] w = new double[d];
    double[] pattern = {2, -3.4, 1.5, -0.7, 2.5, -1.2, 0.8, 3.1, -2.2, 1.1};
    for (int j = 0; j < d; j++) {
      w[j] = pattern[j % pattern.length];
    }
    return new TestRun(w, 4.2, numTrain, batchSize, lr, 50);
  }

  StepSnapshot snapshot() {
    return recorder.capture(run);
  }

  StepSnapshot phase() {
    run.stepPhase();
    return snapshot();
  }

  StepSnapshot step() {
    run.step();
    return snapshot();
  }

  StepSnapshot steps(int n) {
    for (int i = 0; i < n; i++) {
      run.step();
    }
    return snapshot();
  }

  /** Steps until the run diverges (it must, within 10,000 steps). */
  StepSnapshot diverge() {
    for (int i = 0; i < 10_000 && run.status() != Status.DIVERGED; i++) {
      run.stepPhase();
    }
    if (run.status() != Status.DIVERGED) {
      throw new AssertionError("the run did not diverge");
    }
    return snapshot();
  }

  /** {@code s} with w and b replaced, as a run that blew up to NaN or ∞ would show them. */
  static StepSnapshot withParameters(StepSnapshot s, double wj, double b) {
    double[] w = new double[s.numFeatures()];
    java.util.Arrays.fill(w, wj);
    return new StepSnapshot(
        Status.DIVERGED,
        s.ran(),
        s.next(),
        s.epoch(),
        s.batchIndex(),
        s.batchesPerEpoch(),
        s.step(),
        s.batchSize(),
        s.rows(),
        s.x(),
        s.y(),
        s.yHat(),
        s.loss(),
        s.gradW(),
        s.gradB(),
        s.gradNorm(),
        s.clipFactor(),
        s.clipValue(),
        s.wBefore(),
        s.bBefore(),
        s.learningRate(),
        w,
        b,
        s.graph());
  }
}
