package descent.bench;

/**
 * What one configuration measured. Times per step count training minibatches only (the gather
 * included, validation excluded); {@code fitMs} is the wall time of a whole fit, validation
 * included.
 *
 * @param config the workload
 * @param repeats timed fits
 * @param usPerStep the engine's µs per training step, over the timed fits
 * @param baselineUsPerStep the hand loop's µs per training step, over as many timed fits
 * @param fitMs the engine's whole fit (prepare, every epoch's training and validation), in ms
 * @param warmupFits engine fits (each followed by a hand-loop fit) run before timing
 * @param warmupSteps engine training steps run before timing
 * @param jitSettled whether the warm-up ended with the JIT idle, rather than at its time cap
 */
public record BenchResult(
    BenchConfig config,
    int repeats,
    Spread usPerStep,
    Spread baselineUsPerStep,
    Spread fitMs,
    int warmupFits,
    long warmupSteps,
    boolean jitSettled) {

  /** Engine over hand loop, median over median: how many times slower autograd is. */
  public double ratio() {
    return usPerStep.median() / baselineUsPerStep.median();
  }

  /** Training examples per second at the engine's median step time. */
  public double examplesPerSecond() {
    return config.examplesPerFit() / (usPerStep.median() * config.stepsPerFit() / 1e6);
  }
}
