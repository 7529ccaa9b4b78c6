package descent.app.presenter;

import descent.app.prefs.Preferences;

/** The font scale's steps, 80 % to 200 %: Ctrl + and Ctrl − move one step, Ctrl 0 goes to 100 %. */
public final class FontScale {
  static final double[] STEPS = {0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0};

  private FontScale() {}

  /** The next step above {@code scale}, or the largest. */
  public static double larger(double scale) {
    for (double s : STEPS) {
      if (s > scale + 1e-9) {
        return s;
      }
    }
    return Preferences.MAX_SCALE;
  }

  /** The next step below {@code scale}, or the smallest. */
  public static double smaller(double scale) {
    for (int i = STEPS.length - 1; i >= 0; i--) {
      if (STEPS[i] < scale - 1e-9) {
        return STEPS[i];
      }
    }
    return Preferences.MIN_SCALE;
  }

  /** "125 %". */
  public static String percent(double scale) {
    return Math.round(scale * 100) + " %";
  }
}
