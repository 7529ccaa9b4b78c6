package descent.jmh;

import descent.engine.Shape;
import descent.engine.Tensor;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's ops in the shapes a training step gives them, with gradients recorded as in training
 * (w and b require grad). {@code shape} is m×d, the minibatch size and the features: the chapter's
 * 32x2, the wide config's 256x200 and the single config's 1x2.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OpsBench {
  @Param({"32x2", "256x200", "1x2"})
  public String shape;

  private Tensor x; // (m, d), data
  private Tensor w; // (d, 1), a parameter
  private Tensor column; // (m, 1), e.g. X @ w
  private Tensor b; // (1,), a parameter
  private Tensor seed; // (m, 1) ones: backward from a non-scalar without a reduction op

  @Setup
  public void setUp() {
    String[] parts = shape.split("x");
    int m = Integer.parseInt(parts[0]);
    int d = Integer.parseInt(parts[1]);
    Random random = new Random(1);
    x = Tensor.normal(0, 1, Shape.of(m, d), random);
    w = Tensor.normal(0, 0.01, Shape.of(d, 1), random).requiresGrad(true);
    column = Tensor.normal(0, 1, Shape.of(m, 1), random).requiresGrad(true);
    b = Tensor.zeros(1).requiresGrad(true);
    seed = Tensor.ones(m, 1);
  }

  /** ŷ's first half: (m, d) @ (d, 1), recorded for backward. */
  @Benchmark
  public Tensor matmulForward() {
    return x.matmul(w);
  }

  /** The same matmul, then its backward: dW = Xᵀ·g (zeroing w's gradient first). */
  @Benchmark
  public Tensor matmulForwardBackward() {
    w.zeroGrad();
    x.matmul(w).backward(seed);
    return w.grad();
  }

  /** ŷ's second half: (m, 1) + (1,), broadcasting b over the rows. */
  @Benchmark
  public Tensor broadcastAddForward() {
    return column.add(b);
  }

  /** The same add, then its backward: b's gradient sums the rows' gradients. */
  @Benchmark
  public Tensor broadcastAddForwardBackward() {
    b.zeroGrad();
    column.zeroGrad();
    column.add(b).backward(seed);
    return b.grad();
  }

  /** Σ over the m rows of a column, recorded. */
  @Benchmark
  public Tensor sum() {
    return column.sum();
  }

  /** The loss's last op: the mean over the m rows, recorded. */
  @Benchmark
  public Tensor mean() {
    return column.mean();
  }

  /** Σ x² of a column, read directly: how the training loop takes a gradient's norm. */
  @Benchmark
  public double sumOfSquares() {
    return column.sumOfSquares();
  }

  /** Σ x² of X, the whole minibatch (m × d values). */
  @Benchmark
  public double sumOfSquaresOfX() {
    return x.sumOfSquares();
  }
}
