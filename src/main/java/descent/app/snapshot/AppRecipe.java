package descent.app.snapshot;

import descent.app.settings.Setting;
import descent.app.settings.SettingsModel;
import java.util.Arrays;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The app's settings for {@code snapshot --view app}, from the command line's options. The app
 * builds its own run from its settings (synthetic data, shuffled, no clipping), the same run as the
 * command line's for the same options and seed; values the app's fields would refuse are refused
 * here too, with the app's own reason.
 *
 * @param trueW the true weights, 1 to 10 of them
 * @param batchSize the batch size the command line's data use (the default already lowered)
 */
public record AppRecipe(
    double[] trueW,
    double trueB,
    double noise,
    int numTrain,
    int numVal,
    int batchSize,
    double learningRate,
    double sigma,
    int epochs,
    long seed) {

  /**
   * Why the app cannot take one of the values.
   *
   * @param component the recipe's component refused, e.g. {@code learningRate}
   * @param reason the app's message, e.g. "learning rate η must be between 0.0001 and 10"
   */
  public record Refusal(String component, String reason) {}

  public AppRecipe {
    trueW = trueW.clone();
  }

  @Override
  public double[] trueW() {
    return trueW.clone();
  }

  /** The first value the app's settings refuse, if any. */
  public Optional<Refusal> refusal() {
    return refusalIn(new SettingsModel());
  }

  /**
   * Settings holding exactly these values, ready for a {@code TrainingSession}.
   *
   * @throws IllegalStateException if the app refuses one of them (see {@link #refusal()})
   */
  SettingsModel settings() {
    SettingsModel s = new SettingsModel();
    Optional<Refusal> refused = refusalIn(s);
    if (refused.isPresent()) {
      throw new IllegalStateException(
          "the app refuses " + refused.get().component() + ": " + refused.get().reason());
    }
    boolean same =
        Arrays.equals(s.trueW.value(), trueW)
            && s.trueB.value() == trueB
            && s.noise.value() == noise
            && s.numTrain.intValue() == numTrain
            && s.numVal.intValue() == numVal
            && s.batchSize.intValue() == batchSize
            && s.learningRate.value() == learningRate
            && s.sigma.value() == sigma
            && s.epochs.intValue() == epochs
            && (long) s.seed.value() == seed;
    if (!same) {
      throw new IllegalStateException("the app's settings do not hold the options' values");
    }
    return s;
  }

  private Optional<Refusal> refusalIn(SettingsModel s) {
    String[][] fields = {
      {"numTrain", Integer.toString(numTrain)},
      {"numVal", Integer.toString(numVal)},
      {"batchSize", Integer.toString(batchSize)},
      {"learningRate", Double.toString(learningRate)},
      {"sigma", Double.toString(sigma)},
      {"epochs", Integer.toString(epochs)},
      {"noise", Double.toString(noise)},
      {"trueW", list(trueW)},
      {"trueB", Double.toString(trueB)},
      {"seed", Long.toString(seed)}
    };
    for (String[] f : fields) {
      Setting setting = setting(s, f[0]);
      if (!setting.submit(f[1])) {
        return Optional.of(new Refusal(f[0], setting.error()));
      }
    }
    return Optional.empty();
  }

  private static Setting setting(SettingsModel s, String component) {
    return switch (component) {
      case "numTrain" -> s.numTrain;
      case "numVal" -> s.numVal;
      case "batchSize" -> s.batchSize;
      case "learningRate" -> s.learningRate;
      case "sigma" -> s.sigma;
      case "epochs" -> s.epochs;
      case "noise" -> s.noise;
      case "trueW" -> s.trueW;
      case "trueB" -> s.trueB;
      case "seed" -> s.seed;
      default -> throw new IllegalArgumentException(component);
    };
  }

  private static String list(double[] values) {
    StringJoiner j = new StringJoiner(",");
    for (double v : values) {
      j.add(Double.toString(v));
    }
    return j.toString();
  }
}
