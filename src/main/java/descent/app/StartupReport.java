package descent.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * How long the app took to show its first frame, for measuring start-up (docs/performance.md): with
 * the environment variable {@value #ENV} or the system property {@value #PROPERTY} set, one line on
 * standard error gives the wall time and the process's CPU time (every thread, user and system)
 * since the process started, once the window's first frame with its content has been drawn. On
 * Linux it adds the CPU time of the thread that read the clock (the FX thread), and the same
 * readings at the steps {@link #mark} noted on the way.
 *
 * <p>"Drawn" is read two pulses after the first one that laid the shown window out: a pulse hands
 * its frame to the render thread, and the next pulse waits for that frame before it hands over its
 * own, so by the second pulse after it the first frame is on screen.
 */
public final class StartupReport {
  /** The environment variable that turns the line on (any value but empty). */
  public static final String ENV = "DESCENT_STARTUP_REPORT";

  /** The system property that turns the line on (any value but empty). */
  public static final String PROPERTY = "descent.startupReport";

  /** Readings taken on the way to the first frame, printed with it. */
  private static final List<String> MARKS = Collections.synchronizedList(new ArrayList<>());

  private StartupReport() {}

  /** Notes the time at a step on the way to the first frame, if the line was asked for. */
  public static void mark(String step) {
    if (wanted()) {
      MARKS.add(step + " at " + sinceStart());
    }
  }

  /** Whether the line was asked for, by the environment variable or the system property. */
  static boolean wanted() {
    return isSet(System.getenv(ENV)) || isSet(System.getProperty(PROPERTY));
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }

  /**
   * Prints the line on {@code System.err} after {@code scene}'s first frame, if it was asked for.
   */
  public static void afterFirstFrame(Scene scene) {
    if (wanted()) {
      afterFirstFrame(scene, System.err, StartupReport::sinceStart);
    }
  }

  /**
   * Prints {@code clock}'s reading on {@code out} once {@code scene} has drawn its first frame in a
   * shown window. The clock is read on the FX thread at that moment.
   */
  static void afterFirstFrame(Scene scene, PrintStream out, Supplier<String> clock) {
    whenDrawn(
        scene,
        () -> {
          out.println("first frame: " + clock.get() + marks());
          out.flush();
        });
  }

  /**
   * Runs {@code action} on the FX thread once {@code scene} has drawn its first frame in a shown
   * window (see the class comment for how "drawn" is read), whether or not the line was asked for.
   */
  public static void whenDrawn(Scene scene, Runnable action) {
    Runnable[] listener = new Runnable[1];
    int[] pulsesShown = {0};
    listener[0] =
        () -> {
          if (scene.getWindow() == null || !scene.getWindow().isShowing()) {
            return;
          }
          if (++pulsesShown[0] < 3) {
            Platform.requestNextPulse();
            return;
          }
          scene.removePostLayoutPulseListener(listener[0]);
          action.run();
        };
    scene.addPostLayoutPulseListener(listener[0]);
  }

  private static String marks() {
    synchronized (MARKS) {
      return MARKS.isEmpty() ? "" : " (" + String.join("; ", MARKS) + ")";
    }
  }

  /**
   * This thread's CPU time (user and system), where Linux gives it: fields 14 and 15 of {@code
   * /proc/thread-self/stat}, in clock ticks of 10 ms. Empty elsewhere.
   */
  private static String threadCpu() {
    try {
      String stat = Files.readString(Path.of("/proc/thread-self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
      return " (this thread " + ticks * 10 + " ms)";
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** Wall and CPU time since the process started, e.g. {@code wall 812 ms, cpu 1204 ms}. */
  static String sinceStart() {
    ProcessHandle.Info info = ProcessHandle.current().info();
    String wall =
        info.startInstant()
            .map(start -> Duration.between(start, Instant.now()).toMillis() + " ms")
            .orElse("unknown");
    String cpu = info.totalCpuDuration().map(d -> d.toMillis() + " ms").orElse("unknown");
    return "wall " + wall + ", cpu " + cpu + threadCpu();
  }
}
