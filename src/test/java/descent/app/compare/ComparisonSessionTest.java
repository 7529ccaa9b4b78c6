package descent.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.FxWait;
import descent.app.chart.LossChartView;
import descent.app.chart.LossCharts;
import descent.app.session.TrainingSession;
import descent.app.session.TrainingSession.State;
import descent.app.settings.SettingsModel;
import descent.run.RunConfig;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Run comparison with a real session and the loss chart on a headless stage: which runs are kept,
 * how they are labelled, and that the chart really draws them, and stops drawing them when they are
 * removed or cleared (its pixels, not only its data).
 */
@ExtendWith(ApplicationExtension.class)
class ComparisonSessionTest {
  private static final RunConfig ONE_EPOCH = RunConfig.chapter(42).withEpochs(1);

  private Stage stage;
  private SettingsModel settings;
  private TrainingSession session;
  private Comparison comparison;
  private LossChartView chart;
  private Scene scene;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  private void open(FxRobot robot) {
    robot.interact(
        () -> {
          settings = new SettingsModel();
          session = new TrainingSession(settings);
          chart = LossCharts.forSession(session);
          comparison = Comparison.forSession(session).showOn(chart);
          scene = new Scene(chart, 1000, 600);
          stage.setScene(scene);
          stage.show();
          session.load(ONE_EPOCH, "lr 0.03");
        });
  }

  @AfterEach
  void close(FxRobot robot) {
    if (session != null) {
      robot.interact(session::shutdown);
    }
  }

  private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
    FxWait.until(20, condition);
  }

  private static <T> T fx(Callable<T> c) throws Exception {
    return WaitForAsyncUtils.asyncFx(c).get();
  }

  private void stepOnce(FxRobot robot) throws TimeoutException {
    robot.interact(session::step);
    waitUntil(() -> !session.isBusy() && session.stepsProperty().get() == 1);
  }

  private void finish(FxRobot robot) throws TimeoutException {
    robot.interact(session::stepEpoch);
    waitUntil(() -> !session.isBusy() && session.state() == State.FINISHED);
  }

  private List<KeptRun> kept() throws Exception {
    return fx(() -> comparison.runs().all());
  }

  @Test
  void aRunWithoutStepsIsNotKeptAStoppedOneIs(FxRobot robot) throws Exception {
    open(robot);
    robot.interact(session::reset);
    robot.interact(session::reset);
    assertThat(kept()).isEmpty();

    stepOnce(robot);
    robot.interact(() -> settings.learningRate.set(0.3));
    robot.interact(session::reset);
    List<KeptRun> runs = kept();
    assertThat(runs).hasSize(1);
    KeptRun stopped = runs.get(0);
    assertThat(stopped.end()).isEqualTo(RunEnd.stopped(1));
    assertThat(stopped.config().lr()).as("the rate it trained with, set mid-run").isEqualTo(0.3);
    assertThat(stopped.path()).as("step 0 and step 1").hasNumberOfRows(2);
    assertThat(stopped.trainLoss()).hasSize(1);
    assertThat(stopped.finalW()).hasSize(2);
  }

  @Test
  void finishedRunsAreKeptOnceAndOverlaidLabelledByTheirRate(FxRobot robot) throws Exception {
    open(robot);
    finish(robot);
    assertThat(kept()).extracting(KeptRun::end).containsExactly(RunEnd.finished(32));
    assertThat(fx(chart::overlays)).as("the current run is not drawn twice").isEmpty();

    robot.interact(() -> settings.learningRate.set(0.3));
    robot.interact(session::reset);
    assertThat(kept()).as("kept once, not again as stopped").hasSize(1);
    assertThat(kept().get(0).config().lr()).isEqualTo(0.03);
    assertThat(fx(chart::overlays)).extracting(o -> o.label()).containsExactly("lr 0.03");
    assertThat(fx(() -> chart.currentRunLabel().getText())).isEqualTo("this run: lr 0.3");

    finish(robot);
    robot.interact(session::reset);
    assertThat(kept()).hasSize(2);
    int second = kept().get(1).number();
    assertThat(fx(chart::overlays))
        .as("the fresh run has lr 0.3 too: numbers tell the twins apart")
        .extracting(o -> o.label())
        .containsExactly("lr 0.03", "lr 0.3 (run " + second + ")");
    assertThat(legendTexts()).contains("lr 0.03", "lr 0.3 (run " + second + ")");

    Color first = Color.web(OverlayColours.hex(0));
    Color other = Color.web(OverlayColours.hex(1));
    Image both = snapshot();
    save(both, "compare-chart-two-runs.png");
    assertThat(countInPlot(both, first)).as("lr 0.03's line").isGreaterThan(150);
    assertThat(countInPlot(both, other)).as("lr 0.3's line").isGreaterThan(150);

    // removing a run takes its line off the rendered chart
    int firstNumber = kept().get(0).number();
    robot.interact(() -> comparison.runs().remove(firstNumber));
    Image one = snapshot();
    assertThat(countInPlot(one, first)).isZero();
    assertThat(countInPlot(one, other)).isGreaterThan(150);
    assertThat(legendTexts()).doesNotContain("lr 0.03");
    assertThat(fx(() -> chart.chart().getData().size())).isEqualTo(4);

    // hiding it keeps it but draws nothing; clearing removes every line
    int secondNumber = kept().get(0).number();
    robot.interact(() -> comparison.runs().setOverlaid(secondNumber, false));
    assertThat(countInPlot(snapshot(), other)).isZero();
    robot.interact(() -> comparison.runs().setOverlaid(secondNumber, true));
    assertThat(countInPlot(snapshot(), other)).isGreaterThan(150);
    robot.interact(() -> comparison.runs().clear());
    Image none = snapshot();
    assertThat(countInPlot(none, first)).isZero();
    assertThat(countInPlot(none, other)).isZero();
    assertThat(fx(() -> chart.chart().getData().size())).isEqualTo(3);
    assertThat(fx(() -> chart.currentRunLabel().isVisible())).isFalse();
    for (Node n : fx(() -> List.copyOf(chart.chart().lookupAll(".chart-series-line")))) {
      assertThat(n.getStyleClass()).doesNotContain("loss-chart-overlay-line");
    }
  }

  @Test
  void aRunReplacedForANewBatchSizeKeepsItsOwnSettings(FxRobot robot) throws Exception {
    open(robot);
    stepOnce(robot);
    robot.interact(() -> settings.batchSize.set(8)); // restarts the run
    waitUntil(() -> !session.isBusy() && session.runConfigProperty().get().batchSize() == 8);
    List<KeptRun> runs = kept();
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).config().batchSize()).isEqualTo(32);
    assertThat(runs.get(0).end()).isEqualTo(RunEnd.stopped(1));
  }

  @Test
  void aFinishedRunGivenMoreEpochsIsKeptAgainWhenItEnds(FxRobot robot) throws Exception {
    open(robot);
    finish(robot);
    robot.interact(() -> settings.epochs.set(2)); // the same run goes on
    waitUntil(() -> !session.isBusy() && session.state() != State.FINISHED);
    finish(robot);
    List<KeptRun> runs = kept();
    assertThat(runs)
        .extracting(KeptRun::end)
        .containsExactly(RunEnd.finished(32), RunEnd.finished(64));
    assertThat(runs).extracting(r -> r.config().epochs()).containsExactly(1, 2);
    assertThat(runs.get(0).number()).isNotEqualTo(runs.get(1).number());
    assertThat(runs.get(1).trainLoss()).hasSize(64);
  }

  @Test
  void aDivergedRunIsKeptAsDiverged(FxRobot robot) throws Exception {
    open(robot);
    robot.interact(() -> session.load(ONE_EPOCH.withLr(50), "too high"));
    robot.interact(session::stepEpoch);
    waitUntil(() -> !session.isBusy() && session.state() == State.DIVERGED);
    List<KeptRun> runs = kept();
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).end().kind()).isEqualTo(RunEnd.Kind.DIVERGED);
    assertThat(runs.get(0).end().step()).isEqualTo(fx(() -> session.stepsProperty().get()));
    assertThat(RunsMenu.describe(runs.get(0), false)).startsWith("diverged at step ");
  }

  @Test
  void theNinthRunDropsTheOldestAndTheStatusLineSaysSo(FxRobot robot) throws Exception {
    open(robot);
    for (int i = 0; i < KeptRuns.CAPACITY + 1; i++) {
      stepOnce(robot);
      robot.interact(session::reset);
    }
    List<KeptRun> runs = kept();
    assertThat(runs).hasSize(KeptRuns.CAPACITY);
    int oldest = runs.get(0).number() - 1;
    assertThat(fx(() -> session.messageProperty().get()))
        .contains("dropped the oldest, run " + oldest + " (stopped at step 1)");
    assertThat(runs).extracting(KeptRun::colour).doesNotHaveDuplicates();
  }

  // ---------------------------------------------------------------- pixels

  private List<String> legendTexts() throws Exception {
    return fx(
        () ->
            chart.chart().lookupAll(".chart-legend-item").stream()
                .map(n -> ((Label) n).getText())
                .toList());
  }

  private Image snapshot() throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    return fx(() -> scene.snapshot(null));
  }

  /** Pixels of colour {@code c} inside the plot (the legend's keys are outside it). */
  private int countInPlot(Image image, Color c) throws Exception {
    Bounds plot =
        fx(
            () -> {
              Node bg = chart.chart().lookup(".chart-plot-background");
              return bg.localToScene(bg.getLayoutBounds());
            });
    PixelReader r = image.getPixelReader();
    int n = 0;
    for (int y = (int) plot.getMinY(); y < (int) plot.getMaxY(); y++) {
      for (int x = (int) plot.getMinX(); x < (int) plot.getMaxX(); x++) {
        Color p = r.getColor(x, y);
        double d =
            Math.abs(p.getRed() - c.getRed())
                + Math.abs(p.getGreen() - c.getGreen())
                + Math.abs(p.getBlue() - c.getBlue());
        if (d * 255 <= 12) {
          n++;
        }
      }
    }
    return n;
  }

  static void save(Image image, String name) throws java.io.IOException {
    java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots", "compare");
    java.nio.file.Files.createDirectories(dir);
    javax.imageio.ImageIO.write(
        javafx.embed.swing.SwingFXUtils.fromFXImage(image, null),
        "png",
        dir.resolve(name).toFile());
  }
}
