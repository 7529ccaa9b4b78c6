package descent.app.teach.landscape;

import descent.train.LossSurface;
import descent.train.LossSurface.Window;
import java.util.Arrays;

/**
 * One frame of the map, computed without JavaFX: the full training loss on an {@link #N} × {@link
 * #N} grid over two parameters with the others held ({@link LossSurface#grid}), each cell's band
 * between contour levels, its colour, and the contour lines (marching squares). The arrays are
 * reused from frame to frame, so a redraw allocates next to nothing.
 *
 * <p>Grid point (a, c) sits at {@link LossSurface#coordinate} along each axis and is stored at
 * {@code c * N + a}; the colour image is flipped vertically (its first row is the top of the map,
 * the largest value of the vertical parameter).
 */
final class LandscapeMap {
  /** Grid points per axis. */
  static final int N = 200;

  private final double[] grid = new double[N * N];
  private final int[] bands = new int[N * N];
  private final int[] argb = new int[N * N];
  private double[] segments = new double[4 * 1024];
  private int segmentCount;
  private Window window;
  private double min;
  private double max;

  /**
   * Evaluates the loss over {@code window} on parameters {@code axisI} (across) and {@code axisJ}
   * (up), the others held at {@code w}, {@code b} (which must be finite).
   */
  void compute(LossSurface surface, int axisI, int axisJ, double[] w, double b, Window window) {
    this.window = window;
    surface.grid(axisI, axisJ, w, b, window, N, N, grid);
    min = Double.POSITIVE_INFINITY;
    max = Double.NEGATIVE_INFINITY;
    for (double v : grid) {
      if (Double.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
  }

  /** Colours each cell by its band and traces the levels' contour lines. */
  void paint(ContourLevels levels, ColourScale colours) {
    int[] bandColour = new int[levels.size() + 1];
    for (int k = 0; k <= levels.size(); k++) {
      bandColour[k] =
          levels.size() == 0
              ? colours.argb((min + max) / 2)
              : colours.argb(levels.representative(k));
    }
    for (int c = 0; c < N; c++) {
      int row = (N - 1 - c) * N; // the image's top row is the top of the map
      for (int a = 0; a < N; a++) {
        double v = grid[c * N + a];
        int band = levels.band(v);
        bands[c * N + a] = band;
        argb[row + a] = band < 0 ? ColourScale.NAN_ARGB : bandColour[band];
      }
    }
    trace(levels);
  }

  /** Marching squares: a segment wherever a level crosses a cell, with the saddles split. */
  private void trace(ContourLevels levels) {
    segmentCount = 0;
    for (int c = 0; c + 1 < N; c++) {
      for (int a = 0; a + 1 < N; a++) {
        int i00 = c * N + a;
        int b00 = bands[i00];
        int b10 = bands[i00 + 1];
        int b01 = bands[i00 + N];
        int b11 = bands[i00 + N + 1];
        int lo = Math.min(Math.min(b00, b10), Math.min(b01, b11));
        int hi = Math.max(Math.max(b00, b10), Math.max(b01, b11));
        if (lo == hi || lo < 0 || !finiteCell(i00)) {
          continue;
        }
        for (int k = lo; k < hi; k++) {
          cell(a, c, i00, levels.level(k));
        }
      }
    }
  }

  private boolean finiteCell(int i00) {
    return Double.isFinite(grid[i00])
        && Double.isFinite(grid[i00 + 1])
        && Double.isFinite(grid[i00 + N])
        && Double.isFinite(grid[i00 + N + 1]);
  }

  private void cell(int a, int c, int i00, double level) {
    double v00 = grid[i00];
    double v10 = grid[i00 + 1];
    double v01 = grid[i00 + N];
    double v11 = grid[i00 + N + 1];
    int mask =
        (v00 >= level ? 1 : 0)
            | (v10 >= level ? 2 : 0)
            | (v11 >= level ? 4 : 0)
            | (v01 >= level ? 8 : 0);
    // the crossing points on the four edges, in grid units (a across, c up)
    double bottom = a + fraction(v00, v10, level);
    double right = c + fraction(v10, v11, level);
    double top = a + fraction(v01, v11, level);
    double left = c + fraction(v00, v01, level);
    switch (mask) {
      case 1, 14 -> add(a, left, bottom, c);
      case 2, 13 -> add(bottom, c, a + 1, right);
      case 3, 12 -> add(a, left, a + 1, right);
      case 4, 11 -> add(top, c + 1, a + 1, right);
      case 6, 9 -> add(bottom, c, top, c + 1);
      case 7, 8 -> add(a, left, top, c + 1);
      case 5, 10 -> {
        boolean centreHigh = (v00 + v10 + v01 + v11) / 4 >= level;
        if ((mask == 5) == centreHigh) { // the high corners (00 and 11, or 10 and 01) join
          add(a, left, top, c + 1);
          add(bottom, c, a + 1, right);
        } else {
          add(a, left, bottom, c);
          add(top, c + 1, a + 1, right);
        }
      }
      default -> {}
    }
  }

  private static double fraction(double from, double to, double level) {
    double f = (level - from) / (to - from);
    return f >= 0 && f <= 1 ? f : 0.5;
  }

  private void add(double a1, double c1, double a2, double c2) {
    if (4 * segmentCount + 4 > segments.length) {
      segments = Arrays.copyOf(segments, segments.length * 2);
    }
    int i = 4 * segmentCount;
    segments[i] = a1;
    segments[i + 1] = c1;
    segments[i + 2] = a2;
    segments[i + 3] = c2;
    segmentCount++;
  }

  /** The loss at grid point (a, c): a across (i), c up (j). */
  double loss(int a, int c) {
    return grid[c * N + a];
  }

  /** The parameter value of grid column {@code a}. */
  double pi(int a) {
    return LossSurface.coordinate(window.iMin(), window.iMax(), N, a);
  }

  /** The parameter value of grid row {@code c}. */
  double pj(int c) {
    return LossSurface.coordinate(window.jMin(), window.jMax(), N, c);
  }

  /** The colour image, N × N ARGB, top row first. */
  int[] argb() {
    return argb;
  }

  /** The number of contour segments traced. */
  int segmentCount() {
    return segmentCount;
  }

  /**
   * Contour segments: for segment s, {@code [4s]} and {@code [4s+1]} are its first end's grid
   * coordinates (a across, c up, fractional), {@code [4s+2]} and {@code [4s+3]} its second's.
   */
  double[] segments() {
    return segments;
  }

  /** The lowest finite loss on the grid (+∞ if none). */
  double min() {
    return min;
  }

  /** The highest finite loss on the grid (−∞ if none). */
  double max() {
    return max;
  }

  Window window() {
    return window;
  }
}
