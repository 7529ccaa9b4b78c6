package descent.app.teach.data;

import descent.app.teach.data.DataPlot.PlotArea;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/** The plot's frame: grid lines at the ticks, the box, tick labels and the two axis titles. */
final class DataAxes {
  private DataAxes() {}

  /**
   * Paints the frame of {@code area}, with text of {@code fs} pixels (tick labels in {@code font}).
   */
  static void paint(
      GraphicsContext g,
      PlotArea area,
      PlotContent content,
      double[] xTicks,
      double[] yTicks,
      double yStep,
      Font font,
      double fs) {
    g.setLineWidth(1);
    g.setStroke(DataStyle.GRID);
    for (double t : xTicks) {
      double x = Math.round(area.px(t)) + 0.5;
      g.strokeLine(x, area.top(), x, area.top() + area.height());
    }
    for (double t : yTicks) {
      double y = Math.round(area.py(t)) + 0.5;
      g.strokeLine(area.left(), y, area.left() + area.width(), y);
    }
    g.setStroke(DataStyle.FRAME);
    g.strokeRect(area.left() + 0.5, area.top() + 0.5, area.width() - 1, area.height() - 1);

    g.setFill(DataStyle.TEXT);
    g.setFont(font);
    g.setTextBaseline(VPos.TOP);
    g.setTextAlign(TextAlignment.CENTER);
    double xStep = xTicks.length > 1 ? xTicks[1] - xTicks[0] : content.x().span();
    double bottom = area.top() + area.height();
    for (double t : xTicks) {
      g.fillText(Ticks.format(t, xStep), area.px(t), bottom + 0.25 * fs);
    }
    g.setTextBaseline(VPos.CENTER);
    g.setTextAlign(TextAlignment.RIGHT);
    for (double t : yTicks) {
      g.fillText(Ticks.format(t, yStep), area.left() - 0.4 * fs, area.py(t));
    }

    g.setFill(DataStyle.TITLE);
    g.setFont(Font.font(null, FontWeight.BOLD, fs));
    g.setTextBaseline(VPos.BOTTOM);
    g.setTextAlign(TextAlignment.CENTER);
    g.fillText(content.xTitle(), area.left() + area.width() / 2, bottom + 2.9 * fs);
    g.setTextAlign(TextAlignment.LEFT);
    g.fillText(content.yTitle(), area.left(), area.top() - 0.35 * fs);
  }
}
