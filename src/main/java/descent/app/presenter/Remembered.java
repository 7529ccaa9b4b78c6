package descent.app.presenter;

import descent.app.prefs.Preferences;
import descent.app.prefs.PreferencesStore;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.stage.Stage;

/**
 * Keeps the preferences in step with the window: the theme and the font scale are saved when they
 * change, the window's normal bounds and its maximised state when it closes. Full screen is not
 * kept: it is a mode for one lesson, and Esc or F11 leave it (ADR 0026). A failed save is one
 * notice, never an error dialog; the app goes on with what it has.
 */
public final class Remembered {
  private final PreferencesStore store;
  private final Consumer<String> notice;
  private Preferences prefs;
  private Preferences.Bounds normal;
  private boolean warned;

  private Remembered(PreferencesStore store, Preferences prefs, Consumer<String> notice) {
    this.store = store;
    this.prefs = prefs;
    this.notice = notice;
    this.normal = prefs.window();
  }

  /** Applies {@code prefs}' theme and font scale to {@code presenter} and saves their changes. */
  public static Remembered attach(
      PreferencesStore store, Preferences prefs, Presenter presenter, Consumer<String> notice) {
    Remembered r = new Remembered(store, prefs, notice);
    presenter.themeProperty().set(Theme.of(prefs.theme()));
    presenter.fontScaleProperty().set(prefs.fontScale());
    presenter.themeProperty().addListener((obs, was, now) -> r.save(r.prefs.withTheme(now.id())));
    presenter
        .fontScaleProperty()
        .addListener((obs, was, now) -> r.save(r.prefs.withFontScale(now.doubleValue())));
    return r;
  }

  /** The preferences kept for {@code stage}'s window, if it was shown with a store. */
  public static Optional<Remembered> of(Stage stage) {
    return Optional.ofNullable((Remembered) stage.getProperties().get(Remembered.class));
  }

  /**
   * Follows {@code stage}'s normal bounds, and saves them with its maximised state when it hides;
   * {@link #of(Stage)} finds this object again from the stage.
   */
  public void track(Stage stage) {
    stage.getProperties().put(Remembered.class, this);
    Runnable note =
        () -> {
          if (!stage.isMaximized() && !stage.isFullScreen() && !stage.isIconified()) {
            normal =
                new Preferences.Bounds(
                    stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
          }
        };
    stage.xProperty().addListener((obs, o, n) -> note.run());
    stage.yProperty().addListener((obs, o, n) -> note.run());
    stage.widthProperty().addListener((obs, o, n) -> note.run());
    stage.heightProperty().addListener((obs, o, n) -> note.run());
    stage.setOnHiding(e -> save(prefs.withWindow(normal, stage.isMaximized())));
  }

  public Preferences preferences() {
    return prefs;
  }

  private void save(Preferences p) {
    prefs = p;
    try {
      store.save(p);
    } catch (IOException | RuntimeException e) {
      if (!warned) {
        warned = true;
        notice.accept("Cannot save preferences to " + store.file() + ": " + reason(e));
      }
    }
  }

  private static String reason(Exception e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : " " + m);
  }
}
