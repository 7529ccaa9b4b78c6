package descent.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * How many rows a regular file can hold at most, counted from its bytes before they are parsed, so
 * the rows can be read into arrays of that size and need no copy into one array at the end ({@link
 * RowBlocks}). Every record of a CSV file starts on a line of its own that holds a character, so
 * the lines that hold one are an upper bound; they are exactly the rows when no line is blank and
 * no quoted cell holds a line break. Lines end at LF, CRLF or a lone CR, as the reader counts them.
 */
final class LineCount {
  private LineCount() {}

  /** Bytes enough for more characters than a line may have: the reader refuses such a line. */
  private static final long MAX_LINE_BYTES = 4L * Utf8LineReader.MAX_LINE;

  /**
   * The lines after line {@code after} (1-based) of {@code file} that hold at least one character;
   * or {@code more} + 1 as soon as there are more than {@code more}; or 0 if the file cannot be
   * read or has a line longer than the reader takes (it then says why, without waiting for the
   * count of a large binary file).
   */
  static long textLinesAfter(Path file, long after, long more) {
    return textLinesAfter(file, after, more, MAX_LINE_BYTES);
  }

  /**
   * As {@link #textLinesAfter(Path, long, long)}, giving up on a line of more than {@code max}
   * bytes.
   */
  static long textLinesAfter(Path file, long after, long more, long maxLineBytes) {
    ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    long line = 1;
    long lineBytes = 0;
    long count = 0;
    boolean hasText = false;
    boolean afterCr = false;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      while (channel.read(buffer.clear()) >= 0) {
        byte[] bytes = buffer.array();
        int end = buffer.position();
        for (int i = 0; i < end; i++) {
          byte b = bytes[i];
          if (b == '\n' || b == '\r') {
            if (!(b == '\n' && afterCr)) {
              if (hasText && line > after && ++count > more) {
                return count;
              }
              line++;
              hasText = false;
              lineBytes = 0;
            }
            afterCr = b == '\r';
          } else {
            if (++lineBytes > maxLineBytes) {
              return 0;
            }
            hasText = true;
            afterCr = false;
          }
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return hasText && line > after ? count + 1 : count;
  }
}
