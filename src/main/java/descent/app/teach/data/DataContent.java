package descent.app.teach.data;

import descent.app.teach.data.PlotContent.Highlight;
import descent.app.teach.data.PlotContent.Kind;
import descent.app.teach.data.PlotContent.PlotLine;
import descent.data.RegressionData.Truth;
import descent.train.DataSample;
import descent.train.LeastSquares;
import descent.train.RunPicture;
import descent.train.StepSnapshot;
import descent.train.TrainingRun.Phase;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the run's picture and its latest snapshot into what the plot draws, in either of the Data
 * view's two modes. Pure arithmetic on copies: no JavaFX, no live tensors.
 */
final class DataContent {
  /** The space around the data, as a share of their span, on each side. */
  static final double MARGIN = 0.06;

  private DataContent() {}

  /**
   * y against feature {@code j}: the training points, the lines of the model (now, and before this
   * minibatch's update: the one its ŷ came from), of the truth and, if asked, of least squares,
   * each with the other features held at their training means; the minibatch's points with
   * residuals to the engine's ŷ.
   */
  static PlotContent scatter(
      RunPicture picture, StepSnapshot s, int j, boolean leastSquares, List<String> names) {
    DataSample sample = picture.sample();
    int n = sample.rows().length;
    double[] xs = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = sample.x()[i][j];
    }
    double[] means = sample.means();
    List<PlotLine> lines = new ArrayList<>();
    Truth truth = picture.truth();
    if (truth != null && truth.w().length == means.length) {
      lines.add(slice(truth.w(), truth.b(), means, j, Kind.TRUE));
    }
    LeastSquares.Fit fit = picture.optimum();
    if (leastSquares && fit.available()) {
      lines.add(slice(fit.w(), fit.b(), means, j, Kind.LEAST_SQUARES));
    }
    // the line ŷ came from: the parameters before this minibatch's update, which until the update
    // runs are the current ones (the model's line then covers it)
    if (s.yHat() != null && s.ran() != Phase.UPDATE) {
      lines.add(slice(s.w(), s.b(), means, j, Kind.BEFORE));
    } else if (s.yHat() != null && s.wBefore() != null) {
      lines.add(slice(s.wBefore(), s.bBefore(), means, j, Kind.BEFORE));
    }
    lines.add(slice(s.w(), s.b(), means, j, Kind.MODEL));

    Highlight batch = null;
    int m = s.rows().length;
    if (m > 0) {
      double[] bx = new double[m];
      for (int i = 0; i < m; i++) {
        bx[i] = s.x()[i][j];
      }
      batch = new Highlight(bx, s.y(), s.yHat(), means.length > 1);
    }
    return new PlotContent(
        names.get(j),
        picture.targetName(),
        Range.of(xs, MARGIN),
        Range.of(sample.y(), MARGIN),
        xs,
        sample.y(),
        lines,
        batch);
  }

  /**
   * ŷ against y: each training point at (y, ŷ) with ŷ from the current w, b, the diagonal ŷ = y,
   * and the minibatch's points at the engine's ŷ, each with its residual to the diagonal. Both axes
   * span the targets, so a perfect fit lies on the diagonal and a diverging model leaves the plot.
   */
  static PlotContent predictions(RunPicture picture, StepSnapshot s) {
    DataSample sample = picture.sample();
    int n = sample.rows().length;
    double[] yHat = new double[n];
    for (int i = 0; i < n; i++) {
      yHat[i] = predict(sample.x()[i], s.w(), s.b());
    }
    Range range = Range.of(sample.y(), MARGIN);
    Highlight batch = null;
    if (s.rows().length > 0 && s.yHat() != null) {
      batch = new Highlight(s.y(), s.yHat(), s.y(), false);
    }
    String y = picture.targetName();
    return new PlotContent(
        y + " (data)",
        "ŷ (model)",
        range,
        range,
        sample.y(),
        yHat,
        List.of(new PlotLine(Kind.DIAGONAL, 1, 0)),
        batch);
  }

  /**
   * The line y = b + Σ w_k·x_k as a function of x_j alone, the other features at {@code means}:
   * slope w_j, intercept b + Σ_{k≠j} w_k·mean_k.
   */
  static PlotLine slice(double[] w, double b, double[] means, int j, Kind kind) {
    double intercept = b;
    for (int k = 0; k < w.length; k++) {
      if (k != j) {
        intercept += w[k] * means[k];
      }
    }
    return new PlotLine(kind, w[j], intercept);
  }

  /** x·w + b. */
  static double predict(double[] x, double[] w, double b) {
    double acc = b;
    for (int k = 0; k < w.length; k++) {
      acc += x[k] * w[k];
    }
    return acc;
  }

  /** How many of the points lie off the plot vertically (NaN counts as off). */
  static int offPlot(double[] values, Range range) {
    int off = 0;
    for (double v : values) {
      if (!range.contains(v)) {
        off++;
      }
    }
    return off;
  }
}
