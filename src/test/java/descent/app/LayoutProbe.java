package descent.app;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import org.kordamp.ikonli.javafx.FontIcon;

/** Measures what a user sees of the window's controls: where they are, and whether they fit. */
public final class LayoutProbe {
  private LayoutProbe() {}

  /** Every control a user can see: visible, with a visible chain of parents, and not empty. */
  public static List<Control> visibleControls(Scene scene, Predicate<Node> skipSubtree) {
    List<Control> out = new ArrayList<>();
    collect(scene.getRoot(), skipSubtree, out);
    return out;
  }

  private static void collect(Node n, Predicate<Node> skip, List<Control> out) {
    if (!n.isVisible() || skip.test(n)) {
      return;
    }
    if (n instanceof Control c && c.getWidth() > 0 && c.getHeight() > 0) {
      out.add(c);
    }
    if (n instanceof Parent p) {
      for (Node child : p.getChildrenUnmodifiable()) {
        collect(child, skip, out);
      }
    }
  }

  /**
   * The insides of a virtualised list or table (its cells, and the header row that scrolls sideways
   * with them), and a tab pane's row of tabs (clipped, with a menu of the tabs that do not fit):
   * they scroll by design, and a table's cells are made and recycled as they scroll.
   */
  public static boolean scrollsByDesign(Node n) {
    return n instanceof javafx.scene.control.skin.VirtualFlow
        || n.getStyleClass().contains("column-header-background")
        || n.getStyleClass().contains("headers-region");
  }

  /** Where {@code n} sits in the scene. */
  public static Bounds inScene(Node n) {
    return n.localToScene(n.getLayoutBounds());
  }

  /** The scene-coordinates bounds of each control, by identity. */
  public static Map<Control, Bounds> boundsOf(List<Control> controls) {
    Map<Control, Bounds> map = new IdentityHashMap<>();
    for (Control c : controls) {
      map.put(c, inScene(c));
    }
    return map;
  }

  /** The controls that reach outside {@code area} (by more than half a pixel), described. */
  public static List<String> outside(List<Control> controls, Bounds area) {
    List<String> out = new ArrayList<>();
    for (Control c : controls) {
      Bounds b = inScene(c);
      if (b.getMinX() < area.getMinX() - 0.5
          || b.getMinY() < area.getMinY() - 0.5
          || b.getMaxX() > area.getMaxX() + 0.5
          || b.getMaxY() > area.getMaxY() + 0.5) {
        out.add(describe(c) + " at " + b);
      }
    }
    return out;
  }

  /** The scene's area. */
  public static Bounds sceneArea(Scene scene) {
    return new BoundingBox(0, 0, scene.getWidth(), scene.getHeight());
  }

  /** The visible part of a scroll pane, in scene coordinates. */
  public static Bounds viewport(ScrollPane pane) {
    Node viewport = pane.lookup(".viewport");
    Bounds size = pane.getViewportBounds();
    return viewport.localToScene(new BoundingBox(0, 0, size.getWidth(), size.getHeight()));
  }

  public static String describe(Node n) {
    String text = n instanceof Labeled l ? " “" + l.getText() + "”" : "";
    return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId()) + text;
  }

  /** The text {@code l} actually draws: its text, or a shortened one ending in "…". */
  public static String displayedText(Labeled l) {
    for (Node n : l.getChildrenUnmodifiable()) {
      if (n instanceof javafx.scene.text.Text t && !(n instanceof FontIcon)) {
        return t.getText();
      }
    }
    return "";
  }
}
