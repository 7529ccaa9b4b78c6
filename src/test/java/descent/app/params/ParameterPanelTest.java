package descent.app.params;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.DescentApp;
import descent.app.params.ParametersModel.Closeness;
import descent.app.session.TrainingSession;
import descent.app.session.TrainingSession.State;
import descent.app.settings.SpeedSetting;
import descent.train.LeastSquares;
import java.util.concurrent.TimeUnit;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The error column judges a learned value against what the data allow, with colour and icon. */
@ExtendWith(ApplicationExtension.class)
class ParameterPanelTest {
  private TrainingSession session;

  @Start
  void start(Stage stage) {
    session = DescentApp.show(stage);
  }

  @AfterEach
  void stop(FxRobot robot) {
    robot.interact(session::shutdown);
  }

  @Test
  void closenessIsMeasuredFromTheLeastSquaresValueNotTheTruth() {
    // noisy data: the best fit misses the truth by 0.15, and a learned 2.14 is as good as it gets
    assertThat(ParametersModel.closeness(2, 2.14, 2.15)).isEqualTo(Closeness.AT_OPTIMUM);
    assertThat(ParametersModel.closeness(2, 2.6, 2.15)).isEqualTo(Closeness.CLOSE);
    assertThat(ParametersModel.closeness(2, 4, 2.15)).isEqualTo(Closeness.FAR);
    // clean data: the floor of 0.001 stands in for a reachable error of almost nothing
    assertThat(ParametersModel.closeness(2, 2.0009, 2.00001)).isEqualTo(Closeness.AT_OPTIMUM);
    assertThat(ParametersModel.closeness(2, 2.005, 2.00001)).isEqualTo(Closeness.CLOSE);
    assertThat(ParametersModel.closeness(2, 2.05, 2.00001)).isEqualTo(Closeness.FAR);
    // no least-squares fit (fewer rows than parameters): a fixed 0.01 around the truth
    assertThat(ParametersModel.closeness(2, 2.009, Double.NaN)).isEqualTo(Closeness.AT_OPTIMUM);
    assertThat(ParametersModel.closeness(2, 2.05, Double.NaN)).isEqualTo(Closeness.CLOSE);
    assertThat(ParametersModel.closeness(2, Double.POSITIVE_INFINITY, 2)).isEqualTo(Closeness.FAR);
    assertThat(ParametersModel.closeness(Double.NaN, 2, 2)).isEqualTo(Closeness.UNKNOWN);
  }

  @Test
  void eachErrorShowsAnIconAndAColourForItsCloseness(FxRobot robot) {
    ParametersModel model = session.parameters();
    robot.interact(
        () ->
            model.reset(
                new double[] {2, -3.4},
                4.2,
                new LeastSquares.Fit(new double[] {2.15, -3.45}, 4.0, null),
                new double[] {2.14, -3.0},
                10));
    WaitForAsyncUtils.waitForFxEvents();
    Label w1 = robot.lookup("#error-w₁").queryAs(Label.class);
    Label w2 = robot.lookup("#error-w₂").queryAs(Label.class);
    Label b = robot.lookup("#error-b").queryAs(Label.class);
    assertThat(w1.getText()).isEqualTo("−0.140000");
    assertThat(w1.getStyleClass()).contains("at-optimum");
    assertThat(((FontIcon) w1.getGraphic()).getIconCode()).isEqualTo(MaterialDesignC.CHECK_CIRCLE);
    assertThat(w1.getTooltip().getText()).startsWith("at optimum.");
    assertThat(w2.getStyleClass()).contains("close");
    assertThat(((FontIcon) w2.getGraphic()).getIconCode())
        .isEqualTo(MaterialDesignA.APPROXIMATELY_EQUAL);
    assertThat(b.getStyleClass()).contains("far");
    assertThat(((FontIcon) b.getGraphic()).getIconCode()).isEqualTo(MaterialDesignC.CLOSE_CIRCLE);
    // a step closer: the icon and colour follow the learned value
    robot.interact(() -> model.update(new double[] {2.14, -3.44}, 4.0));
    assertThat(w2.getStyleClass()).contains("at-optimum").doesNotContain("close");
    assertThat(b.getStyleClass()).contains("at-optimum").doesNotContain("far");
    // the legend names each icon in words
    HBox legend = robot.lookup("#closeness-legend").queryAs(HBox.class);
    assertThat(legend.getChildren())
        .extracting(n -> ((Label) n).getText())
        .containsExactly("at optimum", "close", "far");
  }

  @Test
  void numbersThatMoveWithoutChangingClosenessLeaveTheErrorsStyleAndIconAlone(FxRobot robot) {
    // while a run plays the numbers change on every frame; restyling the error labels each time
    // (CSS for the label and its icon) cost more than the rest of the frame's table work
    ParametersModel model = session.parameters();
    robot.interact(
        () ->
            model.reset(
                new double[] {2, -3.4},
                4.2,
                new LeastSquares.Fit(new double[] {2.15, -3.45}, 4.0, null),
                new double[] {2.14, -3.0},
                10));
    WaitForAsyncUtils.waitForFxEvents();
    Label w1 = robot.lookup("#error-w₁").queryAs(Label.class);
    Label b = robot.lookup("#error-b").queryAs(Label.class);
    int[] restyles = {0};
    robot.interact(
        () -> {
          w1.getStyleClass().addListener((ListChangeListener<String>) c -> restyles[0]++);
          b.getStyleClass().addListener((ListChangeListener<String>) c -> restyles[0]++);
        });
    Object w1Icon = w1.getGraphic();
    robot.interact(
        () -> {
          for (int frame = 1; frame <= 30; frame++) {
            model.update(new double[] {2.14 + frame * 1e-4, -3.0}, 10 - frame * 1e-3);
          }
        });
    assertThat(w1.getText()).isEqualTo("−0.143000");
    assertThat(b.getText()).isEqualTo("−5.770000");
    assertThat(w1.getStyleClass()).contains("at-optimum");
    assertThat(b.getStyleClass()).contains("far");
    assertThat(restyles[0]).as("style changes while the closeness stood still").isZero();
    assertThat(w1.getGraphic()).isSameAs(w1Icon);
    // a change of closeness still restyles, once
    robot.interact(() -> model.update(new double[] {2.14, -3.0}, 4.0));
    assertThat(b.getStyleClass()).contains("at-optimum").doesNotContain("far");
    assertThat(((FontIcon) b.getGraphic()).getIconCode()).isEqualTo(MaterialDesignC.CHECK_CIRCLE);
    assertThat(restyles[0]).isEqualTo(2); // "far" out, "at-optimum" in
  }

  @Test
  void withNoiseOneTheTrainedParametersAreAtTheOptimumNotRed(FxRobot robot) throws Exception {
    robot.interact(
        () -> {
          session.settings().noise.submit("1");
          session.settings().epochs.set(10);
          session.settings().speed.positionProperty().set(SpeedSetting.MAX_POSITION);
          session.play();
        });
    WaitForAsyncUtils.waitFor(
        30,
        TimeUnit.SECONDS,
        () -> WaitForAsyncUtils.asyncFx(() -> session.state() == State.FINISHED).get());
    WaitForAsyncUtils.waitForFxEvents();
    var rows = session.parameters().rows();
    // the data's noise keeps even the best fit off the truth by several hundredths, so fixed
    // thresholds (green below 0.01) would never call these parameters good …
    assertThat(rows).allMatch(r -> Math.abs(r.error()) > 0.01);
    // … but SGD has reached what these rows allow, and the panel says so
    for (var r : rows) {
      assertThat(r.closeness()).as(r.name()).isEqualTo(Closeness.AT_OPTIMUM);
      assertThat(robot.lookup("#error-" + r.name()).queryAs(Label.class).getStyleClass())
          .contains("at-optimum");
    }
  }
}
