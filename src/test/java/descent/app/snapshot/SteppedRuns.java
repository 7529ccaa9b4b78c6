package descent.app.snapshot;

import descent.data.SyntheticRegressionData;
import descent.train.RunSpec;

/** Runs of the chapter's synthetic data, stepped as the snapshot command steps them. */
final class SteppedRuns {
  private SteppedRuns() {}

  /** The chapter's run with {@code seed}, after {@code steps} steps and {@code phases} phases. */
  static SteppedRun chapter(long seed, int steps, int phases) {
    SyntheticRegressionData data =
        new SyntheticRegressionData(new double[] {2, -3.4}, 4.2, 0.01, 1000, 1000, 32, true, seed);
    return SteppedRun.of(RunSpec.chapter(seed), data, steps, phases, true);
  }

  /** The app's settings for {@link #chapter}'s run with {@code seed}. */
  static AppRecipe chapterRecipe(long seed) {
    return new AppRecipe(descent.run.RunConfig.chapter(seed));
  }
}
