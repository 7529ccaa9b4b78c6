package descent.app.teach.landscape;

import descent.train.LossSurface.Window;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Draws the map itself on the canvas: the filled contours (the grid's colour image, scaled to the
 * plot), the contour lines, the axes with their ticks and names, and the colour bar with its levels
 * and the current point's loss.
 */
final class MapPainter {
  private static final Color LINE = Color.rgb(20, 24, 40, 0.5);
  private static final Color AXIS = Color.web("#4a5468");
  private static final Color TEXT = Color.web("#1f2a44");

  private final WritableImage image = new WritableImage(LandscapeMap.N, LandscapeMap.N);

  /** The plot's rectangle {left, top, width, height} in a canvas of {@code w} × {@code h}. */
  static double[] plotArea(double w, double h, Font font, Window window) {
    double f = font.getSize();
    double tickWidth = width("−0.0", font);
    for (double count : new double[] {4, 5, 8, 12}) { // as many as the plot's height may ask for
      double step = MapGeometry.tickStep(window.jMin(), window.jMax(), count);
      for (double t : MapGeometry.ticks(window.jMin(), window.jMax(), step)) {
        tickWidth = Math.max(tickWidth, width(LandscapeFormat.tick(t, step), font));
      }
    }
    double barLabels = Math.max(width("loss", font), width("5.5×10⁻⁵", font));
    double left = 1.6 * f + tickWidth + 0.6 * f;
    double top = 2.2 * f;
    double right = 0.9 * f + 1.1 * f + 0.5 * f + barLabels + 0.3 * f;
    double bottom = 3.0 * f;
    return new double[] {left, top, Math.max(1, w - left - right), Math.max(1, h - top - bottom)};
  }

  static double width(String text, Font font) {
    Text t = new Text(text);
    t.setFont(font);
    return t.getLayoutBounds().getWidth();
  }

  /** Draws {@code map}, painted already, with axes named {@code nameI} and {@code nameJ}. */
  void draw(
      GraphicsContext gc,
      LandscapeMap map,
      MapGeometry g,
      ContourLevels levels,
      ColourScale scale,
      String nameI,
      String nameJ,
      Font font,
      double currentLoss,
      Color nowColour) {
    int n = LandscapeMap.N;
    image
        .getPixelWriter()
        .setPixels(0, 0, n, n, PixelFormat.getIntArgbInstance(), map.argb(), 0, n);
    double cellW = g.width() / (n - 1);
    double cellH = g.height() / (n - 1);
    gc.save();
    gc.setImageSmoothing(true);
    // each grid point's pixel is centred on its point, so the plot shows the inner n − 1 pixels
    // and the outer halves of the edge ones: their source rectangle, drawn onto the plot, needs no
    // clip (a clip on a canvas costs the software renderer a mask over the whole canvas per frame)
    gc.drawImage(image, 0.5, 0.5, n - 1, n - 1, g.left(), g.top(), g.width(), g.height());
    // the contour lines run between grid points, inside the plot
    gc.setStroke(LINE);
    gc.setLineWidth(1);
    gc.beginPath();
    double[] s = map.segments();
    for (int k = 0; k < map.segmentCount(); k++) {
      gc.moveTo(g.left() + s[4 * k] * cellW, g.top() + g.height() - s[4 * k + 1] * cellH);
      gc.lineTo(g.left() + s[4 * k + 2] * cellW, g.top() + g.height() - s[4 * k + 3] * cellH);
    }
    gc.stroke();
    gc.restore();
    axes(gc, g, nameI, nameJ, font);
    colourBar(gc, g, levels, scale, font, currentLoss, nowColour);
  }

  private static void axes(
      GraphicsContext gc, MapGeometry g, String nameI, String nameJ, Font font) {
    double f = font.getSize();
    Window w = g.window();
    gc.setStroke(AXIS);
    gc.setLineWidth(1);
    gc.strokeRect(g.left(), g.top(), g.width(), g.height());
    gc.setFill(TEXT);
    gc.setFont(font);
    double bottom = g.top() + g.height();
    double stepI = MapGeometry.tickStep(w.iMin(), w.iMax(), Math.max(2, g.width() / (5.5 * f)));
    gc.setTextAlign(TextAlignment.CENTER);
    gc.setTextBaseline(VPos.TOP);
    for (double t : MapGeometry.ticks(w.iMin(), w.iMax(), stepI)) {
      double x = g.x(t);
      gc.strokeLine(x, bottom, x, bottom + 0.35 * f);
      gc.fillText(LandscapeFormat.tick(t, stepI), x, bottom + 0.4 * f);
    }
    double stepJ = MapGeometry.tickStep(w.jMin(), w.jMax(), Math.max(2, g.height() / (3 * f)));
    gc.setTextAlign(TextAlignment.RIGHT);
    gc.setTextBaseline(VPos.CENTER);
    for (double t : MapGeometry.ticks(w.jMin(), w.jMax(), stepJ)) {
      double y = g.y(t);
      gc.strokeLine(g.left() - 0.35 * f, y, g.left(), y);
      gc.fillText(LandscapeFormat.tick(t, stepJ), g.left() - 0.45 * f, y);
    }
    Font bold = Font.font(font.getFamily(), javafx.scene.text.FontWeight.BOLD, f * 1.07);
    gc.setFont(bold);
    gc.setTextAlign(TextAlignment.CENTER);
    gc.setTextBaseline(VPos.BOTTOM);
    gc.fillText(nameI, g.left() + g.width() / 2, g.top() + g.height() + 2.95 * f);
    gc.save();
    gc.translate(0.9 * f, g.top() + g.height() / 2);
    gc.rotate(-90);
    gc.setTextBaseline(VPos.CENTER);
    gc.fillText(nameJ, 0, 0);
    gc.restore();
  }

  private static void colourBar(
      GraphicsContext gc,
      MapGeometry g,
      ContourLevels levels,
      ColourScale scale,
      Font font,
      double currentLoss,
      Color nowColour) {
    double f = font.getSize();
    double x = g.left() + g.width() + 0.9 * f;
    double barW = 1.1 * f;
    double top = g.top();
    double h = g.height();
    double span = Math.log(scale.hi() / scale.lo());
    for (int row = 0; row < (int) Math.ceil(h); row++) {
      double loss = scale.lo() * Math.exp(span * (1 - (row + 0.5) / h));
      int band = levels.band(loss);
      double shown = levels.size() == 0 ? loss : levels.representative(band);
      int argb = scale.argb(shown);
      gc.setFill(Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff));
      gc.fillRect(x, top + row, barW, Math.min(1.5, top + h - (top + row)));
    }
    gc.setStroke(AXIS);
    gc.setLineWidth(1);
    gc.strokeRect(x, top, barW, h);
    gc.setFill(TEXT);
    gc.setFont(font);
    gc.setTextAlign(TextAlignment.LEFT);
    gc.setTextBaseline(VPos.BOTTOM);
    gc.fillText("loss", x, top - 0.6 * f);
    gc.setTextBaseline(VPos.CENTER);
    double lastY = Double.POSITIVE_INFINITY;
    for (int k = 0; k < levels.size(); k++) {
      double v = levels.level(k);
      if (v <= scale.lo() || v >= scale.hi()) {
        continue;
      }
      double y = top + h * (1 - Math.log(v / scale.lo()) / span);
      gc.setStroke(LINE);
      gc.strokeLine(x, y, x + barW, y);
      if (lastY - y >= 1.25 * f && y - top >= 0.5 * f) {
        gc.fillText(LandscapeFormat.level(v), x + barW + 0.35 * f, y);
        lastY = y;
      }
    }
    if (Double.isFinite(currentLoss) || currentLoss == Double.POSITIVE_INFINITY) {
      double t = scale.position(currentLoss);
      double y = top + h * (1 - t);
      double r = 0.45 * f;
      double[] px = {x - 1, x - 1 - 1.4 * r, x - 1 - 1.4 * r};
      double[] py = {y, y - r, y + r};
      gc.setFill(nowColour);
      gc.fillPolygon(px, py, 3);
      gc.setStroke(Palette.EDGE);
      gc.strokePolygon(px, py, 3);
    }
  }
}
