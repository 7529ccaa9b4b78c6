package descent.jmh;

import descent.bench.BenchConfig;
import descent.bench.HandLoop;
import descent.data.Batch;
import descent.data.Loader;
import descent.data.RegressionData;
import descent.engine.Tensor;
import descent.model.LinearRegressionScratch;
import descent.model.Optimizer;
import descent.train.Trainer;
import descent.train.TrainingListener;
import descent.train.TrainingRun;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training step of each {@code descent bench} config, three ways:
 *
 * <ul>
 *   <li>{@code trainingRun}: {@link TrainingRun#step()}, the real path. Beyond what {@code bench}
 *       times, it includes the run's bookkeeping after each update (the BatchDone event) and, once
 *       per epoch, the next epoch's shuffle and the validation of one row;
 *   <li>{@code autograd}: the step's own work only: gather the minibatch, forward, loss, zero the
 *       gradients, backward, SGD update, through the same model and loader;
 *   <li>{@code handLoop}: {@link HandLoop}'s step, the baseline.
 * </ul>
 *
 * The data are the config's training rows and one validation row; steps run through the epochs
 * without end (the rows reshuffled every epoch), so the model stays trained and never diverges.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StepBench {
  @Param({"chapter", "wide", "single"})
  public String config;

  private BenchConfig bench;
  private RegressionData data;
  private HandLoop hand;
  private TrainingRun run;
  private LinearRegressionScratch model;
  private Optimizer optimizer;
  private Loader loader;
  private int epoch;
  private int batch;

  @Setup(Level.Trial)
  public void build() {
    BenchConfig c = BenchConfig.named(config).orElseThrow();
    bench = c.withRows(c.numTrain(), 1);
    data = bench.data();
    hand = new HandLoop(data, bench.epochs(), bench.runSpec().lr());
  }

  /** A fresh run, model and hand loop each iteration, so no iteration inherits a long history. */
  @Setup(Level.Iteration)
  public void start() {
    run =
        new Trainer(Integer.MAX_VALUE)
            .prepare(bench.runSpec().newModel(bench.numFeatures()), data, TrainingListener.NONE);
    model = bench.runSpec().newModel(bench.numFeatures());
    optimizer = model.configureOptimizers();
    hand.start(model.w().toArray(), 0.0);
    epoch = 0;
    batch = 0;
    loader = data.trainLoader(0);
  }

  @Benchmark
  public long trainingRun() {
    run.step();
    return run.trainBatchIdx();
  }

  @Benchmark
  public Tensor autograd() {
    Batch b = loader.get(batch);
    Tensor loss = model.loss(model.forward(b.x()), b.y());
    optimizer.zeroGrad();
    loss.backward();
    optimizer.step();
    if (++batch == loader.size()) {
      batch = 0;
      loader = data.trainLoader(++epoch);
    }
    return loss;
  }

  @Benchmark
  public double handLoop() {
    double loss = hand.step(epoch, batch);
    if (++batch == hand.batchesPerEpoch()) {
      batch = 0;
      epoch++;
    }
    return loss;
  }
}
