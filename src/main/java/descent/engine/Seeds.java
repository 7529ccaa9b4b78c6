package descent.engine;

import java.util.Random;

/**
 * Independent, reproducible random streams derived from one user-visible seed, so that e.g. the
 * data, the initial weights and each epoch's shuffle never share a stream.
 */
public final class Seeds {
  private Seeds() {}

  /** A {@link Random} for stream {@code purpose} of {@code seed}. Same inputs, same numbers. */
  public static Random stream(long seed, long purpose) {
    return new Random(mix(seed * 0x9E3779B97F4A7C15L + purpose));
  }

  /** SplitMix64's finaliser: spreads nearby inputs over the whole range. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
