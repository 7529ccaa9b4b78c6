package descent.app.teach.landscape;

import descent.app.teach.TeachingFeed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** A landscape view on a headless stage, at a window size with the app's font size for it. */
final class Render {
  static final Path OUT = Path.of("target", "screenshots", "landscape");

  final TeachingFeed feed = new TeachingFeed();
  final LandscapeView view = new LandscapeView(feed);
  final Scene scene;
  private final double width;
  private final double height;

  /** Call on the FX thread. */
  Render(Stage stage, double width, double height) {
    this.width = width;
    this.height = height;
    StackPane root = new StackPane(view);
    // the app's font size: 14 px beside one view at 1366 wide, 20 px at 1920
    root.setStyle("-fx-font-size: " + (width >= 700 ? 20 : 14) + "px;");
    scene = new Scene(root, width, height);
    scene
        .getStylesheets()
        .add(LandscapeView.class.getResource("/descent/app/descent.css").toExternalForm());
    // the stage may have been shown by another test, with its own size and minimum
    stage.setMinWidth(0);
    stage.setMinHeight(0);
    stage.setScene(scene);
    stage.sizeToScene();
    stage.show();
  }

  /** Shows {@code run} and renders the scene (which lays it out and redraws the view). */
  Image show(DemoRun run) throws ExecutionException, InterruptedException {
    WaitForAsyncUtils.asyncFx(() -> run.feed(feed)).get();
    return snapshot();
  }

  /** Gives the feed {@code run}'s new steps, as the app does each frame, and renders. */
  Image more(DemoRun run) throws ExecutionException, InterruptedException {
    WaitForAsyncUtils.asyncFx(() -> run.feedNew(feed)).get();
    return snapshot();
  }

  Image snapshot() throws ExecutionException, InterruptedException {
    try {
      WaitForAsyncUtils.waitFor(
          5,
          java.util.concurrent.TimeUnit.SECONDS,
          () -> scene.getWidth() == width && scene.getHeight() == height);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the scene never took its size", e);
    }
    WaitForAsyncUtils.waitForFxEvents();
    Image image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
    if (image.getWidth() != width || image.getHeight() != height) {
      throw new AssertionError(
          "rendered "
              + image.getWidth()
              + " × "
              + image.getHeight()
              + ", not "
              + width
              + " × "
              + height);
    }
    return image;
  }

  static void save(Image image, String name) throws IOException {
    Files.createDirectories(OUT);
    ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", OUT.resolve(name).toFile());
  }

  /**
   * How many pixels in the rectangle are within {@code tolerance} (0–255 per channel) of {@code c}.
   */
  static int count(
      Image image, double x0, double y0, double w, double h, Color c, double tolerance) {
    PixelReader r = image.getPixelReader();
    int n = 0;
    for (int y = (int) Math.max(0, y0); y < Math.min(image.getHeight(), y0 + h); y++) {
      for (int x = (int) Math.max(0, x0); x < Math.min(image.getWidth(), x0 + w); x++) {
        Color p = r.getColor(x, y);
        double d =
            Math.abs(p.getRed() - c.getRed())
                + Math.abs(p.getGreen() - c.getGreen())
                + Math.abs(p.getBlue() - c.getBlue());
        if (d * 255 <= tolerance) {
          n++;
        }
      }
    }
    return n;
  }
}
