package descent.app.uibench;

import descent.data.DataFileException;
import descent.data.RegressionData;
import descent.run.RunConfig;
import descent.train.RunSpec;
import descent.train.TrainingListener;
import descent.train.TrainingRun;
import java.util.Arrays;

/**
 * The same config trained with no window and no listener, in the same JVM: {@code
 * Trainer.prepare(model, data, TrainingListener.NONE).runToEnd()}, the steps over the wall time of
 * {@code runToEnd} (validation included, as in the app). Data are built once, outside the timing;
 * each repeat starts a fresh model and run.
 */
final class HeadlessThroughput {
  private HeadlessThroughput() {}

  /**
   * Steps per second of {@code repeats} timed runs of {@code config}, after {@code warmups} untimed
   * ones.
   */
  static double[] measure(RunConfig config, int warmups, int repeats) throws DataFileException {
    RegressionData data = config.loadData();
    RunSpec spec = config.spec();
    for (int i = 0; i < warmups; i++) {
      newRun(spec, data).runToEnd();
    }
    double[] rates = new double[repeats];
    for (int i = 0; i < repeats; i++) {
      TrainingRun run = newRun(spec, data);
      long start = System.nanoTime();
      run.runToEnd();
      long nanos = System.nanoTime() - start;
      rates[i] = run.steps() / (nanos / 1e9);
    }
    return rates;
  }

  private static TrainingRun newRun(RunSpec spec, RegressionData data) {
    return spec.newTrainer()
        .prepare(spec.newModel(data.numFeatures()), data, TrainingListener.NONE);
  }

  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
