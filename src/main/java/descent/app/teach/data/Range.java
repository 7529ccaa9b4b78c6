package descent.app.teach.data;

/**
 * An axis's span of data values, min &lt; max, both finite. Built from the data, never from a
 * parameter that may be diverging, so the frame stays put while the model moves.
 */
record Range(double min, double max) {
  /** Of the finite values in {@code values}, widened by {@code margin} of the span on each side. */
  static Range of(double[] values, double margin) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (Double.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    return spanning(lo, hi, margin);
  }

  /** From {@code lo} to {@code hi} widened by {@code margin}; a point or nothing gets a width. */
  static Range spanning(double lo, double hi, double margin) {
    if (!(lo <= hi)) { // no finite value
      return new Range(-1, 1);
    }
    double span = hi - lo;
    if (!(span > 1e-12 * Math.max(1, Math.abs(lo))) || !Double.isFinite(span)) {
      double half = Math.abs(lo) > 0 ? 0.1 * Math.abs(lo) : 1;
      return Double.isFinite(span) ? new Range(lo - half, hi + half) : new Range(lo, hi);
    }
    double pad = margin * span;
    double min = lo - pad;
    double max = hi + pad;
    return Double.isFinite(min) && Double.isFinite(max) ? new Range(min, max) : new Range(lo, hi);
  }

  /** The smallest range holding both. */
  Range union(Range other) {
    return new Range(Math.min(min, other.min), Math.max(max, other.max));
  }

  double span() {
    return max - min;
  }

  boolean contains(double v) {
    return v >= min && v <= max;
  }

  double clamp(double v) {
    return Math.max(min, Math.min(max, v));
  }

  /** Where {@code v} lies from min (0) to max (1). */
  double fraction(double v) {
    return (v - min) / (max - min);
  }
}
