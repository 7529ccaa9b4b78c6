package descent.app.chart;

import descent.app.chart.LossChartModel.Point;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleFunction;
import javafx.application.Platform;
import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.chart.XYChart.Data;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.util.StringConverter;

/**
 * The live loss chart: a {@link LineChart} of the three {@link LossSeries} of a {@link
 * LossChartModel}, a "log scale" toggle, and a hover label with the exact numbers of the point
 * nearest the mouse. Built in code; styled by {@code loss-chart.css} next to this class.
 *
 * <p><b>Driving it.</b> Once per frame (an {@code AnimationTimer}), on the FX thread, call {@code
 * model.acceptAll(eventsSinceLastFrame)} and then {@link #refresh()}. {@code refresh()} redraws
 * only when the model's {@link LossChartModel#versionProperty() version} or the log-scale setting
 * differs from what was last drawn, so calling it every frame costs nothing while training is
 * paused. As a safety net the view also runs {@code refresh()} from a pre-layout pulse listener and
 * asks for a pulse whenever the model's version changes, so a change made outside the frame loop (a
 * {@code clear()} while paused) shows on the next pulse. Either way a redraw happens at most once
 * per pulse. Toggling log scale redraws at once.
 *
 * <p>The chart never holds more points than the model does: at most {@link
 * LossChartModel#MAX_MINIBATCH_POINTS} on the symbol-less minibatch line and {@link
 * LossChartModel#MAX_EPOCH_POINTS} on each per-epoch line. Those two get one symbol node per point
 * while they have at most {@link #SYMBOL_LIMIT} points, and none past that.
 *
 * <p>Hover: a mouse handler on the chart maps the pointer through {@code
 * NumberAxis.getValueForDisplay}, takes each series' point nearest along x ({@link
 * LossChartModel#nearest(LossSeries, double)}), and labels the one of those nearest on screen.
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
  private final LineChart<Number, Number> chart = new LineChart<>(xAxis, yAxis);
  private final Map<LossSeries, XYChart.Series<Number, Number>> chartSeries =
      new EnumMap<>(LossSeries.class);
  private final Map<LossSeries, Boolean> drawnWithSymbols = new EnumMap<>(LossSeries.class);
  private final CheckBox logToggle = new CheckBox("log scale");
  private final Label hoverLabel = new Label();
  private final Circle hoverMarker = new Circle(9);
  private final Pane overlay = new Pane(hoverMarker, hoverLabel);
  private final Runnable refreshOnPulse = this::refresh;
  private final Runnable hoverOnPulse = this::updateHoverIfShown;

  private long drawnVersion = -1;
  private int drawnScale = -1; // 0 linear, 1 log
  private Point2D mouseInScene; // while the mouse is over the chart
  private HoverInfo hovered;

  public LossChartView(LossChartModel model) {
    this.model = model;
    getStyleClass().add("loss-chart-view");
    getStylesheets().add(LossChartView.class.getResource(STYLESHEET).toExternalForm());

    xAxis.setLabel("epoch");
    xAxis.setAutoRanging(false);
    xAxis.setLowerBound(0);
    xAxis.setUpperBound(1);
    xAxis.setTickLabelFormatter(converter(LossChartView::formatTick));
    yAxis.setLabel("loss");
    yAxis.setForceZeroInRange(true);

    chart.getStyleClass().add("loss-chart");
    chart.setAnimated(false);
    chart.setCreateSymbols(false); // the per-epoch series get their symbol nodes from us
    chart.setAxisSortingPolicy(LineChart.SortingPolicy.NONE); // the model keeps x in order
    chart.setLegendSide(Side.BOTTOM);
    // The plot area clips to the axes' ranges, which would halve the symbols on its edges (the
    // last validation point sits on the right edge). The axes cover every point, so only half a
    // symbol can spill over, into the chart's padding.
    Node plotContent = chart.lookup(".plot-content");
    if (plotContent != null && plotContent.getParent() != chart) {
      plotContent.getParent().setClip(null);
    }
    for (LossSeries which : LossSeries.values()) {
      XYChart.Series<Number, Number> s = new XYChart.Series<>();
      s.setName(which.legend());
      chartSeries.put(which, s);
      chart.getData().add(s);
    }

    logToggle.getStyleClass().add("loss-chart-log-toggle");
    logToggle.selectedProperty().bindBidirectional(model.logScaleProperty());
    HBox toolbar = new HBox(logToggle);
    toolbar.getStyleClass().add("loss-chart-toolbar");
    toolbar.setAlignment(Pos.CENTER_RIGHT);

    BorderPane content = new BorderPane(chart);
    content.setTop(toolbar);

    hoverLabel.getStyleClass().add("loss-chart-hover");
    hoverLabel.setManaged(false);
    hoverMarker.getStyleClass().add("loss-chart-hover-marker");
    hoverMarker.setManaged(false);
    overlay.setMouseTransparent(true);
    hideHover();
    getChildren().addAll(content, overlay);

    model.logScaleProperty().addListener((obs, was, is) -> refresh());
    model.versionProperty().addListener((obs, was, is) -> Platform.requestNextPulse());
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
        MouseEvent.MOUSE_MOVED,
        e -> {
          mouseInScene = new Point2D(e.getSceneX(), e.getSceneY());
          updateHover();
        });
    chart.addEventHandler(
        MouseEvent.MOUSE_EXITED,
        e -> {
          mouseInScene = null;
          hideHover();
        });

    refresh();
  }

  /**
   * Redraws from the model if its version or the log-scale setting changed since the last draw;
   * otherwise returns at once. Call on the FX thread, once per frame, after {@code acceptAll}.
   */
  public void refresh() {
    boolean log = model.isLogScale();
    int scale = log ? 1 : 0;
    if (drawnVersion == model.version() && drawnScale == scale) {
      return;
    }
    drawnVersion = model.version();
    drawnScale = scale;

    double maxTrainX = Double.NEGATIVE_INFINITY;
    double maxValX = Double.NEGATIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (LossSeries which : LossSeries.values()) {
      List<Point> points = model.points(which);
      int n = 0;
      double[] xs = new double[points.size()];
      double[] ys = new double[points.size()];
      for (Point p : points) {
        if (log && !(p.y() > 0)) {
          continue; // log10 is undefined there
        }
        xs[n] = p.x();
        ys[n] = log ? Math.log10(p.y()) : p.y();
        minY = Math.min(minY, ys[n]);
        maxY = Math.max(maxY, ys[n]);
        n++;
      }
      if (!points.isEmpty()) {
        double lastX = points.get(points.size() - 1).x();
        if (which == LossSeries.VALIDATION) {
          maxValX = Math.max(maxValX, lastX);
        } else {
          maxTrainX = Math.max(maxTrainX, lastX);
        }
      }
      boolean symbols = which != LossSeries.MINIBATCH && n <= SYMBOL_LIMIT;
      XYChart.Series<Number, Number> series = chartSeries.get(which);
      Boolean drewSymbols = drawnWithSymbols.put(which, symbols);
      if (drewSymbols != null && drewSymbols != symbols) {
        series.getData().clear(); // LineChart only picks up symbol nodes of newly added data
      }
      sync(series, xs, ys, n, symbols);
    }
    chart.setHorizontalZeroLineVisible(!log); // in log10 scale, 0 is a loss of 1
    layOutXAxis(maxTrainX, maxValX);
    layOutYAxis(log, minY, maxY);
    updateHoverIfShown();
  }

  /** Makes a chart series show exactly the given points, reusing its Data objects. */
  private static void sync(
      XYChart.Series<Number, Number> series, double[] xs, double[] ys, int n, boolean symbols) {
    ObservableList<Data<Number, Number>> data = series.getData();
    int old = data.size();
    for (int i = 0; i < Math.min(old, n); i++) {
      Data<Number, Number> d = data.get(i);
      if (d.getXValue().doubleValue() != xs[i]) {
        d.setXValue(xs[i]);
      }
      if (d.getYValue().doubleValue() != ys[i]) {
        d.setYValue(ys[i]);
      }
    }
    if (n < old) {
      data.remove(n, old);
    } else if (n > old) {
      List<Data<Number, Number>> added = new ArrayList<>(n - old);
      for (int i = old; i < n; i++) {
        Data<Number, Number> d = new Data<>(xs[i], ys[i]);
        if (symbols) {
          d.setNode(new StackPane()); // LineChart styles it as .chart-line-symbol.seriesN
        }
        added.add(d);
      }
      data.addAll(added);
    }
  }

  /**
   * The x-axis runs from 0 to the end of the epoch in progress (or the last validated epoch), in
   * whole epochs, so its ticks stay put while an epoch fills in.
   */
  private void layOutXAxis(double maxTrainX, double maxValX) {
    double upper = 1;
    if (maxTrainX > Double.NEGATIVE_INFINITY) {
      upper = Math.max(upper, Math.floor(maxTrainX) + 1);
    }
    if (maxValX > Double.NEGATIVE_INFINITY) {
      upper = Math.max(upper, Math.ceil(maxValX));
    }
    xAxis.setUpperBound(upper);
    xAxis.setTickUnit(niceUnit(upper / 10));
  }

  /**
   * Linear: auto-ranged from 0. Log: whole decades around the data, ticks labelled as powers of
   * ten, no minor ticks (they would be spaced linearly in log10).
   */
  private void layOutYAxis(boolean log, double minY, double maxY) {
    if (!log) {
      yAxis.setAutoRanging(true);
      yAxis.setForceZeroInRange(true);
      yAxis.setMinorTickVisible(true);
      yAxis.setTickLabelFormatter(null);
      return;
    }
    double lower = minY <= maxY ? Math.floor(minY) : -3;
    double upper = minY <= maxY ? Math.ceil(maxY) : 1;
    if (upper <= lower) {
      upper = lower + 1;
    }
    yAxis.setAutoRanging(false);
    yAxis.setLowerBound(lower);
    yAxis.setUpperBound(upper);
    yAxis.setTickUnit(Math.max(1, Math.ceil((upper - lower) / 8)));
    yAxis.setMinorTickVisible(false);
    yAxis.setTickLabelFormatter(converter(LossChartView::powerOfTen));
  }

  // ---------------------------------------------------------------- hover

  private void updateHoverIfShown() {
    if (mouseInScene != null) {
      updateHover();
    }
  }

  /**
   * Finds, in each series, the point nearest the mouse along x, then shows the one of those nearest
   * the mouse on screen.
   */
  private void updateHover() {
    Node plot = chart.lookup(".chart-plot-background");
    if (mouseInScene == null
        || plot == null
        || !plot.getLayoutBounds().contains(plot.sceneToLocal(mouseInScene))) {
      hideHover();
      return;
    }
    boolean log = model.isLogScale();
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
      double px = xAxis.getDisplayPosition(info.x());
      double py = yAxis.getDisplayPosition(log ? Math.log10(info.y()) : info.y());
      double distance = Math.hypot(px - mouseX, py - mouseY);
      if (distance < bestDistance) {
        best = info;
        bestDistance = distance;
        bestX = px;
        bestY = py;
      }
    }
    if (best == null) {
      hideHover();
      return;
    }
    hovered = best;
    Point2D marker =
        overlay.sceneToLocal(
            xAxis.localToScene(bestX, 0).getX(), yAxis.localToScene(0, bestY).getY());
    hoverMarker.setCenterX(marker.getX());
    hoverMarker.setCenterY(marker.getY());
    hoverMarker.getStyleClass().setAll("loss-chart-hover-marker", styleName(best.series()));
    hoverMarker.setVisible(true);

    hoverLabel.setText(best.describe());
    hoverLabel.autosize();
    Point2D mouse = overlay.sceneToLocal(mouseInScene);
    double w = hoverLabel.getWidth();
    double h = hoverLabel.getHeight();
    double x = Math.max(4, Math.min(mouse.getX() + 18, overlay.getWidth() - w - 4));
    double y = mouse.getY() - h - 14;
    if (y < 4) {
      y = mouse.getY() + 24;
    }
    hoverLabel.relocate(x, y);
    hoverLabel.setVisible(true);
  }

  private void hideHover() {
    hovered = null;
    hoverLabel.setVisible(false);
    hoverMarker.setVisible(false);
  }

  private static String styleName(LossSeries which) {
    return which.name().toLowerCase(Locale.ROOT);
  }

  // ---------------------------------------------------------------- access

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
    return hoverLabel;
  }

  /** The point the hover label describes, if the mouse is over the plot. */
  public Optional<HoverInfo> hovered() {
    return Optional.ofNullable(hovered);
  }

  public LossChartModel model() {
    return model;
  }

  // ---------------------------------------------------------------- formatting

  /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
  static double niceUnit(double rough) {
    if (!(rough > 0)) {
      return 1;
    }
    double decade = Math.pow(10, Math.floor(Math.log10(rough)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * decade >= rough * (1 - 1e-9)) {
        return m * decade;
      }
    }
    return 10 * decade;
  }

  /** An axis tick without trailing zeros: 0, 0.5, 1, 1.25. */
  static String formatTick(double v) {
    if (Math.abs(v) < 1e-12) {
      return "0";
    }
    return new BigDecimal(v)
        .setScale(6, RoundingMode.HALF_EVEN)
        .stripTrailingZeros()
        .toPlainString();
  }

  /** A log10 tick as the power of ten it stands for: -3 → "10⁻³". */
  static String powerOfTen(double exponent) {
    long e = Math.round(exponent);
    if (Math.abs(exponent - e) > 1e-9) {
      return String.format(Locale.ROOT, "%.2g", Math.pow(10, exponent));
    }
    StringBuilder s = new StringBuilder("10");
    for (char c : Long.toString(e).toCharArray()) {
      s.append(c == '-' ? '⁻' : "⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(c - '0'));
    }
    return s.toString();
  }

  private static StringConverter<Number> converter(DoubleFunction<String> format) {
    return new StringConverter<>() {
      @Override
      public String toString(Number value) {
        return format.apply(value.doubleValue());
      }

      @Override
      public Number fromString(String text) {
        throw new UnsupportedOperationException("axis labels are not parsed");
      }
    };
  }
}
