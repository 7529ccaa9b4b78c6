package descent.app.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import descent.app.FxWait;
import descent.app.chart.LossChartModel.Point;
import descent.data.SyntheticRegressionData;
import descent.model.LinearRegressionScratch;
import descent.train.Trainer;
import descent.train.TrainingEvent;
import descent.train.TrainingEvent.Diverged;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart.Data;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.shape.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The chart on a real (headless) stage, checked on its scene graph and its rendered pixels. */
@ExtendWith(ApplicationExtension.class)
class LossChartViewTest {
  private Stage stage;
  private LossChartModel model;
  private LossChartView view;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    model = new LossChartModel();
    view = new LossChartView(model);
    stage.setScene(new Scene(view, 1000, 600));
    stage.show();
  }

  /** What the app's AnimationTimer does each frame. */
  private void frame(FxRobot robot, List<TrainingEvent> events) {
    robot.interact(
        () -> {
          model.acceptAll(events);
          view.refresh();
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static void waitUntil(Callable<Boolean> condition) throws Exception {
    FxWait.until(5, condition);
  }

  private List<Point> plotted(LossSeries which) {
    List<Point> points = new ArrayList<>();
    for (Data<Number, Number> d : view.series(which).getData()) {
      points.add(new Point(d.getXValue().doubleValue(), d.getYValue().doubleValue()));
    }
    return points;
  }

  private Path line(LossSeries which) {
    return (Path) view.series(which).getNode();
  }

  private NumberAxis xAxis() {
    return (NumberAxis) view.chart().getXAxis();
  }

  private NumberAxis yAxis() {
    return (NumberAxis) view.chart().getYAxis();
  }

  private Bounds plot() throws Exception {
    return Pixels.inScene(view.chart().lookup(".chart-plot-background"));
  }

  private Image snapshot() throws Exception {
    return Pixels.snapshot(view.getScene());
  }

  /** The chapter's run, trained for real: lr 0.03, batch size 32, 1000 + 1000 rows. */
  private static List<TrainingEvent> chapterRun(int epochs) {
    List<TrainingEvent> events = new ArrayList<>();
    var data = new SyntheticRegressionData(new double[] {2, -3.4}, 4.2, 0);
    var net = new LinearRegressionScratch(2, 0.03, new Random(0));
    new Trainer(epochs).fit(net, data, events::add);
    return events;
  }

  @Test
  void theChartShowsTheModelsPointsAfterAFrame(FxRobot robot) {
    frame(robot, chapterRun(3));

    assertThat(view.series(LossSeries.MINIBATCH).getName()).isEqualTo("train loss (minibatch)");
    assertThat(view.series(LossSeries.AVERAGED).getName())
        .isEqualTo("train loss (d2l, 2 per epoch)");
    assertThat(view.series(LossSeries.VALIDATION).getName()).isEqualTo("val loss (mean over rows)");
    assertThat(plotted(LossSeries.MINIBATCH))
        .hasSize(96)
        .isEqualTo(model.points(LossSeries.MINIBATCH));
    assertThat(plotted(LossSeries.AVERAGED))
        .hasSize(6)
        .isEqualTo(model.points(LossSeries.AVERAGED));
    assertThat(plotted(LossSeries.VALIDATION))
        .hasSize(3)
        .extracting(Point::x)
        .containsExactly(1.0, 2.0, 3.0);
    assertThat(plotted(LossSeries.VALIDATION)).isEqualTo(model.points(LossSeries.VALIDATION));
    // symbols only on the per-epoch series
    assertThat(view.series(LossSeries.MINIBATCH).getData()).allMatch(d -> d.getNode() == null);
    assertThat(view.series(LossSeries.VALIDATION).getData())
        .allMatch(d -> d.getNode() != null && d.getNode().isVisible());
    assertThat(xAxis().getLabel()).isEqualTo("epochs trained");
    assertThat(yAxis().getLabel()).isEqualTo("loss");
    assertThat(view.edgeMarks()).isEmpty(); // a healthy run fits
    assertThat(yAxis().getUpperBound())
        .isGreaterThanOrEqualTo(model.points(LossSeries.MINIBATCH).get(0).y());
  }

  @Test
  void aClearedChartDrawsNoCurveNotEvenAfterAResize(FxRobot robot) throws Exception {
    frame(robot, chapterRun(2));
    assertThat(Pixels.seriesPixels(snapshot(), plot())).isGreaterThan(2000);

    frame(robot, List.of()); // nothing new, then the reset
    robot.interact(
        () -> {
          model.clear();
          view.refresh();
        });
    WaitForAsyncUtils.waitForFxEvents();

    Image cleared = snapshot();
    Bounds plot = plot();
    assertThat(Pixels.seriesPixels(cleared, plot))
        .as(() -> Pixels.whereSeriesPixels(cleared, plot))
        .isZero();
    for (LossSeries which : LossSeries.values()) {
      assertThat(view.series(which).getData()).as(which.name()).isEmpty();
      assertThat(line(which).getElements()).as(which + " line").isEmpty();
    }
    assertThat(view.latestMarker().isVisible()).isFalse();

    // a smaller window: an old path, had it stayed, would now lie across the axes and legend
    robot.interact(
        () -> {
          stage.setWidth(700);
          stage.setHeight(420);
        });
    WaitForAsyncUtils.waitForFxEvents();
    Bounds chart = Pixels.inScene(view.chart());
    Bounds legend = Pixels.inScene(view.chart().lookup(".chart-legend"));
    Image resized = snapshot();
    Bounds aboveLegend = Pixels.above(chart, legend.getMinY());
    assertThat(Pixels.seriesPixelsOutsideText(resized, aboveLegend, view.chart()))
        .as(() -> Pixels.whereSeriesPixels(resized, aboveLegend))
        .isZero();
  }

  @Test
  void theFirstMinibatchShowsAsADot(FxRobot robot) throws Exception {
    frame(robot, List.of(Events.batch(0, 0, 32, 17.0)));

    assertThat(view.latestMarker().isVisible()).isTrue();
    Image image = snapshot();
    Bounds plot = plot();
    Bounds dot = Pixels.inScene(view.latestMarker());
    assertThat(Pixels.count(image, dot, Pixels.TRAIN)).isGreaterThan(40);
    assertThat(dot.getCenterX()).isCloseTo(plot.getMinX(), within(2.0)); // x = 0
    assertThat(dot.getCenterY()).isBetween(plot.getMinY(), plot.getMaxY());

    frame(robot, List.of(Events.batch(0, 1, 32, 12.0)));

    Bounds moved = Pixels.inScene(view.latestMarker());
    assertThat(moved.getCenterX()).isGreaterThan(dot.getCenterX()); // it follows the newest step
    assertThat(Pixels.count(snapshot(), plot, Pixels.MINIBATCH)).isGreaterThan(20);
  }

  @Test
  void theXAxisSpansThePlannedEpochsFromTheStart(FxRobot robot) throws Exception {
    robot.interact(() -> view.plannedEpochsProperty().set(3));
    waitUntil(() -> xAxis().getUpperBound() == 3);
    assertThat(tickLabels(xAxis())).contains("0", "1", "2", "3");

    frame(robot, List.of(Events.batch(0, 0, 32, 17.0)));
    assertThat(xAxis().getUpperBound()).isEqualTo(3);

    robot.interact(() -> view.plannedEpochsProperty().set(10)); // more epochs planned
    waitUntil(() -> xAxis().getUpperBound() == 10);

    // fewer planned than already trained: the axis still covers the data
    frame(robot, Events.run(4, 2, t -> 1));
    robot.interact(() -> view.plannedEpochsProperty().set(2));
    waitUntil(() -> xAxis().getUpperBound() == 4);
  }

  private static List<String> tickLabels(NumberAxis axis) throws Exception {
    return WaitForAsyncUtils.asyncFx(
            () ->
                axis.getTickMarks().stream()
                    .map(t -> axis.getTickLabelFormatter().toString(t.getValue()))
                    .toList())
        .get();
  }

  @Test
  void theLegendCountsTheAveragedPointsPerEpochOfTheRunInEffect(FxRobot robot) throws Exception {
    robot.interact(() -> view.batchesPerEpochProperty().set(1)); // full batch
    waitUntil(() -> legendTexts().contains("train loss (d2l, 1 per epoch)"));

    frame(robot, Events.run(3, 1, t -> 1.0 / (t + 1)));
    assertThat(view.series(LossSeries.AVERAGED).getData()).hasSize(3);

    // without a session's number, the legend follows the events: 5 batches give 3 points
    robot.interact(
        () -> {
          view.batchesPerEpochProperty().set(0);
          model.clear();
          model.acceptAll(Events.run(2, 5, t -> 1));
          view.refresh();
        });
    waitUntil(() -> legendTexts().contains("train loss (d2l, 3 per epoch)"));
    assertThat(view.series(LossSeries.AVERAGED).getData()).hasSize(6);
    assertThat(legendTexts()).contains("val loss (mean over rows)");
  }

  private List<String> legendTexts() {
    return view.chart().lookupAll(".chart-legend-item").stream()
        .map(n -> ((Label) n).getText())
        .toList();
  }

  @Test
  void theMinibatchLineIsSolidAndPlainToSeeYetThinnerThanTheAverages(FxRobot robot)
      throws Exception {
    frame(robot, chapterRun(1));

    Color stroke = (Color) line(LossSeries.MINIBATCH).getStroke();
    assertThat(stroke.getOpacity()).isEqualTo(1.0);
    assertThat(contrastOnWhite(stroke)).isGreaterThanOrEqualTo(3.0); // WCAG's floor for graphics
    Color averaged = (Color) line(LossSeries.AVERAGED).getStroke();
    assertThat(contrastOnWhite(averaged)).isGreaterThan(contrastOnWhite(stroke));
    assertThat(line(LossSeries.MINIBATCH).getStrokeWidth())
        .isGreaterThanOrEqualTo(2.0)
        .isLessThan(line(LossSeries.AVERAGED).getStrokeWidth());
    assertThat(Pixels.count(snapshot(), plot(), Pixels.MINIBATCH)).isGreaterThan(400);
  }

  private static double contrastOnWhite(Color c) {
    return 1.05 / (luminance(c) + 0.05);
  }

  private static double luminance(Color c) {
    return 0.2126 * linear(c.getRed())
        + 0.7152 * linear(c.getGreen())
        + 0.0722 * linear(c.getBlue());
  }

  private static double linear(double v) {
    return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  }

  @Test
  void aDivergingRunLeavesThroughTheTopAndSaysWhereItWent(FxRobot robot) throws Exception {
    robot.interact(() -> view.plannedEpochsProperty().set(3));
    List<TrainingEvent> events = new ArrayList<>();
    double[] losses = {20, 15, 60, 2e3, 2e5, 2e7};
    for (int i = 0; i < losses.length; i++) {
      events.add(Events.batch(0, i, 32, losses[i]));
    }
    events.add(new Diverged(0, 6, 7, Double.POSITIVE_INFINITY, "the loss is ∞"));
    frame(robot, events);

    // the axis stays near the run's start instead of squashing it under 2·10⁷
    assertThat(yAxis().getUpperBound()).isBetween(60.0, 10 * 20.0);
    assertThat(view.edgeMarks()).hasSize(1);
    Label mark = (Label) ((Group) view.edgeMarks().get(0)).getChildren().get(1);
    assertThat(mark.getText()).isEqualTo("↑ diverged at step 7: loss ∞");
    assertThat(mark.isVisible()).isTrue();
    Image image = snapshot();
    Bounds plot = plot();
    assertThat(Pixels.count(image, plot, Pixels.EDGE_MARK)).isGreaterThan(60);
    // the line stops at the plot's top edge: nothing of it between the chart's top and the plot's
    double chartTop = Pixels.inScene(view.chart()).getMinY();
    Bounds strip =
        new BoundingBox(plot.getMinX(), chartTop, plot.getWidth(), plot.getMinY() - 1 - chartTop);
    assertThat(Pixels.seriesPixels(image, strip)).isZero();
    assertThat(line(LossSeries.MINIBATCH).getClip()).isNotNull();

    // a spike that comes back down gets its own mark, with its value
    robot.interact(model::clear);
    List<TrainingEvent> spike = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      spike.add(Events.batch(0, i, 32, i == 20 ? 3.2e7 : 10 - 0.2 * i));
    }
    frame(robot, spike);

    assertThat(view.edgeMarks()).hasSize(1);
    Label spikeMark = (Label) ((Group) view.edgeMarks().get(0)).getChildren().get(1);
    assertThat(spikeMark.getText()).isEqualTo("↑ 3.2×10⁷");
    Bounds at = Pixels.inScene(((Group) view.edgeMarks().get(0)).getChildren().get(0));
    double expectedX =
        WaitForAsyncUtils.asyncFx(
                () -> xAxis().localToScene(xAxis().getDisplayPosition(20 / 32.0), 0).getX())
            .get();
    assertThat(at.getCenterX()).isCloseTo(expectedX, within(2.0));
    assertThat(at.getMinY()).isCloseTo(plot.getMinY(), within(2.0));
  }

  @Test
  void aMillionStepsDrawAtMostTheCap(FxRobot robot) {
    List<TrainingEvent> frame = new ArrayList<>();
    int batchesPerEpoch = 1000;
    for (int t = 0; t < 1_000_000; t++) {
      frame.add(Events.batch(t / batchesPerEpoch, t % batchesPerEpoch, batchesPerEpoch, 1.0));
      if (t % batchesPerEpoch == batchesPerEpoch - 1) {
        frame.add(Events.epochDone(t / batchesPerEpoch, batchesPerEpoch, 1, 0.5));
      }
      if (frame.size() >= 100_000) {
        frame(robot, List.copyOf(frame));
        frame.clear();
      }
    }
    frame(robot, List.copyOf(frame));

    assertThat(view.series(LossSeries.MINIBATCH).getData())
        .hasSizeLessThanOrEqualTo(LossChartModel.MAX_MINIBATCH_POINTS)
        .hasSize(model.points(LossSeries.MINIBATCH).size());
    assertThat(view.series(LossSeries.VALIDATION).getData())
        .hasSizeLessThanOrEqualTo(LossChartModel.MAX_EPOCH_POINTS);
    assertThat(view.series(LossSeries.AVERAGED).getData())
        .hasSizeLessThanOrEqualTo(LossChartModel.MAX_EPOCH_POINTS);
    assertThat(plotted(LossSeries.MINIBATCH)).allMatch(p -> p.y() == 1.0);
  }

  @Test
  void theLogToggleSwitchesTheYAxisToLog10(FxRobot robot) {
    List<TrainingEvent> events = new ArrayList<>(chapterRun(3));
    events.add(Events.batch(3, 0, 32, 0.0)); // a zero loss has no log: an edge mark in log scale
    frame(robot, events);
    List<Point> linear = plotted(LossSeries.MINIBATCH);
    assertThat(linear).hasSize(97);
    assertThat(view.edgeMarks()).isEmpty();

    robot.clickOn(view.logScaleToggle());
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(model.isLogScale()).isTrue();
    for (LossSeries which : LossSeries.values()) {
      List<Point> logged = plotted(which);
      List<Point> exact = model.points(which).stream().filter(p -> p.y() > 0).toList();
      assertThat(logged).hasSameSizeAs(exact);
      for (int i = 0; i < exact.size(); i++) {
        assertThat(logged.get(i).x()).isEqualTo(exact.get(i).x());
        assertThat(logged.get(i).y()).isCloseTo(Math.log10(exact.get(i).y()), within(1e-12));
      }
    }
    assertThat(plotted(LossSeries.MINIBATCH)).hasSize(96);
    assertThat(yAxis().getTickLabelFormatter().toString(-3)).isEqualTo("10⁻³");
    assertThat(view.edgeMarks()).hasSize(1);
    Label zero = (Label) ((Group) view.edgeMarks().get(0)).getChildren().get(1);
    assertThat(zero.getText()).isEqualTo("↓ 0.000");

    robot.clickOn(view.logScaleToggle());
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(model.isLogScale()).isFalse();
    assertThat(plotted(LossSeries.MINIBATCH)).isEqualTo(linear);
    assertThat(view.edgeMarks()).isEmpty();
  }

  @Test
  void hoveringThePlotShowsTheNearestPointsNumbers(FxRobot robot) throws Exception {
    frame(robot, chapterRun(3));
    Node plot = view.chart().lookup(".chart-plot-background");
    Bounds b = plot.localToScreen(plot.getBoundsInLocal());

    robot.moveTo(new Point2D(b.getMinX() + 0.5 * b.getWidth(), b.getMaxY() - 10));
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(view.hoverLabel().isVisible()).isTrue();
    HoverInfo hovered = view.hovered().orElseThrow();
    assertThat(hovered.x()).isCloseTo(1.5, within(0.1));
    assertThat(view.hoverLabel().getText()).isEqualTo(hovered.describe());
    // x = 1.5 lies in the second epoch, which the status bar calls "epoch 2/3"
    assertThat(view.hoverLabel().getText()).containsPattern("^(epoch 2, batch|end of epoch 2 )");

    robot.moveTo(new Point2D(b.getMinX() + 2, b.getMinY() + 2)); // the run's first point
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(view.hoverLabel().getText()).startsWith("epoch 1, batch 1/32 · minibatch loss");

    robot.moveTo(new Point2D(b.getMinX() - 40, b.getMinY() + 20)); // over the y-axis
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(view.hoverLabel().isVisible()).isFalse();
  }

  @Test
  void aChangeMadeOutsideTheFrameLoopShowsOnTheNextPulse(FxRobot robot) throws Exception {
    frame(robot, chapterRun(1));
    assertThat(view.series(LossSeries.MINIBATCH).getData()).hasSize(32);

    robot.interact(model::clear); // and no refresh() call

    waitUntil(() -> view.series(LossSeries.MINIBATCH).getData().isEmpty());
    assertThat(view.series(LossSeries.AVERAGED).getData()).isEmpty();
    assertThat(view.series(LossSeries.VALIDATION).getData()).isEmpty();
    assertThat(line(LossSeries.MINIBATCH).getElements()).isEmpty();
  }

  @Test
  void screenshots(FxRobot robot) throws Exception {
    robot.interact(() -> view.plannedEpochsProperty().set(10));
    frame(robot, chapterRun(10));
    Image linear = snapshot();
    Pixels.save(linear, "loss-chart.png");
    Bounds plot = plot();
    assertThat(Pixels.count(linear, plot, Pixels.TRAIN)).isGreaterThan(1000);
    assertThat(Pixels.count(linear, plot, Pixels.VALIDATION)).isGreaterThan(300);
    assertThat(Pixels.count(linear, plot, Pixels.MINIBATCH)).isGreaterThan(100);
    assertThat(xAxis().getUpperBound()).isEqualTo(10);
    assertThat(tickLabels(xAxis())).contains("0", "10");
    // the last validation point is drawn whole on the right edge
    Bounds lastVal = Pixels.inScene(view.series(LossSeries.VALIDATION).getData().get(9).getNode());
    assertThat(lastVal.getCenterX()).isCloseTo(plot.getMaxX(), within(2.0));
    assertThat(Pixels.count(linear, lastVal, Pixels.VALIDATION)).isGreaterThan(30);

    robot.clickOn(view.logScaleToggle());
    WaitForAsyncUtils.waitForFxEvents();
    Bounds screen =
        view.chart()
            .lookup(".chart-plot-background")
            .localToScreen(view.chart().lookup(".chart-plot-background").getBoundsInLocal());
    robot.moveTo(
        new Point2D(
            screen.getMinX() + 0.42 * screen.getWidth(),
            screen.getMinY() + 0.55 * screen.getHeight()));
    WaitForAsyncUtils.waitForFxEvents();
    Image log = snapshot();
    Pixels.save(log, "loss-chart-log.png");
    assertThat(view.hoverLabel().isVisible()).isTrue();
    assertThat(Pixels.seriesPixels(log, plot)).isGreaterThan(1000);
    assertThat(yAxis().getLowerBound()).isLessThanOrEqualTo(-4); // the noise floor, 5·10⁻⁵

    robot.interact(model::clear);
    robot.moveTo(new Point2D(screen.getMinX() - 60, screen.getMinY()));
    robot.interact(() -> view.plannedEpochsProperty().set(300));
    frame(robot, Events.decayingRun(300, 1000, 7));
    Image many = snapshot();
    Pixels.save(many, "loss-chart-300k-steps-log.png");
    assertThat(view.series(LossSeries.VALIDATION).getData()).allMatch(d -> d.getNode() == null);
    assertThat(Pixels.seriesPixels(many, plot)).isGreaterThan(1000);
    assertThat(tickLabels(xAxis())).contains("300");

    robot.clickOn(view.logScaleToggle());
    robot.interact(model::clear);
    robot.interact(() -> view.plannedEpochsProperty().set(20));
    frame(robot, Events.decayingRun(20, 5, 3)); // 5 batches an epoch: 3 d2l points each
    Image odd = snapshot();
    Pixels.save(odd, "loss-chart-odd-batches.png");
    assertThat(view.series(LossSeries.AVERAGED).getData())
        .hasSize(60)
        .allMatch(d -> d.getNode() != null);
    assertThat(view.series(LossSeries.AVERAGED).getName())
        .isEqualTo("train loss (d2l, 3 per epoch)");
    assertThat(Pixels.count(odd, plot, Pixels.TRAIN)).isGreaterThan(1000);
  }
}
