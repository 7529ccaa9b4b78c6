package descent;

import java.io.PrintStream;

/**
 * The jar's entry point. With no arguments it opens the app; with any (e.g. {@code train} or {@code
 * --help}) it runs the command line and exits with its code. It does not extend {@code
 * Application}, so the JavaFX runtime can load from the plain classpath of a fat jar.
 */
public final class Launcher {
  /** What to run instead when the window cannot open. */
  static final String COMMAND_LINE_HINT =
      "The command line still works: java -jar descent.jar train --help";

  /**
   * JavaFX warns on every start from a plain classpath ("Unsupported JavaFX configuration"); it is
   * how a fat jar runs and means nothing to a user. Held in a field so the level sticks.
   */
  private static final java.util.logging.Logger PLATFORM_LOG =
      java.util.logging.Logger.getLogger("javafx");

  private Launcher() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      PLATFORM_LOG.setLevel(java.util.logging.Level.SEVERE);
      int code = openApp(() -> descent.app.DescentApp.launchApp(args), System.err);
      if (code != 0) {
        System.exit(code);
      }
    } else {
      System.exit(descent.cli.DescentCli.run(args));
    }
  }

  /**
   * Runs {@code launch}, which opens the app and returns when it closes. If it fails, say with no
   * display to open a window on, prints one line on {@code err} instead of a stack trace.
   *
   * @return 0 if the app ran, 1 if it failed
   */
  static int openApp(Runnable launch, PrintStream err) {
    try {
      launch.run();
      return 0;
    } catch (Throwable e) {
      err.println(whyNoApp(e));
      err.flush();
      return 1;
    }
  }

  /** One line saying why the app did not open, and that the command line still works. */
  static String whyNoApp(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String reason =
        root instanceof UnsupportedOperationException
                || String.valueOf(root.getMessage()).contains("DISPLAY")
            ? "cannot open a window (no display?)."
            : "cannot open the app: " + root + ".";
    return ("descent: " + reason + " " + COMMAND_LINE_HINT).replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
