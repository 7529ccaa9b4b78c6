package descent.app.teach;

import descent.train.TrainingEvent;
import descent.train.TrainingEvent.BatchDone;
import java.util.Arrays;
import java.util.List;

/**
 * The parameters after each step of a run, as the landscape draws its path: every step while there
 * are few, then every second one, every fourth and so on, so a run of millions of steps keeps at
 * most {@link #CAPACITY} points, spread evenly from the first step to the last. The newest step is
 * always kept. Lives on the FX thread.
 */
public final class ParameterPath {
  /** The most points kept; each holds d + 2 numbers. */
  public static final int CAPACITY = 4_096;

  private final int d;
  private long[] steps = new long[64];
  private double[][] w = new double[64][];
  private double[] b = new double[64];
  private int size;
  private long stride = 1; // keep steps that are multiples of this
  private boolean hasLatest; // the last point is off the stride, kept only as the newest
  private long revision;

  public ParameterPath(int numFeatures) {
    this.d = numFeatures;
  }

  /** Starts over with the parameters before the first step (step 0). */
  public void reset(double[] w0, double b0) {
    size = 0;
    stride = 1;
    hasLatest = false;
    append(0, w0, b0);
    revision++;
  }

  /** Adds the parameters after step {@code step} (steps arrive in increasing order). */
  public void add(long step, double[] wAfter, double bAfter) {
    if (wAfter.length != d) {
      throw new IllegalArgumentException("expected " + d + " weights, got " + wAfter.length);
    }
    if (hasLatest) {
      size--; // the previous newest point was kept only for being the newest
      hasLatest = false;
    }
    if (step % stride != 0) {
      hasLatest = true;
    }
    append(step, wAfter, bAfter);
    if (size > CAPACITY) {
      thin();
    }
    revision++;
  }

  private void append(long step, double[] wAfter, double bAfter) {
    if (size == steps.length) {
      int n = size * 2;
      steps = Arrays.copyOf(steps, n);
      w = Arrays.copyOf(w, n);
      b = Arrays.copyOf(b, n);
    }
    steps[size] = step;
    w[size] = wAfter.clone();
    b[size] = bAfter;
    size++;
  }

  /**
   * Adds the parameters after each of {@code events}' minibatches, as {@link #add} would one by
   * one, but copies only the points it keeps: the steps on the stride and the newest. A frame of a
   * run at full speed brings tens of thousands of minibatches, and almost none of them stay in a
   * long run's path. Minibatches with another number of weights (another run's) are left out.
   *
   * @return whether the path changed
   */
  public boolean addAll(List<? extends TrainingEvent> events) {
    int last = events.size() - 1;
    while (last >= 0 && !(events.get(last) instanceof BatchDone)) {
      last--;
    }
    boolean changed = false;
    for (int k = 0; k <= last; k++) {
      // a step off the stride now is off every later (doubled) stride too: unless it is the
      // newest, add() would keep it only until the next one
      if (events.get(k) instanceof BatchDone done && (k == last || done.step() % stride == 0)) {
        double[] wAfter = done.w();
        if (wAfter.length == d) {
          add(done.step(), wAfter, done.b());
          changed = true;
        }
      }
    }
    return changed;
  }

  /** Doubles the stride and keeps the points on it, and the newest. */
  private void thin() {
    stride *= 2;
    int kept = 0;
    for (int k = 0; k < size; k++) {
      boolean newest = k == size - 1;
      if (steps[k] % stride == 0 || newest) {
        steps[kept] = steps[k];
        w[kept] = w[k];
        b[kept] = b[k];
        kept++;
      }
    }
    size = kept;
    hasLatest = steps[size - 1] % stride != 0;
  }

  public int size() {
    return size;
  }

  public int numFeatures() {
    return d;
  }

  /** The step of point {@code k}, from 0 (before the first step). */
  public long step(int k) {
    return steps[k];
  }

  /** Weight {@code j} at point {@code k}. */
  public double w(int k, int j) {
    return w[k][j];
  }

  /** The bias at point {@code k}. */
  public double b(int k) {
    return b[k];
  }

  /** Parameter {@code axis} at point {@code k}: w_axis for axis &lt; d, b for axis d. */
  public double parameter(int k, int axis) {
    return axis == d ? b[k] : w[k][axis];
  }

  /** How many steps apart the kept points are, at most. */
  public long stride() {
    return stride;
  }

  /** Changes with every change of the path, for views that redraw only when it moved. */
  public long revision() {
    return revision;
  }
}
