package descent.app.monkey;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.event.Event;
import javafx.event.EventTarget;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.testfx.util.WaitForAsyncUtils;

/** Small helpers: run on the FX thread and wait for it, find menu items, send keys. */
final class Fx {
  private Fx() {}

  /** Runs {@code call} on the FX thread and returns its result; its exception is rethrown. */
  static <T> T call(Callable<T> call) {
    try {
      return WaitForAsyncUtils.asyncFx(call).get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("the FX thread did not answer within 60 s", e);
    }
  }

  static void run(Runnable run) {
    call(
        () -> {
          run.run();
          return null;
        });
  }

  /** Waits up to {@code seconds} for {@code condition}, evaluated on the FX thread. */
  static boolean waitFor(double seconds, Callable<Boolean> condition) {
    try {
      WaitForAsyncUtils.waitFor(
          (long) (seconds * 1000),
          TimeUnit.MILLISECONDS,
          () -> WaitForAsyncUtils.asyncFx(condition).get());
      return true;
    } catch (TimeoutException e) {
      return false;
    }
  }

  /** Every item of {@code bar}'s menus and submenus, in order. */
  static List<MenuItem> items(MenuBar bar) {
    List<MenuItem> all = new ArrayList<>();
    for (Menu m : bar.getMenus()) {
      collect(m, all);
    }
    return all;
  }

  private static void collect(Menu menu, List<MenuItem> into) {
    for (MenuItem i : menu.getItems()) {
      into.add(i);
      if (i instanceof Menu sub) {
        collect(sub, into);
      }
    }
  }

  /** The item of {@code bar} with {@code id}, or null. */
  static MenuItem item(MenuBar bar, String id) {
    for (MenuItem i : items(bar)) {
      if (id.equals(i.getId())) {
        return i;
      }
    }
    return null;
  }

  /**
   * Presses and releases {@code code} as the window system would: at the focus owner, else the
   * scene, so the scene's filters and accelerators see it. Call on the FX thread.
   */
  static void key(Scene scene, KeyCode code, boolean shift, boolean shortcut) {
    Node focus = scene.getFocusOwner();
    EventTarget target = focus != null ? focus : scene;
    String text = code.isLetterKey() || code.isDigitKey() ? code.getChar().toLowerCase() : "";
    Event.fireEvent(
        target, new KeyEvent(KeyEvent.KEY_PRESSED, "", text, code, shift, shortcut, false, false));
    if (!text.isEmpty() && !shortcut) {
      Event.fireEvent(
          target,
          new KeyEvent(
              KeyEvent.KEY_TYPED, text, "", KeyCode.UNDEFINED, shift, false, false, false));
    }
    Event.fireEvent(
        target, new KeyEvent(KeyEvent.KEY_RELEASED, "", text, code, shift, shortcut, false, false));
  }

  /**
   * Whether {@code n} is shown and lies wholly inside its window, where the robot's mouse can reach
   * it (a large text size in a small window pushes controls out of it). Call on the FX thread.
   */
  static boolean reachable(Node n) {
    if (n == null || n.getScene() == null) {
      return false;
    }
    for (Node p = n; p != null; p = p.getParent()) {
      if (!p.isVisible()) {
        return false;
      }
    }
    javafx.geometry.Bounds b = n.localToScene(n.getBoundsInLocal());
    Scene s = n.getScene();
    return b.getWidth() > 0
        && b.getHeight() > 0
        && b.getMinX() >= 0
        && b.getMinY() >= 0
        && b.getMaxX() <= s.getWidth()
        && b.getMaxY() <= s.getHeight();
  }

  /** {@code s} for the action log: short, with control characters escaped. */
  static String show(String s) {
    if (s.length() > 40) {
      return "<"
          + s.length()
          + " chars: "
          + show(s.substring(0, s.offsetByCodePoints(0, 16)))
          + "…>";
    }
    StringBuilder b = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            c -> {
              if (c < 0x20 || c == 0x7f || (c >= 0x200e && c <= 0x202e) || c > 0xffff) {
                b.append(String.format("\\u{%x}", c));
              } else {
                b.appendCodePoint(c);
              }
            });
    return b.append('"').toString();
  }
}
