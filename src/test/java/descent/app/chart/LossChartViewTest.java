package descent.app.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import descent.app.chart.LossChartModel.Point;
import descent.data.SyntheticRegressionData;
import descent.model.LinearRegressionScratch;
import descent.train.Trainer;
import descent.train.TrainingEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart.Data;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The chart on a real (headless) stage. */
@ExtendWith(ApplicationExtension.class)
class LossChartViewTest {
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private LossChartModel model;
  private LossChartView view;

  @Start
  void start(Stage stage) {
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

  private List<Point> plotted(LossSeries which) {
    List<Point> points = new ArrayList<>();
    for (Data<Number, Number> d : view.series(which).getData()) {
      points.add(new Point(d.getXValue().doubleValue(), d.getYValue().doubleValue()));
    }
    return points;
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
    assertThat(view.series(LossSeries.VALIDATION).getName()).isEqualTo("val loss");
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
    assertThat(view.chart().getXAxis().getLabel()).isEqualTo("epoch");
    assertThat(view.chart().getYAxis().getLabel()).isEqualTo("loss");
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
    events.add(Events.batch(3, 0, 32, 0.0)); // a zero loss has no log: skipped in log scale
    frame(robot, events);
    List<Point> linear = plotted(LossSeries.MINIBATCH);
    assertThat(linear).hasSize(97);

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
    NumberAxis yAxis = (NumberAxis) view.chart().getYAxis();
    assertThat(yAxis.getTickLabelFormatter().toString(-3)).isEqualTo("10⁻³");

    robot.clickOn(view.logScaleToggle());
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(model.isLogScale()).isFalse();
    assertThat(plotted(LossSeries.MINIBATCH)).isEqualTo(linear);
  }

  @Test
  void hoveringThePlotShowsTheNearestPointsNumbers(FxRobot robot) {
    frame(robot, chapterRun(3));
    Node plot = view.chart().lookup(".chart-plot-background");
    Bounds b = plot.localToScreen(plot.getBoundsInLocal());

    robot.moveTo(new Point2D(b.getMinX() + 0.5 * b.getWidth(), b.getMaxY() - 10));
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(view.hoverLabel().isVisible()).isTrue();
    assertThat(view.hoverLabel().getText()).containsPattern("\\d").contains("loss");
    HoverInfo hovered = view.hovered().orElseThrow();
    assertThat(hovered.x()).isCloseTo(1.5, within(0.1));
    assertThat(view.hoverLabel().getText()).isEqualTo(hovered.describe());

    robot.moveTo(new Point2D(b.getMinX() - 40, b.getMinY() + 20)); // over the y-axis
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(view.hoverLabel().isVisible()).isFalse();
  }

  @Test
  void aChangeMadeOutsideTheFrameLoopShowsOnTheNextPulse(FxRobot robot) throws Exception {
    frame(robot, chapterRun(1));
    assertThat(view.series(LossSeries.MINIBATCH).getData()).hasSize(32);

    robot.interact(model::clear); // and no refresh() call

    WaitForAsyncUtils.waitFor(
        5,
        TimeUnit.SECONDS,
        () ->
            WaitForAsyncUtils.asyncFx(() -> view.series(LossSeries.MINIBATCH).getData().isEmpty())
                .get());
    assertThat(view.series(LossSeries.AVERAGED).getData()).isEmpty();
    assertThat(view.series(LossSeries.VALIDATION).getData()).isEmpty();
  }

  @Test
  void screenshots(FxRobot robot) throws IOException {
    frame(robot, chapterRun(10));
    save(robot, "loss-chart.png");

    robot.clickOn(view.logScaleToggle());
    WaitForAsyncUtils.waitForFxEvents();
    Node plot = view.chart().lookup(".chart-plot-background");
    Bounds b = plot.localToScreen(plot.getBoundsInLocal());
    robot.moveTo(
        new Point2D(b.getMinX() + 0.42 * b.getWidth(), b.getMinY() + 0.55 * b.getHeight()));
    WaitForAsyncUtils.waitForFxEvents();
    save(robot, "loss-chart-log.png");

    robot.interact(model::clear);
    robot.moveTo(new Point2D(b.getMinX() - 60, b.getMinY()));
    frame(robot, Events.decayingRun(300, 1000, 7));
    save(robot, "loss-chart-300k-steps-log.png");
    assertThat(view.series(LossSeries.VALIDATION).getData()).allMatch(d -> d.getNode() == null);

    robot.clickOn(view.logScaleToggle());
    robot.interact(model::clear);
    frame(robot, Events.decayingRun(20, 5, 3)); // 5 batches an epoch: 3 d2l points each
    save(robot, "loss-chart-odd-batches.png");
    assertThat(view.series(LossSeries.AVERAGED).getData())
        .hasSize(60)
        .allMatch(d -> d.getNode() != null);
  }

  private void save(FxRobot robot, String name) throws IOException {
    AtomicReference<WritableImage> image = new AtomicReference<>();
    robot.interact(() -> image.set(view.getScene().snapshot(null)));
    Files.createDirectories(SCREENSHOTS);
    Path file = SCREENSHOTS.resolve(name);
    ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", file.toFile());
    assertThat(file).isNotEmptyFile();
  }
}
