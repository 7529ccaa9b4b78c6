package descent.app.snapshot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;

/**
 * Writes a PNG so that the file is either the old one or the whole new one, never half written: the
 * picture goes to a hidden temporary file in the same directory, which is then renamed over the
 * target. A failure removes the temporary file.
 */
final class PngFile {
  private PngFile() {}

  /** Writes {@code image} to {@code out} as a PNG, atomically where the file system allows. */
  static void write(BufferedImage image, Path out) throws IOException {
    Path target = out.toAbsolutePath();
    Path dir = target.getParent();
    String name = target.getFileName().toString();
    Path temp =
        dir.resolve(
            "." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
    ImageIO.setUseCache(false); // encode in memory, not through a cache file in the temp directory
    try {
      // created like any new file (not 0600 as createTempFile would), so the PNG gets the usual
      // permissions once renamed
      try (OutputStream s =
          Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        if (!ImageIO.write(image, "png", s)) {
          throw new IOException("no PNG encoder available");
        }
      }
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
