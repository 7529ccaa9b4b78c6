package descent.app.teach.graph;

import javafx.scene.Group;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;

/**
 * Shows a drawing of a known size scaled down to fit the pane (never up), in its top left corner
 * (so that a graph growing by a phase keeps its first nodes where they were), clipped to the pane.
 */
final class FitPane extends Pane {
  private final Group content = new Group();
  private final Scale scale = new Scale(1, 1, 0, 0);
  private final Rectangle clip = new Rectangle();
  private double contentWidth;
  private double contentHeight;

  FitPane() {
    content.setAutoSizeChildren(false);
    content.getTransforms().add(scale);
    content.setManaged(false);
    getChildren().add(content);
    setClip(clip);
    setMinSize(0, 0);
  }

  Group content() {
    return content;
  }

  /** The size of the drawing in its own units. */
  void setContentSize(double width, double height) {
    contentWidth = width;
    contentHeight = height;
    requestLayout();
  }

  /** The scale the drawing is shown at. */
  double scale() {
    return scale.getX();
  }

  @Override
  protected void layoutChildren() {
    double w = getWidth();
    double h = getHeight();
    clip.setWidth(w);
    clip.setHeight(h);
    double f = 1;
    if (contentWidth > 0 && contentHeight > 0 && w > 0 && h > 0) {
      f = Math.min(1, Math.min(w / contentWidth, h / contentHeight));
    }
    scale.setX(f);
    scale.setY(f);
    content.setLayoutX(0);
    content.setLayoutY(0);
  }
}
