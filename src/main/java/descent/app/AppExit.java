package descent.app;

import descent.app.session.TrainingSession;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.stage.Stage;

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
 *   <li>SIGTERM (logout, {@code kill}): a shutdown hook asks the FX thread to stop training and
 *       hide the window, and waits for it at most {@link #HOOK_BUDGET_MS} ms, so a busy or stuck FX
 *       thread never holds the exit up.
 * </ul>
 *
 * The training thread is a daemon and is never waited for: it stops at its next minibatch.
 */
final class AppExit {
  /** The longest a shutdown hook waits for the FX thread to stop training and save. */
  static final long HOOK_BUDGET_MS = 400;

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

  /** Registers {@link #onShutdown} as a JVM shutdown hook; returns the hook's thread. */
  Thread hook() {
    Thread hook = new Thread(this::onShutdown, "descent-exit");
    Runtime.getRuntime().addShutdownHook(hook);
    return hook;
  }
}
