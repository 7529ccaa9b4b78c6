package descent.app.teach.graph;

import descent.app.teach.graph.GraphLayout.Edge;
import descent.app.teach.graph.GraphLayout.Point;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.Polygon;

/**
 * An edge of the graph as drawn: its route as curves with horizontal ends, and an arrowhead. Data
 * flows forward, so the arrow points into the op; an edge backward walks is drawn in the gradient
 * colour with its arrow pointing back into the input (style class {@code backward}). The view
 * reuses it from frame to frame: {@link #draw} moves it, and restyles it only when it turns
 * backward or forward.
 */
final class EdgeShape extends Group {
  private final Path path = new Path();
  private final Polygon head = new Polygon();
  private boolean backward;

  /**
   * @param arrow the arrowhead's length
   * @param backward whether to draw it as backward walks it
   */
  EdgeShape(Edge edge, double arrow, boolean backward) {
    getStyleClass().add("graph-edge-group");
    path.getStyleClass().add("graph-edge");
    head.getStyleClass().add("graph-arrow");
    getChildren().addAll(path, head);
    draw(edge, arrow, backward);
  }

  /** Draws {@code edge} with an arrowhead {@code arrow} long, as backward walks it or not. */
  void draw(Edge edge, double arrow, boolean backward) {
    if (backward != this.backward) {
      this.backward = backward;
      for (javafx.scene.Node n : List.of(path, head)) {
        if (backward) {
          n.getStyleClass().add("backward");
        } else {
          n.getStyleClass().remove("backward");
        }
      }
    }
    List<Point> route = new ArrayList<>(edge.route());
    Point tip = backward ? route.get(0) : route.get(route.size() - 1);
    // the line stops where the arrowhead begins
    if (backward) {
      Point first = route.get(0);
      double x = Math.min(first.x() + arrow * 0.8, route.get(1).x());
      route.set(0, new Point(x, first.y()));
    } else {
      int last = route.size() - 1;
      Point end = route.get(last);
      double x = Math.max(end.x() - arrow * 0.8, route.get(last - 1).x());
      route.set(last, new Point(x, end.y()));
    }
    List<PathElement> elements = new ArrayList<>(route.size());
    elements.add(new MoveTo(route.get(0).x(), route.get(0).y()));
    for (int k = 1; k < route.size(); k++) {
      Point a = route.get(k - 1);
      Point b = route.get(k);
      double half = (b.x() - a.x()) / 2;
      elements.add(new CubicCurveTo(a.x() + half, a.y(), b.x() - half, b.y(), b.x(), b.y()));
    }
    path.getElements().setAll(elements);
    double dir = backward ? 1 : -1; // the head opens towards the line
    head.getPoints()
        .setAll(
            tip.x(),
            tip.y(),
            tip.x() + dir * arrow,
            tip.y() - arrow * 0.45,
            tip.x() + dir * arrow,
            tip.y() + arrow * 0.45);
  }

  boolean isBackward() {
    return backward;
  }
}
