package descent.app.errors;

import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Window;

/**
 * What the app does with an exception nobody caught, on the FX thread (an event handler that threw)
 * or on any other thread: one line on stderr, an entry in the {@link ErrorLog}, and the {@link
 * ErrorDialog} (one at a time, with a count). The app goes on: JavaFX carries on with the next
 * event after an event handler threw, and the run stays as it was. ADR 0037.
 */
public final class UnexpectedErrors implements Thread.UncaughtExceptionHandler {
  private final ErrorLog log;
  private final Supplier<Window> owner;
  private final BiConsumer<String, Throwable> also;
  private ErrorDialog dialog; // FX thread
  private volatile boolean dialogFailed; // the dialog itself threw: log only from then on

  /**
   * @param owner the window the dialog belongs to (may give null)
   * @param also hears each error too, on the FX thread (e.g. the status bar)
   */
  public UnexpectedErrors(
      ErrorLog log, Supplier<Window> owner, BiConsumer<String, Throwable> also) {
    this.log = log;
    this.owner = owner;
    this.also = also;
  }

  /** Makes this the handler of every thread's uncaught exceptions, the FX thread's included. */
  public UnexpectedErrors install() {
    Thread.setDefaultUncaughtExceptionHandler(this);
    return this;
  }

  @Override
  public void uncaughtException(Thread thread, Throwable error) {
    String name = thread.getName();
    try {
      System.err.println(
          ("descent: unexpected error on " + name + ": " + ErrorDialog.summary(error))
              .replaceAll("\\s*[\\r\\n]+\\s*", " "));
      log.log(name, error);
    } catch (Throwable ignored) {
      // out of memory, say: the dialog may still show
    }
    if (dialogFailed) {
      return;
    }
    try {
      // later, not now: the error may come from inside a layout or an animation pulse
      Platform.runLater(() -> show(name, error));
    } catch (IllegalStateException toolkitGone) {
      // the app is ending
    }
  }

  private void show(String thread, Throwable error) {
    try {
      if (dialog == null || !dialog.isShowing()) {
        dialog = new ErrorDialog(owner.get(), log.file());
        dialog.add(thread, error);
        dialog.show();
      } else {
        dialog.add(thread, error);
      }
      also.accept(thread, error);
    } catch (RuntimeException e) {
      dialogFailed = true; // never a loop of dialogs failing to show
      log.log("the error dialog", e);
    }
  }

  /** The dialog showing now, or null (for tests). */
  ErrorDialog dialog() {
    return dialog != null && dialog.isShowing() ? dialog : null;
  }
}
