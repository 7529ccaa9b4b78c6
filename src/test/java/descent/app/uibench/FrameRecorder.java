package descent.app.uibench;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.LongSupplier;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;

/**
 * Records the interval between consecutive frames (pulses) on the FX thread with an {@link
 * AnimationTimer}, each with the training steps the window had shown by then and the segment (which
 * teaching view showed) it belongs to. Before each frame is recorded, {@code onFrame} may switch
 * the view; the frame then counts for the new segment, since it is the one that draws it first.
 *
 * <p>It also splits each frame into where the FX thread spent it, in wall time and in the thread's
 * own CPU time (which a busy machine does not inflate), with the scene's pre- and post-layout pulse
 * listeners: from this recorder's timer (started before the session's, so it runs first) to the
 * pre-layout listener is the animation phase, the session's event pump included; from there to the
 * post-layout listener is CSS and layout (the teaching views redraw in their layout); from there to
 * the next frame's timer is handing the frame to the renderer, waiting for it, and whatever else
 * the FX thread runs between frames.
 */
final class FrameRecorder {
  /** Called on the FX thread once per frame, before the frame is recorded: returns the segment. */
  interface OnFrame {
    int segment(long steps);
  }

  /** The phases of a frame, in order. */
  static final int EVENTS = 0;

  static final int CSS_LAYOUT = 1;
  static final int REST = 2;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
  private static final java.util.List<GarbageCollectorMXBean> GCS =
      ManagementFactory.getGarbageCollectorMXBeans();

  private final Scene scene;
  private final LongSupplier steps;
  private final OnFrame onFrame;
  private int size;
  private long[] times = new long[4096]; // the pulse's time, as the timer is given it
  private long[] stepsAt = new long[4096];
  private int[] segments = new int[4096];
  // per frame, at this recorder's timer: milliseconds the collectors and the JIT had spent so far
  private long[] gcAt = new long[4096];
  private long[] jitAt = new long[4096];
  // per frame, at this recorder's timer, the pre-layout and the post-layout listener
  private long[][] wall = new long[3][4096];
  private long[][] cpu = new long[3][4096];
  private final Runnable preLayout = () -> mark(1);
  private final Runnable postLayout = () -> mark(2);
  private final AnimationTimer timer =
      new AnimationTimer() {
        @Override
        public void handle(long now) {
          record(now);
        }
      };

  /**
   * @param steps the steps the window shows now (the session's counter), read on the FX thread
   */
  FrameRecorder(Scene scene, LongSupplier steps, OnFrame onFrame) {
    this.scene = scene;
    this.steps = steps;
    this.onFrame = onFrame;
  }

  /** Starts recording; call it on the FX thread before the session starts its own timer. */
  void start() {
    scene.addPreLayoutPulseListener(preLayout);
    scene.addPostLayoutPulseListener(postLayout);
    timer.start();
  }

  void stop() {
    timer.stop();
    scene.removePreLayoutPulseListener(preLayout);
    scene.removePostLayoutPulseListener(postLayout);
  }

  private void mark(int at) {
    if (size > 0) {
      wall[at][size - 1] = System.nanoTime();
      cpu[at][size - 1] = THREADS.getCurrentThreadCpuTime();
    }
  }

  private void record(long now) {
    long started = System.nanoTime();
    long startedCpu = THREADS.getCurrentThreadCpuTime();
    long s = steps.getAsLong();
    int segment = onFrame.segment(s);
    if (size == times.length) {
      int n = size * 2;
      times = Arrays.copyOf(times, n);
      stepsAt = Arrays.copyOf(stepsAt, n);
      segments = Arrays.copyOf(segments, n);
      gcAt = Arrays.copyOf(gcAt, n);
      jitAt = Arrays.copyOf(jitAt, n);
      for (int i = 0; i < 3; i++) {
        wall[i] = Arrays.copyOf(wall[i], n);
        cpu[i] = Arrays.copyOf(cpu[i], n);
      }
    }
    times[size] = now;
    stepsAt[size] = s;
    segments[size] = segment;
    long gc = 0;
    for (GarbageCollectorMXBean bean : GCS) {
      gc += Math.max(0, bean.getCollectionTime());
    }
    gcAt[size] = gc;
    jitAt[size] = JIT.getTotalCompilationTime();
    wall[0][size] = started;
    cpu[0][size] = startedCpu;
    size++;
  }

  /**
   * The {@code count} longest intervals, longest first, each as {interval ns, segment, the frame's
   * index within its segment (0 for the segment's first frame), steps shown at its end, then the
   * wall time of the frame that began the interval in each phase: events, CSS and layout, the rest
   * (ns; -1 where its pulse listeners did not run), the steps that frame's pump took, then the
   * milliseconds the collectors and the JIT compilers spent during the interval, and the FX
   * thread's CPU time in it (ns)}.
   */
  long[][] longest(int count) {
    Integer[] order = new Integer[Math.max(0, size - 1)];
    for (int k = 1; k < size; k++) {
      order[k - 1] = k;
    }
    Arrays.sort(order, (a, b) -> Long.compare(times[b] - times[b - 1], times[a] - times[a - 1]));
    long[][] out = new long[Math.min(count, order.length)][];
    for (int i = 0; i < out.length; i++) {
      int k = order[i];
      int first = k;
      while (first > 0 && segments[first - 1] == segments[k]) {
        first--;
      }
      int f = k - 1;
      boolean listened = wall[1][f] >= wall[0][f] && wall[2][f] >= wall[1][f];
      out[i] =
          new long[] {
            times[k] - times[k - 1],
            segments[k],
            k - first,
            stepsAt[k],
            listened ? wall[1][f] - wall[0][f] : -1,
            listened ? wall[2][f] - wall[1][f] : -1,
            listened ? wall[0][k] - wall[2][f] : -1,
            stepsAt[k] - stepsAt[f],
            gcAt[k] - gcAt[f],
            jitAt[k] - jitAt[f],
            cpu[0][k] - cpu[0][f]
          };
    }
    return out;
  }

  /**
   * The intervals between the views' updates, in nanoseconds: between frames whose step counter
   * moved since the frame before (the counter moves when an update applies the run's events).
   */
  long[] updateIntervals() {
    long[] out = new long[Math.max(0, size)];
    int n = 0;
    long last = -1;
    for (int k = 1; k < size; k++) {
      if (stepsAt[k] != stepsAt[k - 1]) {
        if (last >= 0) {
          out[n++] = times[k] - last;
        }
        last = times[k];
      }
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * Every interval except, in each segment after the first, the {@code skip} that end in its frames
   * 1 to {@code skip} (numbered as in {@link #longest}: the frame that switched the view, as a
   * click on a tab would, and those after it), in nanoseconds.
   */
  long[] intervalsWithoutSwitches(int skip) {
    long[] out = new long[Math.max(0, size - 1)];
    int n = 0;
    int first = 0;
    for (int k = 1; k < size; k++) {
      if (segments[k] != segments[k - 1]) {
        first = k;
      }
      boolean answersSwitch = segments[k] != segments[0] && k - first >= 1 && k - first <= skip;
      if (!answersSwitch) {
        out[n++] = times[k] - times[k - 1];
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** How many frames were recorded. */
  int frames() {
    return size;
  }

  /** Every interval between two recorded frames, in nanoseconds. */
  long[] intervals() {
    return intervals(-1);
  }

  /**
   * The intervals that end in a frame of {@code segment} (every interval for -1), in nanoseconds.
   */
  long[] intervals(int segment) {
    long[] out = new long[Math.max(0, size - 1)];
    int n = 0;
    for (int k = 1; k < size; k++) {
      if (segment < 0 || segments[k] == segment) {
        out[n++] = times[k] - times[k - 1];
      }
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * Steps per second the window saw during {@code segment}: the steps between its first and last
   * frame over the time between them; NaN with fewer than two frames.
   */
  double stepsPerSecond(int segment) {
    int first = -1;
    int last = -1;
    for (int k = 0; k < size; k++) {
      if (segments[k] == segment) {
        first = first < 0 ? k : first;
        last = k;
      }
    }
    if (first < 0 || last == first) {
      return Double.NaN;
    }
    return (stepsAt[last] - stepsAt[first]) / ((times[last] - times[first]) / 1e9);
  }

  /**
   * Where the FX thread spent the frames of {@code segment} (every frame for -1), as means per
   * frame. Frames whose pulse listeners did not run are left out.
   */
  Phases phases(int segment) {
    double[] wallSum = new double[3];
    double[] cpuSum = new double[3];
    long stepsSum = 0;
    int n = 0;
    // least squares of the pump's CPU time on the steps it took: a fixed cost per frame plus a
    // cost per step
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (int k = 0; k + 1 < size; k++) {
      if ((segment >= 0 && segments[k] != segment)
          || wall[1][k] < wall[0][k]
          || wall[2][k] < wall[1][k]) {
        continue;
      }
      for (int i = 0; i < 3; i++) {
        int next = i + 1 < 3 ? i + 1 : 0;
        int frame = i + 1 < 3 ? k : k + 1;
        wallSum[i] += wall[next][frame] - wall[i][k];
        cpuSum[i] += cpu[next][frame] - cpu[i][k];
      }
      // the events this frame's pump took: what the next frame's counter shows beyond this one's
      long took = stepsAt[k + 1] - stepsAt[k];
      stepsSum += took;
      double eventsCpu = cpu[1][k] - cpu[0][k];
      sx += took;
      sy += eventsCpu;
      sxx += (double) took * took;
      sxy += took * eventsCpu;
      n++;
    }
    double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    double intercept = (sy - slope * sx) / n;
    for (int i = 0; i < 3; i++) {
      wallSum[i] = n == 0 ? Double.NaN : wallSum[i] / n / 1e6;
      cpuSum[i] = n == 0 ? Double.NaN : cpuSum[i] / n / 1e6;
    }
    return new Phases(
        wallSum,
        cpuSum,
        n == 0 ? Double.NaN : (double) stepsSum / n,
        n < 3 ? Double.NaN : intercept / 1e6,
        n < 3 ? Double.NaN : slope / 1e3);
  }

  /**
   * Mean milliseconds per frame in each phase ({@link #EVENTS}, {@link #CSS_LAYOUT}, {@link
   * #REST}), in wall time and in the FX thread's CPU time, the mean steps a frame brought, and the
   * pump's CPU time fitted as a fixed cost per frame (ms) plus a cost per step (µs).
   */
  record Phases(
      double[] wallMs,
      double[] cpuMs,
      double stepsPerFrame,
      double eventsFixedCpuMs,
      double eventsCpuMicrosPerStepFitted) {
    /** The FX thread's CPU time in the event pump per step, in microseconds. */
    double eventsCpuMicrosPerStep() {
      return cpuMs[EVENTS] * 1000 / stepsPerFrame;
    }
  }
}
