package descent.app.teach.landscape;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The words on the map ("start", "true", "−∇L", …), placed last so they never cover each other or
 * the marks: each tries the four corners around its mark, the most important first, and a label
 * with no free corner is left out (the legend still names every mark).
 */
final class MapLabels {
  private record Request(String text, double x, double y, double gap, int priority) {}

  private final List<Request> requests = new ArrayList<>();
  private final List<double[]> taken = new ArrayList<>();
  private final MapGeometry g;
  private final Font font;

  MapLabels(MapGeometry g, Font font) {
    this.g = g;
    this.font = font;
  }

  /** Keeps the box around ({@code x}, {@code y}) of half-size {@code r} free of labels. */
  void obstacle(double x, double y, double r) {
    taken.add(new double[] {x - r, y - r, x + r, y + r});
  }

  /** Asks for {@code text} beside the mark at ({@code x}, {@code y}), {@code gap} pixels away. */
  void add(String text, double x, double y, double gap, int priority) {
    requests.add(new Request(text, x, y, gap, priority));
  }

  /** Draws every label that finds room, highest priority first. */
  void draw(GraphicsContext gc) {
    requests.sort(Comparator.comparingInt(Request::priority).reversed());
    double pad = 3;
    for (Request q : requests) {
      Text probe = new Text(q.text());
      probe.setFont(font);
      double w = probe.getLayoutBounds().getWidth() + 2 * pad;
      double h = probe.getLayoutBounds().getHeight() + 2 * pad;
      double[][] corners = {
        {q.x() + q.gap(), q.y() + q.gap()},
        {q.x() + q.gap(), q.y() - q.gap() - h},
        {q.x() - q.gap() - w, q.y() + q.gap()},
        {q.x() - q.gap() - w, q.y() - q.gap() - h}
      };
      double[] box = null;
      for (double[] c : corners) {
        double[] b = {c[0], c[1], c[0] + w, c[1] + h};
        if (inside(b) && free(b)) {
          box = b;
          break;
        }
      }
      if (box == null && q.priority() >= 10) { // must show: inside the plot, wherever it fits
        double left = Math.max(g.left(), Math.min(corners[0][0], g.left() + g.width() - w));
        double top = Math.max(g.top(), Math.min(corners[0][1], g.top() + g.height() - h));
        box = new double[] {left, top, left + w, top + h};
      }
      if (box == null) {
        continue;
      }
      taken.add(box);
      gc.setFill(Color.rgb(255, 255, 255, 0.85));
      gc.fillRoundRect(box[0], box[1], w, h, 6, 6);
      gc.setFill(Palette.EDGE);
      gc.setFont(font);
      gc.setTextAlign(TextAlignment.LEFT);
      gc.setTextBaseline(VPos.TOP);
      gc.fillText(q.text(), box[0] + pad, box[1] + pad);
    }
  }

  private boolean inside(double[] b) {
    return b[0] >= g.left()
        && b[1] >= g.top()
        && b[2] <= g.left() + g.width()
        && b[3] <= g.top() + g.height();
  }

  private boolean free(double[] b) {
    for (double[] t : taken) {
      if (b[0] < t[2] && t[0] < b[2] && b[1] < t[3] && t[1] < b[3]) {
        return false;
      }
    }
    return true;
  }
}
