package descent.app.teach.landscape;

/**
 * The map's colours: a loss is placed on a log scale from {@code lo} (dark violet: the lowest loss
 * on the map, its valley floor) to {@code hi} (yellow: the highest) and coloured along viridis, a
 * scale that reads in grey and for colour-blind eyes too. Losses outside the range take the end
 * colours; NaN is grey. Plain Java, ARGB ints.
 *
 * @param lo the loss of the darkest colour, &gt; 0
 * @param hi the loss of the brightest colour, &gt; lo
 */
record ColourScale(double lo, double hi) {
  /** The scale spans at most this many decades; lower losses take the darkest colour. */
  static final double MAX_DECADES = 7;

  /** NaN: a mid grey, unlike any colour of the scale. */
  static final int NAN_ARGB = 0xff9e9e9e;

  /** Viridis at nine even stops, lightened a little so lines and labels on top stay readable. */
  private static final int[] STOPS = {
    0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c, 0x28ae80, 0x5ec962, 0xaadc32, 0xfde725
  };

  private static final double LIGHTEN = 0.12;

  ColourScale {
    if (!(lo > 0) || !(hi > lo) || !Double.isFinite(hi)) {
      throw new IllegalArgumentException("need 0 < lo < hi < ∞, got " + lo + ", " + hi);
    }
  }

  /**
   * The scale for a map whose finite losses run from {@code gridMin} to {@code gridMax}, over at
   * most {@link #MAX_DECADES} decades.
   */
  static ColourScale of(double gridMin, double gridMax) {
    double hi = gridMax > 0 && Double.isFinite(gridMax) ? gridMax : 1;
    double lo = gridMin;
    if (!(lo > 0) || !Double.isFinite(lo)) {
      lo = hi * Math.pow(10, -MAX_DECADES);
    }
    lo = Math.max(lo, hi * Math.pow(10, -MAX_DECADES));
    if (!(hi > lo * 1.0001)) {
      hi = lo * 10;
    }
    return new ColourScale(lo, hi);
  }

  /**
   * Where {@code loss} sits on the scale, 0 at {@code lo} to 1 at {@code hi}, clamped; NaN stays.
   */
  double position(double loss) {
    if (Double.isNaN(loss)) {
      return Double.NaN;
    }
    if (loss <= lo) {
      return 0;
    }
    if (loss >= hi) {
      return 1;
    }
    return Math.log(loss / lo) / Math.log(hi / lo);
  }

  /** The colour of {@code loss}, as opaque ARGB. */
  int argb(double loss) {
    double t = position(loss);
    return Double.isNaN(t) ? NAN_ARGB : at(t);
  }

  /** The colour at position {@code t} (0 … 1) of the scale, as opaque ARGB. */
  static int at(double t) {
    double x = Math.max(0, Math.min(1, t)) * (STOPS.length - 1);
    int k = Math.min(STOPS.length - 2, (int) x);
    double f = x - k;
    int a = STOPS[k];
    int b = STOPS[k + 1];
    int r = channel(a >> 16, b >> 16, f);
    int g = channel(a >> 8, b >> 8, f);
    int bl = channel(a, b, f);
    return 0xff000000 | r << 16 | g << 8 | bl;
  }

  private static int channel(int a, int b, double f) {
    double v = (a & 0xff) * (1 - f) + (b & 0xff) * f;
    v = v + (255 - v) * LIGHTEN;
    return (int) Math.round(v);
  }
}
