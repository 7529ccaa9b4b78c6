package descent.app.teach.landscape;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.Shape;

/**
 * The key to the map's marks, one label each, whose shapes descent.css colours; the canvas takes
 * its colours from these shapes ({@link #palette()}), so the key and the map always agree.
 */
final class Legend extends FlowPane {
  private final Line path = line("landscape-path");
  private final Circle now = new Circle(6);
  private final Polygon gradient = new Polygon(0, 0, 14, 0, 14, -4, 22, 2, 14, 8, 14, 4, 0, 4);
  private final Line step = line("landscape-step");
  private final SVGPath truth = new SVGPath();
  private final Polygon optimum = new Polygon(6, 0, 12, 6, 6, 12, 0, 6);
  private final Label truthItem;
  private final Label optimumItem;
  private final Label stepItem;

  Legend() {
    super(14, 2);
    getStyleClass().add("landscape-legend");
    now.getStyleClass().add("landscape-now");
    gradient.getStyleClass().add("landscape-gradient");
    optimum.getStyleClass().add("landscape-optimum");
    truth.setContent("M0,0 L10,10 M0,10 L10,0");
    truth.getStyleClass().add("landscape-truth");
    step.getStrokeDashArray().setAll(5.0, 4.0);
    SVGPath truthEdge = new SVGPath();
    truthEdge.setContent(truth.getContent());
    truthEdge.getStyleClass().add("landscape-edge");
    truthItem = item("true", new StackPane(truthEdge, truth));
    optimumItem = item("least squares", optimum);
    stepItem = item("minibatch step", edged(step));
    getChildren()
        .addAll(
            item("path", edged(path)),
            item("now", now),
            item("−∇L (full batch)", gradient),
            stepItem,
            truthItem,
            optimumItem);
  }

  private static Line line(String style) {
    Line l = new Line(0, 0, 22, 0);
    l.getStyleClass().add(style);
    return l;
  }

  /** A light line over a wider dark one, as the map draws it. */
  private static Node edged(Line light) {
    Line dark = new Line(0, 0, 22, 0);
    dark.getStyleClass().add("landscape-edge");
    dark.setStrokeWidth(light.getStrokeWidth() + 2.5);
    return new StackPane(dark, light);
  }

  private static Label item(String text, Node graphic) {
    Label l = new Label(text, graphic);
    l.getStyleClass().add("landscape-legend-item");
    return l;
  }

  /** Shows the items that have a mark on the map now. */
  void show(boolean truthKnown, boolean optimumKnown, boolean stepShown) {
    show(truthItem, truthKnown);
    show(optimumItem, optimumKnown);
    show(stepItem, stepShown);
  }

  /** Hidden items keep their place, so the key (and the map above it) never changes size. */
  private static void show(Node n, boolean on) {
    n.setVisible(on);
  }

  /** The marks' colours, as the stylesheet set them. */
  Palette palette() {
    return Palette.of(path, now, gradient, step, truth, optimum);
  }

  /** The shapes, for a check that the stylesheet reached them. */
  Shape[] shapes() {
    return new Shape[] {path, now, gradient, step, truth, optimum};
  }
}
