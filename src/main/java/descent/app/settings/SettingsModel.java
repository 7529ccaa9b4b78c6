package descent.app.settings;

import descent.run.DataSource;
import descent.run.RunConfig;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Every setting the app exposes, with the chapter's defaults, ranges and tooltips. Views bind to
 * these; the training session listens to them.
 */
public final class SettingsModel {
  public static final int MAX_ROWS = 100_000;
  public static final int MAX_FEATURES = 10;

  /** The same seeds as the command line's, so every run can be repeated in both. */
  public static final long MAX_SEED = descent.train.RunSpec.MAX_SEED;

  public final NumberSetting learningRate =
      new NumberSetting(
          "learning rate η",
          "η scales each SGD step θ ← θ − η·∇L; too large and the loss explodes.",
          0.03,
          1e-4,
          10,
          false);
  public final NumberSetting sigma =
      new NumberSetting(
          "init σ",
          "w starts as N(0, σ²) noise; σ = 0 starts every weight at exactly zero.",
          0.01,
          0,
          10,
          false);
  public final NumberSetting batchSize =
      new NumberSetting(
          "batch size",
          "How many examples each minibatch averages its gradient over; the last batch may be"
              + " smaller.",
          32,
          1,
          1000,
          true);
  public final NumberSetting epochs =
      new NumberSetting(
          "epochs",
          "How many full passes over the training rows the Trainer makes.",
          3,
          1,
          100,
          true);
  public final NumberSetting noise =
      new NumberSetting(
          "noise",
          "The standard deviation of the noise ε added to y = Xw + b + ε.",
          0.01,
          0,
          10,
          false);
  public final NumberSetting numTrain =
      new NumberSetting(
          "training rows",
          "How many synthetic rows the model learns from (d2l's num_train).",
          1000,
          1,
          MAX_ROWS,
          true);
  public final NumberSetting numVal =
      new NumberSetting(
          "validation rows",
          "How many held-out rows measure the validation loss once per epoch (num_val).",
          1000,
          1,
          MAX_ROWS,
          true);
  public final VectorSetting trueW =
      new VectorSetting(
          "true w",
          "The weights that generate the data; the number of entries sets the number of features"
              + " d.",
          new double[] {2, -3.4},
          MAX_FEATURES,
          1000);
  public final VectorSetting featureScale =
      new VectorSetting(
          "feature scale",
          "The standard deviation of each feature x_j (the chapter's is 1). One number scales every"
              + " feature; otherwise entry j scales feature j, and a feature without an entry keeps"
              + " 1.",
          new double[] {1},
          MAX_FEATURES,
          1e4,
          true);
  public final NumberSetting trueB =
      new NumberSetting("true b", "The bias that generates the data.", 4.2, -1000, 1000, false);
  public final NumberSetting seed =
      new NumberSetting(
          "seed",
          "Fixes the data, the initial w and every shuffle, so a run can be repeated exactly.",
          42,
          0,
          MAX_SEED,
          true);

  public final NumberSetting clip =
      new NumberSetting(
          "clip norm",
          "Before each update, a gradient longer than this is scaled down to this length;"
              + " 0 turns clipping off.",
          0,
          0,
          1e6,
          false);

  /** Whether the training rows are reshuffled every epoch (d2l's default) or read in order. */
  public final BooleanProperty shuffle = new SimpleBooleanProperty(true);

  /** Whether every feature is replaced by its z-score over the training rows. */
  public final BooleanProperty standardize = new SimpleBooleanProperty(false);

  /**
   * The CSV file the rows come from, or null for the synthetic data that noise, the row counts,
   * true w and true b describe.
   */
  public final ObjectProperty<DataSource.CsvFile> csvData = new SimpleObjectProperty<>();

  /** Steps per second; {@code Double.POSITIVE_INFINITY} means as fast as possible. */
  public final SpeedSetting speed = new SpeedSetting();

  public SettingsModel() {
    // the batch size can never exceed the number of training rows: the synthetic data's, or the
    // CSV file's while one provides the rows
    batchSize
        .maxProperty()
        .bind(
            javafx.beans.binding.Bindings.createDoubleBinding(
                this::trainingRows, numTrain.valueProperty(), csvData));
    batchSize
        .maxProperty()
        .addListener(
            (obs, old, now) -> {
              if (batchSize.value() > now.doubleValue()) {
                batchSize.set(now.doubleValue());
              }
            });
  }

  /** The training rows: the CSV file's when it says how many, else the synthetic data's. */
  private double trainingRows() {
    DataSource.CsvFile csv = csvData.get();
    return csv != null && csv.numTrain() != null ? csv.numTrain() : numTrain.value();
  }

  /** Every setting with a text field, in display order. */
  public List<Setting> all() {
    return List.of(
        learningRate,
        sigma,
        batchSize,
        epochs,
        clip,
        noise,
        numTrain,
        numVal,
        trueW,
        featureScale,
        trueB,
        seed);
  }

  /** The feature scales for {@code d} features, read as {@link #featureScale}'s tooltip says. */
  public double[] featureScales(int d) {
    double[] given = featureScale.value();
    double[] scales = new double[d];
    for (int j = 0; j < d; j++) {
      scales[j] = given.length == 1 ? given[0] : j < given.length ? given[j] : 1;
    }
    return scales;
  }

  /** The run these settings describe. Call it on the FX thread. */
  public RunConfig config() {
    DataSource data =
        csvData.get() != null
            ? csvData.get()
            : new DataSource.Synthetic(
                trueW.value(),
                trueB.value(),
                noise.value(),
                numTrain.intValue(),
                numVal.intValue(),
                featureScales(trueW.value().length));
    return new RunConfig(
        data,
        learningRate.value(),
        sigma.value(),
        batchSize.intValue(),
        epochs.intValue(),
        clip.value(),
        shuffle.get(),
        standardize.get(),
        (long) seed.value());
  }

  /**
   * Shows {@code c}'s values in every setting. Values out of a setting's range are clamped into it;
   * callers check ranges first (run files and presets are in range).
   */
  public void apply(RunConfig c) {
    if (c.data() instanceof DataSource.Synthetic s) {
      csvData.set(null);
      numTrain.set(s.numTrain()); // first: it bounds the batch size
      numVal.set(s.numVal());
      noise.set(s.noise());
      trueB.set(s.trueB());
      trueW.submit(list(s.trueW()));
      featureScale.submit(list(s.featureScale()));
    } else {
      csvData.set((DataSource.CsvFile) c.data());
    }
    batchSize.set(c.batchSize());
    learningRate.set(c.lr());
    sigma.set(c.sigma());
    epochs.set(c.epochs());
    clip.set(c.clip());
    shuffle.set(c.shuffle());
    standardize.set(c.standardize());
    seed.set(c.seed());
  }

  /** Exact: a run file restores the very values. */
  private static String list(double[] values) {
    StringJoiner j = new StringJoiner(", ");
    for (double v : values) {
      j.add(Double.toString(v));
    }
    return j.toString();
  }

  /** Draws a fresh seed. */
  public void newSeed(Random random) {
    seed.set(random.nextInt((int) MAX_SEED + 1));
  }
}
