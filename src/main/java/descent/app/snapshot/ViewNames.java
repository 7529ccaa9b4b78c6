package descent.app.snapshot;

import descent.app.teach.ViewSpec;
import descent.app.teach.Views;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The names {@code snapshot --view} takes: {@code loss} (the loss chart), {@code params} (the
 * parameter table), one per teaching view of {@link Views#all()}, and {@code app} (the whole
 * window). A teaching view's name is its title in lower case, except the Minibatch view's, {@code
 * batch}.
 */
public final class ViewNames {
  /** The loss chart. */
  public static final String LOSS = "loss";

  /** The parameter table. */
  public static final String PARAMS = "params";

  /** The whole window. */
  public static final String APP = "app";

  /** The teaching views the issue names, by name, with their tabs' titles. */
  private static final Map<String, String> TEACHING = new LinkedHashMap<>();

  static {
    TEACHING.put("data", "Data");
    TEACHING.put("batch", "Minibatch");
    TEACHING.put("graph", "Graph");
    TEACHING.put("landscape", "Landscape");
    TEACHING.put("code", "Code");
  }

  private ViewNames() {}

  /** The {@code --view} name of the teaching view titled {@code title}. */
  public static String nameOf(String title) {
    for (Map.Entry<String, String> e : TEACHING.entrySet()) {
      if (e.getValue().equals(title)) {
        return e.getKey();
      }
    }
    return title.toLowerCase(Locale.ROOT);
  }

  /**
   * Every name {@code --view} knows, in the order the help lists them: loss, params, the teaching
   * views, app. A teaching view may be known but not in this build; see {@link #isAvailable}.
   */
  public static List<String> all() {
    List<String> names = new ArrayList<>();
    names.add(LOSS);
    names.add(PARAMS);
    names.addAll(TEACHING.keySet());
    for (ViewSpec spec : Views.all()) {
      String name = nameOf(spec.title());
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    names.add(APP);
    return names;
  }

  /** The names this build can draw: loss, params, each of {@link Views#all()}, app. */
  public static List<String> available() {
    List<String> names = new ArrayList<>();
    for (String name : all()) {
      if (isAvailable(name)) {
        names.add(name);
      }
    }
    return names;
  }

  /** Whether this build can draw {@code name}. */
  public static boolean isAvailable(String name) {
    return name.equals(LOSS) || name.equals(PARAMS) || name.equals(APP) || spec(name).isPresent();
  }

  /** The teaching view called {@code name} in {@code specs}, if there is one. */
  static Optional<ViewSpec> spec(String name, List<ViewSpec> specs) {
    return specs.stream().filter(s -> nameOf(s.title()).equals(name)).findFirst();
  }

  /** The teaching view called {@code name} in this build, if there is one. */
  static Optional<ViewSpec> spec(String name) {
    return spec(name, Views.all());
  }

  /** Whether {@code name} is one of the whole window's, i.e. {@code app}. */
  public static boolean isApp(String name) {
    return APP.equals(name);
  }

  /** The picture's width when {@code --width} is not given: 1366 for app, 760 for one view. */
  public static int defaultWidth(String name) {
    return isApp(name) ? 1366 : 760;
  }

  /** The picture's height when {@code --height} is not given: 768 for app, 560 for one view. */
  public static int defaultHeight(String name) {
    return isApp(name) ? 768 : 560;
  }
}
