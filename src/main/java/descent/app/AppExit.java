package descent.app;

import descent.app.session.TrainingSession;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.stage.Stage;
import sun.misc.Signal;

/**
 * How the app ends, whichever way its window goes (ADR 0037). Every way stops training first, then
 * hides the window, which saves what a close saves (the preferences and the last run, see {@link
 * DescentApp#show(Stage, descent.app.prefs.PreferencesStore)}), then ends the toolkit:
 *
 * <ul>
 *   <li>the window manager's close (the title bar's ×, Alt+F4): the close request stops training
 *       before anything else, then the window hides as usual;
 *   <li>the window destroyed from outside ({@code xdotool windowclose}, a crashed window manager):
 *       JavaFX hides the stage without a close request, so its {@code showing} property turning
 *       false ends the app the same way;
 *   <li>SIGTERM (logout, {@code kill}), SIGINT (Ctrl+C in a terminal) and SIGHUP (the terminal
 *       closed): a signal handler asks the FX thread to stop training and hide the window, waits
 *       for it at most {@link #HOOK_BUDGET_MS} ms, so a busy or stuck FX thread never holds the
 *       exit up, then for the toolkit to end, and only then exits the JVM (ADR 0044): left to the
 *       JVM's own shutdown, JavaFX's shutdown hook stops the renderer while the FX thread still
 *       paints, and the paint's rejected job prints a stack trace;
 *   <li>{@code System.exit} from elsewhere, or a JVM started with {@code -Xrs}: a shutdown hook
 *       does what the signal handler does before the exit.
 * </ul>
 *
 * The training thread is a daemon and is never waited for: it stops at its next minibatch.
 */
final class AppExit {
  /** The longest a shutdown hook waits for the FX thread to stop training and save. */
  static final long HOOK_BUDGET_MS = 400;

  /** The longest a signal waits, after that, for the toolkit to end before the JVM exits. */
  static final long TOOLKIT_BUDGET_MS = 1000;

  /** The signals that end the app as a close does; the JVM's default for each is its shutdown. */
  static final List<String> SIGNALS = List.of("TERM", "INT", "HUP");

  /** The FX thread, which made this; it ends once the toolkit has. */
  private final Thread fxThread = Thread.currentThread();

  private final Stage stage;
  private final TrainingSession session;
  private final Runnable endToolkit;
  private final AtomicBoolean ending = new AtomicBoolean();
  private final CountDownLatch ended = new CountDownLatch(1);

  /**
   * Ends the app when {@code stage} is asked to close or stops showing for any other reason. Call
   * on the FX thread.
   *
   * @param endToolkit ends JavaFX ({@link Platform#exit()} in the app)
   */
  AppExit(Stage stage, TrainingSession session, Runnable endToolkit) {
    this.stage = stage;
    this.session = session;
    this.endToolkit = endToolkit;
    // before the window hides and saves: a run at full speed keeps the FX thread busy
    stage.setOnCloseRequest(e -> session.shutdown());
    stage
        .showingProperty()
        .addListener(
            (obs, was, now) -> {
              if (!now) {
                end();
              }
            });
  }

  /**
   * Stops training, hides the window if it still shows (which saves), and ends the toolkit; only
   * the first call acts. FX thread.
   */
  void end() {
    if (!ending.compareAndSet(false, true)) {
      return;
    }
    try {
      session.shutdown();
      if (stage.isShowing()) {
        stage.hide();
      }
      endToolkit.run();
    } finally {
      ended.countDown();
    }
  }

  /** Whether the app is ending (a close, a destroyed window or a signal started it). */
  boolean isEnding() {
    return ending.get();
  }

  /**
   * What the JVM's shutdown hook runs (SIGTERM, or {@code System.exit} from elsewhere): asks the FX
   * thread to {@link #end}, and waits for it at most {@link #HOOK_BUDGET_MS} ms. Any thread but the
   * FX thread.
   *
   * @return whether the app had ended, saving, within the budget
   */
  boolean onShutdown() {
    if (ended.getCount() == 0) {
      return true;
    }
    try {
      Platform.runLater(this::end);
    } catch (IllegalStateException toolkitGone) {
      return ended.getCount() == 0;
    }
    try {
      return ended.await(HOOK_BUDGET_MS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * What a signal runs, on a thread of its own: {@link #onShutdown}, then a wait of at most {@link
   * #TOOLKIT_BUDGET_MS} ms for the FX thread to end, which it does once the toolkit has stopped its
   * renderer. Any thread but the FX thread.
   *
   * @param number the signal's number
   * @return the code to exit with, the shell's for a process a signal ended: 128 + {@code number}
   */
  int onSignal(int number) {
    onShutdown();
    try {
      fxThread.join(TOOLKIT_BUDGET_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 128 + number;
  }

  /**
   * Handles {@link #SIGNALS}: each runs {@link #onSignal} and then exits the JVM with its code. A
   * signal the JVM will not let us handle ({@code -Xrs}) or keeps ignored (SIGINT in a background
   * job of a shell script) is left as it is, and the shutdown hook covers what it does.
   */
  void handleSignals() {
    for (String name : SIGNALS) {
      try {
        Signal.handle(new Signal(name), signal -> exitOn(signal.getNumber()));
      } catch (IllegalArgumentException notHandled) {
        // the JVM's own handling stays, and the shutdown hook with it
      }
    }
  }

  /**
   * Runs {@link #onSignal} and exits with its code, on a thread that is not a daemon (the JVM's
   * signal thread is): otherwise the JVM could end on its own, with code 0, once the toolkit has.
   */
  private void exitOn(int signal) {
    Thread exiting = new Thread(() -> System.exit(onSignal(signal)), "descent-signal");
    exiting.setDaemon(false);
    exiting.start();
  }

  /** Registers {@link #onShutdown} as a JVM shutdown hook; returns the hook's thread. */
  Thread hook() {
    Thread hook = new Thread(this::onShutdown, "descent-exit");
    Runtime.getRuntime().addShutdownHook(hook);
    return hook;
  }
}
