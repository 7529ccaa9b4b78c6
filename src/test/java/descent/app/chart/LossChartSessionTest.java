package descent.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.FxWait;
import descent.app.MainView;
import descent.app.session.TrainingSession;
import descent.app.session.TrainingSession.State;
import descent.app.settings.SpeedSetting;
import java.util.concurrent.Callable;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The chart inside the real main window, driven by a real training session as a class would drive
 * it, checked on the rendered pixels. Writes {@code target/screenshots/chart-*.png}.
 */
@ExtendWith(ApplicationExtension.class)
class LossChartSessionTest {
  private TrainingSession session;
  private LossChartView chart;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    session = MainView.newSession();
    stage.setScene(MainView.scene(session, 1366, 768));
    stage.setWidth(1366); // the same laptop size for every test, whatever the last one left
    stage.setHeight(768);
    stage.show();
    chart = (LossChartView) stage.getScene().lookup(".loss-chart-view");
  }

  @AfterEach
  void stop(FxRobot robot) {
    robot.interact(session::shutdown);
  }

  private static void waitUntil(Callable<Boolean> condition) throws Exception {
    FxWait.until(20, condition);
  }

  private Image shot(String name) throws Exception {
    Image image = Pixels.snapshot(stage.getScene());
    Pixels.save(image, "chart-" + name + ".png");
    return image;
  }

  private Bounds plot() throws Exception {
    return Pixels.inScene(chart.chart().lookup(".chart-plot-background"));
  }

  private String status(FxRobot robot) {
    return robot.lookup("#status").queryAs(Label.class).getText();
  }

  private NumberAxis xAxis() {
    return (NumberAxis) chart.chart().getXAxis();
  }

  private NumberAxis yAxis() {
    return (NumberAxis) chart.chart().getYAxis();
  }

  private void stepEpoch(FxRobot robot, long stepsAfter) throws Exception {
    robot.press(KeyCode.SHIFT).press(KeyCode.RIGHT).release(KeyCode.RIGHT).release(KeyCode.SHIFT);
    waitUntil(() -> session.stepsProperty().get() == stepsAfter && !session.isBusy());
  }

  @Test
  void stepTwoEpochsThenResetLeavesNoCurveBehind(FxRobot robot) throws Exception {
    Image ready = shot("1-ready");
    assertThat(Pixels.seriesPixels(ready, plot())).isZero();
    assertThat(xAxis().getUpperBound()).isEqualTo(3); // the chapter's 3 epochs, from the start
    assertThat(chart.series(LossSeries.AVERAGED).getName())
        .isEqualTo("train loss (d2l, 2 per epoch)");

    robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
    waitUntil(() -> session.stepsProperty().get() == 1 && !session.isBusy());
    Image first = shot("2-one-step");
    assertThat(chart.latestMarker().isVisible()).isTrue();
    Bounds dot = Pixels.inScene(chart.latestMarker());
    assertThat(Pixels.count(first, dot, Pixels.TRAIN)).isGreaterThan(40);

    // the hover and the status bar count the same epoch
    assertThat(status(robot)).contains("epoch 1/3", "batch 1/32");
    Bounds onScreen =
        WaitForAsyncUtils.asyncFx(
                () -> chart.latestMarker().localToScreen(chart.latestMarker().getBoundsInLocal()))
            .get();
    robot.moveTo(new Point2D(onScreen.getCenterX() + 3, onScreen.getCenterY())); // inside the plot
    waitUntil(() -> chart.hoverLabel().isVisible());
    assertThat(chart.hoverLabel().getText()).startsWith("epoch 1, batch 1/32 · minibatch loss");
    robot.moveTo(new Point2D(onScreen.getCenterX() - 200, onScreen.getCenterY())); // away

    stepEpoch(robot, 32);
    stepEpoch(robot, 64);
    Image twoEpochs = shot("3-two-epochs");
    Bounds plot = plot();
    assertThat(Pixels.count(twoEpochs, plot, Pixels.TRAIN)).isGreaterThan(500);
    assertThat(Pixels.count(twoEpochs, plot, Pixels.VALIDATION)).isGreaterThan(100);
    assertThat(Pixels.count(twoEpochs, plot, Pixels.MINIBATCH)).isGreaterThan(100);

    robot.press(KeyCode.R).release(KeyCode.R);
    waitUntil(() -> session.state() == State.READY && session.stepsProperty().get() == 0);
    Image reset = shot("4-after-reset");
    assertThat(Pixels.seriesPixels(reset, plot()))
        .as(() -> Pixels.whereSeriesPixels(reset, plot))
        .isZero();
    for (LossSeries which : LossSeries.values()) {
      assertThat(((Path) chart.series(which).getNode()).getElements()).as(which.name()).isEmpty();
    }

    // a smaller window: nothing of the old run reappears anywhere in the chart
    robot.interact(
        () -> {
          stage.setWidth(1000);
          stage.setHeight(620);
        });
    WaitForAsyncUtils.waitForFxEvents();
    Image smaller = shot("5-after-reset-resized");
    Bounds whole = Pixels.inScene(chart.chart());
    Bounds legend = Pixels.inScene(chart.chart().lookup(".chart-legend"));
    assertThat(
            Pixels.seriesPixelsOutsideText(
                smaller, Pixels.above(whole, legend.getMinY()), chart.chart()))
        .isZero();
  }

  @Test
  void aDivergedRunIsMarkedAndANewLearningRateClearsIt(FxRobot robot) throws Exception {
    stepEpoch(robot, 32); // a converging first epoch, which the diverging run must not sit on
    robot.press(KeyCode.R).release(KeyCode.R);
    robot.interact(() -> session.settings().learningRate.submit("5"));
    robot.interact(
        () -> session.settings().speed.positionProperty().set(SpeedSetting.MAX_POSITION));
    robot.interact(session::play);
    waitUntil(() -> session.state() == State.DIVERGED);
    waitUntil(() -> !chart.edgeMarks().isEmpty());

    Image diverged = shot("6-diverged-lr5");
    double first = chart.model().firstLoss();
    assertThat(yAxis().getUpperBound()).isLessThanOrEqualTo(10 * first * 1.25);
    Label mark = (Label) ((Group) chart.edgeMarks().get(0)).getChildren().get(1);
    assertThat(mark.getText()).startsWith("↑ diverged at step ");
    assertThat(Pixels.count(diverged, plot(), Pixels.EDGE_MARK)).isGreaterThan(60);
    assertThat(chart.model().points(LossSeries.MINIBATCH))
        .hasSizeLessThan(32); // only the diverging run's few steps, none of the old epoch

    robot.interact(() -> session.settings().learningRate.submit("0.03")); // resets the run
    waitUntil(() -> session.state() == State.READY);
    Image fresh = shot("7-new-learning-rate");
    assertThat(chart.edgeMarks()).isEmpty();
    assertThat(Pixels.seriesPixels(fresh, plot())).isZero();
    assertThat(Pixels.count(fresh, plot(), Pixels.EDGE_MARK)).isZero();
  }

  @Test
  void logScaleAfterThreeEpochs(FxRobot robot) throws Exception {
    robot.interact(
        () -> session.settings().speed.positionProperty().set(SpeedSetting.MAX_POSITION));
    robot.interact(session::play);
    waitUntil(() -> session.state() == State.FINISHED);
    robot.clickOn(chart.logScaleToggle());
    WaitForAsyncUtils.waitForFxEvents();

    Image log = shot("8-log-scale");
    assertThat(yAxis().getTickLabelFormatter().toString(yAxis().getUpperBound())).startsWith("10");
    assertThat(xAxis().getUpperBound()).isEqualTo(3);
    Bounds plot = plot();
    assertThat(Pixels.count(log, plot, Pixels.TRAIN)).isGreaterThan(500);
    assertThat(Pixels.count(log, plot, Pixels.VALIDATION)).isGreaterThan(100);
    assertThat(chart.edgeMarks()).isEmpty();

    robot.interact(() -> session.settings().epochs.set(6)); // more epochs planned: the axis follows
    waitUntil(() -> xAxis().getUpperBound() == 6);
    shot("9-log-scale-six-epochs-planned");
  }

  @Test
  void atFullSpeedTheWindowShowsTheRunWhileItTrainsAndAllOfItOncePaused(FxRobot robot)
      throws Exception {
    robot.interact(
        () -> {
          session.settings().numTrain.set(100_000);
          session.settings().batchSize.set(1);
          session.settings().epochs.set(30); // 3 million steps: seconds at full speed
          session.settings().speed.positionProperty().set(SpeedSetting.MAX_POSITION);
        });
    waitUntil(() -> !session.isBusy() && session.batchesPerEpochProperty().get() == 100_000);
    robot.interact(() -> chart.model().setLogScale(true)); // the curve spans decades
    robot.press(KeyCode.SPACE).release(KeyCode.SPACE);

    // updates reach the screen while the run plays, not only when it stops: the status bar's step
    // moves on three times, and the minibatch curve is drawn, all with the state still "running"
    long[] seen = {0, 0};
    waitUntil(
        () -> {
          String step = status(robot).replaceAll(".*step ([0-9,]+).*", "$1").replace(",", "");
          long shown = Long.parseLong(step);
          if (shown != seen[0]) {
            seen[0] = shown;
            seen[1]++;
          }
          return seen[1] >= 3 && session.state() == State.RUNNING;
        });
    Image playing = shot("5-full-speed");
    assertThat(session.state()).isEqualTo(State.RUNNING);
    assertThat(Pixels.count(playing, plot(), Pixels.MINIBATCH)).isGreaterThan(20);

    robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
    waitUntil(() -> session.state() == State.PAUSED && !session.isBusy());
    long steps = session.run().trainBatchIdx();
    assertThat(steps).isGreaterThan(0).isLessThan(3_000_000);
    // paused, every part of the window shows the same step: none is a spread update behind
    assertThat(status(robot)).contains(String.format("step %,d", steps), "paused");
    assertThat(session.stepsProperty().get()).isEqualTo(steps);
    assertThat(chart.model().minibatchCount()).isEqualTo(steps);
    var rows = session.parameters().rows();
    assertThat(rows.get(rows.size() - 1).learned())
        .as("the parameter table's b is the run's b after its last step")
        .isEqualTo(session.run().model().b().item());
    assertThat(session.snapshotProperty().get().step())
        .as("the teaching views' snapshot is of that step too")
        .isEqualTo(steps);
  }
}
