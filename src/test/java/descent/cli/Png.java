package descent.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/** A PNG the snapshot command wrote, read back for what a user would see in it. */
record Png(BufferedImage image) {
  /** The loss chart's train-loss blue (loss-chart.css). */
  static final int TRAIN_BLUE = 0x1f77b4;

  static Png read(Path file) throws IOException {
    BufferedImage image = ImageIO.read(file.toFile());
    if (image == null) {
      throw new AssertionError(file + " is not a picture ImageIO can read");
    }
    return new Png(image);
  }

  int width() {
    return image.getWidth();
  }

  int height() {
    return image.getHeight();
  }

  int[] pixels() {
    return image.getRGB(0, 0, width(), height(), null, 0, width());
  }

  /** How many different colours the picture has. */
  int distinctColours() {
    return (int) Arrays.stream(pixels()).map(p -> p & 0xffffff).distinct().count();
  }

  /** The share of the pixels that have the picture's most common colour, 0 to 1. */
  double dominantShare() {
    Map<Integer, Integer> counts = new HashMap<>();
    for (int p : pixels()) {
      counts.merge(p & 0xffffff, 1, Integer::sum);
    }
    int most = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    return most / (double) (width() * height());
  }

  /**
   * Whether something is drawn: more than a handful of colours (text, lines, fills) and no single
   * colour covering nearly everything.
   */
  boolean isNonBlank() {
    return distinctColours() > 16 && dominantShare() < 0.995;
  }

  /** How many pixels are within {@code tolerance} RGB steps (summed) of {@code rgb}. */
  int pixelsNear(int rgb, int tolerance) {
    int count = 0;
    for (int p : pixels()) {
      int d =
          Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff))
              + Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff))
              + Math.abs((p & 0xff) - (rgb & 0xff));
      if (d <= tolerance) {
        count++;
      }
    }
    return count;
  }

  boolean samePixelsAs(Png other) {
    return width() == other.width()
        && height() == other.height()
        && Arrays.equals(pixels(), other.pixels());
  }
}
