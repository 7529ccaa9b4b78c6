package descent.app.snapshot;

import descent.app.settings.Setting;
import descent.app.settings.SettingsModel;
import descent.run.DataSource;
import descent.run.Preset;
import descent.run.RunConfig;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The app's settings for {@code snapshot --view app}, from the command line's options as a {@link
 * RunConfig}: the app builds its own run from its settings, the same run as the command line's for
 * the same config (clip, shuffle, standardising and feature scales included). Values the app's
 * fields would refuse are refused here too, with the app's own reason.
 *
 * @param config the run, on synthetic data, with the batch size the command line's data use (the
 *     default already lowered)
 * @param preset the preset the options started from, whose lesson the header shows (with
 *     "(changed)" if options overrode it), or null
 */
public record AppRecipe(RunConfig config, Preset preset) {

  /** Settings with no preset's lesson in the header. */
  public AppRecipe(RunConfig config) {
    this(config, null);
  }

  /**
   * Why the app cannot take one of the values.
   *
   * @param component the setting refused, e.g. {@code learningRate}
   * @param reason the app's message, e.g. "learning rate η must be between 0.0001 and 10"
   */
  public record Refusal(String component, String reason) {}

  public AppRecipe {
    Objects.requireNonNull(config, "config");
    if (!(config.data() instanceof DataSource.Synthetic)) {
      throw new IllegalArgumentException("the app's snapshot draws synthetic data only");
    }
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
    Optional<Refusal> refused = refusal();
    if (refused.isPresent()) {
      throw new IllegalStateException(
          "the app refuses " + refused.get().component() + ": " + refused.get().reason());
    }
    SettingsModel s = new SettingsModel();
    s.apply(config);
    if (!s.config().equals(config)) {
      throw new IllegalStateException(
          "the app's settings do not hold the options' values: " + s.config() + " ≠ " + config);
    }
    return s;
  }

  private Optional<Refusal> refusalIn(SettingsModel s) {
    DataSource.Synthetic data = (DataSource.Synthetic) config.data();
    String[][] fields = {
      {"numTrain", Integer.toString(data.numTrain())},
      {"numVal", Integer.toString(data.numVal())},
      {"batchSize", Integer.toString(config.batchSize())},
      {"learningRate", Double.toString(config.lr())},
      {"sigma", Double.toString(config.sigma())},
      {"epochs", Integer.toString(config.epochs())},
      {"clip", Double.toString(config.clip())},
      {"noise", Double.toString(data.noise())},
      {"trueW", list(data.trueW())},
      {"featureScale", list(data.featureScale())},
      {"trueB", Double.toString(data.trueB())},
      {"seed", Long.toString(config.seed())}
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
      case "clip" -> s.clip;
      case "noise" -> s.noise;
      case "trueW" -> s.trueW;
      case "featureScale" -> s.featureScale;
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
