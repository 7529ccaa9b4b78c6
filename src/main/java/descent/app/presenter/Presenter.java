package descent.app.presenter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Presenter mode for one scene: the theme, the font scale (Ctrl + / Ctrl − / Ctrl 0), hiding the
 * controls (H) and full screen (F11; Esc also leaves it). The view owns the font scale and the
 * hidden flag; this class changes them and applies the theme to the scene (ADR 0026).
 */
public final class Presenter {
  public static final KeyCombination FULL_SCREEN = new KeyCodeCombination(KeyCode.F11);
  public static final KeyCombination HIDE_CONTROLS = new KeyCodeCombination(KeyCode.H);
  public static final KeyCombination LARGER =
      new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN);
  public static final KeyCombination SMALLER =
      new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN);
  public static final KeyCombination ACTUAL_SIZE =
      new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN);
  public static final KeyCombination DARK_THEME =
      new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN);

  /** What the full-screen window says when it opens. */
  public static final String FULL_SCREEN_HINT = "Press F11 or Esc to leave full screen";

  private final Scene scene;
  private final DoubleProperty fontScale;
  private final BooleanProperty controlsHidden;
  private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
  private final ReadOnlyBooleanWrapper fullScreen = new ReadOnlyBooleanWrapper(false);
  private final List<String> overlays = new ArrayList<>();

  public Presenter(Scene scene, DoubleProperty fontScale, BooleanProperty controlsHidden) {
    this.scene = scene;
    this.fontScale = fontScale;
    this.controlsHidden = controlsHidden;
    theme.addListener((obs, was, now) -> apply(now));
    apply(theme.get());
    scene.windowProperty().addListener((obs, was, now) -> follow(now));
    follow(scene.getWindow());
    installKeys();
  }

  private void follow(Window window) {
    if (window instanceof Stage stage) {
      stage.setFullScreenExitHint(FULL_SCREEN_HINT);
      fullScreen.set(stage.isFullScreen());
      stage.fullScreenProperty().addListener((obs, was, now) -> fullScreen.set(now));
    }
  }

  private void apply(Theme t) {
    scene.setUserAgentStylesheet(t.userAgentStylesheet());
    scene.getStylesheets().removeAll(overlays);
    overlays.clear();
    overlays.addAll(t.overlays());
    scene.getStylesheets().addAll(overlays);
    scene.getRoot().getStyleClass().removeAll("theme-light", "theme-dark");
    scene.getRoot().getStyleClass().add("theme-" + t.id());
  }

  /**
   * The keys, as scene accelerators: they work while the controls are hidden and while a field has
   * the keyboard. Ctrl + also answers to Ctrl Shift = (where + is on the = key), to a keyboard's
   * own + key and to the keypad's + and −, and Ctrl 0 to the keypad's 0.
   */
  private void installKeys() {
    Map<KeyCombination, Runnable> keys = scene.getAccelerators();
    keys.put(FULL_SCREEN, this::toggleFullScreen);
    keys.put(LARGER, this::larger);
    keys.put(
        new KeyCodeCombination(
            KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
        this::larger);
    keys.put(shortcutAnyShift(KeyCode.PLUS), this::larger);
    keys.put(shortcutAnyShift(KeyCode.ADD), this::larger);
    keys.put(SMALLER, this::smaller);
    keys.put(shortcutAnyShift(KeyCode.SUBTRACT), this::smaller);
    keys.put(ACTUAL_SIZE, this::actualSize);
    keys.put(shortcutAnyShift(KeyCode.NUMPAD0), this::actualSize);
    keys.put(DARK_THEME, this::toggleTheme);
  }

  private static KeyCombination shortcutAnyShift(KeyCode code) {
    return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY);
  }

  public void larger() {
    fontScale.set(FontScale.larger(fontScale.get()));
  }

  public void smaller() {
    fontScale.set(FontScale.smaller(fontScale.get()));
  }

  public void actualSize() {
    fontScale.set(1);
  }

  public void toggleTheme() {
    theme.set(theme.get().other());
  }

  public void toggleControls() {
    controlsHidden.set(!controlsHidden.get());
  }

  /** Enters or leaves full screen (the scene's window must be a stage). */
  public void toggleFullScreen() {
    if (scene.getWindow() instanceof Stage stage) {
      stage.setFullScreen(!stage.isFullScreen());
    }
  }

  public ObjectProperty<Theme> themeProperty() {
    return theme;
  }

  public DoubleProperty fontScaleProperty() {
    return fontScale;
  }

  public BooleanProperty controlsHiddenProperty() {
    return controlsHidden;
  }

  public ReadOnlyBooleanProperty fullScreenProperty() {
    return fullScreen.getReadOnlyProperty();
  }
}
