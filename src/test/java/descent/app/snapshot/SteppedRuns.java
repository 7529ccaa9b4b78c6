package descent.app.snapshot;

import descent.data.SyntheticRegressionData;
import descent.train.RunPicture;
import descent.train.RunSpec;
import descent.train.StepRecorder;
import descent.train.StepSnapshot;
import descent.train.TrainingEvent;
import descent.train.TrainingRun;
import java.util.ArrayList;
import java.util.List;

/** Runs of the chapter's synthetic data, stepped as the snapshot command steps them. */
final class SteppedRuns {
  private SteppedRuns() {}

  /** The chapter's run with {@code seed}, after {@code steps} steps and {@code phases} phases. */
  static SteppedRun chapter(long seed, int steps, int phases) {
    SyntheticRegressionData data =
        new SyntheticRegressionData(new double[] {2, -3.4}, 4.2, 0.01, 1000, 1000, 32, true, seed);
    RunSpec spec = RunSpec.chapter(seed);
    List<TrainingEvent> events = new ArrayList<>();
    TrainingRun run = spec.newTrainer().prepare(spec.newModel(2), data, events::add);
    StepRecorder recorder = new StepRecorder(() -> true, s -> {}).attachTo(run);
    RunPicture picture = RunPicture.of(data);
    StepSnapshot ready = recorder.capture(run);
    for (int i = 0; i < steps; i++) {
      run.step();
    }
    for (int i = 0; i < phases; i++) {
      run.stepPhase();
    }
    return new SteppedRun(
        data,
        picture,
        ready,
        events,
        recorder.capture(run),
        steps,
        phases,
        run.steps(),
        spec.epochs(),
        run.batchesPerEpoch());
  }

  /** The app's settings for {@link #chapter}'s run with {@code seed}. */
  static AppRecipe chapterRecipe(long seed) {
    return new AppRecipe(descent.run.RunConfig.chapter(seed));
  }
}
