package descent.app.teach.code;

import descent.data.SyntheticRegressionData;
import descent.engine.Seeds;
import descent.model.LinearRegressionScratch;
import descent.train.RunPicture;
import descent.train.StepRecorder;
import descent.train.StepSnapshot;
import descent.train.Trainer;
import descent.train.TrainingListener;
import descent.train.TrainingRun;

/** A real run of d features on chapter-like data, stepped by hand, and its snapshots. */
final class SteppedRun {
  final TrainingRun run;
  final RunPicture picture;
  private final StepRecorder recorder;

  /**
   * @param d features (w = 2, −3.4, 2, −3.4 …, b = 4.2)
   * @param lr the learning rate; 5 diverges within a few steps
   * @param epochs epochs of 1,000 rows in batches of {@code batch}
   */
  SteppedRun(int d, double lr, int batch, int epochs) {
    double[] w = new double[d];
    for (int j = 0; j < d; j++) {
      w[j] = j % 2 == 0 ? 2 : -3.4;
    }
    var data = new SyntheticRegressionData(w, 4.2, 0.01, 1000, 200, batch, true, 7);
    var model = new LinearRegressionScratch(d, lr, 0.01, Seeds.stream(7, 3));
    run = new Trainer(epochs).prepare(model, data, TrainingListener.NONE);
    recorder = new StepRecorder(() -> true, s -> {}).attachTo(run);
    picture = RunPicture.of(data);
  }

  StepSnapshot snapshot() {
    return recorder.capture(run);
  }

  /** Runs one phase and returns the snapshot after it. */
  StepSnapshot phase() {
    run.stepPhase();
    return snapshot();
  }

  /** Runs {@code n} whole steps (or until the run is over) and returns the snapshot after them. */
  StepSnapshot steps(int n) {
    for (int i = 0; i < n && !run.isOver(); i++) {
      run.step();
    }
    return snapshot();
  }

  /** Runs to the end (finished or diverged). */
  StepSnapshot toEnd() {
    run.runToEnd();
    return snapshot();
  }
}
