package descent.app.teach.data;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;

/** Reads a rendered Data view's pixels. */
final class Pixels {
  /** How far, in 0–255 RGB steps, a pixel may be from a colour and still count. */
  private static final double TOLERANCE = 14;

  private Pixels() {}

  static boolean near(Color a, Color b) {
    double dr = (a.getRed() - b.getRed()) * 255;
    double dg = (a.getGreen() - b.getGreen()) * 255;
    double db = (a.getBlue() - b.getBlue()) * 255;
    return dr * dr + dg * dg + db * db < TOLERANCE * TOLERANCE;
  }

  /** Whether a pixel within {@code radius} of (x, y) has {@code colour}. */
  static boolean near(Image image, double x, double y, int radius, Color colour) {
    PixelReader r = image.getPixelReader();
    int cx = (int) Math.floor(x);
    int cy = (int) Math.floor(y);
    for (int py = cy - radius; py <= cy + radius; py++) {
      for (int px = cx - radius; px <= cx + radius; px++) {
        if (inside(image, px, py) && near(r.getColor(px, py), opaque(colour))) {
          return true;
        }
      }
    }
    return false;
  }

  private static Color opaque(Color c) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), 1);
  }

  private static boolean inside(Image image, int x, int y) {
    return x >= 0 && y >= 0 && x < image.getWidth() && y < image.getHeight();
  }

  static int count(Image image, Bounds area, Color colour) {
    PixelReader r = image.getPixelReader();
    int n = 0;
    for (int y = (int) area.getMinY(); y < (int) area.getMaxY(); y++) {
      for (int x = (int) area.getMinX(); x < (int) area.getMaxX(); x++) {
        if (inside(image, x, y) && near(r.getColor(x, y), opaque(colour))) {
          n++;
        }
      }
    }
    return n;
  }

  /** Whether a pixel is the training points' translucent slate over white, once or overlapping. */
  static boolean greyPoint(Color c) {
    double r = c.getRed();
    double g = c.getGreen();
    double b = c.getBlue();
    return b >= r && b - r < 0.12 && Math.abs(g - r) < 0.06 && r < 0.85 && r > 0.25;
  }

  static int countGreyPoints(Image image) {
    PixelReader r = image.getPixelReader();
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        n += greyPoint(r.getColor(x, y)) ? 1 : 0;
      }
    }
    return n;
  }

  /** Grey point pixels in the rows within {@code half} of {@code y}, across {@code area}. */
  static int greyPointsInRow(Image image, Bounds area, double y, int half) {
    PixelReader r = image.getPixelReader();
    int n = 0;
    for (int py = (int) y - half; py <= (int) y + half; py++) {
      for (int x = (int) area.getMinX() + 2; x < (int) area.getMaxX() - 2; x++) {
        n += inside(image, x, py) && greyPoint(r.getColor(x, py)) ? 1 : 0;
      }
    }
    return n;
  }

  /** Grey point pixels within {@code half} of {@code p}. */
  static int greyPointsNear(Image image, Point2D p, int half) {
    PixelReader r = image.getPixelReader();
    int n = 0;
    for (int py = (int) p.getY() - half; py <= (int) p.getY() + half; py++) {
      for (int px = (int) p.getX() - half; px <= (int) p.getX() + half; px++) {
        n += inside(image, px, py) && greyPoint(r.getColor(px, py)) ? 1 : 0;
      }
    }
    return n;
  }
}
