package descent.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The characters of a UTF-8 byte stream, decoded a buffer at a time, so a file is never held whole.
 * A leading byte-order mark is dropped. Bytes that are not UTF-8, or a UTF-16 byte-order mark, end
 * the stream with a {@link BadBytes} that says on which physical line they are.
 *
 * <p>It also notes which physical lines hold at least one character, so a CSV parser reading from
 * it can be asked on which line a record starts: {@link #firstLineWithTextAfter(long)} of the line
 * where the previous record ended. Lines end at LF, CRLF or a lone CR, as in Commons CSV. Only the
 * lines not yet asked about are kept: a parser's read-ahead, not the file.
 */
final class Utf8LineReader extends Reader {
  private static final int BUFFER = 8192;

  /**
   * The most characters a physical line may have: far more than a row of numbers needs (a row of
   * 10,000 columns of 20 digits is 210,000), room for a header of absurdly long column names (a 10
   * MB name is read, and shortened wherever it is shown), and few enough that a file with no line
   * break, such as {@code /dev/zero} or a binary file, is refused within seconds instead of filling
   * the memory: the parser and the delimiter sniffer hold a few copies of such a line, 16 to 64 MB.
   */
  static final int MAX_LINE = 16_000_000;

  private final InputStream in;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip(); // read mode
  private final CharBuffer chars = CharBuffer.allocate(BUFFER).flip(); // read mode
  private long bytesBefore; // bytes consumed before the start of `bytes`
  private boolean inputDone;
  private boolean decoded; // all input decoded and flushed
  private boolean started;
  private IOException bad; // thrown once the characters before it are delivered
  private LineTooLong tooLong;
  private String badReason; // set while decoding; becomes `bad` once its line is known
  private boolean badHasLine;

  private final int maxLine;
  private long line = 1;
  private long lineLength; // characters of the current line so far
  private boolean lineHasText;
  private boolean afterCr;
  private boolean onlyWhitespace = true;
  private long[] textLines = new long[64]; // lines with text, not yet asked about, in order
  private int head;
  private int tail;

  Utf8LineReader(InputStream in) {
    this(in, MAX_LINE);
  }

  /** A reader that refuses a physical line longer than {@code maxLine} characters. */
  Utf8LineReader(InputStream in, int maxLine) {
    this.in = Objects.requireNonNull(in, "in");
    this.maxLine = maxLine;
  }

  /**
   * A physical line longer than the limit: on which line (1-based), after how many characters.
   * Whatever the parser asks for after it fails the same way.
   */
  static final class LineTooLong extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient long line;

    LineTooLong(long line, int maxLine) {
      super(
          String.format(
              java.util.Locale.ROOT,
              "line %d is longer than %,d characters (character %,d has no line break before it);"
                  + " a CSV file has one row per line: is this a text file of numbers?",
              line,
              maxLine,
              maxLine + 1L));
      this.line = line;
    }

    /** The physical line that is too long (1-based). */
    long line() {
      return line;
    }
  }

  /** Bytes that are not UTF-8: what is wrong and on which physical line (1-based). */
  static final class BadBytes extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient long line;

    BadBytes(long line, String reason) {
      super(reason);
      this.line = line;
    }

    /** The physical line of the first bad byte, or 0 when the whole file is to blame. */
    long line() {
      return line;
    }
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    if (length == 0) {
      return 0;
    }
    if (!chars.hasRemaining()) {
      if (bad != null) {
        throw bad;
      }
      if (decoded) {
        return -1;
      }
      fill();
      if (!chars.hasRemaining()) {
        if (bad != null) {
          throw bad;
        }
        return -1;
      }
    }
    int n = Math.min(length, chars.remaining());
    chars.get(buffer, offset, n);
    return n;
  }

  /**
   * The first line after line {@code line} that holds a character. Commons CSV skips empty lines
   * before a record, so after a record that ended on line {@code line} the next one starts there.
   * Lines up to {@code line} are forgotten; ask with lines that never decrease.
   */
  long firstLineWithTextAfter(long line) {
    while (head < tail && textLines[head] <= line) {
      head++;
    }
    return head < tail ? textLines[head] : line + 1;
  }

  /** Whether every character decoded so far (past a byte-order mark) is white space. */
  boolean onlyWhitespace() {
    return onlyWhitespace;
  }

  /** Decodes the next buffer of characters, noting lines; sets {@link #bad} on a bad byte. */
  private void fill() throws IOException {
    chars.clear();
    while (chars.position() == 0 && badReason == null && !decoded) {
      CoderResult result = decoder.decode(bytes, chars, inputDone);
      if (result.isError()) {
        noteBadBytes(bytesBefore + bytes.position(), bytes.get(bytes.position()));
      } else if (result.isOverflow()) {
        break;
      } else if (inputDone) {
        decoder.flush(chars);
        decoded = true;
      } else {
        refill();
      }
    }
    chars.flip();
    if (!started && chars.hasRemaining()) {
      started = true;
      if (chars.get(chars.position()) == '\uFEFF') {
        chars.get(); // the byte-order mark is not text
      }
    }
    track(chars);
    if (tooLong != null) {
      return;
    }
    if (badReason != null && bad == null) {
      bad = new BadBytes(badHasLine ? line : 0, badReason); // all before it is counted now
    }
  }

  private void refill() throws IOException {
    bytesBefore += bytes.position();
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      inputDone = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  private void noteBadBytes(long offset, byte value) {
    if (offset == 0 && bytes.remaining() >= 2) {
      byte second = bytes.get(bytes.position() + 1);
      if ((value == (byte) 0xFE && second == (byte) 0xFF)
          || (value == (byte) 0xFF && second == (byte) 0xFE)) {
        badReason = "the file is UTF-16 text; save it as UTF-8";
        return;
      }
    }
    badReason =
        String.format(
            "byte 0x%02X at offset %d is not UTF-8; save the file as UTF-8", value, offset);
    badHasLine = true;
  }

  /**
   * Counts the lines of the characters about to be delivered, noting those with text. A line that
   * grows past the limit cuts the delivery short before its first character too many, and sets
   * {@link #bad} to say so.
   */
  private void track(CharBuffer decodedChars) {
    for (int i = decodedChars.position(); i < decodedChars.limit(); i++) {
      char c = decodedChars.get(i);
      if (c == '\n' && afterCr) {
        afterCr = false; // the LF of a CRLF: one line break
      } else if (c == '\n' || c == '\r') {
        line++;
        lineLength = 0;
        lineHasText = false;
        afterCr = c == '\r';
      } else {
        if (++lineLength > maxLine) {
          decodedChars.limit(i);
          tooLong = new LineTooLong(line, maxLine);
          bad = tooLong;
          decoded = true; // read no further
          return;
        }
        afterCr = false;
        if (onlyWhitespace && !Character.isWhitespace(c)) {
          onlyWhitespace = false;
        }
        if (!lineHasText) {
          lineHasText = true;
          noteTextLine(line);
        }
      }
    }
  }

  private void noteTextLine(long textLine) {
    if (tail == textLines.length) {
      if (head > textLines.length / 2) {
        System.arraycopy(textLines, head, textLines, 0, tail - head);
        tail -= head;
        head = 0;
      } else {
        textLines = Arrays.copyOf(textLines, textLines.length * 2);
      }
    }
    textLines[tail++] = textLine;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
