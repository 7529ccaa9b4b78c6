package descent.app.session;

import descent.app.settings.SettingsModel;
import descent.data.DataFileException;
import descent.data.RegressionData;
import descent.model.LinearRegressionScratch;
import descent.run.DataSource;
import descent.run.RunConfig;
import descent.train.FeatureScales;
import descent.train.FitQuality;
import descent.train.LeastSquares;
import descent.train.RunPicture;
import descent.train.RunSpec;
import descent.train.StabilityBound;
import descent.train.StepRecorder;
import descent.train.StepSnapshot;
import descent.train.TrainingRun;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Everything needed to build a run, copied from the settings on the FX thread, so that {@link
 * #build} may then run on any thread without reading a JavaFX property.
 */
record RunRecipe(RunConfig config) {

  /**
   * Data up to this many numbers (rows × (features + 1)) build within about 10 ms, on the FX
   * thread; the largest data take up to half a second and build on the training thread instead. A
   * CSV file is always read on the training thread.
   */
  static final long SMALL_DATA_CELLS = 50_000;

  /** Reads the settings; call it on the FX thread. */
  static RunRecipe of(SettingsModel s) {
    return new RunRecipe(s.config());
  }

  /** Whether the data are small enough to build without the user noticing a pause. */
  boolean isSmall() {
    return config.data() instanceof DataSource.Synthetic s
        && (long) (s.numTrain() + s.numVal()) * (s.trueW().length + 1) <= SMALL_DATA_CELLS;
  }

  /** How many training rows, or which file, for the status line while a large run builds. */
  String describeSize() {
    if (config.data() instanceof DataSource.Synthetic s) {
      return String.format(Locale.ROOT, "%,d + %,d rows", s.numTrain(), s.numVal());
    }
    return ((DataSource.CsvFile) config.data()).file().getFileName().toString();
  }

  /**
   * Builds the data, the run (its events going to {@code inbox}), least squares, the stable bound,
   * the features' scales (for divergence advice) and the moments that score a fit ({@link
   * FitQuality}).
   */
  PreparedRun build(EventInbox inbox) {
    return build(inbox, () -> false);
  }

  /**
   * Like {@link #build(EventInbox)}, with a {@link StepRecorder} that copies the run's state for
   * the step-through views while {@code watching} says one shows.
   */
  PreparedRun build(EventInbox inbox, BooleanSupplier watching) {
    RegressionData data;
    try {
      data = config.loadData();
    } catch (DataFileException e) {
      throw new UncheckedIOException(new java.io.IOException(e.getMessage(), e));
    }
    // the same RunSpec as the command line's, so a seed gives the same run in both
    RunSpec spec = config.spec();
    LinearRegressionScratch model = spec.newModel(data.numFeatures());
    TrainingRun run = spec.newTrainer().prepare(model, data, inbox);
    LeastSquares.Fit ols =
        LeastSquares.fit(data.trainFeatures(), data.trainTargets(), data.numFeatures());
    StepRecorder recorder = new StepRecorder(watching, inbox::note).attachTo(run);
    return new PreparedRun(
        run,
        inbox,
        recorder,
        RunPicture.of(data, ols),
        recorder.capture(run),
        data.truth().map(t -> t.w()).orElse(null),
        data.truth().map(t -> t.b()).orElse(Double.NaN),
        ols,
        StabilityBound.of(data),
        FeatureScales.of(data),
        model.w().toArray(),
        model.b().item(),
        run.maxEpochs(),
        run.batchesPerEpoch(),
        FitQuality.of(data, ols),
        config);
  }

  /**
   * A run ready for its first step, with what the views show before it starts. Its numbers are
   * copies, read before any training thread touches the run.
   */
  record PreparedRun(
      TrainingRun run,
      EventInbox inbox,
      StepRecorder recorder,
      RunPicture picture,
      StepSnapshot ready,
      double[] trueW, // null without a truth (CSV data)
      double trueB, // NaN without a truth
      LeastSquares.Fit ols,
      StabilityBound bound,
      FeatureScales scales,
      double[] initialW,
      double initialB,
      int maxEpochs,
      int batchesPerEpoch,
      FitQuality quality,
      RunConfig config) {}
}
