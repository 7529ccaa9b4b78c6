package descent.app.compare;

import descent.app.chart.LossChartModel;
import descent.app.chart.LossChartModel.Point;
import descent.app.chart.LossSeries;
import descent.app.teach.ParameterPath;
import descent.run.RunConfig;
import descent.train.TrainingEvent;
import descent.train.TrainingEvent.BatchDone;
import descent.train.TrainingEvent.Diverged;
import descent.train.TrainingEvent.RunFinished;
import java.util.ArrayList;
import java.util.List;

/**
 * What is kept of the current run while it trains, from the events the FX thread receives: its loss
 * history (as the loss chart records it), its parameter path, its last parameters, its steps and
 * whether it has ended. Turned into a {@link KeptRun} when the run is kept.
 */
public final class RunRecording {
  /** The most training-loss points a kept run holds: enough for a smooth line, few to draw. */
  public static final int MAX_LOSS_POINTS = 500;

  private int number;
  private RunConfig config;
  private final LossChartModel losses = new LossChartModel();
  private final ParameterPath path;
  private double[] w;
  private double b;
  private long steps;
  private RunEnd end;
  private boolean kept;

  /**
   * @param number the run's number in the session
   * @param config its settings
   * @param w0 its initial weights
   * @param b0 its initial bias
   */
  public RunRecording(int number, RunConfig config, double[] w0, double b0) {
    this.number = number;
    this.config = config;
    this.path = new ParameterPath(w0.length);
    this.path.reset(w0, b0);
    this.w = w0.clone();
    this.b = b0;
  }

  /**
   * Takes a frame's events.
   *
   * @return true if they ended the run (finished or diverged)
   */
  public boolean accept(List<TrainingEvent> events) {
    losses.acceptAll(events);
    path.addAll(events);
    boolean ended = false;
    BatchDone latest = null;
    for (TrainingEvent e : events) {
      if (e instanceof BatchDone done) {
        latest = done;
      } else if (e instanceof RunFinished f && end == null) {
        end = RunEnd.finished(f.steps());
        ended = true;
      } else if (e instanceof Diverged d && end == null) {
        steps = Math.max(steps, d.step());
        end = RunEnd.diverged(d.step());
        ended = true;
      }
    }
    if (latest != null) {
      double[] wNow = latest.w();
      if (wNow.length == path.numFeatures()) {
        w = wNow;
        b = latest.b();
        steps = Math.max(steps, latest.step());
      }
    }
    return ended;
  }

  /**
   * The same recording with other settings (a learning rate or epochs changed mid-run); returns
   * this recording, changed.
   */
  public RunRecording withConfig(RunConfig changed) {
    this.config = changed;
    return this;
  }

  /**
   * Goes on recording a run that was kept when it finished and now trains further (more epochs), as
   * a new run numbered {@code newNumber}: kept again when it ends or is replaced.
   */
  public void resume(int newNumber) {
    number = newNumber;
    end = null;
    kept = false;
  }

  public int number() {
    return number;
  }

  public RunConfig config() {
    return config;
  }

  /** Steps taken as far as the events tell. */
  public long steps() {
    return steps;
  }

  /** How it ended, or null while it can still train. */
  public RunEnd end() {
    return end;
  }

  /** Whether it has been kept already (it ended, and a reset must not keep it twice). */
  public boolean isKept() {
    return kept;
  }

  /**
   * A copy to keep: how it ended, or "stopped" now if it has not ended. Marks the recording kept.
   *
   * @param colour the colour slot it gets
   */
  public KeptRun keep(int colour) {
    kept = true;
    RunEnd how = end != null ? end : RunEnd.stopped(steps);
    double[][] points = new double[path.size()][];
    int d = path.numFeatures();
    for (int k = 0; k < path.size(); k++) {
      double[] p = new double[d + 1];
      for (int j = 0; j <= d; j++) {
        p[j] = path.parameter(k, j);
      }
      points[k] = p;
    }
    return new KeptRun(
        number,
        colour,
        config,
        thin(losses.points(LossSeries.MINIBATCH), MAX_LOSS_POINTS),
        losses.points(LossSeries.VALIDATION),
        points,
        w,
        b,
        how);
  }

  /**
   * At most {@code max} points: neighbours merged pairwise into their means (in x and y) until few
   * enough, as the chart decimates.
   */
  static List<Point> thin(List<Point> points, int max) {
    List<Point> out = new ArrayList<>(points);
    while (out.size() > max) {
      List<Point> half = new ArrayList<>(out.size() / 2 + 1);
      int n = out.size();
      for (int k = 0; k + 1 < n; k += 2) {
        Point a = out.get(k);
        Point c = out.get(k + 1);
        half.add(new Point((a.x() + c.x()) / 2, (a.y() + c.y()) / 2));
      }
      if (n % 2 == 1) {
        half.add(out.get(n - 1));
      }
      out = half;
    }
    return out;
  }
}
