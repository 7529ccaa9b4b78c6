package descent.jmh;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The memory bandwidth behind the wide config, on its array: 100,000 rows × 200 doubles (160 MB,
 * far beyond the caches). One operation is one byte read, and the score is in operations per
 * nanosecond, so it reads directly as GB/s (10⁹ bytes per second).
 *
 * <ul>
 *   <li>{@code sequentialRead}: sums the whole array front to back, with eight accumulators so that
 *       the adds keep up with memory: the streaming limit;
 *   <li>{@code gatherRows}: copies 256 rows (a wide minibatch, 409,600 bytes) picked in a shuffled
 *       order, as the training loader's gather does: the limit for a wide step's gather.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BandwidthBench {
  static final int ROWS = 100_000;
  static final int D = 200;
  static final int BATCH = 256;
  static final int ARRAY_BYTES = ROWS * D * Double.BYTES; // 160,000,000
  static final int BATCH_BYTES = BATCH * D * Double.BYTES; // 409,600

  private double[] values;
  private int[] order;
  private int next;
  private double[] batch;

  @Setup
  public void setUp() {
    Random random = new Random(1);
    values = new double[ROWS * D];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextGaussian();
    }
    order = new int[ROWS];
    for (int i = 0; i < ROWS; i++) {
      order[i] = i;
    }
    for (int i = ROWS - 1; i > 0; i--) { // Fisher–Yates, as an epoch's shuffle
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    batch = new double[BATCH * D];
  }

  @Benchmark
  @OperationsPerInvocation(ARRAY_BYTES)
  public double sequentialRead() {
    double[] v = values;
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double s4 = 0;
    double s5 = 0;
    double s6 = 0;
    double s7 = 0;
    for (int i = 0; i < v.length; i += 8) {
      s0 += v[i];
      s1 += v[i + 1];
      s2 += v[i + 2];
      s3 += v[i + 3];
      s4 += v[i + 4];
      s5 += v[i + 5];
      s6 += v[i + 6];
      s7 += v[i + 7];
    }
    return s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH_BYTES)
  public double[] gatherRows() {
    int k = next;
    for (int r = 0; r < BATCH; r++) {
      System.arraycopy(values, order[k] * D, batch, r * D, D);
      if (++k == ROWS) {
        k = 0;
      }
    }
    next = k;
    return batch;
  }
}
