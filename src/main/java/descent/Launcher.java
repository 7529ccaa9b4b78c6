package descent;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The jar's and the installed launcher's entry point. With no arguments it opens the app; with the
 * path of an existing file (a double-clicked file, or {@code descent data.csv}) it opens the app
 * with that file; with {@code --self-test} it checks this copy of the app with no display (see
 * {@link descent.cli.SelfTest}); with anything else (e.g. {@code train} or {@code --help}) it runs
 * the command line and exits with its code. Only the app keeps the launch {@link Splash} until its
 * window is drawn. It does not extend {@code Application}, so the JavaFX runtime can load from the
 * plain classpath of a fat jar.
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

  /** The option that runs the self-test instead of the app or a command. */
  public static final String SELF_TEST = "--self-test";

  private Launcher() {}

  public static void main(String[] args) {
    boolean app = args.length == 0 || fileToOpen(args).isPresent();
    if (!app) {
      // the splash is the window's stand-in: a command, help or the self-test has no window
      Splash.close();
    }
    if (args.length == 1 && SELF_TEST.equals(args[0])) {
      System.exit(descent.cli.DescentCli.selfTest());
    } else if (app) {
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
   * The file to open in the app, when the only argument names an existing file rather than a
   * command or an option: how a desktop hands the app a double-clicked run file or CSV, and how the
   * installed launcher is given one ({@code descent ~/runs/chapter.csv}).
   */
  static Optional<Path> fileToOpen(String[] args) {
    if (args.length != 1 || args[0].isEmpty() || args[0].startsWith("-")) {
      return Optional.empty();
    }
    try {
      Path path = Path.of(args[0]);
      return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    } catch (java.nio.file.InvalidPathException e) {
      return Optional.empty();
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
