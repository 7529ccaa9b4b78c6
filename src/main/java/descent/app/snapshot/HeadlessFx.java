package descent.app.snapshot;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;

/**
 * JavaFX without a display: Monocle's headless platform and the software renderer, started on
 * demand. Whoever starts the toolkit here also ends it ({@link #close()}); a toolkit that was
 * already running (an app, or a test) is used and left running.
 */
final class HeadlessFx implements AutoCloseable {
  /** How long one piece of work on the FX thread may take before the command gives up. */
  static final long TIMEOUT_SECONDS = 120;

  /**
   * JavaFX warns on every start from a plain classpath ("Unsupported JavaFX configuration"); it is
   * how the fat jar runs and means nothing to a user. Held in a field so the level sticks.
   */
  private static final Logger PLATFORM_LOG = Logger.getLogger("javafx");

  private final boolean startedHere;

  /** The first error JavaFX met outside our calls, e.g. a view failing during a pulse's layout. */
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  private Thread.UncaughtExceptionHandler previousHandler;

  private HeadlessFx(boolean startedHere) {
    this.startedHere = startedHere;
  }

  /**
   * The properties that make JavaFX run with no display: Monocle's headless glass, the software
   * pipeline, headless AWT (for the PNG encoder). They must be set before the toolkit starts. The
   * headless screen is at least the size the tests use, and large enough to hold a {@code
   * width}×{@code height} window: Monocle copies each window into its screen, and fails on one
   * larger than the screen.
   */
  static void configure(int width, int height) {
    System.setProperty("glass.platform", "Monocle");
    System.setProperty("monocle.platform", "Headless");
    System.setProperty("prism.order", "sw");
    System.setProperty("java.awt.headless", "true");
    System.setProperty(
        "headless.geometry",
        Math.max(SCREEN_WIDTH, width) + "x" + Math.max(SCREEN_HEIGHT, height) + "-32");
  }

  /** The headless screen's size at least, as in the tests (pom.xml). */
  static final int SCREEN_WIDTH = 1920;

  static final int SCREEN_HEIGHT = 1200;

  /**
   * Starts JavaFX headless with a screen that holds a {@code width}×{@code height} window, or joins
   * the toolkit already running, whose screen must hold it too.
   */
  static HeadlessFx start(int width, int height) {
    boolean running = isRunning();
    if (!running) {
      configure(width, height);
    }
    PLATFORM_LOG.setLevel(Level.SEVERE);
    CountDownLatch up = new CountDownLatch(1);
    boolean started;
    try {
      Platform.startup(up::countDown);
      started = true;
    } catch (IllegalStateException alreadyRunning) {
      started = false;
      up.countDown();
    }
    HeadlessFx fx = new HeadlessFx(started);
    await(up);
    if (started) {
      Platform.setImplicitExit(false); // hiding our window must not end the toolkit under us
    }
    Rectangle2D screen = fx.call(() -> Screen.getPrimary().getBounds());
    if (screen.getWidth() < width || screen.getHeight() < height) {
      fx.close();
      throw new IllegalStateException(
          "the running JavaFX's screen, "
              + (int) screen.getWidth()
              + "×"
              + (int) screen.getHeight()
              + ", cannot hold a "
              + width
              + "×"
              + height
              + " picture");
    }
    // an error in a pulse would print a stack trace; keep it, and fail the picture in one line
    fx.run(
        () -> {
          Thread thread = Thread.currentThread();
          fx.previousHandler = thread.getUncaughtExceptionHandler();
          thread.setUncaughtExceptionHandler((t, e) -> fx.failure.compareAndSet(null, e));
        });
    return fx;
  }

  /** Whether the JavaFX toolkit runs already in this JVM (started by a test, say). */
  private static boolean isRunning() {
    try {
      Platform.runLater(() -> {});
      return true;
    } catch (IllegalStateException notStarted) {
      return false;
    }
  }

  /**
   * Runs {@code work} on the FX thread and returns its result; its failure, or one JavaFX met since
   * the last call (say in a pulse), is rethrown here.
   */
  <T> T call(Callable<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            result.complete(work.call());
          } catch (Throwable e) {
            result.completeExceptionally(e);
          }
        });
    T value = get(result);
    checkFailure();
    return value;
  }

  /** Rethrows what JavaFX failed with outside our calls, if anything. */
  void checkFailure() {
    Throwable e = failure.get();
    if (e instanceof Error err) {
      throw err;
    }
    if (e != null) {
      throw new IllegalStateException("drawing failed: " + e, e);
    }
  }

  /** Runs {@code work} on the FX thread and waits for it. */
  void run(Runnable work) {
    call(
        () -> {
          work.run();
          return null;
        });
  }

  /** Waits for {@code future}, rethrowing what it failed with as it was. */
  static <T> T get(CompletableFuture<T> future) {
    try {
      return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "JavaFX did not answer within " + TIMEOUT_SECONDS + " seconds");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for JavaFX");
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalStateException(
            "JavaFX did not start within " + TIMEOUT_SECONDS + " seconds");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting JavaFX");
    }
  }

  /** Ends the toolkit if it was started here, so the JVM can end; otherwise leaves it running. */
  @Override
  public void close() {
    Thread.UncaughtExceptionHandler previous = previousHandler;
    if (previous != null) {
      Platform.runLater(() -> Thread.currentThread().setUncaughtExceptionHandler(previous));
    }
    if (startedHere) {
      Platform.exit();
    }
  }
}
