package descent.app.chart;

import descent.app.session.TrainingSession;
import descent.train.TrainingEvent;
import java.util.List;

/** Builds the loss chart the main window shows, wired to a training session. */
public final class LossCharts {
  private LossCharts() {}

  /**
   * A chart that follows {@code session}: each frame's events feed its model, a new run (reset, a
   * setting that restarts, a new learning rate after a divergence) empties it, and its x-axis and
   * legend follow the run's planned epochs and batches per epoch.
   */
  public static LossChartView forSession(TrainingSession session) {
    LossChartModel model = new LossChartModel();
    LossChartView view = new LossChartView(model);
    view.plannedEpochsProperty().bind(session.maxEpochsProperty());
    view.batchesPerEpochProperty().bind(session.batchesPerEpochProperty());
    session.addFrameListener(
        new TrainingSession.FrameListener() {
          @Override
          public void onEvents(List<TrainingEvent> events) {
            model.take(events); // not drawn yet: the views redraw when the events are shown
          }

          @Override
          public void onEventsDone() {
            model.publish();
            view.refresh(); // once per update, however many calls brought its events
          }

          @Override
          public int showFrame() {
            return 1; // after the status bar and the parameters, before the teaching views
          }

          @Override
          public void onReset() {
            model.clear();
            view.refresh();
          }
        });
    return view;
  }
}
