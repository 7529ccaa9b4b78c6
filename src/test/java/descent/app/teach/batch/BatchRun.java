package descent.app.teach.batch;

import descent.data.SyntheticRegressionData;
import descent.train.RunPicture;
import descent.train.RunSpec;
import descent.train.StepRecorder;
import descent.train.StepSnapshot;
import descent.train.TrainingListener;
import descent.train.TrainingRun;

/**
 * A run stepped by a test, phase by phase, with the same {@link StepRecorder} the app attaches:
 * each {@link #phase()} returns the snapshot a watching view would get.
 */
final class BatchRun {
  final SyntheticRegressionData data;
  final TrainingRun run;
  final StepRecorder recorder;
  final RunPicture picture;

  /**
   * @param d features (the chapter's w = (2, −3.4) for d = 2, else w_j = 1 + j/2)
   * @param numTrain training rows
   * @param batchSize m
   * @param lr learning rate
   * @param clip the gradient-norm bound, 0 for none
   */
  BatchRun(int d, int numTrain, int batchSize, double lr, double clip, long seed) {
    double[] w = new double[d];
    for (int j = 0; j < d; j++) {
      w[j] = d == 2 ? (j == 0 ? 2 : -3.4) : 1 + j / 2.0;
    }
    data = new SyntheticRegressionData(w, 4.2, 0.01, numTrain, 100, batchSize, true, seed);
    RunSpec spec = new RunSpec(lr, 0.01, 3, clip, seed);
    run = spec.newTrainer().prepare(spec.newModel(d), data, TrainingListener.NONE);
    recorder = new StepRecorder(() -> true, s -> {}).attachTo(run);
    picture = RunPicture.of(data);
  }

  /** The chapter's run: d = 2, 1,000 rows, m = 32, η = 0.03, no clipping. */
  static BatchRun chapter() {
    return new BatchRun(2, 1000, 32, 0.03, 0, 42);
  }

  StepSnapshot snapshot() {
    return recorder.capture(run);
  }

  /** Runs one phase; the snapshot after it. */
  StepSnapshot phase() {
    run.stepPhase();
    return snapshot();
  }

  /** Runs {@code n} whole minibatches; the snapshot after the last. */
  StepSnapshot steps(int n) {
    for (int k = 0; k < n; k++) {
      run.step();
    }
    return snapshot();
  }
}
