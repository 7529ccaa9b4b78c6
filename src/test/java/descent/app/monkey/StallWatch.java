package descent.app.monkey;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Measures how long the FX thread keeps a queued task waiting: every 20 ms it posts a ping with
 * {@link Platform#runLater} and notes how late it runs, one ping outstanding at a time. A late ping
 * means one action, one event handler or one frame held the FX thread that long.
 *
 * <p>What counts as the FX thread's hold is the work done while the ping waited: the CPU time of
 * the FX thread and of the renderer thread (which the FX thread waits for at each frame and each
 * snapshot), plus the time the FX thread was blocked on a lock ({@link ThreadMXBean}). Time the
 * operating system gave to other processes, on a machine busy with other builds, is not the app's:
 * it is reported (the wall-clock wait) but is a stall only past {@link #HANG_MILLIS}, which also
 * catches an FX thread waiting for something that never comes.
 */
final class StallWatch implements AutoCloseable {
  /** A wall-clock wait this long is a stall whatever the thread did. */
  static final long HANG_MILLIS = 10_000;

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "monkey-stall-watch");
            t.setDaemon(true);
            return t;
          });
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Supplier<String> doing;
  private final long limitNanos;
  private long fxThread = -1;
  private long renderer = -1;
  private volatile boolean pending;
  private volatile long maxWallNanos;
  private volatile long maxHeldNanos;
  private volatile String maxHeldDuring = "";
  private final List<String> stalls = new ArrayList<>();

  /**
   * @param limitMillis a hold of the FX thread longer than this is a stall
   * @param doing what is happening now, noted with each stall
   */
  StallWatch(long limitMillis, Supplier<String> doing) {
    this.limitNanos = TimeUnit.MILLISECONDS.toNanos(limitMillis);
    this.doing = doing;
  }

  /** Starts pinging; {@code fxThreadId} is the FX thread's id. */
  StallWatch start(long fxThreadId) {
    fxThread = fxThreadId;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("QuantumRenderer")) {
        renderer = t.getId();
      }
    }
    if (threads.isThreadContentionMonitoringSupported()) {
      threads.setThreadContentionMonitoringEnabled(true);
    }
    timer.scheduleWithFixedDelay(this::ping, 0, 20, TimeUnit.MILLISECONDS);
    return this;
  }

  /** CPU time of the FX and renderer threads and blocked time of the FX thread, in ns. */
  private long held() {
    long cpu = Math.max(0, threads.getThreadCpuTime(fxThread));
    if (renderer >= 0) {
      cpu += Math.max(0, threads.getThreadCpuTime(renderer));
    }
    ThreadInfo info = threads.getThreadInfo(fxThread);
    long blocked = 0;
    if (info != null && threads.isThreadContentionMonitoringEnabled()) {
      blocked = Math.max(0, info.getBlockedTime());
    }
    return cpu + TimeUnit.MILLISECONDS.toNanos(blocked);
  }

  private void ping() {
    if (pending) {
      return;
    }
    pending = true;
    long posted = System.nanoTime();
    long heldBefore = held();
    Platform.runLater(
        () -> {
          long wall = System.nanoTime() - posted;
          long held = held() - heldBefore;
          pending = false;
          maxWallNanos = Math.max(maxWallNanos, wall);
          if (held > maxHeldNanos) {
            maxHeldNanos = held;
            maxHeldDuring = doing.get();
          }
          if (held > limitNanos || wall > TimeUnit.MILLISECONDS.toNanos(HANG_MILLIS)) {
            synchronized (stalls) {
              stalls.add(
                  String.format(
                      Locale.ROOT,
                      "held %d ms (%d ms by the clock) during %s",
                      held / 1_000_000,
                      wall / 1_000_000,
                      doing.get()));
            }
          }
        });
  }

  /** The longest the FX thread held a ping back by its own work, in milliseconds. */
  double maxHeldMillis() {
    return maxHeldNanos / 1e6;
  }

  /** The action running when the longest hold ended. */
  String maxHeldDuring() {
    return maxHeldDuring;
  }

  /** The longest wall-clock wait of a ping, the machine's load included, in milliseconds. */
  double maxWallMillis() {
    return maxWallNanos / 1e6;
  }

  /** Every hold over the limit, with the action running when it ended. */
  List<String> stalls() {
    synchronized (stalls) {
      return List.copyOf(stalls);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
