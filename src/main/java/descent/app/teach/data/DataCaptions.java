package descent.app.teach.data;

import descent.train.DataSample;
import descent.train.StepSnapshot;
import descent.train.TrainingRun.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Data view's sentences: what is held fixed, how many points, the minibatch, what went off. */
final class DataCaptions {
  /** Past this many other features, the slice caption counts them instead of naming each. */
  static final int MAX_NAMED = 3;

  private DataCaptions() {}

  /** A feature's name as shown: "x1" becomes "x₁"; a file's own names stay as they are. */
  static String display(String name) {
    if (name.matches("x[0-9]+")) {
      StringBuilder s = new StringBuilder("x");
      for (char c : name.substring(1).toCharArray()) {
        s.append((char) ('₀' + (c - '0')));
      }
      return s.toString();
    }
    return name;
  }

  /** "x₂, x₃ held at their means" for feature {@code j} of {@code names}; "" with one feature. */
  static String held(List<String> names, int j) {
    List<String> others = new ArrayList<>(names);
    others.remove(j);
    if (others.isEmpty()) {
      return "";
    }
    if (others.size() == 1) {
      return others.get(0) + " held at its mean";
    }
    if (others.size() > MAX_NAMED) {
      return "The other " + others.size() + " features held at their means";
    }
    return String.join(", ", others) + " held at their means";
  }

  /** "All 1,000 training points", or "5,000 of 20,000 points (a seeded sample)". */
  static String count(DataSample sample) {
    if (sample.isSampled()) {
      return String.format(
          Locale.ROOT,
          "%,d of %,d points (a seeded sample)",
          sample.rows().length,
          sample.totalRows());
    }
    int n = sample.rows().length;
    return String.format(
        Locale.ROOT, n == 1 ? "The one training point" : "All %,d training points", n);
  }

  /** What the highlighted points are, and which ŷ their residuals use. */
  static String batch(StepSnapshot s, boolean predictions) {
    int shown = s.rows().length;
    if (shown == 0) {
      return "No minibatch yet: Step or Step phase picks one and highlights its rows.";
    }
    StringBuilder t = new StringBuilder();
    t.append(
        String.format(
            Locale.ROOT,
            "Minibatch %,d (epoch %d, batch %,d of %,d): ",
            s.step(),
            s.epoch() + 1,
            s.batchIndex() + 1,
            s.batchesPerEpoch()));
    if (s.isTruncated()) {
      t.append(String.format(Locale.ROOT, "its first %,d of %,d rows", shown, s.batchSize()));
    } else {
      t.append(String.format(Locale.ROOT, shown == 1 ? "its one row" : "its %,d rows", shown));
    }
    if (s.yHat() == null) {
      return t.append(" highlighted; residuals come with FORWARD.").toString();
    }
    if (predictions) {
      t.append(" at the engine's ŷ, each with its residual ŷ − y to the diagonal.");
    } else {
      t.append(" highlighted, each with its residual ŷ − y.");
      if (s.numFeatures() > 1) {
        t.append(" ŷ uses every feature, so a residual ends (○) off this slice's line.");
      }
    }
    // the same words in every phase, so the caption keeps its length (and the plot its place)
    // while a student steps through one minibatch; the legend names the line ŷ came from
    return t.toString();
  }

  /** What left the plot or cannot be drawn, or "" when everything is in view. */
  static String warning(PlotContent c, StepSnapshot s, boolean predictions) {
    List<String> parts = new ArrayList<>();
    if (s.status() == Status.DIVERGED) {
      parts.add(String.format(Locale.ROOT, "The run diverged at step %,d.", s.step()));
    }
    if (predictions) {
      int n = c.pointY().length;
      int nan = 0;
      for (double v : c.pointY()) {
        if (Double.isNaN(v)) {
          nan++;
        }
      }
      int off = DataContent.offPlot(c.pointY(), c.y()) - nan;
      if (nan > 0) {
        parts.add(
            nan == n
                ? "ŷ is NaN for every point: w or b is NaN."
                : String.format(Locale.ROOT, "ŷ is NaN for %,d points, not drawn.", nan));
      }
      if (off > 0) {
        parts.add(
            String.format(
                Locale.ROOT,
                "%,d of %,d points' ŷ lie beyond the plot, drawn on its edge.",
                off,
                n));
      }
    } else {
      for (PlotContent.PlotLine line : c.lines()) {
        if (line.kind() == PlotContent.Kind.MODEL) {
          String where = line.whereMissing(c.x(), c.y());
          if (where != null) {
            parts.add(modelMissing(where));
          }
        }
      }
    }
    if (c.batch() != null && c.batch().hasResiduals()) {
      int off = DataContent.offPlot(c.batch().end(), c.y());
      if (off > 0) {
        parts.add(
            String.format(
                Locale.ROOT,
                off == 1 ? "%,d residual runs off the plot." : "%,d residuals run off the plot.",
                off));
      }
    }
    return String.join(" ", parts);
  }

  private static String modelMissing(String where) {
    return switch (where) {
      case "NaN" -> "w or b is NaN: the model's line cannot be drawn.";
      case "∞" -> "w or b is ∞: the model's line left the plot.";
      case "above" -> "The model's line left the plot: it runs above it.";
      case "below" -> "The model's line left the plot: it runs below it.";
      default -> "The model's line left the plot.";
    };
  }
}
