package descent.badinput;

import descent.app.prefs.Preferences;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Preferences files that are corrupt, or hold values the app cannot use. */
final class PrefsCases {
  private PrefsCases() {}

  private static final Preferences DEFAULTS = Preferences.defaults();
  private static final String FILE = PrefsCase.FOLDER + "/preferences.json";

  private static PrefsCase text(
      String id, String text, Preferences expected, String message, String why) {
    String about =
        text.isEmpty() ? "preferences.json is empty" : "preferences.json is `" + text + "`";
    return new PrefsCase(
        id,
        text.getBytes(StandardCharsets.UTF_8),
        about,
        expected,
        "Preferences file " + FILE + message,
        why);
  }

  static List<PrefsCase> all() {
    return List.of(
        text(
            "prefs-not-json",
            "{\"theme\": \"dark\"",
            DEFAULTS,
            " is not valid JSON: using the defaults",
            "a file cut short (a crash of another program, a full disk) says nothing reliable"),
        text(
            "prefs-empty",
            "",
            DEFAULTS,
            " is empty or not a JSON object: using the defaults",
            "there is nothing to restore"),
        text(
            "prefs-not-an-object",
            "[1, 2]",
            DEFAULTS,
            " is empty or not a JSON object: using the defaults",
            "preferences are named values"),
        text(
            "prefs-unknown-theme",
            "{\"theme\": \"neon\", \"fontScale\": 1.5}",
            DEFAULTS.withFontScale(1.5),
            ": theme “neon” is not light or dark: using light",
            "there are two themes; the other values are kept"),
        text(
            "prefs-font-scale-out-of-range",
            "{\"fontScale\": 50}",
            DEFAULTS.withFontScale(Preferences.MAX_SCALE),
            ": font scale 50 is not between 0.8 and 2: using 2",
            "text 50 times larger would not fit the window"),
        text(
            "prefs-font-scale-not-a-number",
            "{\"fontScale\": \"big\"}",
            DEFAULTS,
            ": font scale “big” is not a number: using 1",
            "a scale is a number"),
        text(
            "prefs-window-negative-size",
            "{\"window\": {\"x\": 0, \"y\": 0, \"width\": -3, \"height\": 700}}",
            DEFAULTS,
            ": window place {\"x\":0,\"y\":0,\"width\":-3,\"height\":700} is not a place and size"
                + " on a screen: placing the window as on a first launch",
            "a window cannot be −3 pixels wide"),
        text(
            "prefs-window-incomplete",
            "{\"window\": {\"x\": 10}}",
            DEFAULTS,
            ": window place {\"x\":10} is not a place and size on a screen: placing the window"
                + " as on a first launch",
            "a place needs x, y, width and height"),
        text(
            "prefs-maximized-not-boolean",
            "{\"maximized\": \"yes\"}",
            DEFAULTS,
            ": maximized “yes” is not true or false: using false",
            "maximised or not"),
        new PrefsCase(
            "prefs-not-utf8",
            new byte[] {'{', (byte) 0xFF, '}'},
            "preferences.json holds the byte 0xFF",
            DEFAULTS,
            "Preferences file " + FILE + " cannot be read: using the defaults",
            "the file is not UTF-8 text, so not one descent wrote"));
  }
}
