package descent.app.uibench;

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
 * <p>It also splits each frame into where the FX thread spent it, with the scene's pre- and
 * post-layout pulse listeners: from this recorder's timer (started before the session's, so it runs
 * first) to the pre-layout listener is the animation phase, the session's event pump included; from
 * there to the post-layout listener is CSS and layout (the teaching views redraw in their layout);
 * from there to the next frame's timer is handing the frame to the renderer, waiting for it, and
 * idle time.
 */
final class FrameRecorder {
  /** Called on the FX thread once per frame, before the frame is recorded: returns the segment. */
  interface OnFrame {
    int segment(long steps);
  }

  private final LongSupplier steps;
  private final OnFrame onFrame;
  private long[] times = new long[4096];
  private long[] stepsAt = new long[4096];
  private int[] segments = new int[4096];
  private int size;
  private long[] timerAt = new long[4096]; // System.nanoTime() when this recorder's timer ran
  private long[] preLayoutAt = new long[4096];
  private long[] postLayoutAt = new long[4096];
  private final Scene scene;
  private final Runnable preLayout = () -> mark(preLayoutAt);
  private final Runnable postLayout = () -> mark(postLayoutAt);
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

  private void mark(long[] at) {
    if (size > 0) {
      at[size - 1] = System.nanoTime();
    }
  }

  private void record(long now) {
    long started = System.nanoTime();
    long s = steps.getAsLong();
    int segment = onFrame.segment(s);
    if (size == times.length) {
      int n = size * 2;
      times = Arrays.copyOf(times, n);
      stepsAt = Arrays.copyOf(stepsAt, n);
      segments = Arrays.copyOf(segments, n);
      timerAt = Arrays.copyOf(timerAt, n);
      preLayoutAt = Arrays.copyOf(preLayoutAt, n);
      postLayoutAt = Arrays.copyOf(postLayoutAt, n);
    }
    timerAt[size] = started;
    times[size] = now;
    stepsAt[size] = s;
    segments[size] = segment;
    size++;
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
   * Mean milliseconds per frame of {@code segment} (every frame for -1) in each phase: animation
   * (the event pump), CSS and layout, and the rest until the next frame (render and idle). Frames
   * whose pulse listeners did not run (no scene pulse) are left out.
   */
  double[] phases(int segment) {
    double[] sum = new double[3];
    int n = 0;
    for (int k = 0; k + 1 < size; k++) {
      if ((segment >= 0 && segments[k] != segment)
          || preLayoutAt[k] < timerAt[k]
          || postLayoutAt[k] < preLayoutAt[k]
          || timerAt[k + 1] < postLayoutAt[k]) {
        continue;
      }
      sum[0] += preLayoutAt[k] - timerAt[k];
      sum[1] += postLayoutAt[k] - preLayoutAt[k];
      sum[2] += timerAt[k + 1] - postLayoutAt[k];
      n++;
    }
    for (int i = 0; i < 3; i++) {
      sum[i] = n == 0 ? Double.NaN : sum[i] / n / 1e6;
    }
    return sum;
  }
}
