package descent.data;

import java.io.IOException;
import java.io.Reader;
import java.util.Objects;

/**
 * Lets a stream be read from its start more than once, so the delimiter can be sniffed by parsing
 * the header under each candidate and the file then parsed for good, all from one open stream (a
 * pipe, such as {@code --data <(command)}, can be read only once). Passes that keep remember what
 * they read beyond what was kept before; the last pass replays that, forgets it, and reads on. What
 * is kept is what the header parses read: the header and the parser's read-ahead, not the file.
 */
final class Replay {
  private final Reader in;
  private StringBuilder kept = new StringBuilder();
  private boolean done;

  Replay(Reader in) {
    this.in = Objects.requireNonNull(in, "in");
  }

  /**
   * A reader from the first character. Closing it does not close the stream.
   *
   * @param keep whether later passes will want what this one reads; false for the last pass
   */
  Reader fromStart(boolean keep) {
    if (done) {
      throw new IllegalStateException("the last pass has begun");
    }
    done = !keep;
    return new Pass(keep);
  }

  private final class Pass extends Reader {
    private final boolean keep;
    private int position;

    Pass(boolean keep) {
      this.keep = keep;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      Objects.checkFromIndexSize(offset, length, buffer.length);
      if (length == 0) {
        return 0;
      }
      if (kept != null && position < kept.length()) {
        int n = Math.min(length, kept.length() - position);
        kept.getChars(position, position + n, buffer, offset);
        position += n;
        if (!keep && position == kept.length()) {
          kept = null; // replayed for the last time
        }
        return n;
      }
      int n = in.read(buffer, offset, length);
      if (n > 0 && keep) {
        kept.append(buffer, offset, n);
        position += n;
      }
      return n;
    }

    @Override
    public void close() {
      // the stream stays open for the next pass
    }
  }
}
