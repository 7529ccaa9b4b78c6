package descent.app.settings;

import java.util.List;
import java.util.Random;

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

  /** Steps per second; {@code Double.POSITIVE_INFINITY} means as fast as possible. */
  public final SpeedSetting speed = new SpeedSetting();

  public SettingsModel() {
    // the batch size can never exceed the number of training rows
    batchSize.maxProperty().bind(numTrain.valueProperty());
    numTrain
        .valueProperty()
        .addListener(
            (obs, old, now) -> {
              if (batchSize.value() > now.doubleValue()) {
                batchSize.set(now.doubleValue());
              }
            });
  }

  /** Every setting with a text field, in display order. */
  public List<Setting> all() {
    return List.of(
        learningRate, sigma, batchSize, epochs, noise, numTrain, numVal, trueW, trueB, seed);
  }

  /** Draws a fresh seed. */
  public void newSeed(Random random) {
    seed.set(random.nextInt((int) MAX_SEED + 1));
  }
}
