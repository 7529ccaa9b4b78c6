package descent.app.chart;

import descent.app.chart.ChartScale.YRange;
import descent.app.chart.LossChartModel.Divergence;
import descent.app.chart.LossChartModel.Point;
import descent.app.chart.LossLineChart.EdgeMark;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.chart.XYChart.Data;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;

/**
 * The live loss chart: a line chart of the three {@link LossSeries} of a {@link LossChartModel}, a
 * "log scale" toggle, and a hover label with the exact numbers of the point nearest the mouse.
 * Built in code; styled by {@code loss-chart.css} next to this class. {@link LossCharts#forSession}
 * builds one wired to the app's training session.
 *
 * <p><b>Driving it.</b> Once per frame (an {@code AnimationTimer}), on the FX thread, call {@code
 * model.acceptAll(eventsSinceLastFrame)} and then {@link #refresh()}. {@code refresh()} redraws
 * only when the model's {@link LossChartModel#versionProperty() version}, the log-scale setting,
 * the planned epochs or the batches per epoch changed since the last draw, so calling it every
 * frame costs nothing while training is paused. As a safety net the view also runs {@code
 * refresh()} from a pre-layout pulse listener and asks for a pulse whenever one of those changes,
 * so a change made outside the frame loop (a {@code clear()} while paused) shows on the next pulse.
 *
 * <p><b>Axes.</b> x is d2l's continuous epoch coordinate: the first epoch spans 0 to 1, so x counts
 * the epochs trained, while the hover label and the status bar name epochs from 1. The x-axis spans
 * the run's planned epochs from the start. y is linear from 0 up to at most {@link
 * ChartScale#CEILING_FACTOR} times the run's first minibatch loss, or log10 over whole decades.
 * Where a curve leaves the y-range, or the run diverged, an edge mark on the plot's edge says what
 * value it went to.
 *
 * <p>The chart never holds more points than the model does: at most {@link
 * LossChartModel#MAX_MINIBATCH_POINTS} on the symbol-less minibatch line and {@link
 * LossChartModel#MAX_EPOCH_POINTS} on each per-epoch line. Those two get one symbol node per point
 * while they have at most {@link #SYMBOL_LIMIT} points, and none past that.
 */
public final class LossChartView extends StackPane {
  private static final String STYLESHEET = "loss-chart.css";

  /**
   * A per-epoch series with more points than this is drawn as a line alone: beyond it the symbols
   * (about 14 px wide) would overlap into a smear on a 1000 px chart.
   */
  static final int SYMBOL_LIMIT = 60;

  private final LossChartModel model;
  private final NumberAxis xAxis = new NumberAxis();
  private final NumberAxis yAxis = new NumberAxis();
  private final LossLineChart chart = new LossLineChart(xAxis, yAxis);
  private final Map<LossSeries, XYChart.Series<Number, Number>> chartSeries =
      new EnumMap<>(LossSeries.class);
  private final Map<LossSeries, Boolean> drawnWithSymbols = new EnumMap<>(LossSeries.class);
  private final CheckBox logToggle = new CheckBox("log scale");
  private final Label currentLabel = new Label();
  private final List<XYChart.Series<Number, Number>> overlaySeries = new ArrayList<>();
  private List<ChartOverlay> overlays = List.of();
  private final IntegerProperty plannedEpochs = new SimpleIntegerProperty(this, "plannedEpochs");
  private final IntegerProperty batchesPerEpoch =
      new SimpleIntegerProperty(this, "batchesPerEpoch");
  private final ChartHover hover;
  private final Runnable refreshOnPulse = this::refresh;
  private final Runnable hoverOnPulse;

  private long drawnVersion = -1;
  private int drawnScale = -1; // 0 linear, 1 log
  private boolean stale = true;
  private YRange yRange = ChartScale.linear(0);

  public LossChartView(LossChartModel model) {
    this.model = model;
    getStyleClass().add("loss-chart-view");
    getStylesheets().add(LossChartView.class.getResource(STYLESHEET).toExternalForm());

    xAxis.setLabel("epochs trained");
    xAxis.setAutoRanging(false);
    xAxis.setLowerBound(0);
    xAxis.setUpperBound(1);
    xAxis.setTickLabelFormatter(ChartScale.converter(ChartScale::formatTick));
    yAxis.setLabel("loss");
    yAxis.setAutoRanging(false);

    chart.getStyleClass().add("loss-chart");
    chart.setAnimated(false);
    chart.setCreateSymbols(false); // the per-epoch series get their symbol nodes from us
    chart.setAxisSortingPolicy(LineChart.SortingPolicy.NONE); // the model keeps x in order
    chart.setLegendSide(Side.BOTTOM);
    for (LossSeries which : LossSeries.values()) {
      XYChart.Series<Number, Number> s = new XYChart.Series<>();
      s.setName(which.legend(0));
      chartSeries.put(which, s);
      chart.getData().add(s);
    }

    logToggle.getStyleClass().add("loss-chart-log-toggle");
    logToggle.selectedProperty().bindBidirectional(model.logScaleProperty());
    currentLabel.getStyleClass().add("loss-chart-current-label");
    currentLabel.setId("loss-chart-current-label");
    currentLabel.setVisible(false);
    currentLabel.managedProperty().bind(currentLabel.visibleProperty());
    javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
    HBox.setHgrow(gap, javafx.scene.layout.Priority.ALWAYS);
    HBox toolbar = new HBox(12, currentLabel, gap, logToggle);
    toolbar.getStyleClass().add("loss-chart-toolbar");
    toolbar.setAlignment(Pos.CENTER_RIGHT);

    BorderPane content = new BorderPane(chart);
    content.setTop(toolbar);

    hover = new ChartHover(model, chart, () -> yRange);
    hoverOnPulse = hover::refresh;
    getChildren().addAll(content, hover.overlay());

    model.logScaleProperty().addListener((obs, was, is) -> refresh());
    model.versionProperty().addListener((obs, was, is) -> Platform.requestNextPulse());
    plannedEpochs.addListener((obs, was, is) -> redrawOnNextPulse());
    batchesPerEpoch.addListener((obs, was, is) -> redrawOnNextPulse());
    sceneProperty()
        .addListener(
            (obs, was, is) -> {
              if (was != null) {
                was.removePreLayoutPulseListener(refreshOnPulse);
                was.removePostLayoutPulseListener(hoverOnPulse);
              }
              if (is != null) {
                is.addPreLayoutPulseListener(refreshOnPulse);
                is.addPostLayoutPulseListener(hoverOnPulse);
              }
            });

    chart.addEventHandler(
        MouseEvent.MOUSE_MOVED, e -> hover.mouseMoved(new Point2D(e.getSceneX(), e.getSceneY())));
    chart.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover.mouseExited());

    refresh();
  }

  private void redrawOnNextPulse() {
    stale = true;
    Platform.requestNextPulse();
  }

  /**
   * Redraws from the model if anything it shows changed since the last draw; otherwise returns at
   * once. Call on the FX thread, once per frame, after {@code acceptAll}.
   */
  public void refresh() {
    boolean log = model.isLogScale();
    int scale = log ? 1 : 0;
    if (!stale && drawnVersion == model.version() && drawnScale == scale) {
      return;
    }
    stale = false;
    drawnVersion = model.version();
    drawnScale = scale;

    int batches = batchesPerEpoch.get() > 0 ? batchesPerEpoch.get() : model.batchesPerEpoch();
    double ceiling = log ? Double.POSITIVE_INFINITY : ChartScale.ceiling(model.firstLoss());
    Map<LossSeries, Plotted> plotted = new EnumMap<>(LossSeries.class);
    List<EdgeMark> marks = new ArrayList<>();
    double minShown = Double.POSITIVE_INFINITY;
    double maxShown = Double.NEGATIVE_INFINITY;
    double maxTrainX = Double.NEGATIVE_INFINITY;
    double maxValX = Double.NEGATIVE_INFINITY;
    for (LossSeries which : LossSeries.values()) {
      List<Point> points = model.points(which);
      Plotted p = new Plotted(points.size());
      for (Point point : points) {
        if (log && !(point.y() > 0)) { // log10 is undefined there: mark it on the bottom edge
          marks.add(new EdgeMark(point.x(), 0, false, ChartScale.formatValue(point.y())));
          continue;
        }
        double y = log ? Math.log10(point.y()) : point.y();
        p.add(point.x(), y, point.y());
        if (point.y() <= ceiling) {
          minShown = Math.min(minShown, y);
          maxShown = Math.max(maxShown, y);
        }
      }
      plotted.put(which, p);
      if (!points.isEmpty()) {
        double lastX = points.get(points.size() - 1).x();
        if (which == LossSeries.VALIDATION) {
          maxValX = Math.max(maxValX, lastX);
        } else {
          maxTrainX = Math.max(maxTrainX, lastX);
        }
      }
    }
    List<Plotted> overlaid = new ArrayList<>(overlays.size());
    double overlayCeiling = log ? Double.POSITIVE_INFINITY : ceiling;
    if (!log && Double.isNaN(model.firstLoss())) { // a fresh run: the others set the scale
      double first = Double.NEGATIVE_INFINITY;
      for (ChartOverlay o : overlays) {
        if (!o.points().isEmpty()) {
          first = Math.max(first, o.points().get(0).y());
        }
      }
      overlayCeiling = ChartScale.ceiling(first);
    }
    for (ChartOverlay o : overlays) {
      Plotted p = new Plotted(o.points().size());
      for (Point point : o.points()) {
        if (log && !(point.y() > 0)) {
          continue;
        }
        double y = log ? Math.log10(point.y()) : point.y();
        p.add(point.x(), y, point.y());
        if (point.y() <= overlayCeiling) {
          minShown = Math.min(minShown, y);
          maxShown = Math.max(maxShown, y);
        }
        maxTrainX = Math.max(maxTrainX, point.x());
      }
      overlaid.add(p);
    }
    yRange = log ? ChartScale.log(minShown, maxShown) : ChartScale.linear(maxShown);
    for (int k = 0; k < overlaid.size(); k++) {
      sync(overlaySeries.get(k), overlaid.get(k), false);
    }

    for (LossSeries which : LossSeries.values()) {
      Plotted p = plotted.get(which);
      p.markExcursions(yRange.upper(), marks);
      XYChart.Series<Number, Number> series = chartSeries.get(which);
      String name = which.legend(batches);
      if (!name.equals(series.getName())) {
        series.setName(name);
      }
      boolean symbols = which != LossSeries.MINIBATCH && p.n <= SYMBOL_LIMIT;
      Boolean drewSymbols = drawnWithSymbols.put(which, symbols);
      if (drewSymbols != null && drewSymbols != symbols) {
        series.getData().clear(); // LineChart only picks up symbol nodes of newly added data
      }
      sync(series, p, symbols);
    }
    Optional<Divergence> divergence = model.divergence();
    divergence.ifPresent(
        d ->
            marks.add(
                new EdgeMark(
                    d.x(),
                    Double.POSITIVE_INFINITY,
                    true,
                    "diverged at step "
                        + d.step()
                        + ": loss "
                        + ChartScale.formatValue(d.loss()))));
    chart.setEdgeMarks(marks);

    Plotted minibatch = plotted.get(LossSeries.MINIBATCH);
    if (minibatch.n > 0 && yRange.contains(minibatch.ys[minibatch.n - 1])) {
      chart.showLatest(minibatch.xs[minibatch.n - 1], minibatch.ys[minibatch.n - 1]);
    } else {
      chart.hideLatest();
    }

    chart.setHorizontalZeroLineVisible(!log); // in log10 scale, 0 is a loss of 1
    double xUpper = ChartScale.xUpper(plannedEpochs.get(), maxTrainX, maxValX);
    xAxis.setUpperBound(xUpper);
    xAxis.setTickUnit(ChartScale.niceUnit(xUpper / 10));
    yAxis.setLowerBound(yRange.lower());
    yAxis.setUpperBound(yRange.upper());
    yAxis.setTickUnit(yRange.unit());
    yAxis.setMinorTickVisible(!log); // log10 minor ticks would be spaced linearly
    yAxis.setTickLabelFormatter(
        ChartScale.converter(log ? ChartScale::powerOfTen : ChartScale::formatTick));
    hover.refresh();
  }

  /** One series' plotted points: x, y as drawn (log10 in log scale), and the loss itself. */
  private static final class Plotted {
    final double[] xs;
    final double[] ys;
    final double[] losses;
    int n;

    Plotted(int capacity) {
      xs = new double[capacity];
      ys = new double[capacity];
      losses = new double[capacity];
    }

    void add(double x, double y, double loss) {
      xs[n] = x;
      ys[n] = y;
      losses[n] = loss;
      n++;
    }

    /** One top-edge mark per run of consecutive points above {@code upper}, at its highest. */
    void markExcursions(double upper, List<EdgeMark> marks) {
      int top = -1;
      for (int i = 0; i <= n; i++) {
        if (i < n && ys[i] > upper) {
          if (top < 0 || losses[i] > losses[top]) {
            top = i;
          }
        } else if (top >= 0) {
          marks.add(new EdgeMark(xs[top], losses[top], true, ChartScale.formatValue(losses[top])));
          top = -1;
        }
      }
    }
  }

  /**
   * Makes a chart series show exactly the given points, reusing its Data objects. A symbol shows
   * only while its point lies inside the y-range.
   */
  private void sync(XYChart.Series<Number, Number> series, Plotted p, boolean symbols) {
    ObservableList<Data<Number, Number>> data = series.getData();
    int old = data.size();
    for (int i = 0; i < Math.min(old, p.n); i++) {
      Data<Number, Number> d = data.get(i);
      if (d.getXValue().doubleValue() != p.xs[i]) {
        d.setXValue(p.xs[i]);
      }
      if (d.getYValue().doubleValue() != p.ys[i]) {
        d.setYValue(p.ys[i]);
      }
    }
    if (p.n < old) {
      data.remove(p.n, old);
    } else if (p.n > old) {
      List<Data<Number, Number>> added = new ArrayList<>(p.n - old);
      for (int i = old; i < p.n; i++) {
        Data<Number, Number> d = new Data<>(p.xs[i], p.ys[i]);
        if (symbols) {
          d.setNode(new StackPane()); // LineChart styles it as .chart-line-symbol.seriesN
        }
        added.add(d);
      }
      data.addAll(added);
    }
    for (int i = 0; i < p.n; i++) {
      var node = data.get(i).getNode();
      if (node != null) {
        node.setVisible(yRange.contains(p.ys[i]));
      }
    }
  }

  /**
   * Draws other runs' training losses over this run's curves, each in its colour and named in the
   * legend by its label, replacing those drawn before; an empty list removes them all.
   *
   * @param current what sets the current run apart from them, shown above the chart while there are
   *     overlays (e.g. "this run: lr 0.03")
   */
  public void setOverlays(List<ChartOverlay> overlays, String current) {
    if (overlays.equals(this.overlays)
        && java.util.Objects.equals(current, currentLabel.getText())) {
      return;
    }
    this.overlays = List.copyOf(overlays);
    chart.getData().removeAll(overlaySeries);
    overlaySeries.clear();
    java.util.Map<XYChart.Series<Number, Number>, String> colours = new java.util.HashMap<>();
    for (ChartOverlay o : this.overlays) {
      XYChart.Series<Number, Number> s = new XYChart.Series<>();
      s.setName(o.label());
      overlaySeries.add(s);
      colours.put(s, o.colour());
    }
    chart.setSeriesColours(colours);
    chart.getData().addAll(overlaySeries);
    currentLabel.setText(current);
    currentLabel.setVisible(!this.overlays.isEmpty() && current != null && !current.isEmpty());
    redrawOnNextPulse();
    refresh();
  }

  /** The overlays drawn now. */
  public List<ChartOverlay> overlays() {
    return overlays;
  }

  /** The chart series that draw the overlays, in the order given. */
  public List<XYChart.Series<Number, Number>> overlaySeries() {
    return List.copyOf(overlaySeries);
  }

  /** What the chart says the current run is, above it, while overlays show. */
  public Label currentRunLabel() {
    return currentLabel;
  }

  // ---------------------------------------------------------------- access

  /** The run's planned epochs: the x-axis spans at least this many. 0 until set. */
  public IntegerProperty plannedEpochsProperty() {
    return plannedEpochs;
  }

  /**
   * The run's minibatches per epoch, for the legend (how many d2l points per epoch). Until set (0),
   * the legend follows the latest minibatch event.
   */
  public IntegerProperty batchesPerEpochProperty() {
    return batchesPerEpoch;
  }

  /** The "log scale" toggle, bound to {@link LossChartModel#logScaleProperty()}. */
  public CheckBox logScaleToggle() {
    return logToggle;
  }

  /** The chart, whose three series hold the plotted points (log10 of the loss in log scale). */
  public LineChart<Number, Number> chart() {
    return chart;
  }

  /** The chart series that draws one {@link LossSeries}. */
  public XYChart.Series<Number, Number> series(LossSeries which) {
    return chartSeries.get(which);
  }

  /** The label that shows the hovered point's exact numbers; visible only while hovering. */
  public Label hoverLabel() {
    return hover.label();
  }

  /** The point the hover label describes, if the mouse is over the plot. */
  public Optional<HoverInfo> hovered() {
    return hover.hovered();
  }

  public LossChartModel model() {
    return model;
  }

  /** The dot on the latest minibatch; visible whenever there is one inside the y-range. */
  Circle latestMarker() {
    return chart.latestMarker();
  }

  /** The edge marks as drawn: each a group of an arrow and a label. */
  List<javafx.scene.Node> edgeMarks() {
    return chart.edgeMarkNodes();
  }
}
