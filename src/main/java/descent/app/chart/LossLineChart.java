package descent.app.chart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.collections.ObservableList;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Path;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;

/**
 * The {@link LineChart} under {@link LossChartView}, with three repairs and two additions.
 *
 * <p><b>Empty series draw nothing.</b> JavaFX 21's {@code LineChart} rebuilds a series' line (a
 * {@link Path}) in {@code layoutPlotChildren} only while the series has data: once its data is
 * cleared, the old path keeps its elements and stays on screen, in the pixel coordinates of the
 * layout that drew it, until new data replaces it (OpenJDK bug JDK-8283675, fixed in JavaFX 22).
 * That is why a reset left the previous run's curves behind. After the chart's own layout this
 * class empties the path of every series that has no data.
 *
 * <p><b>Lines are clipped to the plot; symbols are not.</b> Each series' path is clipped to the
 * plot rectangle, so a line that leaves the y-range stops at the edge. The plot area as a whole is
 * clipped a few pixels wider, so the symbols on its edges (the last validation point sits on the
 * right edge) are drawn whole, yet nothing can spill over the axes or the legend.
 *
 * <p><b>The latest minibatch</b> gets a dot, so the very first step, a single point and no line
 * yet, is visible, and the head of the curve is easy to find.
 *
 * <p><b>Edge marks</b>: where a curve leaves the plot (above the y-range, or a loss of 0 or less in
 * log scale) or the run diverged, a small arrow on the top or bottom edge carries the value it went
 * to. Marks closer than {@link #MERGE_PX} merge into the most extreme one.
 */
final class LossLineChart extends LineChart<Number, Number> {
  /** How far symbols may reach past the plot's edges, in pixels. */
  static final double SYMBOL_MARGIN = 10;

  /** Edge marks nearer each other than this, in pixels, merge into one. */
  static final double MERGE_PX = 140;

  /**
   * A place where a curve leaves the plot.
   *
   * @param x where, in epochs
   * @param severity which of several merged marks to show: the largest wins
   * @param up true for the top edge, false for the bottom one
   * @param text what the mark says, e.g. {@code "2.0×10⁷"}
   */
  record EdgeMark(double x, double severity, boolean up, String text) {}

  private final Rectangle plotAreaClip = new Rectangle();
  private final Circle latest = new Circle(6.5);
  private final Group edgeMarks = new Group();
  private double latestX;
  private double latestY;
  private List<EdgeMark> marks = List.of();
  private java.util.Map<Series<Number, Number>, String> colours = java.util.Map.of();

  LossLineChart(NumberAxis xAxis, NumberAxis yAxis) {
    super(xAxis, yAxis);
    Node plotContent = lookup(".plot-content");
    if (plotContent != null && plotContent.getParent() != this) {
      plotContent.getParent().setClip(plotAreaClip);
    }
    latest.getStyleClass().add("loss-chart-latest");
    latest.setManaged(false);
    latest.setVisible(false);
    latest.setMouseTransparent(true);
    edgeMarks.setManaged(false);
    edgeMarks.setMouseTransparent(true);
    getPlotChildren().addAll(latest, edgeMarks);
  }

  /** Puts the latest-minibatch dot at plotted coordinates ({@code y} already log10 if so). */
  void showLatest(double x, double y) {
    latestX = x;
    latestY = y;
    latest.setVisible(true);
    requestChartLayout();
  }

  void hideLatest() {
    latest.setVisible(false);
  }

  /** The dot on the latest minibatch. */
  Circle latestMarker() {
    return latest;
  }

  /**
   * Colours of series that are not one of the three {@link LossSeries} (other runs' curves): their
   * line and their legend key take it, whatever their index.
   */
  void setSeriesColours(java.util.Map<Series<Number, Number>, String> colours) {
    this.colours = java.util.Map.copyOf(colours);
  }

  @Override
  protected void updateLegend() {
    super.updateLegend();
    if (!(getLegend() instanceof javafx.scene.Parent legend)) {
      return;
    }
    List<Node> items = legend.getChildrenUnmodifiable();
    for (int i = 0; i < Math.min(items.size(), getData().size()); i++) {
      String colour = colours.get(getData().get(i));
      if (colour != null && items.get(i) instanceof Label item && item.getGraphic() != null) {
        if (!item.getGraphic().getStyleClass().contains("loss-chart-overlay-key")) {
          item.getGraphic().getStyleClass().add("loss-chart-overlay-key");
        }
        item.getGraphic().setStyle("-fx-background-color: " + colour + ";");
      }
    }
  }

  /** Replaces the edge marks. */
  void setEdgeMarks(List<EdgeMark> marks) {
    this.marks = List.copyOf(marks);
    requestChartLayout();
  }

  /** The edge marks' nodes as drawn, each a {@link Group} of an arrow and a {@link Label}. */
  List<Node> edgeMarkNodes() {
    return edgeMarks.getChildren();
  }

  @Override
  protected void layoutPlotChildren() {
    super.layoutPlotChildren();
    NumberAxis xAxis = (NumberAxis) getXAxis();
    NumberAxis yAxis = (NumberAxis) getYAxis();
    double width = xAxis.getWidth();
    double height = yAxis.getHeight();

    for (int i = 0; i < getData().size(); i++) {
      Series<Number, Number> series = getData().get(i);
      if (!(series.getNode() instanceof Path path)) {
        continue;
      }
      if (series.getData().isEmpty()) {
        path.getElements().clear(); // JDK-8283675: LineChart leaves an emptied series' old path
      }
      String colour = colours.get(series);
      if (colour != null) {
        if (!path.getStyleClass().contains("loss-chart-overlay-line")) {
          path.getStyleClass().add("loss-chart-overlay-line");
        }
        path.setStyle("-fx-stroke: " + colour + ";");
      }
      // each path its own clip: a node can clip only one node, and series come and go
      Rectangle clip = path.getClip() instanceof Rectangle r ? r : new Rectangle();
      clip.setWidth(width);
      clip.setHeight(height);
      path.setClip(clip);
    }
    // the plot content sits at the axes' corner, in the plot area's coordinates
    plotAreaClip.setX(xAxis.getLayoutX() - SYMBOL_MARGIN);
    plotAreaClip.setY(yAxis.getLayoutY() - SYMBOL_MARGIN);
    plotAreaClip.setWidth(width + 2 * SYMBOL_MARGIN);
    plotAreaClip.setHeight(height + 2 * SYMBOL_MARGIN);

    if (latest.isVisible()) {
      latest.setCenterX(xAxis.getDisplayPosition(latestX));
      latest.setCenterY(yAxis.getDisplayPosition(latestY));
    }
    layOutEdgeMarks(xAxis, width, height);
    keepOnTop();
  }

  /**
   * Keeps the dot and the edge marks above the lines and symbols, which LineChart appends as data
   * arrive. Reorders only when needed: a reorder asks for another layout.
   */
  private void keepOnTop() {
    ObservableList<Node> children = getPlotChildren();
    int n = children.size();
    if (n < 2 || children.get(n - 2) != latest || children.get(n - 1) != edgeMarks) {
      children.removeAll(latest, edgeMarks);
      children.addAll(latest, edgeMarks);
    }
  }

  private void layOutEdgeMarks(NumberAxis xAxis, double width, double height) {
    List<EdgeMark> merged = new ArrayList<>();
    for (boolean up : new boolean[] {true, false}) {
      List<EdgeMark> side =
          marks.stream()
              .filter(m -> m.up() == up)
              .sorted(Comparator.comparingDouble(EdgeMark::x))
              .toList();
      EdgeMark group = null;
      double groupStart = 0;
      for (EdgeMark m : side) {
        double px = xAxis.getDisplayPosition(m.x());
        if (group != null && px - groupStart < MERGE_PX) {
          if (m.severity() >= group.severity()) {
            group = m;
          }
          continue;
        }
        if (group != null) {
          merged.add(group);
        }
        group = m;
        groupStart = px;
      }
      if (group != null) {
        merged.add(group);
      }
    }
    List<Node> nodes = edgeMarks.getChildren();
    while (nodes.size() > merged.size()) {
      nodes.remove(nodes.size() - 1);
    }
    while (nodes.size() < merged.size()) {
      nodes.add(newEdgeMark());
    }
    for (int i = 0; i < merged.size(); i++) {
      EdgeMark m = merged.get(i);
      Group node = (Group) nodes.get(i);
      Polygon arrow = (Polygon) node.getChildren().get(0);
      Label label = (Label) node.getChildren().get(1);
      double px = Math.max(0, Math.min(width, xAxis.getDisplayPosition(m.x())));
      double tipY = m.up() ? 0 : height;
      double baseY = m.up() ? 14 : height - 14;
      arrow.getPoints().setAll(px, tipY, px - 8, baseY, px + 8, baseY);
      label.setText((m.up() ? "↑ " : "↓ ") + m.text());
      label.applyCss();
      label.autosize();
      double w = label.getWidth();
      double lx = px + 12 + w <= width ? px + 12 : px - 12 - w;
      double ly = m.up() ? 2 : height - 2 - label.getHeight();
      label.relocate(Math.max(0, lx), ly);
    }
  }

  private static Group newEdgeMark() {
    Polygon arrow = new Polygon();
    arrow.getStyleClass().add("loss-chart-edge-arrow");
    Label label = new Label();
    label.getStyleClass().add("loss-chart-edge-label");
    label.setManaged(false);
    Group group = new Group(arrow, label);
    group.getStyleClass().add("loss-chart-edge-mark");
    return group;
  }
}
