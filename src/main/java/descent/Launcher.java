package descent;

/**
 * The jar's entry point. It does not extend {@code Application}, so the JavaFX runtime can load
 * from the plain classpath of a fat jar.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    descent.app.DescentApp.launchApp(args);
  }
}
