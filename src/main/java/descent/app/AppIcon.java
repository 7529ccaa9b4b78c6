package descent.app;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/**
 * The app's icon for the window's title bar and the taskbar, in every size the window system may
 * ask for; JavaFX hands them all over and the window system picks the one that fits. The PNGs are
 * made from {@code assets/icon/descent.svg} by {@code assets/icon/make-icons.sh}.
 */
public final class AppIcon {
  /** The sizes, in pixels, of the square PNGs in {@code /descent/app/icon/}. */
  public static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256);

  private AppIcon() {}

  /** The icon at each of {@link #SIZES}, smallest first. */
  public static List<Image> images() {
    List<Image> images = new ArrayList<>();
    for (int size : SIZES) {
      String name = "icon/descent-" + size + ".png";
      try (InputStream in = AppIcon.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException("the app icon " + name + " is missing from the build");
        }
        images.add(new Image(in));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return images;
  }
}
