package descent.app.prefs;

/**
 * What the app remembers between launches: the theme, the font scale, the window's last normal
 * bounds (null until the window was placed once) and whether it was maximised. The last session's
 * settings are kept apart, as a run file ({@code descent.app.runfile.LastRun}).
 */
public record Preferences(String theme, double fontScale, Bounds window, boolean maximized) {

  /** The smallest and largest font scale: 80 % and 200 % of the size the window width gives. */
  public static final double MIN_SCALE = 0.8;

  public static final double MAX_SCALE = 2.0;

  /** A window's place and size on the desktop, frame included. */
  public record Bounds(double x, double y, double width, double height) {}

  public Preferences {
    if (!Double.isFinite(fontScale)) {
      fontScale = 1;
    }
    fontScale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, fontScale));
    theme = "dark".equals(theme) ? "dark" : "light";
  }

  /** The defaults: light theme, font scale 1, the first placement of {@code DescentApp}. */
  public static Preferences defaults() {
    return new Preferences("light", 1, null, false);
  }

  public Preferences withTheme(String t) {
    return new Preferences(t, fontScale, window, maximized);
  }

  public Preferences withFontScale(double s) {
    return new Preferences(theme, s, window, maximized);
  }

  public Preferences withWindow(Bounds b, boolean max) {
    return new Preferences(theme, fontScale, b, max);
  }
}
