package descent.app.uibench;

import java.util.Arrays;

/**
 * Frame intervals summarised: how many, and their 50th, 90th and 99th percentiles and maximum in
 * milliseconds (nearest rank: the p-th percentile is the smallest interval that at least p% of the
 * intervals do not exceed).
 */
record FrameStats(int count, double p50, double p90, double p99, double max, int over50) {

  /** The statistics of {@code nanos}, intervals in nanoseconds (not changed). */
  static FrameStats of(long[] nanos) {
    if (nanos.length == 0) {
      return new FrameStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int over = 0;
    for (long n : sorted) {
      if (n > 50_000_000L) {
        over++;
      }
    }
    return new FrameStats(
        sorted.length,
        ms(rank(sorted, 50)),
        ms(rank(sorted, 90)),
        ms(rank(sorted, 99)),
        ms(sorted[sorted.length - 1]),
        over);
  }

  static long rank(long[] sorted, double percent) {
    int k = (int) Math.ceil(percent / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, k - 1))];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
