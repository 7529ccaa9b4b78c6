package descent.app.monkey;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What went wrong while the monkey played: uncaught exceptions on any thread (through the default
 * handler, which is where JavaFX hands an exception thrown on the FX thread), exceptions thrown by
 * an action, and any status message the app itself shows for an unexpected error.
 */
final class Trouble implements Thread.UncaughtExceptionHandler {
  private final List<String> found = new ArrayList<>();
  private Thread.UncaughtExceptionHandler before;

  /** Becomes the default handler of every thread until {@link #uninstall()}. */
  Trouble install() {
    before = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler(this);
    return this;
  }

  void uninstall() {
    Thread.setDefaultUncaughtExceptionHandler(before);
  }

  @Override
  public void uncaughtException(Thread thread, Throwable error) {
    add("uncaught on " + thread.getName() + ": " + trace(error));
  }

  /** An exception an action's own call threw. */
  void thrown(String where, Throwable error) {
    add(where + ": " + trace(error));
  }

  /** Notes {@code message} if it is the app reporting an unexpected error. */
  void message(String message) {
    if (message != null && message.toLowerCase(Locale.ROOT).contains("unexpected error")) {
      add("the app reported: " + message);
    }
  }

  synchronized void add(String what) {
    found.add(what);
  }

  synchronized List<String> found() {
    return List.copyOf(found);
  }

  synchronized boolean any() {
    return !found.isEmpty();
  }

  private static String trace(Throwable e) {
    StringWriter w = new StringWriter();
    e.printStackTrace(new PrintWriter(w));
    String s = w.toString();
    return s.length() > 4000 ? s.substring(0, 4000) + "…" : s;
  }
}
