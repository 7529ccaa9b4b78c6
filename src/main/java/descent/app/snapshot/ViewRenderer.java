package descent.app.snapshot;

import descent.app.teach.ViewSpec;
import descent.app.teach.Views;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Draws one view of a run the {@code snapshot} command stepped, with no display, and writes it as a
 * PNG of exactly the size asked for. The command line's way into the app: its types hold no JavaFX,
 * so the command line stays free of it.
 *
 * <p>JavaFX starts headless (Monocle, software rendering) unless it already runs, and ends again
 * when it was started here, so the JVM can exit.
 */
public final class ViewRenderer {
  private ViewRenderer() {}

  /**
   * Draws {@code picture.view()} of {@code run} and writes it to {@code picture.out()}.
   *
   * @param app the app's settings, for {@link ViewNames#APP} (else ignored, may be null); they must
   *     build the same run as {@code run}'s
   * @throws UncheckedIOException if the PNG cannot be written
   * @throws IllegalStateException if the picture could not be drawn as asked
   */
  public static void render(Picture picture, SteppedRun run, AppRecipe app) {
    render(picture, run, app, Views.all());
  }

  /** As {@link #render(Picture, SteppedRun, AppRecipe)}, with the teaching views {@code specs}. */
  static void render(Picture picture, SteppedRun run, AppRecipe app, List<ViewSpec> specs) {
    BufferedImage image;
    try (HeadlessFx fx = HeadlessFx.start(picture.width(), picture.height())) {
      image = draw(fx, picture, run, app, specs);
    }
    if (image.getWidth() != picture.width() || image.getHeight() != picture.height()) {
      throw new IllegalStateException(
          "JavaFX drew "
              + image.getWidth()
              + "×"
              + image.getHeight()
              + " pixels instead of "
              + picture.width()
              + "×"
              + picture.height());
    }
    try {
      PngFile.write(image, picture.out());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BufferedImage draw(
      HeadlessFx fx, Picture picture, SteppedRun run, AppRecipe app, List<ViewSpec> specs) {
    if (ViewNames.isApp(picture.view())) {
      return AppReplay.render(fx, picture, app, run);
    }
    try (SceneShot shot = SceneShot.show(fx, () -> SingleViews.scene(picture, run, specs))) {
      return shot.settledImage();
    }
  }
}
