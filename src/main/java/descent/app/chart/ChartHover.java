package descent.app.chart;

import descent.app.chart.ChartScale.YRange;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;

/**
 * The loss chart's hover: a label with the exact numbers of the point nearest the mouse and a ring
 * on that point, drawn in an overlay above the chart.
 *
 * <p>The mouse is mapped to an epoch through {@code NumberAxis.getValueForDisplay}; each series'
 * point nearest along x ({@link LossChartModel#nearest(LossSeries, double)}) is a candidate, and
 * the one nearest the mouse on screen wins. Points outside the y-axis' range (an edge mark stands
 * for them) are not candidates.
 */
final class ChartHover {
  private final LossChartModel model;
  private final LineChart<Number, Number> chart;
  private final NumberAxis xAxis;
  private final NumberAxis yAxis;
  private final Supplier<YRange> yRange;
  private final Label label = new Label();
  private final Circle marker = new Circle(9);
  private final Pane overlay = new Pane(marker, label);
  private Point2D mouseInScene; // while the mouse is over the chart
  private HoverInfo hovered;

  ChartHover(LossChartModel model, LineChart<Number, Number> chart, Supplier<YRange> yRange) {
    this.model = model;
    this.chart = chart;
    this.xAxis = (NumberAxis) chart.getXAxis();
    this.yAxis = (NumberAxis) chart.getYAxis();
    this.yRange = yRange;
    label.getStyleClass().add("loss-chart-hover");
    label.setManaged(false);
    marker.getStyleClass().add("loss-chart-hover-marker");
    marker.setManaged(false);
    overlay.setMouseTransparent(true);
    hide();
  }

  /** The pane to lay over the chart. */
  Pane overlay() {
    return overlay;
  }

  Label label() {
    return label;
  }

  Optional<HoverInfo> hovered() {
    return Optional.ofNullable(hovered);
  }

  void mouseMoved(Point2D scene) {
    mouseInScene = scene;
    update();
  }

  void mouseExited() {
    mouseInScene = null;
    hide();
  }

  /** Updates the label after a redraw, if the mouse is over the chart. */
  void refresh() {
    if (mouseInScene != null) {
      update();
    }
  }

  private void update() {
    Node plot = chart.lookup(".chart-plot-background");
    if (mouseInScene == null
        || plot == null
        || !plot.getLayoutBounds().contains(plot.sceneToLocal(mouseInScene))) {
      hide();
      return;
    }
    boolean log = model.isLogScale();
    YRange range = yRange.get();
    double mouseX = xAxis.sceneToLocal(mouseInScene).getX();
    double mouseY = yAxis.sceneToLocal(mouseInScene).getY();
    double xValue = xAxis.getValueForDisplay(mouseX).doubleValue();
    HoverInfo best = null;
    double bestDistance = Double.POSITIVE_INFINITY;
    double bestX = 0;
    double bestY = 0;
    for (LossSeries which : LossSeries.values()) {
      HoverInfo info = model.nearest(which, xValue).orElse(null);
      if (info == null || (log && !(info.y() > 0))) {
        continue;
      }
      double plotted = log ? Math.log10(info.y()) : info.y();
      if (!range.contains(plotted)) {
        continue;
      }
      double px = xAxis.getDisplayPosition(info.x());
      double py = yAxis.getDisplayPosition(plotted);
      double distance = Math.hypot(px - mouseX, py - mouseY);
      if (distance < bestDistance) {
        best = info;
        bestDistance = distance;
        bestX = px;
        bestY = py;
      }
    }
    if (best == null) {
      hide();
      return;
    }
    hovered = best;
    Point2D at =
        overlay.sceneToLocal(
            xAxis.localToScene(bestX, 0).getX(), yAxis.localToScene(0, bestY).getY());
    marker.setCenterX(at.getX());
    marker.setCenterY(at.getY());
    marker
        .getStyleClass()
        .setAll("loss-chart-hover-marker", best.series().name().toLowerCase(Locale.ROOT));
    marker.setVisible(true);

    label.setText(best.describe());
    label.autosize();
    Point2D mouse = overlay.sceneToLocal(mouseInScene);
    double w = label.getWidth();
    double h = label.getHeight();
    double x = Math.max(4, Math.min(mouse.getX() + 18, overlay.getWidth() - w - 4));
    double y = mouse.getY() - h - 14;
    if (y < 4) {
      y = mouse.getY() + 24;
    }
    label.relocate(x, y);
    label.setVisible(true);
  }

  void hide() {
    hovered = null;
    label.setVisible(false);
    marker.setVisible(false);
  }
}
