package descent.app.snapshot;

import descent.app.chart.LossChartModel;
import descent.app.chart.LossChartView;
import descent.app.teach.IdleSteps;
import descent.app.teach.TeachingFeed;
import descent.data.RegressionData;
import descent.data.SyntheticRegressionData;
import descent.train.RunSpec;
import descent.train.TrainingEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.util.Duration;

/**
 * A small run stepped for nobody to see, shaped like the window's current run (as many features, as
 * large a minibatch), through the one training loop ({@link SteppedRun#of}): what the window
 * rehearses with while nothing plays, so that the first frames of a run do not also load, link and
 * compile the code that draws a real minibatch (ADR 0043).
 *
 * <ul>
 *   <li>The hidden teaching views draw it in their place, in the window ({@link #standIns}, read by
 *       {@link descent.app.teach.TeachingViews#makeAheadWhenIdle}).
 *   <li>The loss chart and the parameter table, which show from the start but get their first
 *       points and learned values only at Play, draw it off-screen, each in a scene of its own as
 *       the {@code snapshot} command draws it, then dropped ({@link #offScreenWhenIdle}).
 * </ul>
 *
 * <p>On a 2-core machine training at full speed holds one core; the first frame that drew a real
 * minibatch in the Minibatch or Graph view took 160 to 240 ms, the run's first update 110 to 150
 * ms.
 */
public final class Rehearsal {
  /** The run rehearsed: the chapter's hyperparameters, a fixed seed, enough epochs for a curve. */
  static final RunSpec SPEC = new RunSpec(0.03, 0.01, 64, 0, 42);

  /** Minibatches per epoch: with {@link #SPEC}'s epochs, 512 steps, a curve of 512 points. */
  static final int BATCHES_PER_EPOCH = 8;

  /**
   * The largest minibatch rehearsed: a table shows about as many rows; a larger one draws the same
   * code.
   */
  static final int MAX_BATCH = 64;

  /** The most features rehearsed. */
  static final int MAX_FEATURES = 256;

  /** How long the off-screen rehearsal leaves between two drawings, and before the first. */
  static final Duration GAP = Duration.millis(250);

  /** The size the loss chart and the parameter table are drawn at off-screen. */
  static final int OFF_SCREEN_WIDTH = 800;

  static final int OFF_SCREEN_HEIGHT = 500;

  private final Supplier<RegressionData> current;
  private SteppedRun run;
  private TeachingFeed feed;
  private List<Runnable> drawings; // the off-screen drawings left; null until planned
  private int drawnOffScreen;

  /**
   * @param current the window's current run's data, read on the FX thread; null while there is none
   */
  public Rehearsal(Supplier<RegressionData> current) {
    this.current = current;
  }

  /**
   * The stepped run, made again when the current run's shape changed; null while there is no run.
   */
  SteppedRun run() {
    RegressionData d = current.get();
    if (d == null) {
      return null;
    }
    int f = Math.max(1, Math.min(MAX_FEATURES, d.numFeatures()));
    int b = Math.max(1, Math.min(MAX_BATCH, d.batchSize()));
    if (run == null || run.data().numFeatures() != f || run.data().batchSize() != b) {
      run = SteppedRun.of(SPEC, data(f, b), SPEC.epochs() * BATCHES_PER_EPOCH, 0, true);
      feed = SingleViews.feed(run);
    }
    return run;
  }

  /**
   * What hidden teaching views rehearse with ({@link descent.app.teach.TeachingPane#rehearse}): a
   * feed holding the stepped run, its path and its last minibatch; the same feed while the current
   * run's shape stays; null while there is no run. Call on the FX thread.
   */
  public Supplier<TeachingFeed> standIns() {
    return () -> run() == null ? null : feed;
  }

  /**
   * Draws the parameter table and then the loss chart of the stepped run off-screen, one drawing
   * every {@link #GAP}, each only while {@code idle} says so (it waits for the next idle moment
   * otherwise), and then stops: once in the app's life is enough to load and compile their code.
   * The chart grows as in a run that plays: its model takes the run's events in {@link
   * #CHART_PARTS} parts, and the chart is refreshed and rendered after each, one part a drawing.
   */
  public void offScreenWhenIdle(BooleanSupplier idle) {
    new IdleSteps(
            GAP,
            idle,
            () -> {
              if (drawings == null) {
                SteppedRun r = run();
                if (r == null) {
                  return true; // no run yet: try again
                }
                drawings = offScreen(r);
              }
              if (drawings.isEmpty()) {
                return false;
              }
              drawings.remove(0).run();
              drawnOffScreen++;
              return true;
            })
        .start();
  }

  /** How many drawings {@link #offScreenWhenIdle} made so far (for tests). */
  int drawnOffScreen() {
    return drawnOffScreen;
  }

  /** In how many parts the off-screen loss chart takes the rehearsal run's events. */
  static final int CHART_PARTS = 2;

  /**
   * The drawings of {@code r} off-screen, in order: the parameter table, then the loss chart after
   * each part of the run's events. Each draws in a scene of its own: CSS, layout, drawing and
   * rendering, as a frame on screen.
   */
  static List<Runnable> offScreen(SteppedRun r) {
    List<Runnable> drawings = new ArrayList<>();
    drawings.add(
        () ->
            SingleViews.scene(
                    new Picture(ViewNames.PARAMS, OFF_SCREEN_WIDTH, OFF_SCREEN_HEIGHT, null),
                    r,
                    List.of())
                .snapshot(null));
    LossChartModel model = new LossChartModel();
    LossChartView chart = new LossChartView(model);
    chart.plannedEpochsProperty().set(r.epochs());
    chart.batchesPerEpochProperty().set(r.batchesPerEpoch());
    Scene scene = SingleViews.scene(chart, OFF_SCREEN_WIDTH, OFF_SCREEN_HEIGHT);
    List<TrainingEvent> events = r.events();
    for (int k = 1; k <= CHART_PARTS; k++) {
      List<TrainingEvent> part =
          events.subList(events.size() * (k - 1) / CHART_PARTS, events.size() * k / CHART_PARTS);
      drawings.add(
          () -> {
            model.acceptAll(part);
            chart.refresh();
            scene.snapshot(null);
          });
    }
    return drawings;
  }

  /** Rows for {@link #BATCHES_PER_EPOCH} minibatches of {@code b}, and a few validation rows. */
  static RegressionData data(int f, int b) {
    double[] w = new double[f];
    for (int j = 0; j < f; j++) {
      w[j] = j % 2 == 0 ? 2 : -3.4; // the chapter's true w, repeated
    }
    return new SyntheticRegressionData(w, 4.2, 0.01, BATCHES_PER_EPOCH * b, 16, b, true, 42);
  }
}
