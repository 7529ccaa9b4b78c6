package descent.bench;

import descent.data.RegressionData;
import descent.model.LinearRegressionScratch;
import descent.train.RunSpec;
import descent.train.Trainer;
import descent.train.TrainingListener;
import descent.train.TrainingRun;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Times one configuration: builds its data once, warms the JIT up ({@link Warmup}), then runs
 * {@code repeats} timed fits of the engine, each followed by a timed fit of the {@link HandLoop} on
 * the same data, so that both see the same state of the machine.
 *
 * <p>An engine fit is the path the app and the command line take: {@code new
 * Trainer(epochs).prepare(model, data, TrainingListener.NONE)}, then {@code run.runToEnd()}. Its µs
 * per step is {@code run.trainNanos() / 1e3 / run.steps()}: the time the run spent in training
 * minibatches (gather, forward, loss, backward, update), validation excluded.
 */
public final class BenchRunner {
  private final Warmup warmup;
  private final int repeats;

  public BenchRunner(Warmup warmup, int repeats) {
    if (repeats < 1) {
      throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
    }
    this.warmup = warmup;
    this.repeats = repeats;
  }

  /** Builds {@code config}'s data and times it. */
  public BenchResult run(BenchConfig config) {
    return run(config, config.data());
  }

  /** Times {@code config} on {@code data}, built from it. */
  public BenchResult run(BenchConfig config, RegressionData data) {
    RunSpec spec = config.runSpec();
    LinearRegressionScratch first = spec.newModel(config.numFeatures());
    double[] w0 = first.w().toArray();
    double b0 = first.b().item();
    HandLoop hand = new HandLoop(data, config.epochs(), spec.lr());

    WarmupDone warm = warmUp(config, data, hand, w0, b0);

    double[] us = new double[repeats];
    double[] baseline = new double[repeats];
    double[] fitMs = new double[repeats];
    for (int r = 0; r < repeats; r++) {
      Fit fit = fit(config, data);
      us[r] = fit.usPerStep();
      fitMs[r] = fit.fitNanos() / 1e6;
      baseline[r] = handFit(hand, w0, b0) / 1e3 / hand.steps();
    }
    return new BenchResult(
        config,
        repeats,
        Spread.of(us),
        Spread.of(baseline),
        Spread.of(fitMs),
        warm.fits(),
        warm.steps(),
        warm.settled());
  }

  private record WarmupDone(int fits, long steps, boolean settled) {}

  private WarmupDone warmUp(
      BenchConfig config, RegressionData data, HandLoop hand, double[] w0, double b0) {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    boolean watched = jit != null && jit.isCompilationTimeMonitoringSupported();
    long begin = System.nanoTime();
    long quietNanos = 0;
    long steps = 0;
    int fits = 0;
    while (true) {
      boolean quiet = !watched || quietNanos >= warmup.quietMillis() * 1_000_000L;
      if (steps >= warmup.minSteps() && quiet) {
        return new WarmupDone(fits, steps, watched);
      }
      if (System.nanoTime() - begin >= warmup.maxMillis() * 1_000_000L) {
        return new WarmupDone(fits, steps, false);
      }
      long compiled = watched ? jit.getTotalCompilationTime() : 0;
      long start = System.nanoTime();
      steps += fit(config, data).run().steps();
      handFit(hand, w0, b0);
      fits++;
      boolean idle = watched && jit.getTotalCompilationTime() == compiled;
      quietNanos = idle ? quietNanos + (System.nanoTime() - start) : 0;
    }
  }

  private static long handFit(HandLoop hand, double[] w0, double b0) {
    long nanos = hand.train(w0, b0);
    if (hand.diverged()) {
      throw new IllegalStateException("the hand loop diverged");
    }
    return nanos;
  }

  /**
   * One engine fit of {@code config} on {@code data} from freshly initialised weights, timed from
   * {@code prepare} to the end of {@code runToEnd()}.
   */
  public static Fit fit(BenchConfig config, RegressionData data) {
    LinearRegressionScratch model = config.runSpec().newModel(config.numFeatures());
    long start = System.nanoTime();
    TrainingRun run = new Trainer(config.epochs()).prepare(model, data, TrainingListener.NONE);
    run.runToEnd();
    long nanos = System.nanoTime() - start;
    if (run.status() != TrainingRun.Status.FINISHED) {
      throw new IllegalStateException(config.name() + " did not finish: " + run.status());
    }
    return new Fit(run, nanos);
  }

  /** A finished engine fit and the wall time it took, validation included. */
  public record Fit(TrainingRun run, long fitNanos) {
    /** µs per training step: training minibatches only. */
    public double usPerStep() {
      return run.trainNanos() / 1e3 / run.steps();
    }
  }
}
