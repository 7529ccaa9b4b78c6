package descent;

import java.awt.GraphicsEnvironment;
import java.awt.SplashScreen;

/**
 * The launch splash: an image the JVM itself shows within a fraction of a second of a launch,
 * before any of the app's code runs, while JavaFX starts and the window is built (several seconds
 * on a cold machine). The fat jar asks for it in its manifest ({@code SplashScreen-Image}), the
 * installed launcher with {@code -splash:}. The app closes it once its window's first frame is
 * drawn; every other use of the launcher (a command, {@code --help}, {@code --self-test}) closes it
 * as the first thing it does. See ADR 0039.
 */
public final class Splash {
  /** The image, in the jar (the manifest names it) and beside the installed app's jar. */
  public static final String IMAGE = "descent/splash.png";

  private Splash() {}

  /**
   * Closes the splash if one is showing; does nothing otherwise, with no display, and where the
   * platform has no splash support. Never throws: a splash that cannot be closed is closed by the
   * JVM when it exits.
   */
  public static void close() {
    try {
      if (GraphicsEnvironment.isHeadless()) {
        return;
      }
      SplashScreen splash = SplashScreen.getSplashScreen();
      if (splash != null && splash.isVisible()) {
        splash.close();
      }
    } catch (RuntimeException | LinkageError e) {
      // HeadlessException, UnsupportedOperationException, IllegalStateException (closed meanwhile),
      // or a runtime without the splash library: nothing is showing that this could close
    }
  }
}
