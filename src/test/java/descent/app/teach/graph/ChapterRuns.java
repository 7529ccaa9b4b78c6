package descent.app.teach.graph;

import descent.data.SyntheticRegressionData;
import descent.model.LinearRegressionScratch;
import descent.train.RunPicture;
import descent.train.StepRecorder;
import descent.train.StepSnapshot;
import descent.train.Trainer;
import descent.train.TrainingListener;
import descent.train.TrainingRun;
import java.util.Random;

/** Real runs of the chapter's model, stepped phase by phase, and the snapshots the views read. */
final class ChapterRuns {
  final TrainingRun run;
  final RunPicture picture;
  private final StepRecorder recorder;

  /**
   * d features (true w = 2, −3.4, 1, 2, …), b = 4.2, 1,000 + 200 rows in minibatches of {@code
   * batchSize}, learning rate {@code lr}.
   */
  ChapterRuns(int d, int batchSize, double lr, int epochs) {
    double[] trueW = new double[d];
    for (int j = 0; j < d; j++) {
      trueW[j] = j == 0 ? 2 : j == 1 ? -3.4 : (j % 3) - 1.5;
    }
    var data = new SyntheticRegressionData(trueW, 4.2, 0.01, 1000, 200, batchSize, true, 7);
    var model = new LinearRegressionScratch(d, lr, 0.01, new Random(3));
    run = new Trainer(epochs).prepare(model, data, TrainingListener.NONE);
    picture = RunPicture.of(data);
    recorder = new StepRecorder(() -> true, s -> {}).attachTo(run);
  }

  /** The chapter's run: d = 2, batches of 32, η = 0.03. */
  static ChapterRuns chapter(int d) {
    return new ChapterRuns(d, 32, 0.03, 3);
  }

  /** Runs {@code phases} phases and returns the snapshot after them. */
  StepSnapshot phases(int phases) {
    for (int i = 0; i < phases; i++) {
      run.stepPhase();
    }
    return snapshot();
  }

  /** Runs {@code steps} whole minibatches and returns the snapshot after them. */
  StepSnapshot steps(int steps) {
    for (int i = 0; i < steps; i++) {
      run.step();
    }
    return snapshot();
  }

  /** Steps whole minibatches until the run diverges (or ends). */
  StepSnapshot untilOver() {
    while (!run.isOver()) {
      run.step();
    }
    return snapshot();
  }

  StepSnapshot snapshot() {
    return recorder.capture(run);
  }
}
