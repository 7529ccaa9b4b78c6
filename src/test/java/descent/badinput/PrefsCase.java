package descent.badinput;

import descent.app.prefs.Preferences;

/**
 * A preferences file the app must not trust: it starts with {@code expected} (the defaults, or the
 * defaults for the values it refused), says {@code message} in the status bar, and leaves the file
 * as it was.
 */
record PrefsCase(
    String id, byte[] bytes, String about, Preferences expected, String message, String why) {

  /** Where the message says the file is: the config folder on Linux. */
  static final String FOLDER = "~/.config/descent";

  Row row() {
    return new Row(id, "preferences file", about, message, why);
  }

  @Override
  public String toString() {
    return id;
  }
}
