package descent.app.teach.landscape;

import descent.app.teach.OtherPath;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/**
 * Other runs' paths over the map (runs kept for comparison), under the current run's, each in its
 * colour over a dark edge with a dot where it ended; and their key below the map, which says of a
 * run trained on other data that its path is not drawn, and why.
 */
final class OtherPaths extends FlowPane {
  OtherPaths() {
    super(14, 2);
    setId("landscape-other-runs");
    getStyleClass().add("landscape-legend");
    setAlignment(Pos.CENTER_LEFT);
    managedProperty().bind(visibleProperty());
    setVisible(false);
  }

  /** Which paths {@link #draw} draws: those on the same data, with as many weights as the map. */
  static boolean drawable(OtherPath p, int numFeatures) {
    return p.sameData() && p.numFeatures() == numFeatures && p.size() > 0;
  }

  /** Shows the key for {@code paths} on a map of {@code numFeatures} weights. */
  void show(List<OtherPath> paths, int numFeatures) {
    getChildren().clear();
    for (OtherPath p : paths) {
      Label item;
      if (drawable(p, numFeatures)) {
        Line line = new Line(0, 0, 22, 0);
        line.setStroke(Color.web(p.colour()));
        line.setStrokeWidth(3);
        item = new Label(p.label(), line);
      } else {
        item = new Label(p.label() + ": other data, path not drawn");
      }
      item.getStyleClass().addAll("landscape-legend-item", "landscape-other-run");
      getChildren().add(item);
    }
    setVisible(!paths.isEmpty());
  }

  /** Draws the drawable paths, oldest first, each clipped to the plot. */
  static void draw(
      GraphicsContext gc, MapGeometry g, List<OtherPath> paths, int numFeatures, int ai, int aj) {
    gc.setLineCap(StrokeLineCap.ROUND);
    gc.setLineJoin(StrokeLineJoin.ROUND);
    for (OtherPath p : paths) {
      if (!drawable(p, numFeatures)) {
        continue;
      }
      int n = p.size();
      double[] xs = new double[n];
      double[] ys = new double[n];
      for (int k = 0; k < n; k++) {
        xs[k] = g.x(p.parameter(k, ai));
        ys[k] = g.y(p.parameter(k, aj));
      }
      Color colour = Color.web(p.colour());
      for (int pass = 0; pass < 2; pass++) {
        gc.setStroke(pass == 0 ? Palette.EDGE : colour);
        gc.setLineWidth(pass == 0 ? 6 : 3);
        PathPainter.polyline(gc, g, xs, ys);
      }
      int last = n - 1;
      while (last > 0 && !Double.isFinite(xs[last] + ys[last])) {
        last--;
      }
      if (g.inside(xs[last], ys[last])) {
        double r = 5;
        gc.setFill(colour);
        gc.fillOval(xs[last] - r, ys[last] - r, 2 * r, 2 * r);
        gc.setStroke(Palette.EDGE);
        gc.setLineWidth(1.5);
        gc.strokeOval(xs[last] - r, ys[last] - r, 2 * r, 2 * r);
      }
    }
  }
}
