package descent.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A data file that cannot be loaded, with where and why. The message is one line, in the form
 * compilers use: {@code <file>:<line>:<column>: <reason>}, e.g. {@code data.csv:7:3: cell "abc" in
 * column "x2" is not a number}. A location part that does not apply (0) is left out: {@code
 * data.csv:1: …} or {@code data.csv: …}.
 */
public final class DataFileException extends Exception {
  private final Path file;
  private final int line;
  private final int column;
  private final String reason;

  /**
   * @param file the file, as the user named it
   * @param line the 1-based physical line, or 0 when no one line is to blame
   * @param column the 1-based column (cell position in the row), or 0
   * @param reason what is wrong, one line
   */
  public DataFileException(Path file, int line, int column, String reason) {
    this(file, line, column, reason, null);
  }

  public DataFileException(Path file, int line, int column, String reason, Throwable cause) {
    super(format(file, line, column, reason), cause);
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must be ≥ 0: " + line + ", " + column);
    }
    this.file = file;
    this.line = line;
    this.column = column;
    this.reason = oneLine(reason);
  }

  /** The file that could not be loaded. */
  public Path file() {
    return file;
  }

  /** The 1-based physical line in the file, or 0 when the problem is not on one line. */
  public int line() {
    return line;
  }

  /** The 1-based column (cell position within the row), or 0 when not applicable. */
  public int column() {
    return column;
  }

  /** The message without the location prefix. */
  public String reason() {
    return reason;
  }

  private static String format(Path file, int line, int column, String reason) {
    Objects.requireNonNull(file, "file");
    StringBuilder s = new StringBuilder(oneLine(file.toString()));
    if (line > 0) {
      s.append(':').append(line);
      if (column > 0) {
        s.append(':').append(column);
      }
    }
    return s.append(": ").append(oneLine(reason)).toString();
  }

  private static String oneLine(String text) {
    return Objects.requireNonNull(text, "reason").replaceAll("[\\r\\n]+", " ");
  }
}
