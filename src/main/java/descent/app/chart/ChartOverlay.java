package descent.app.chart;

import descent.app.chart.LossChartModel.Point;
import java.util.List;

/**
 * Another run's training loss, drawn over the current run's curves in a colour of its own and named
 * in the legend by its label.
 *
 * @param label what sets it apart, e.g. "lr 0.3"
 * @param colour its colour, a CSS colour such as {@code "#ee3377"}
 * @param points its loss against epochs trained, in x order, few enough to draw (a few hundred)
 */
public record ChartOverlay(String label, String colour, List<Point> points) {
  public ChartOverlay {
    points = List.copyOf(points);
  }
}
