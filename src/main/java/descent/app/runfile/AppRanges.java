package descent.app.runfile;

import descent.app.settings.NumberSetting;
import descent.app.settings.Setting;
import descent.app.settings.SettingsModel;
import descent.app.settings.VectorSetting;
import descent.run.DataSource;
import descent.run.RunConfig;

/**
 * Whether a run file's values fit the app's settings. A run file is checked with the command line's
 * ranges, and some are wider than the app's sliders (the command line takes 100,000 epochs, the app
 * 100): such a file is refused by the app with the setting and its range, rather than clamped into
 * a different run.
 */
final class AppRanges {
  private AppRanges() {}

  /** Why {@code c} does not fit {@code settings}, or null when every value does. */
  static String refusal(SettingsModel settings, RunConfig c) {
    String why = null;
    if (c.data() instanceof DataSource.Synthetic s) {
      why = first(why, number(settings.numTrain, s.numTrain(), settings.numTrain.max()));
      why = first(why, number(settings.numVal, s.numVal(), settings.numVal.max()));
      why = first(why, number(settings.noise, s.noise(), settings.noise.max()));
      why = first(why, number(settings.trueB, s.trueB(), settings.trueB.max()));
      why = first(why, vector(settings.trueW, s.trueW()));
      why = first(why, vector(settings.featureScale, s.featureScale()));
      why = first(why, number(settings.batchSize, c.batchSize(), s.numTrain()));
    }
    why = first(why, number(settings.learningRate, c.lr(), settings.learningRate.max()));
    why = first(why, number(settings.sigma, c.sigma(), settings.sigma.max()));
    why = first(why, number(settings.epochs, c.epochs(), settings.epochs.max()));
    why = first(why, number(settings.clip, c.clip(), settings.clip.max()));
    why = first(why, number(settings.seed, c.seed(), settings.seed.max()));
    return why;
  }

  private static String first(String earlier, String now) {
    return earlier != null ? earlier : now;
  }

  private static String number(NumberSetting s, double v, double max) {
    if (v >= s.min() && v <= max) {
      return null;
    }
    return s.label()
        + " "
        + Setting.show(v)
        + " is outside the app's range, "
        + Setting.show(s.min())
        + " to "
        + Setting.show(max);
  }

  private static String vector(VectorSetting s, double[] values) {
    for (int i = 0; i < values.length; i++) {
      double v = values[i];
      boolean ok = s.positive() ? v > 0 && v <= s.bound() : Math.abs(v) <= s.bound();
      if (!ok) {
        return s.label()
            + " entry "
            + (i + 1)
            + ", "
            + Setting.show(v)
            + ", is outside the app's range, "
            + (s.positive() ? "> 0" : Setting.show(-s.bound()))
            + " to "
            + Setting.show(s.bound());
      }
    }
    return null;
  }
}
