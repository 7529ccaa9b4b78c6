package descent;

/**
 * The jar's entry point. With no arguments it opens the app; with any (e.g. {@code train} or {@code
 * --help}) it runs the command line and exits with its code. It does not extend {@code
 * Application}, so the JavaFX runtime can load from the plain classpath of a fat jar.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      descent.app.DescentApp.launchApp(args);
    } else {
      System.exit(descent.cli.DescentCli.run(args));
    }
  }
}
