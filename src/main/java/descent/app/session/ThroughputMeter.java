package descent.app.session;

import java.util.ArrayDeque;

/**
 * Examples per second over the last second, from a running count of examples sampled once per
 * frame. Lives on the FX thread.
 */
final class ThroughputMeter {
  private static final long WINDOW_NANOS = 1_000_000_000L;
  private static final double MIN_SPAN_SECONDS = 0.2;

  private final ArrayDeque<long[]> samples = new ArrayDeque<>(); // {nanoTime, examples}
  private long examples;

  /** Counts {@code n} more examples trained. */
  void add(long n) {
    examples += n;
  }

  /**
   * Takes a sample at {@code now} (nanoseconds) and returns the rate over the window; 0 until the
   * samples span a fifth of a second, so one early frame does not show a wild number.
   */
  double sample(long now) {
    samples.addLast(new long[] {now, examples});
    while (samples.size() > 2 && now - samples.peekFirst()[0] > WINDOW_NANOS) {
      samples.removeFirst();
    }
    long[] first = samples.peekFirst();
    double dt = (now - first[0]) / 1e9;
    return dt > MIN_SPAN_SECONDS ? (examples - first[1]) / dt : 0;
  }

  /** Forgets the samples (not the count), e.g. when training stops and starts again. */
  void restart() {
    samples.clear();
  }

  /** Starts over for a new run. */
  void reset() {
    samples.clear();
    examples = 0;
  }
}
