package descent.app.chart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Reads rendered pixels of a scene, for tests that check what a user would see. */
final class Pixels {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /** The colours of the curves, as loss-chart.css draws them. */
  static final Color TRAIN = Color.web("#1f77b4");

  static final Color MINIBATCH = Color.web("#5597cc");
  static final Color VALIDATION = Color.web("#e4680a");
  static final Color EDGE_MARK = Color.web("#b3261e");

  /**
   * How far, in 0–255 RGB steps, a pixel may be from a curve's colour and still count: enough for a
   * line's solid core, too little for the coloured fringes of anti-aliased text.
   */
  private static final double TOLERANCE = 12;

  private Pixels() {}

  /** A snapshot of the whole scene, taken on the FX thread after pending events ran. */
  static Image snapshot(Scene scene) throws ExecutionException, InterruptedException {
    WaitForAsyncUtils.waitForFxEvents();
    return WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
  }

  static void save(Image image, String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SCREENSHOTS.resolve(name).toFile());
  }

  /** A node's bounds in scene coordinates, which are the snapshot's pixel coordinates. */
  static Bounds inScene(Node node) throws ExecutionException, InterruptedException {
    return WaitForAsyncUtils.asyncFx(() -> node.localToScene(node.getLayoutBounds())).get();
  }

  /** The part of {@code b} from its top down to {@code bottom}. */
  static Bounds above(Bounds b, double bottom) {
    return new BoundingBox(b.getMinX(), b.getMinY(), b.getWidth(), bottom - b.getMinY());
  }

  /** How many pixels inside {@code area} are within a small distance of any of {@code colours}. */
  static int count(Image image, Bounds area, Color... colours) {
    PixelReader reader = image.getPixelReader();
    int x0 = (int) Math.max(0, Math.floor(area.getMinX()));
    int y0 = (int) Math.max(0, Math.floor(area.getMinY()));
    int x1 = (int) Math.min(image.getWidth(), Math.ceil(area.getMaxX()));
    int y1 = (int) Math.min(image.getHeight(), Math.ceil(area.getMaxY()));
    int n = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        Color c = reader.getColor(x, y);
        for (Color target : colours) {
          if (near(c, target)) {
            n++;
            break;
          }
        }
      }
    }
    return n;
  }

  /**
   * How many pixels of the curves' colours lie in {@code area} outside every text under {@code
   * root}: anti-aliased text has coloured fringes that can match a curve's colour.
   */
  static int seriesPixelsOutsideText(Image image, Bounds area, Node root) throws Exception {
    List<Bounds> texts =
        WaitForAsyncUtils.asyncFx(
                () -> {
                  List<Bounds> found = new ArrayList<>();
                  collectText(root, found);
                  return found;
                })
            .get();
    PixelReader reader = image.getPixelReader();
    int n = 0;
    for (int y = (int) area.getMinY(); y < (int) area.getMaxY(); y++) {
      for (int x = (int) area.getMinX(); x < (int) area.getMaxX(); x++) {
        Color c = reader.getColor(x, y);
        if (near(c, TRAIN) || near(c, MINIBATCH) || near(c, VALIDATION)) {
          double px = x + 0.5;
          double py = y + 0.5;
          if (texts.stream().noneMatch(t -> t.contains(px, py))) {
            n++;
          }
        }
      }
    }
    return n;
  }

  private static void collectText(Node node, List<Bounds> found) {
    if (node instanceof Text text && text.isVisible()) {
      found.add(text.localToScene(text.getBoundsInLocal()));
    } else if (node instanceof Parent parent) {
      for (Node child : parent.getChildrenUnmodifiable()) {
        collectText(child, found);
      }
    }
  }

  /** How many pixels of the curves' colours lie in {@code area}. */
  static int seriesPixels(Image image, Bounds area) {
    return count(image, area, TRAIN, MINIBATCH, VALIDATION);
  }

  /** Where the first few pixels of the curves' colours in {@code area} are, for a failure. */
  static String whereSeriesPixels(Image image, Bounds area) {
    PixelReader reader = image.getPixelReader();
    StringBuilder s = new StringBuilder("series-coloured pixels at");
    int found = 0;
    for (int y = (int) area.getMinY(); y < (int) area.getMaxY() && found < 8; y++) {
      for (int x = (int) area.getMinX(); x < (int) area.getMaxX() && found < 8; x++) {
        Color c = reader.getColor(x, y);
        if (near(c, TRAIN) || near(c, MINIBATCH) || near(c, VALIDATION)) {
          s.append(' ').append(x).append(',').append(y).append('=').append(c);
          found++;
        }
      }
    }
    return s.toString();
  }

  private static boolean near(Color a, Color b) {
    double dr = (a.getRed() - b.getRed()) * 255;
    double dg = (a.getGreen() - b.getGreen()) * 255;
    double db = (a.getBlue() - b.getBlue()) * 255;
    return dr * dr + dg * dg + db * db < TOLERANCE * TOLERANCE;
  }
}
