package descent.app.snapshot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Writes a PNG so that the file is either the old one or the whole new one, never half written: the
 * picture goes to a hidden temporary file in the same directory, which is then renamed over the
 * target. A failure removes the temporary file.
 */
public final class PngFile {
  private PngFile() {}

  /** What goes into a file: writes the whole content to {@code out}. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes {@code image} to {@code out} as a PNG, atomically where the file system allows. */
  public static void write(BufferedImage image, Path out) throws IOException {
    ImageIO.setUseCache(false); // encode in memory, not through a cache file in the temp directory
    writeAtomically(
        out,
        s -> {
          if (!ImageIO.write(image, "png", s)) {
            throw new IOException("no PNG encoder available");
          }
        });
  }

  /**
   * Writes {@code body} to {@code out} so that the file is either the old one or the whole new one:
   * a hidden temporary file in the same directory, then a rename. A failure removes the temporary
   * file and leaves {@code out} as it was.
   */
  public static void writeAtomically(Path out, Body body) throws IOException {
    descent.run.AtomicFile.write(out, body::writeTo);
  }
}
