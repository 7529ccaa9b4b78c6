package descent.app.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.FxWait;
import descent.app.teach.TeachingFeed;
import descent.data.RegressionData;
import descent.data.SyntheticRegressionData;
import descent.train.StepSnapshot;
import java.util.function.Supplier;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The small run the window rehearses with (ADR 0043): shaped like the current run, stepped through
 * the training loop to its end, made again only when the shape changes; the loss chart and the
 * parameter table drawn off-screen once, and only while nothing plays.
 */
@ExtendWith(ApplicationExtension.class)
class RehearsalTest {
  @Start
  void start(Stage stage) {
    stage.show();
  }

  private static RegressionData data(int features, int batch) {
    return new SyntheticRegressionData(new double[features], 1, 0.01, 200, 10, batch, true, 5);
  }

  @Test
  void theStandInIsShapedLikeTheCurrentRunAndMadeAgainOnlyWhenTheShapeChanges() throws Exception {
    RegressionData[] current = {null};
    Rehearsal rehearsal = new Rehearsal(() -> current[0]);
    Supplier<TeachingFeed> standIns = rehearsal.standIns();
    assertThat(WaitForAsyncUtils.asyncFx(standIns::get).get()).as("no run yet").isNull();

    current[0] = data(3, 5);
    TeachingFeed feed = WaitForAsyncUtils.asyncFx(standIns::get).get();
    StepSnapshot s = feed.snapshot();
    assertThat(feed.picture().numFeatures()).isEqualTo(3);
    assertThat(s.numFeatures()).isEqualTo(3);
    assertThat(s.rows()).as("a minibatch as large as the run's").hasSize(5);
    // every epoch of its own run: 64 epochs of 8 minibatches, a path of 513 points
    assertThat(s.step()).isEqualTo(512);
    assertThat(feed.path().size()).isEqualTo(513);

    current[0] = data(3, 5); // new data, the same shape: the same stand-in
    assertThat(WaitForAsyncUtils.asyncFx(standIns::get).get()).isSameAs(feed);
    current[0] = data(2, 300); // a minibatch larger than a table shows: rehearsed at 64 rows
    TeachingFeed wider = WaitForAsyncUtils.asyncFx(standIns::get).get();
    assertThat(wider).isNotSameAs(feed);
    assertThat(wider.snapshot().numFeatures()).isEqualTo(2);
    assertThat(wider.snapshot().rows()).hasSize(Rehearsal.MAX_BATCH);
  }

  @Test
  void theChartAndTheParameterTableAreDrawnOffScreenOnceAndOnlyWhileIdle(FxRobot robot)
      throws Exception {
    Rehearsal rehearsal = new Rehearsal(() -> data(2, 4));
    boolean[] idle = {false};
    int[] asked = {0};
    robot.interact(
        () ->
            rehearsal.offScreenWhenIdle(
                () -> {
                  asked[0]++;
                  return idle[0];
                }));
    // a run plays: asked three times whether it may, it drew nothing
    FxWait.until(20, () -> asked[0] >= 3);
    assertThat(rehearsal.drawnOffScreen()).isZero();

    idle[0] = true; // the run stopped
    // the parameter table, then the chart after each part of the run's events
    FxWait.until(20, () -> rehearsal.drawnOffScreen() == 1 + Rehearsal.CHART_PARTS);
    assertThat(rehearsal.drawnOffScreen()).isEqualTo(1 + Rehearsal.CHART_PARTS);
  }
}
