package descent.app.session;

import java.util.concurrent.locks.LockSupport;

/**
 * Lets the training thread give way to a frame that runs late (ADR 0043). Playing as fast as
 * possible, training holds one of a 2-core machine's cores all the time; the FX thread, the
 * renderer, the JIT compilers and the garbage collector share the other. When a frame needs more
 * than its share (the first drawing of a view, a burst of compilation), it took three to ten
 * frames' time. Now, once {@link #LATE_NANOS} have passed since the last frame began, training
 * waits until the next frame begins, at most {@link #MAX_WAIT_NANOS}, and at most once per frame:
 * if frames stop coming (the window is gone), training waits once and then goes on as before.
 * Frames on time, most of them, cost training nothing.
 *
 * <p>{@link #frameBegins} is called on the FX thread at each frame; {@link #giveWay} on the
 * training thread between minibatches, with the clock reading the training loop takes anyway. Both
 * are a few volatile reads and writes.
 */
final class LateFrames {
  /**
   * A frame this long since it began is late: it has missed its second refresh at 60 Hz, and given
   * a core now it can still end before 50 ms. Frames that end within two refreshes, nine in ten
   * here, never make training wait.
   */
  static final long LATE_NANOS = 30_000_000L;

  /** The longest training waits for one late frame: one frame's time at 60 Hz. */
  static final long MAX_WAIT_NANOS = 16_000_000L;

  /** How long training sleeps between two looks at whether the next frame began. */
  private static final long LOOK_NANOS = 500_000L;

  private final long lateNanos;
  private final long maxWaitNanos;
  private volatile long began; // System.nanoTime() when the last frame began; 0 before the first
  private volatile long frames; // frames begun so far
  private long waitedFor = -1; // the frame training last waited for; training thread only
  private volatile long waitedNanos; // written by the training thread only

  LateFrames() {
    this(LATE_NANOS, MAX_WAIT_NANOS);
  }

  /** With other times than the app's, for tests. */
  LateFrames(long lateNanos, long maxWaitNanos) {
    this.lateNanos = lateNanos;
    this.maxWaitNanos = maxWaitNanos;
  }

  /** A frame begins now; call on the FX thread at the start of each frame. */
  void frameBegins(long now) {
    began = now;
    frames++; // only the FX thread writes it
  }

  /**
   * Waits while the current frame is late: until the next begins, at most {@link #MAX_WAIT_NANOS},
   * once per frame; returns at once if no frame began yet or the current one is not late. Call on
   * the training thread between minibatches.
   *
   * @param now {@link System#nanoTime()}, as the caller read it after the minibatch
   */
  void giveWay(long now) {
    long b = began;
    if (b == 0) {
      return;
    }
    long frame = frames;
    if (frame == waitedFor || now - b < lateNanos) {
      return;
    }
    waitedFor = frame;
    long end = now + maxWaitNanos;
    for (long t = now; frames == frame && t < end; t = System.nanoTime()) {
      LockSupport.parkNanos(Math.min(LOOK_NANOS, end - t));
    }
    waitedNanos += System.nanoTime() - now;
  }

  /** How long training has given way so far, in nanoseconds; read on any thread. */
  long waitedNanos() {
    return waitedNanos;
  }
}
