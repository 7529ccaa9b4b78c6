package descent.app.prefs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The preferences file, {@code preferences.json} in the user's config folder. Reading never fails:
 * a missing file gives the defaults silently; an unreadable, corrupt or empty one gives the
 * defaults and a one-line notice. Unknown keys are ignored; a value of the wrong type or out of
 * range falls back to its default (a font scale is clamped), with a one-line notice too. Writing
 * goes to a temporary file in the same folder, then a rename, so a crash mid-write leaves the old
 * file whole.
 */
public final class PreferencesStore {
  /** The system property that moves the config folder (tests use a temporary one). */
  public static final String DIR_PROPERTY = "descent.config.dir";

  public static final String FILE_NAME = "preferences.json";

  private static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The themes a preferences file may name. */
  private static final List<String> THEMES = List.of("light", "dark");

  private final Path file;

  /**
   * What reading gave: the preferences, and a notice for the status bar (null when all went well).
   */
  public record Loaded(Preferences preferences, String notice) {}

  public PreferencesStore(Path dir) {
    this.file = dir.resolve(FILE_NAME);
  }

  /** The store in the user's config folder, or in {@code -Ddescent.config.dir} when set. */
  public static PreferencesStore forUser() {
    return new PreferencesStore(configDir());
  }

  public Path file() {
    return file;
  }

  /**
   * The config folder: {@code descent.config.dir} if set; {@code %APPDATA%\Descent} on Windows,
   * {@code ~/Library/Application Support/Descent} on macOS, {@code $XDG_CONFIG_HOME/descent} or
   * {@code ~/.config/descent} elsewhere.
   */
  public static Path configDir() {
    String forced = System.getProperty(DIR_PROPERTY);
    if (forced != null && !forced.isBlank()) {
      return Path.of(forced);
    }
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    Path home = Path.of(System.getProperty("user.home", "."));
    if (os.startsWith("windows")) {
      String appData = System.getenv("APPDATA");
      return (appData == null || appData.isBlank()
              ? home.resolve("AppData/Roaming")
              : Path.of(appData))
          .resolve("Descent");
    }
    if (os.startsWith("mac")) {
      return home.resolve("Library/Application Support/Descent");
    }
    String xdg = System.getenv("XDG_CONFIG_HOME");
    return (xdg == null || xdg.isBlank() ? home.resolve(".config") : Path.of(xdg))
        .resolve("descent");
  }

  /** The stored preferences; the defaults, with a notice, when the file cannot be used. */
  public Loaded load() {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return new Loaded(Preferences.defaults(), null);
    } catch (IOException | RuntimeException e) {
      return new Loaded(Preferences.defaults(), notice("cannot be read"));
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return new Loaded(Preferences.defaults(), notice("is not valid JSON"));
    }
    if (root == null || !root.isObject()) {
      return new Loaded(Preferences.defaults(), notice("is empty or not a JSON object"));
    }
    List<String> dropped = new ArrayList<>();
    Preferences p = parse(root, dropped);
    if (dropped.isEmpty()) {
      return new Loaded(p, null);
    }
    return new Loaded(
        p,
        "Preferences file "
            + file
            + ": "
            + dropped.get(0)
            + (dropped.size() > 1 ? " (and " + (dropped.size() - 1) + " more)" : ""));
  }

  /** 2 rather than 2.0. */
  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  /** A value as the notice quotes it: short, on one line. */
  private static String quote(JsonNode n) {
    String text = n.isTextual() ? "“" + n.asText() + "”" : n.toString();
    text = text.replaceAll("\\s+", " ");
    return text.length() > 40 ? text.substring(0, 39) + "…" : text;
  }

  private String notice(String why) {
    return "Preferences file " + file + " " + why + ": using the defaults";
  }

  /**
   * The preferences in {@code root}; each value of the wrong type or out of range falls back to its
   * default (a font scale is clamped), and {@code dropped} says so. Unknown keys are ignored: a
   * later version may write them.
   */
  private static Preferences parse(JsonNode root, List<String> dropped) {
    Preferences d = Preferences.defaults();
    JsonNode theme = root.get("theme");
    String t = d.theme();
    if (theme != null && theme.isTextual() && THEMES.contains(theme.asText())) {
      t = theme.asText();
    } else if (theme != null) {
      dropped.add("theme " + quote(theme) + " is not light or dark: using " + d.theme());
    }
    JsonNode scale = root.get("fontScale");
    double s = d.fontScale();
    if (scale != null && scale.isNumber() && Double.isFinite(scale.asDouble())) {
      s = scale.asDouble();
      if (s < Preferences.MIN_SCALE || s > Preferences.MAX_SCALE) {
        s = Math.max(Preferences.MIN_SCALE, Math.min(Preferences.MAX_SCALE, s));
        dropped.add(
            "font scale "
                + quote(scale)
                + " is not between "
                + num(Preferences.MIN_SCALE)
                + " and "
                + num(Preferences.MAX_SCALE)
                + ": using "
                + num(s));
      }
    } else if (scale != null) {
      dropped.add("font scale " + quote(scale) + " is not a number: using " + num(d.fontScale()));
    }
    JsonNode window = root.get("window");
    Preferences.Bounds bounds = bounds(window);
    if (bounds == null && window != null) {
      dropped.add(
          "window place "
              + quote(window)
              + " is not a place and size on a screen: placing the window as on a first launch");
    }
    JsonNode max = root.get("maximized");
    boolean maximized = max != null && max.isBoolean() && max.asBoolean();
    if (max != null && !max.isBoolean()) {
      dropped.add("maximized " + quote(max) + " is not true or false: using false");
    }
    return new Preferences(t, s, bounds, maximized);
  }

  /**
   * A window's bounds, or null when any number is missing, not finite, or the size is not positive.
   */
  private static Preferences.Bounds bounds(JsonNode w) {
    if (w == null || !w.isObject()) {
      return null;
    }
    double[] v = new double[4];
    String[] names = {"x", "y", "width", "height"};
    for (int i = 0; i < 4; i++) {
      JsonNode n = w.get(names[i]);
      if (n == null || !n.isNumber() || !Double.isFinite(n.asDouble())) {
        return null;
      }
      v[i] = n.asDouble();
    }
    if (v[2] <= 0 || v[3] <= 0 || v[2] > 100_000 || v[3] > 100_000) {
      return null;
    }
    return new Preferences.Bounds(v[0], v[1], v[2], v[3]);
  }

  /**
   * Writes {@code p} atomically: a temporary file beside the real one, then a rename over it.
   *
   * @throws IOException when the folder cannot be created or written
   */
  public void save(Preferences p) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    String text = json(p);
    descent.run.AtomicFile.write(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** The text {@link #save} writes for {@code p}. */
  public static String json(Preferences p) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", VERSION);
    root.put("theme", p.theme());
    root.put("fontScale", p.fontScale());
    if (p.window() != null) {
      ObjectNode w = root.putObject("window");
      w.put("x", p.window().x());
      w.put("y", p.window().y());
      w.put("width", p.window().width());
      w.put("height", p.window().height());
    }
    root.put("maximized", p.maximized());
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }
}
