package descent.app.teach.landscape;

import descent.train.LossSurface.Window;
import java.math.BigDecimal;

/**
 * Where the map sits on the canvas and which parameters it shows: the plot rectangle in pixels and
 * the window in parameter units, with the conversions between them. When the two axes' natural
 * scales are within {@link #ASPECT_LIMIT} of each other, one unit is the same length on both, so
 * the loss's level curves keep their true shape and the gradient is perpendicular to them; the
 * window is widened on one axis to fill the rectangle. Plain Java.
 */
record MapGeometry(Window window, double left, double top, double width, double height) {
  /** Axes whose units per pixel differ by more than this keep separate scales. */
  static final double ASPECT_LIMIT = 5;

  /** {@code window} fitted to the rectangle at ({@code left}, {@code top}) of the given size. */
  static MapGeometry fit(Window window, double left, double top, double width, double height) {
    double si = window.iMax() - window.iMin();
    double sj = window.jMax() - window.jMin();
    double ui = si / width;
    double uj = sj / height;
    double ratio = ui / uj;
    Window shown = window;
    if (ratio > 1 / ASPECT_LIMIT && ratio < ASPECT_LIMIT) {
      double u = Math.max(ui, uj);
      double ci = (window.iMin() + window.iMax()) / 2;
      double cj = (window.jMin() + window.jMax()) / 2;
      double hi = ui < u ? u * width / 2 : si / 2;
      double hj = uj < u ? u * height / 2 : sj / 2;
      shown =
          new Window(
              ui < u ? ci - hi : window.iMin(),
              ui < u ? ci + hi : window.iMax(),
              uj < u ? cj - hj : window.jMin(),
              uj < u ? cj + hj : window.jMax());
    }
    return new MapGeometry(shown, left, top, width, height);
  }

  /** The x pixel of parameter value {@code pi} on the horizontal axis. */
  double x(double pi) {
    return left + (pi - window.iMin()) / (window.iMax() - window.iMin()) * width;
  }

  /** The y pixel of parameter value {@code pj} on the vertical axis (up is larger). */
  double y(double pj) {
    return top + (window.jMax() - pj) / (window.jMax() - window.jMin()) * height;
  }

  /** The horizontal parameter value at pixel {@code x}. */
  double pi(double x) {
    return window.iMin() + (x - left) / width * (window.iMax() - window.iMin());
  }

  /** The vertical parameter value at pixel {@code y}. */
  double pj(double y) {
    return window.jMax() - (y - top) / height * (window.jMax() - window.jMin());
  }

  /** Whether pixel ({@code x}, {@code y}) lies on the plot. */
  boolean inside(double x, double y) {
    return x >= left && x <= left + width && y >= top && y <= top + height;
  }

  /**
   * The part of the segment from (x1, y1) to (x2, y2) that lies on the plot, as {x1, y1, x2, y2},
   * or null if none does or an end is not a number (Liang–Barsky clipping).
   */
  static double[] clip(MapGeometry g, double x1, double y1, double x2, double y2) {
    if (!Double.isFinite(x1)
        || !Double.isFinite(y1)
        || !Double.isFinite(x2)
        || !Double.isFinite(y2)) {
      return null;
    }
    double dx = x2 - x1;
    double dy = y2 - y1;
    double[] p = {-dx, dx, -dy, dy};
    double[] q = {x1 - g.left, g.left + g.width - x1, y1 - g.top, g.top + g.height - y1};
    double t0 = 0;
    double t1 = 1;
    for (int k = 0; k < 4; k++) {
      if (p[k] == 0) {
        if (q[k] < 0) {
          return null;
        }
      } else {
        double t = q[k] / p[k];
        if (p[k] < 0) {
          t0 = Math.max(t0, t);
        } else {
          t1 = Math.min(t1, t);
        }
      }
    }
    if (t0 > t1) {
      return null;
    }
    return new double[] {x1 + t0 * dx, y1 + t0 * dy, x1 + t1 * dx, y1 + t1 * dy};
  }

  /** 1, 2 or 5 times a power of ten, at least {@code rough}; 1 for nonsense. */
  static double niceStep(double rough) {
    if (!(rough > 0) || !Double.isFinite(rough)) {
      return 1;
    }
    double decade = Math.pow(10, Math.floor(Math.log10(rough)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * decade >= rough * (1 - 1e-9)) {
        return BigDecimal.valueOf(m)
            .multiply(new BigDecimal(Double.toString(decade)))
            .doubleValue();
      }
    }
    return 10 * decade;
  }

  /** Round tick values from {@code min} to {@code max}, {@code step} apart. */
  static double[] ticks(double min, double max, double step) {
    if (!(max > min) || !(step > 0) || (max - min) / step > 100) {
      return new double[0];
    }
    long first = (long) Math.ceil(min / step - 1e-9);
    long last = (long) Math.floor(max / step + 1e-9);
    double[] t = new double[(int) Math.max(0, last - first + 1)];
    for (int k = 0; k < t.length; k++) {
      t[k] =
          BigDecimal.valueOf(first + k)
              .multiply(new BigDecimal(Double.toString(step)))
              .doubleValue();
    }
    return t;
  }

  /** A tick step giving about {@code count} ticks over [min, max]. */
  static double tickStep(double min, double max, double count) {
    return niceStep((max - min) / Math.max(1, count));
  }
}
