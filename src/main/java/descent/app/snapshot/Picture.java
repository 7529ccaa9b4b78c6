package descent.app.snapshot;

import java.nio.file.Path;

/**
 * The picture {@code snapshot} makes: which view, its size in pixels, and the PNG file to write.
 *
 * @param view a name from {@link ViewNames#available()}
 * @param width the PNG's width, exactly
 * @param height the PNG's height, exactly
 * @param out the file to write; its directory must exist
 */
public record Picture(String view, int width, int height, Path out) {
  /** The smallest width or height. */
  public static final int MIN_SIDE = 100;

  /** The largest width or height. */
  public static final int MAX_SIDE = 8192;

  public Picture {
    if (width < MIN_SIDE || width > MAX_SIDE || height < MIN_SIDE || height > MAX_SIDE) {
      throw new IllegalArgumentException("size out of range: " + width + "×" + height);
    }
  }
}
