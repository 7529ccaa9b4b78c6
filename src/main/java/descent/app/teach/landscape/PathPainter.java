package descent.app.teach.landscape;

import descent.app.teach.ParameterPath;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;

/**
 * Draws what moves over the map: the SGD path (one point per kept step), the start, the true
 * parameters, the least-squares optimum, the −∇L arrow, the minibatch's step and the current point;
 * and, when the current point is off the map or not a number, a marker where the path left. Every
 * line is clipped to the plot by hand, so huge coordinates never reach the renderer.
 */
final class PathPainter {
  /** Paths with more kept points than this are drawn as a line without dots. */
  static final int MAX_DOTS = 150;

  private PathPainter() {}

  /**
   * @param names the two parameters' names, for the edge marker
   */
  static void draw(
      GraphicsContext gc,
      MapGeometry g,
      ParameterPath path,
      int axisI,
      int axisJ,
      Overlay o,
      Palette palette,
      Font font,
      String[] names) {
    double f = font.getSize();
    MapLabels labels = new MapLabels(g, font);
    gc.setLineCap(StrokeLineCap.ROUND);
    gc.setLineJoin(StrokeLineJoin.ROUND);
    int n = path.size();
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int k = 0; k < n; k++) {
      xs[k] = g.x(path.parameter(k, axisI));
      ys[k] = g.y(path.parameter(k, axisJ));
    }
    // the path: a dark edge under a light core, so it reads on every colour
    for (int pass = 0; pass < 2; pass++) {
      gc.setStroke(pass == 0 ? Palette.EDGE : palette.path());
      gc.setLineWidth(pass == 0 ? 4.5 : 2);
      polyline(gc, g, xs, ys);
    }
    if (n <= MAX_DOTS) {
      for (int k = 1; k < n; k++) {
        if (g.inside(xs[k], ys[k])) {
          disc(gc, xs[k], ys[k], 3, palette.path(), Palette.EDGE, 1);
        }
      }
    }
    if (n > 0 && g.inside(xs[0], ys[0])) {
      double r = 0.3 * f;
      gc.setFill(palette.path());
      gc.fillRect(xs[0] - r, ys[0] - r, 2 * r, 2 * r);
      gc.setStroke(Palette.EDGE);
      gc.setLineWidth(1.5);
      gc.strokeRect(xs[0] - r, ys[0] - r, 2 * r, 2 * r);
      labels.obstacle(xs[0], ys[0], r);
      labels.add("start", xs[0], ys[0], r + 3, 1);
    }
    marks(gc, g, o, palette, font, labels);
    arrows(gc, g, o, palette, font, labels);
    current(gc, g, path, axisI, axisJ, o, palette, font, names, labels);
    step(gc, g, o, palette, font);
    labels.draw(gc);
  }

  private static void marks(
      GraphicsContext gc, MapGeometry g, Overlay o, Palette palette, Font font, MapLabels labels) {
    double f = font.getSize();
    double r = 0.42 * f;
    double[] t = o.truth() == null ? null : new double[] {g.x(o.truth()[0]), g.y(o.truth()[1])};
    double[] q =
        o.optimum() == null ? null : new double[] {g.x(o.optimum()[0]), g.y(o.optimum()[1])};
    if (q != null && g.inside(q[0], q[1])) {
      double[] dx = {q[0], q[0] + r, q[0], q[0] - r};
      double[] dy = {q[1] - r, q[1], q[1] + r, q[1]};
      gc.setFill(palette.optimum());
      gc.fillPolygon(dx, dy, 4);
      gc.setStroke(Palette.EDGE);
      gc.setLineWidth(1.5);
      gc.strokePolygon(dx, dy, 4);
    }
    if (t != null && g.inside(t[0], t[1])) {
      for (int pass = 0; pass < 2; pass++) {
        gc.setStroke(pass == 0 ? Palette.EDGE : palette.truth());
        gc.setLineWidth(pass == 0 ? 5 : 2.5);
        gc.strokeLine(t[0] - r, t[1] - r, t[0] + r, t[1] + r);
        gc.strokeLine(t[0] - r, t[1] + r, t[0] + r, t[1] - r);
      }
    }
    boolean tIn = t != null && g.inside(t[0], t[1]);
    boolean qIn = q != null && g.inside(q[0], q[1]);
    if (tIn) {
      labels.obstacle(t[0], t[1], r);
    }
    if (qIn) {
      labels.obstacle(q[0], q[1], r);
    }
    if (tIn && qIn && Math.hypot(t[0] - q[0], t[1] - q[1]) < 1.5 * f) {
      labels.add("true ≈ least squares", t[0], t[1], r + 3, 5);
    } else {
      if (tIn) {
        labels.add("true", t[0], t[1], r + 3, 5);
      }
      if (qIn) {
        labels.add("least squares", q[0], q[1], r + 3, 4);
      }
    }
  }

  /** The minibatch's step: dashed while still to come, solid once applied; over the point. */
  private static void step(
      GraphicsContext gc, MapGeometry g, Overlay o, Palette palette, Font font) {
    if (o.stepFrom() == null) {
      return;
    }
    double x1 = g.x(o.stepFrom()[0]);
    double y1 = g.y(o.stepFrom()[1]);
    double x2 = g.x(o.stepTo()[0]);
    double y2 = g.y(o.stepTo()[1]);
    if (!o.stepDone()) {
      gc.setLineDashes(6, 4);
    }
    arrow(gc, g, x1, y1, x2, y2, palette.step(), 2.5, 0.8 * font.getSize());
    gc.setLineDashes();
  }

  private static void arrows(
      GraphicsContext gc, MapGeometry g, Overlay o, Palette palette, Font font, MapLabels labels) {
    double f = font.getSize();
    if (o.arrowTip() != null && Overlay.finite(o.now())) {
      double x1 = g.x(o.now()[0]);
      double y1 = g.y(o.now()[1]);
      double x2 = g.x(o.arrowTip()[0]);
      double y2 = g.y(o.arrowTip()[1]);
      if (Math.hypot(x2 - x1, y2 - y1) >= 4 && g.inside(x1, y1)) {
        arrow(gc, g, x1, y1, x2, y2, palette.gradient(), 3.5, f);
        double[] end = MapGeometry.clip(g, x1, y1, x2, y2);
        if (end != null && Math.hypot(end[2] - x1, end[3] - y1) > 2 * f) {
          labels.add("−∇L", end[2], end[3], 4, 2);
        }
      }
    }
  }

  private static void current(
      GraphicsContext gc,
      MapGeometry g,
      ParameterPath path,
      int axisI,
      int axisJ,
      Overlay o,
      Palette palette,
      Font font,
      String[] names,
      MapLabels labels) {
    double f = font.getSize();
    double[] now = o.now();
    double x = Overlay.finite(now) ? g.x(now[0]) : Double.NaN;
    double y = Overlay.finite(now) ? g.y(now[1]) : Double.NaN;
    if (Overlay.finite(now) && g.inside(x, y)) {
      disc(gc, x, y, 0.4 * f, palette.now(), Color.WHITE, 2);
      labels.obstacle(x, y, 0.4 * f + 1);
      return;
    }
    // off the map or not a number: mark where the path left, with the values it went to
    int last = path.size() - 1;
    double lx = g.x(path.parameter(last, axisI));
    double ly = g.y(path.parameter(last, axisJ));
    double cx = g.left() + g.width() / 2;
    double cy = g.top() + g.height() / 2;
    double fromX = g.inside(lx, ly) ? lx : cx;
    double fromY = g.inside(lx, ly) ? ly : cy;
    double[] at;
    if (Overlay.finite(now)) {
      double[] c = MapGeometry.clip(g, fromX, fromY, x, y);
      at = c == null ? new double[] {fromX, fromY} : new double[] {c[2], c[3]};
    } else {
      at =
          new double[] {
            Math.max(g.left(), Math.min(g.left() + g.width(), lx)),
            Math.max(g.top(), Math.min(g.top() + g.height(), ly))
          };
    }
    double r = 0.7 * f;
    double[] dx = {at[0], at[0] - r, at[0] + r};
    double[] dy = {at[1] - r, at[1] + r * 0.8, at[1] + r * 0.8};
    gc.setFill(palette.now());
    gc.fillPolygon(dx, dy, 3);
    gc.setStroke(Color.WHITE);
    gc.setLineWidth(2);
    gc.strokePolygon(dx, dy, 3);
    String text =
        "left the map: "
            + names[0]
            + " = "
            + LandscapeFormat.number(now[0])
            + ", "
            + names[1]
            + " = "
            + LandscapeFormat.number(now[1]);
    labels.obstacle(at[0], at[1], r);
    labels.add(text, at[0], at[1], r + 2, 10);
  }

  /** Points closer than this many pixels (both ways) to the last one drawn are left out. */
  static final double MIN_STEP_PX = 0.5;

  /**
   * Strokes the path through the points ({@code xs[k]}, {@code ys[k]}) as one line, clipped to the
   * plot, leaving out every point within {@link #MIN_STEP_PX} of the last one drawn (the newest
   * always stays). A long run's path holds thousands of points that have settled within a pixel or
   * two of each other; stroking each step as a line of its own took much of the renderer's frame. A
   * point that is not finite ends the line; it goes on from the next finite one.
   *
   * @return how many segments were drawn
   */
  static int polyline(GraphicsContext gc, MapGeometry g, double[] xs, double[] ys) {
    int n = xs.length;
    int drawn = 0;
    int from = 0;
    double endX = Double.NaN;
    double endY = Double.NaN;
    gc.beginPath();
    for (int k = 1; k < n; k++) {
      if (k < n - 1
          && Math.abs(xs[k] - xs[from]) < MIN_STEP_PX
          && Math.abs(ys[k] - ys[from]) < MIN_STEP_PX) {
        continue;
      }
      double[] c = MapGeometry.clip(g, xs[from], ys[from], xs[k], ys[k]);
      if (c != null) {
        if (c[0] != endX || c[1] != endY) {
          gc.moveTo(c[0], c[1]);
        }
        gc.lineTo(c[2], c[3]);
        endX = c[2];
        endY = c[3];
        drawn++;
      }
      from = k;
    }
    gc.stroke();
    return drawn;
  }

  /** An arrow with a dark edge, clipped to the plot; its head only if its tip is on the plot. */
  private static void arrow(
      GraphicsContext gc,
      MapGeometry g,
      double x1,
      double y1,
      double x2,
      double y2,
      Color colour,
      double width,
      double f) {
    double[] c = MapGeometry.clip(g, x1, y1, x2, y2);
    if (c == null) {
      return;
    }
    double len = Math.hypot(c[2] - c[0], c[3] - c[1]);
    if (len < 1) {
      return;
    }
    double ux = (c[2] - c[0]) / len;
    double uy = (c[3] - c[1]) / len;
    double head = Math.min(0.8 * f, len * 0.6);
    double bx = c[2] - ux * head;
    double by = c[3] - uy * head;
    double[] hx = {c[2], bx - uy * head * 0.5, bx + uy * head * 0.5};
    double[] hy = {c[3], by + ux * head * 0.5, by - ux * head * 0.5};
    for (int pass = 0; pass < 2; pass++) {
      gc.setStroke(pass == 0 ? Palette.EDGE : colour);
      gc.setLineWidth(pass == 0 ? width + 2.5 : width);
      gc.strokeLine(c[0], c[1], bx, by);
    }
    gc.setLineDashes();
    gc.setFill(colour);
    gc.fillPolygon(hx, hy, 3);
    gc.setStroke(Palette.EDGE);
    gc.setLineWidth(1.2);
    gc.strokePolygon(hx, hy, 3);
  }

  private static void disc(
      GraphicsContext gc, double x, double y, double r, Color fill, Color edge, double edgeWidth) {
    gc.setFill(fill);
    gc.fillOval(x - r, y - r, 2 * r, 2 * r);
    gc.setStroke(edge);
    gc.setLineWidth(edgeWidth);
    gc.strokeOval(x - r, y - r, 2 * r, 2 * r);
  }
}
