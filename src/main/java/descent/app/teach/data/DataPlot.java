package descent.app.teach.data;

import descent.app.teach.CanvasPixels;
import descent.app.teach.data.PlotContent.Highlight;
import descent.app.teach.data.PlotContent.Kind;
import descent.app.teach.data.PlotContent.PlotLine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The Data view's plot: axes with round ticks, the training points, the lines and the minibatch
 * with its residuals, painted at most once per layout pass (so once per frame) and only when its
 * content or size changed. Values off the plot are drawn as triangles on the edge they left by (NaN
 * is not drawn); a line that cannot be drawn or misses the plot gets a note at the edge it left by.
 *
 * <p>Two canvases, one over the other: the lower one holds what stays while a run plays (the axes,
 * the reference lines and up to 5,000 points) and is painted again only when that changes; the
 * upper one holds the model's lines and the minibatch, painted every time. Painting every point on
 * every frame took most of the renderer's time.
 */
final class DataPlot extends Region {
  private final Canvas canvas = new Canvas();
  private final Canvas over = new Canvas();
  private Object[] baseDrawn; // what the lower canvas shows: size, scale, font, the steady content
  private long basePaints;
  private final Text measure = new Text();
  private PlotContent content;
  private double fontSize = 14;
  private boolean dirty;
  private double pixelScale = 1;
  private PlotArea area;
  private int pointsDrawn;
  private long paints;

  /** Where the data sit on the canvas: the plot's box in pixels and the ranges it shows. */
  record PlotArea(double left, double top, double width, double height, Range x, Range y) {
    double px(double v) {
      return left + x.fraction(x.clamp(v)) * width;
    }

    double py(double v) {
      return top + (1 - y.fraction(y.clamp(v))) * height;
    }
  }

  DataPlot() {
    getStyleClass().add("data-plot");
    getChildren().addAll(canvas, over);
    setMinSize(0, 0);
    setPrefSize(400, 300);
  }

  /** Canvas pixels per layout unit (see {@link CanvasPixels}); redraws on the next layout pass. */
  void setPixelScale(double scale) {
    if (scale != pixelScale) {
      pixelScale = scale;
      dirty = true;
      requestLayout();
    }
  }

  /** Draws {@code c} on the next layout pass, with text of {@code size} pixels. */
  void show(PlotContent c, double size) {
    content = c;
    fontSize = size;
    dirty = true;
    requestLayout();
  }

  /** The box and ranges of the last paint, or null before it (for tests). */
  PlotArea area() {
    return area;
  }

  /** What the last paint drew. */
  PlotContent content() {
    return content;
  }

  /** How many training points the last paint drew. */
  int pointsDrawn() {
    return pointsDrawn;
  }

  /** How many times the lower canvas (axes, reference lines, points) was painted. */
  long basePaints() {
    return basePaints;
  }

  /** How many times the canvas was painted. */
  long paints() {
    return paints;
  }

  @Override
  protected void layoutChildren() {
    double w = Math.floor(getWidth());
    double h = Math.floor(getHeight());
    if (w * pixelScale != canvas.getWidth() || h * pixelScale != canvas.getHeight()) {
      CanvasPixels.fit(canvas, w, h, pixelScale);
      CanvasPixels.fit(over, w, h, pixelScale);
      baseDrawn = null;
      dirty = true;
    }
    if (dirty && content != null) {
      dirty = false;
      paint(w, h);
    }
  }

  private void paint(double w, double h) {
    paints++;
    GraphicsContext top = over.getGraphicsContext2D();
    top.clearRect(0, 0, w, h);
    List<PlotLine> steady = new ArrayList<>();
    for (PlotLine line : content.lines()) {
      if (line.kind() != Kind.MODEL && line.kind() != Kind.BEFORE) {
        steady.add(line);
      }
    }
    Object[] base = {
      w,
      h,
      pixelScale,
      fontSize,
      content.xTitle(),
      content.yTitle(),
      content.x(),
      content.y(),
      content.pointX(),
      content.pointY(),
      steady
    };
    if (!Arrays.deepEquals(base, baseDrawn)) {
      baseDrawn = base;
      basePaints++;
      paintBase(w, h, steady);
    }
    if (area == null) {
      return;
    }
    // no canvas clip: it costs the software renderer a mask over the whole canvas each frame. The
    // lines are clipped to the plot by hand, residuals stop at its edges, and a point outside it
    // is an edge mark.
    for (Kind kind : new Kind[] {Kind.BEFORE, Kind.MODEL}) {
      for (PlotLine line : content.lines()) {
        if (line.kind() == kind) {
          line(top, line);
        }
      }
    }
    if (content.batch() != null) {
      batch(top, content.batch());
    }
    top.setLineDashes((double[]) null);
    for (PlotLine line : content.lines()) {
      if (line.kind() == Kind.MODEL) {
        missingNote(top, line);
      }
    }
  }

  /** The lower canvas: the background, the axes, the reference lines and the points. */
  private void paintBase(double w, double h, List<PlotLine> steady) {
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.setLineDashes((double[]) null);
    g.setFill(DataStyle.BACKGROUND);
    g.fillRect(0, 0, w, h);
    double fs = fontSize;
    Font tickFont = Font.font(0.9 * fs);
    double[] yTicks = Ticks.of(content.y(), (int) Math.max(2, h / (3.2 * fs)));
    double yStep = yTicks.length > 1 ? yTicks[1] - yTicks[0] : content.y().span();
    double labelWidth = 0;
    for (double t : yTicks) {
      labelWidth = Math.max(labelWidth, textWidth(Ticks.format(t, yStep), tickFont));
    }
    double left = Math.ceil(labelWidth + 0.9 * fs);
    double top = Math.ceil(1.8 * fs);
    double right = Math.ceil(1.2 * fs);
    double bottom = Math.ceil(3.2 * fs);
    if (w - left - right < 40 || h - top - bottom < 40) {
      area = null;
      pointsDrawn = 0;
      return;
    }
    area = new PlotArea(left, top, w - left - right, h - top - bottom, content.x(), content.y());
    double[] xTicks = Ticks.of(content.x(), (int) Math.max(2, area.width() / (6 * fs)));
    DataAxes.paint(g, area, content, xTicks, yTicks, yStep, tickFont, fs);

    g.save();
    g.beginPath();
    g.rect(area.left(), area.top(), area.width(), area.height());
    g.clip();
    // the reference lines under the points, so points lying on them stay visible; the model's
    // lines over them, on the upper canvas
    for (PlotLine line : steady) {
      line(g, line);
    }
    points(g);
    g.restore();
    g.setLineDashes((double[]) null);
  }

  private void points(GraphicsContext g) {
    double r = DataStyle.pointRadius(fontSize);
    g.setFill(DataStyle.POINT);
    double[] xs = content.pointX();
    double[] ys = content.pointY();
    int drawn = 0;
    for (int i = 0; i < xs.length; i++) {
      if (Double.isNaN(xs[i]) || Double.isNaN(ys[i])) {
        continue; // a NaN has no place on the plot
      }
      double px = area.px(xs[i]);
      int off = off(ys[i]);
      if (off == 0) {
        g.fillOval(px - r, area.py(ys[i]) - r, 2 * r, 2 * r);
      } else {
        edgeMark(g, px, off, 1.6 * r);
      }
      drawn++;
    }
    pointsDrawn = drawn;
  }

  /** A pixel row moved onto the plot's nearest edge if it lies beyond it. */
  private double inPlot(double py) {
    return Math.max(area.top(), Math.min(area.top() + area.height(), py));
  }

  /** 1 above the plot, −1 below it, 0 inside (or NaN). */
  private int off(double v) {
    return v > area.y().max() ? 1 : v < area.y().min() ? -1 : 0;
  }

  /** A triangle on the top (off = 1) or bottom edge, pointing the way the value went. */
  private void edgeMark(GraphicsContext g, double px, int off, double size) {
    double edge = off > 0 ? area.top() : area.top() + area.height();
    double base = edge + off * 1.6 * size; // inside the plot
    g.fillPolygon(new double[] {px - size, px + size, px}, new double[] {base, base, edge}, 3);
  }

  private void line(GraphicsContext g, PlotLine line) {
    double[] seg = line.clip(area.x(), area.y());
    if (seg == null) {
      return;
    }
    DataStyle.stroke(g, line.kind(), fontSize);
    g.strokeLine(area.px(seg[0]), area.py(seg[1]), area.px(seg[2]), area.py(seg[3]));
    g.setLineDashes((double[]) null);
  }

  private void batch(GraphicsContext g, Highlight batch) {
    double fs = fontSize;
    if (batch.hasResiduals()) {
      g.setStroke(DataStyle.RESIDUAL);
      g.setFill(DataStyle.RESIDUAL);
      g.setLineWidth(DataStyle.residualWidth(fs));
      for (int i = 0; i < batch.size(); i++) {
        double x = batch.x()[i];
        double y = batch.y()[i];
        double end = batch.end()[i];
        if (Double.isNaN(x) || Double.isNaN(y) || Double.isNaN(end)) {
          continue;
        }
        double px = area.px(x);
        g.strokeLine(px, inPlot(area.py(y)), px, inPlot(area.py(end)));
        if (off(end) != 0) {
          edgeMark(g, px, off(end), 1.3 * DataStyle.residualWidth(fs) + 2);
        }
      }
      if (batch.ringAtEnd()) {
        double r = 0.55 * DataStyle.batchRadius(fs);
        g.setLineWidth(1.5 * DataStyle.scale(fs));
        for (int i = 0; i < batch.size(); i++) {
          double end = batch.end()[i];
          if (off(end) == 0 && !Double.isNaN(end) && !Double.isNaN(batch.x()[i])) {
            g.strokeOval(area.px(batch.x()[i]) - r, area.py(end) - r, 2 * r, 2 * r);
          }
        }
      }
    }
    double r = DataStyle.batchRadius(fs);
    g.setFill(DataStyle.BATCH);
    g.setStroke(DataStyle.BATCH_EDGE);
    g.setLineWidth(DataStyle.scale(fs));
    for (int i = 0; i < batch.size(); i++) {
      double x = batch.x()[i];
      double y = batch.y()[i];
      if (Double.isNaN(x) || Double.isNaN(y)) {
        continue;
      }
      double px = area.px(x);
      int off = off(y);
      if (off != 0) {
        edgeMark(g, px, off, 1.2 * r);
        g.setFill(DataStyle.BATCH);
        continue;
      }
      double py = area.py(y);
      g.fillOval(px - r, py - r, 2 * r, 2 * r);
      g.strokeOval(px - r, py - r, 2 * r, 2 * r);
    }
  }

  /** A note at the edge the model's line left by, in its colour. */
  private void missingNote(GraphicsContext g, PlotLine line) {
    String where = line.whereMissing(area.x(), area.y());
    if (where == null) {
      return;
    }
    String text =
        switch (where) {
          case "above" -> "↑ model line above the plot";
          case "below" -> "↓ model line below the plot";
          case "NaN" -> "model line: w or b is NaN";
          case "∞" -> "model line: w or b is ∞";
          default -> "model line off the plot";
        };
    double fs = fontSize;
    g.setFont(Font.font(null, FontWeight.BOLD, fs));
    g.setFill(DataStyle.MODEL);
    g.setTextAlign(TextAlignment.CENTER);
    boolean below = where.equals("below");
    g.setTextBaseline(below ? VPos.BOTTOM : VPos.TOP);
    double y = below ? area.top() + area.height() - 0.3 * fs : area.top() + 0.3 * fs;
    g.fillText(text, area.left() + area.width() / 2, y);
  }

  private double textWidth(String s, Font font) {
    measure.setFont(font);
    measure.setText(s);
    return measure.getLayoutBounds().getWidth();
  }
}
