package descent.app.teach.landscape;

import descent.app.teach.ParameterPath;
import descent.data.RegressionData;
import descent.train.LossSurface;
import descent.train.LossSurface.Window;

/**
 * The part of the parameter plane the map shows, kept steady for a run: it starts around the path's
 * start, the true parameters and the least-squares optimum ({@link LossSurface#window}), and
 * changes only when the path leaves it. Then it grows, by at least {@link #GROWTH} times, so a
 * diverging path is followed in a few jumps rather than at every frame; it never shrinks while the
 * run and the chosen axes stay the same. Past {@link #MAX_GROWTH} times its first size it stops
 * growing, and the view marks where the path left instead. Non-finite points are ignored. Plain
 * Java, no JavaFX.
 */
final class MapWindow {
  /** A grown window is at least this many times wider on the axis the path left by. */
  static final double GROWTH = 2;

  /** The window never grows past this many times its first span on either axis. */
  static final double MAX_GROWTH = 1e6;

  private ParameterPath path;
  private LossSurface surface;
  private int axisI = -1;
  private int axisJ = -1;
  private Window first;
  private Window window;
  private long changes;

  /**
   * The window for this frame: the same as last frame's unless the run, the axes or the path's
   * extent changed.
   *
   * @param w the current weights (maybe non-finite)
   * @param b the current bias (maybe non-finite)
   */
  Window update(
      LossSurface surface,
      RegressionData.Truth truth,
      ParameterPath path,
      int axisI,
      int axisJ,
      double[] w,
      double b) {
    if (surface != this.surface
        || path != this.path
        || axisI != this.axisI
        || axisJ != this.axisJ) {
      this.surface = surface;
      this.path = path;
      this.axisI = axisI;
      this.axisJ = axisJ;
      int d = surface.numFeatures();
      double[] w0 = new double[d];
      for (int k = 0; k < d; k++) {
        w0[k] = path.w(0, k);
      }
      first = surface.window(axisI, axisJ, w0, path.b(0), truth);
      window = first;
      changes++;
    }
    double[] range = extent(path, axisI, axisJ, w, b);
    double spanI = first.iMax() - first.iMin();
    double spanJ = first.jMax() - first.jMin();
    double[] gi = grow(window.iMin(), window.iMax(), range[0], range[1], spanI);
    double[] gj = grow(window.jMin(), window.jMax(), range[2], range[3], spanJ);
    boolean grewI = gi[0] != window.iMin() || gi[1] != window.iMax();
    boolean grewJ = gj[0] != window.jMin() || gj[1] != window.jMax();
    // a path that leaves by one axis soon leaves by the other: both grow at once
    if (grewI && !grewJ) {
      gj = widen(window.jMin(), window.jMax(), spanJ);
    } else if (grewJ && !grewI) {
      gi = widen(window.iMin(), window.iMax(), spanI);
    }
    Window grown = new Window(gi[0], gi[1], gj[0], gj[1]);
    if (!grown.equals(window)) {
      window = grown;
      changes++;
    }
    return window;
  }

  /** The window of the last {@link #update}. */
  Window window() {
    return window;
  }

  /** Counts the window's changes: a new run, new axes, or growth. */
  long changes() {
    return changes;
  }

  /** Whether {@code (pi, pj)} lies inside {@code window}. */
  static boolean contains(Window window, double pi, double pj) {
    return pi >= window.iMin() && pi <= window.iMax() && pj >= window.jMin() && pj <= window.jMax();
  }

  /** The range of the finite points of the path and the current point: iMin, iMax, jMin, jMax. */
  private static double[] extent(ParameterPath path, int axisI, int axisJ, double[] w, double b) {
    double[] r = {
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY
    };
    for (int k = 0; k < path.size(); k++) {
      include(r, path.parameter(k, axisI), path.parameter(k, axisJ));
    }
    int d = w.length;
    include(r, axisI == d ? b : w[axisI], axisJ == d ? b : w[axisJ]);
    return r;
  }

  private static void include(double[] r, double pi, double pj) {
    if (Double.isFinite(pi) && Double.isFinite(pj)) {
      r[0] = Math.min(r[0], pi);
      r[1] = Math.max(r[1], pi);
      r[2] = Math.min(r[2], pj);
      r[3] = Math.max(r[3], pj);
    }
  }

  /** [lo, hi] widened {@link #GROWTH} times about its centre, within the cap. */
  static double[] widen(double lo, double hi, double firstSpan) {
    double span = Math.min(GROWTH * (hi - lo), Math.max(hi - lo, MAX_GROWTH * firstSpan));
    double centre = (lo + hi) / 2;
    return new double[] {centre - span / 2, centre + span / 2};
  }

  /**
   * The range [lo, hi] grown to hold [pMin, pMax] with a quarter of the new span as margin on the
   * side (or sides) the points left by, at least {@link #GROWTH} times wider, and at most {@link
   * #MAX_GROWTH} times {@code firstSpan}.
   */
  static double[] grow(double lo, double hi, double pMin, double pMax, double firstSpan) {
    boolean below = pMin < lo;
    boolean above = pMax > hi;
    if (!below && !above) {
      return new double[] {lo, hi};
    }
    double span = hi - lo;
    double cap = MAX_GROWTH * firstSpan;
    if (span >= cap) {
      return new double[] {lo, hi};
    }
    double nlo = Math.min(lo, pMin);
    double nhi = Math.max(hi, pMax);
    double margin = (nhi - nlo) / 4;
    nlo = below ? nlo - margin : nlo;
    nhi = above ? nhi + margin : nhi;
    double least = GROWTH * span;
    if (nhi - nlo < least) {
      double missing = least - (nhi - nlo);
      if (below && above) {
        nlo -= missing / 2;
        nhi += missing / 2;
      } else if (below) {
        nlo -= missing;
      } else {
        nhi += missing;
      }
    }
    if (nhi - nlo > cap) {
      double extra = cap - span;
      if (below && above) {
        nlo = lo - extra / 2;
        nhi = hi + extra / 2;
      } else if (below) {
        nlo = lo - extra;
        nhi = hi;
      } else {
        nlo = lo;
        nhi = hi + extra;
      }
    }
    return new double[] {nlo, nhi};
  }
}
