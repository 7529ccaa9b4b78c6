package descent.app.export;

import descent.app.teach.TeachingPane;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.transform.Transform;

/**
 * Renders a node as it is on screen into a picture, at scale 1 or 2. At 2 the scene graph is drawn
 * again through a scale transform, so text, lines and curves get twice the pixels (not a blown-up
 * copy of the 1× picture); the teaching views that draw on a canvas redraw it with twice the pixels
 * for the moment the picture is taken ({@link TeachingPane#setPixelScale}). Parts the node leaves
 * transparent get the first opaque background found above it (the window's), so the PNG looks like
 * the screen. Call on the FX thread.
 */
public final class ViewShot {
  private ViewShot() {}

  /** {@code node} rendered at {@code scale}: its on-screen size times {@code scale}, rounded up. */
  public static WritableImage render(Node node, double scale) {
    SnapshotParameters params = new SnapshotParameters();
    params.setTransform(Transform.scale(scale, scale));
    params.setFill(backgroundOf(node));
    // the views that draw on a canvas redraw it with scale × the pixels while the picture is taken
    List<TeachingPane> views = new ArrayList<>();
    for (Node n : node.lookupAll(".teaching-view")) {
      if (n instanceof TeachingPane view) {
        views.add(view);
      }
    }
    try {
      views.forEach(v -> v.setPixelScale(scale));
      return node.snapshot(params, null);
    } finally {
      views.forEach(v -> v.setPixelScale(1));
    }
  }

  /** {@code node} rendered at {@code scale}, as an opaque RGB picture for a PNG file. */
  public static BufferedImage renderRgb(Node node, double scale) {
    return toRgb(render(node, scale));
  }

  /** An opaque RGB copy of {@code image}. */
  public static BufferedImage toRgb(WritableImage image) {
    BufferedImage argb = SwingFXUtils.fromFXImage(image, null);
    BufferedImage rgb =
        new BufferedImage(argb.getWidth(), argb.getHeight(), BufferedImage.TYPE_INT_RGB);
    rgb.getGraphics().drawImage(argb, 0, 0, null);
    return rgb;
  }

  /** The first opaque colour behind {@code node}: its own background or an ancestor's, or white. */
  static Paint backgroundOf(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (n instanceof Region r && r.getBackground() != null) {
        for (BackgroundFill fill : r.getBackground().getFills()) {
          if (fill.getFill() instanceof Color c && c.isOpaque()) {
            return c;
          }
        }
      }
      if (n.getParent() == null
          && n.getScene() != null
          && n.getScene().getFill() instanceof Color c
          && c.isOpaque()) {
        return c;
      }
    }
    return Color.WHITE;
  }

  /** Whether {@code node} is the root of its scene: then the picture is the whole window. */
  static boolean isWindow(Node node) {
    return node instanceof Parent p && p.getScene() != null && p.getScene().getRoot() == p;
  }
}
