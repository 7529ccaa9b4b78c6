package descent.bench;

/**
 * When the JIT counts as warmed up: the warm-up fits (each an engine fit and a hand-loop fit) go on
 * until at least {@code minSteps} engine steps ran, and then until the JIT compiler stayed idle
 * through whole fits lasting {@code quietMillis} in all (its total compilation time, read from
 * {@link java.lang.management.CompilationMXBean}, did not grow). {@code maxMillis} caps the
 * warm-up; a result that hit the cap says so.
 *
 * <p>Why these numbers ({@link #STANDARD}): HotSpot compiles a method with C2 once it ran about
 * 5,000 times (or fewer with hot loops); every method of a training step runs at least once per
 * step, so 10,000 steps queue all of them for C2 twice over. The quiet window then waits for the
 * queue to drain: on this project's 2-core machine, C2 compiles of the step's methods take up to a
 * few hundred milliseconds under load, and 500 ms without a compile means none is still running.
 * Checked with {@code -XX:+PrintCompilation}: no {@code descent.} method is compiled during the
 * timed fits (docs/benchmarking.md).
 *
 * @param minSteps engine training steps to run at least
 * @param quietMillis how long whole fits must run with no JIT compilation
 * @param maxMillis the most time the warm-up may take
 */
public record Warmup(long minSteps, long quietMillis, long maxMillis) {
  /** The command's warm-up. */
  public static final Warmup STANDARD = new Warmup(10_000, 500, 30_000);

  public Warmup {
    if (minSteps < 0 || quietMillis < 0 || maxMillis < 0) {
      throw new IllegalArgumentException("warm-up limits must be ≥ 0");
    }
  }
}
