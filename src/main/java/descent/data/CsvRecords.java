package descent.data;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The records of CSV text, one at a time, into buffers that are reused: a cell is a range of
 * characters, never a {@code String}, so that reading a file of millions of cells makes no garbage
 * per cell (a String and a record object per row made a 74 MB file allocate gigabytes, and the
 * collector grew the heap to match). It splits text exactly as Commons CSV does with {@link
 * CsvDialect#format(char)}: the same cells, the same skipped empty lines, the same physical line
 * count ({@link #linesRead()} as {@code CSVParser.getCurrentLineNumber()}) and the same two errors
 * (a quoted cell never closed; text after a closing quote). {@code CsvRecordsTest} checks that
 * against Commons CSV on many random texts.
 *
 * <p>The rules, those of {@code CSVFormat.DEFAULT} with spaces ignored, trimmed and empty lines
 * skipped: a record ends at LF, CRLF or a lone CR; a line with no character at all is skipped; a
 * cell may be quoted with {@code "}, holding delimiters, line breaks and doubled quotes ({@code
 * ""}); white space around a cell is dropped ({@link Character#isWhitespace} outside quotes, then
 * {@link String#trim()}'s characters up to U+0020).
 */
final class CsvRecords {
  private static final int EOF = -1;
  private static final int UNDEFINED = -2;
  private static final char CR = '\r';
  private static final char LF = '\n';
  private static final char QUOTE = '"';

  private static final int TOKEN = 0; // a cell ended by a delimiter
  private static final int END_OF_RECORD = 1; // a cell ended by a line break
  private static final int END_OF_FILE = 2; // the end of the text: a cell if `ready`

  /** A quoted cell with no closing quote. */
  static final class UnclosedQuote extends IOException {
    private static final long serialVersionUID = 1L;

    UnclosedQuote() {
      super("EOF reached before encapsulated token finished");
    }
  }

  /** A character other than white space between a closing quote and the delimiter. */
  static final class TextAfterQuote extends IOException {
    private static final long serialVersionUID = 1L;

    TextAfterQuote() {
      super("Invalid character between encapsulated token and delimiter");
    }
  }

  private final Reader in;
  private final char delimiter;
  private final char[] buffer = new char[1 << 14];
  private int position;
  private int limit;
  private int lastChar = UNDEFINED;
  private long lines;
  private boolean lastTokenDelimiter;
  private boolean ready;

  // the record: the characters of its cells one after another, and where each cell is
  private char[] text = new char[256];
  private int length;
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private int cells;

  CsvRecords(Reader in, char delimiter) {
    this.in = Objects.requireNonNull(in, "in");
    this.delimiter = delimiter;
  }

  /**
   * Reads the next record, or returns false at the end of the text.
   *
   * @throws UnclosedQuote if a quoted cell is never closed
   * @throws TextAfterQuote if a closing quote is followed by text before the delimiter
   * @throws IOException if the text cannot be read
   */
  boolean next() throws IOException {
    cells = 0;
    length = 0;
    while (true) {
      int type = nextToken();
      if (type == TOKEN) {
        endCell();
      } else {
        if (type == END_OF_RECORD || ready) {
          endCell();
        }
        return cells > 0;
      }
    }
  }

  /** The physical lines read so far: the line on which the last record ended, or the one before. */
  long linesRead() {
    return lines;
  }

  /** The number of cells of the record. */
  int size() {
    return cells;
  }

  /** The characters of the record's cells; cell {@code j} is {@code start(j)} to {@code end(j)}. */
  char[] text() {
    return text;
  }

  int start(int j) {
    return starts[j];
  }

  int end(int j) {
    return ends[j];
  }

  /** Cell {@code j} as a string (for names and messages, not for numbers). */
  String cell(int j) {
    Objects.checkIndex(j, cells);
    return new String(text, starts[j], ends[j] - starts[j]);
  }

  /** Whether cell {@code j} is empty. */
  boolean isEmpty(int j) {
    return starts[j] == ends[j];
  }

  /** The cells as strings. */
  List<String> toList() {
    List<String> all = new ArrayList<>(cells);
    for (int j = 0; j < cells; j++) {
      all.add(cell(j));
    }
    return all;
  }

  /** Whether the record is a line of spaces only: one empty cell, no delimiter. */
  boolean isEmptyLine() {
    return cells == 1 && isEmpty(0);
  }

  /** Whether every cell is empty: a line of spaces, or of delimiters only. */
  boolean isBlank() {
    for (int j = 0; j < cells; j++) {
      if (!isEmpty(j)) {
        return false;
      }
    }
    return true;
  }

  private int nextToken() throws IOException {
    ready = false;
    int last = lastChar;
    int c = read();
    boolean eol = readEndOfLine(c);
    while (eol && isStartOfLine(last)) { // an empty line
      last = c;
      c = read();
      eol = readEndOfLine(c);
      if (c == EOF) {
        return END_OF_FILE;
      }
    }
    if (last == EOF || (!lastTokenDelimiter && c == EOF)) {
      return END_OF_FILE;
    }
    while (!eol && c != delimiter && Character.isWhitespace((char) c)) {
      c = read();
      eol = readEndOfLine(c);
    }
    int type;
    if (c == delimiter) {
      type = TOKEN;
    } else if (eol) {
      type = END_OF_RECORD;
    } else if (c == QUOTE) {
      type = quoted();
    } else if (c == EOF) {
      ready = true;
      type = END_OF_FILE;
    } else {
      type = simple(c);
    }
    lastTokenDelimiter = type == TOKEN;
    return type;
  }

  private int simple(int first) throws IOException {
    int c = first;
    int type;
    while (true) {
      if (readEndOfLine(c)) {
        type = END_OF_RECORD;
        break;
      }
      if (c == EOF) {
        ready = true;
        type = END_OF_FILE;
        break;
      }
      if (c == delimiter) {
        type = TOKEN;
        break;
      }
      append((char) c);
      c = read();
    }
    int cellStart = cells == 0 ? 0 : ends[cells - 1];
    while (length > cellStart && Character.isWhitespace(text[length - 1])) {
      length--;
    }
    return type;
  }

  private int quoted() throws IOException {
    while (true) {
      int c = read();
      if (c == QUOTE) {
        if (peek() == QUOTE) {
          append((char) read());
        } else {
          while (true) { // only white space may follow the closing quote
            c = read();
            if (c == delimiter) {
              return TOKEN;
            }
            if (c == EOF) {
              ready = true;
              return END_OF_FILE;
            }
            if (readEndOfLine(c)) {
              return END_OF_RECORD;
            }
            if (!Character.isWhitespace((char) c)) {
              throw new TextAfterQuote();
            }
          }
        }
      } else if (c == EOF) {
        throw new UnclosedQuote();
      } else {
        append((char) c);
      }
    }
  }

  /** Ends the cell that began where the previous one ended, trimmed as {@link String#trim()}. */
  private void endCell() {
    int start = cells == 0 ? 0 : ends[cells - 1];
    int end = length;
    while (start < end && text[start] <= ' ') {
      start++;
    }
    while (end > start && text[end - 1] <= ' ') {
      end--;
    }
    if (cells == starts.length) {
      starts = Arrays.copyOf(starts, cells * 2);
      ends = Arrays.copyOf(ends, cells * 2);
    }
    starts[cells] = start;
    // the next cell's characters begin after this one's, trimmed or not
    ends[cells] = end;
    cells++;
    length = end;
  }

  private void append(char c) {
    if (length == text.length) {
      text = Arrays.copyOf(text, text.length * 2);
    }
    text[length++] = c;
  }

  private static boolean isStartOfLine(int c) {
    return c == LF || c == CR || c == UNDEFINED;
  }

  /** Whether {@code c} ends a line; a CR's LF is read with it. */
  private boolean readEndOfLine(int c) throws IOException {
    if (c == CR && peek() == LF) {
      read();
    }
    return c == LF || c == CR;
  }

  private int read() throws IOException {
    if (position == limit && !fill()) {
      lastChar = EOF;
      return EOF;
    }
    char c = buffer[position++];
    if (c == CR || (c == LF && lastChar != CR)) {
      lines++;
    }
    lastChar = c;
    return c;
  }

  private int peek() throws IOException {
    if (position == limit && !fill()) {
      return EOF;
    }
    return buffer[position];
  }

  private boolean fill() throws IOException {
    int n;
    do {
      n = in.read(buffer, 0, buffer.length);
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }
}
