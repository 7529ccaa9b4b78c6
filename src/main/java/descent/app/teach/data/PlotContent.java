package descent.app.teach.data;

import java.util.List;

/**
 * What the Data view's plot draws, in data coordinates: computed from the feed on the FX thread,
 * drawn by {@link DataPlot}. Arrays are owned by the content and never modified.
 *
 * @param xTitle the horizontal axis's title
 * @param yTitle the vertical axis's title
 * @param x the horizontal axis's range (from the data, with a margin)
 * @param y the vertical axis's range
 * @param pointX the drawn training points' horizontal values
 * @param pointY their vertical values (NaN where not drawable)
 * @param lines the lines, drawn in this order
 * @param batch the current minibatch's points, or null when there is none
 */
record PlotContent(
    String xTitle,
    String yTitle,
    Range x,
    Range y,
    double[] pointX,
    double[] pointY,
    List<PlotLine> lines,
    Highlight batch) {

  /** What a line shows; its look follows from it. */
  enum Kind {
    /** y = x in the ŷ-against-y plot: where a perfect model's points would lie. */
    DIAGONAL,
    /** The true parameters, sliced. */
    TRUE,
    /** The least-squares fit, sliced. */
    LEAST_SQUARES,
    /** The model before the update that just ran, sliced. */
    BEFORE,
    /** The model's current parameters, sliced. */
    MODEL
  }

  /**
   * A straight line y = intercept + slope·x, either number possibly NaN or ∞ (a diverged model),
   * which then cannot be drawn.
   */
  record PlotLine(Kind kind, double slope, double intercept) {
    /** Whether the line can be drawn at all: both numbers finite. */
    boolean finite() {
      return Double.isFinite(slope) && Double.isFinite(intercept);
    }

    /**
     * The part of the line inside the box {@code x} × {@code y}, as {x0, y0, x1, y1}, or null if it
     * misses the box or cannot be drawn. Never overflows: a steep line is cut at the box's top and
     * bottom before its ends are computed.
     */
    double[] clip(Range x, Range y) {
      if (!finite()) {
        return null;
      }
      double xa = x.min();
      double xb = x.max();
      if (slope != 0) {
        double x1 = (y.min() - intercept) / slope;
        double x2 = (y.max() - intercept) / slope;
        xa = Math.max(xa, Math.min(x1, x2));
        xb = Math.min(xb, Math.max(x1, x2));
        if (!(xa < xb)) {
          return null;
        }
      } else if (!y.contains(intercept)) {
        return null;
      }
      return new double[] {xa, y.clamp(at(xa)), xb, y.clamp(at(xb))};
    }

    /** The line's value at {@code x}. */
    double at(double x) {
      return intercept + slope * x;
    }

    /**
     * Where the line runs when it misses the box: "above", "below", or "NaN"/"∞" for a line that
     * cannot be drawn; null when it crosses the box.
     */
    String whereMissing(Range x, Range y) {
      if (!finite()) {
        return Double.isNaN(slope) || Double.isNaN(intercept) ? "NaN" : "∞";
      }
      if (clip(x, y) != null) {
        return null;
      }
      double mid = at(0.5 * (x.min() + x.max()));
      return mid > y.max() ? "above" : mid < y.min() ? "below" : "outside";
    }
  }

  /**
   * The minibatch's points, each with its residual drawn from the point to {@code end} at the same
   * horizontal position.
   *
   * @param x the points' horizontal values
   * @param y their vertical values
   * @param end where each residual segment ends (NaN where there is none), or null before FORWARD
   * @param ringAtEnd whether to mark the segment's end (when it lies off every drawn line)
   */
  record Highlight(double[] x, double[] y, double[] end, boolean ringAtEnd) {
    int size() {
      return x.length;
    }

    boolean hasResiduals() {
      return end != null;
    }
  }
}
