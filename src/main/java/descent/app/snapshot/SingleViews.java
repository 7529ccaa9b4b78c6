package descent.app.snapshot;

import descent.app.chart.LossChartModel;
import descent.app.chart.LossChartView;
import descent.app.params.ParameterPanel;
import descent.app.params.ParametersModel;
import descent.app.teach.TeachingFeed;
import descent.app.teach.ViewSpec;
import descent.data.RegressionData;
import descent.train.FitQuality;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * One view on its own, fed the events and copies of a run the command stepped: the loss chart's and
 * the parameter table's models take the events as the app's session hands them over each frame, and
 * a teaching view reads a {@link TeachingFeed} filled as the app fills it.
 */
final class SingleViews {
  /** The app's stylesheet, which every view's style classes come from. */
  static final String STYLESHEET = "/descent/app/descent.css";

  private SingleViews() {}

  /** A scene of {@code picture}'s size showing the view it names; call on the FX thread. */
  static Scene scene(Picture picture, SteppedRun run, List<ViewSpec> specs) {
    return scene(view(picture.view(), run, specs), picture.width(), picture.height());
  }

  /** A scene of {@code width}×{@code height} showing {@code view}, styled as the app. */
  static Scene scene(Region view, int width, int height) {
    StackPane root = new StackPane(view);
    root.getStyleClass().add("snapshot-root");
    int px = fontPixels(width, height);
    root.setStyle("-fx-font-size: " + px + "px;");
    if (px >= LARGE_TEXT_PIXELS) {
      root.getStyleClass().add("large-text");
    }
    Scene scene = new Scene(root, width, height);
    scene.getStylesheets().add(SingleViews.class.getResource(STYLESHEET).toExternalForm());
    return scene;
  }

  /** From this text size on, the app's icons grow too (its {@code large-text} style class). */
  static final int LARGE_TEXT_PIXELS = 17;

  /**
   * The text size of one view drawn {@code width}×{@code height}: as the app sizes it for a view of
   * that size, 14 px for a view of about 520×560 (one view beside the chart at 1366×768), 20 px for
   * one of about 760×800 (two views at 1920×1080), in proportion between, and 13 to 20 px beyond.
   */
  static int fontPixels(int width, int height) {
    double scale = Math.min(width / 520.0, height / 560.0);
    return (int) Math.max(13, Math.min(20, Math.round(14 * scale)));
  }

  private static Region view(String name, SteppedRun run, List<ViewSpec> specs) {
    return switch (name) {
      case ViewNames.LOSS -> lossChart(run);
      case ViewNames.PARAMS -> parameterTable(run);
      default ->
          teachingView(
              ViewNames.spec(name, specs)
                  .orElseThrow(() -> new IllegalArgumentException("no view called " + name)),
              run);
    };
  }

  /** The loss chart, its model fed every event as the session feeds it, frame by frame. */
  static LossChartView lossChart(SteppedRun run) {
    LossChartModel model = new LossChartModel();
    LossChartView view = new LossChartView(model);
    view.plannedEpochsProperty().set(run.epochs());
    view.batchesPerEpochProperty().set(run.batchesPerEpoch());
    model.acceptAll(run.events());
    view.refresh();
    return view;
  }

  /**
   * The parameter table: true values, least squares and the initial w and b, then the learned ones
   * after the last finished minibatch, as the session updates it, with their R² and RMSE.
   */
  static ParameterPanel parameterTable(SteppedRun run) {
    ParametersModel model = new ParametersModel();
    RegressionData.Truth truth = run.picture().truth();
    model.reset(
        truth == null ? null : truth.w(),
        truth == null ? Double.NaN : truth.b(),
        run.picture().optimum(),
        run.ready().w(),
        run.ready().b(),
        FitQuality.of(run.data(), run.picture().optimum()));
    model.update(run.shownW(), run.shownB());
    return new ParameterPanel(model);
  }

  /** A teaching view reading a feed filled as the app fills it: the run, its path, its state. */
  static Region teachingView(ViewSpec spec, SteppedRun run) {
    TeachingFeed feed = feed(run);
    return spec.make().apply(feed);
  }

  /**
   * A feed holding {@code run}: its picture and first state, every step's parameters, its state.
   */
  static TeachingFeed feed(SteppedRun run) {
    TeachingFeed feed = new TeachingFeed();
    feed.startRun(run.picture(), run.ready());
    feed.onEvents(run.events());
    feed.show(run.now());
    return feed;
  }
}
