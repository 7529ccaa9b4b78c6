package descent.data;

import static descent.data.CsvRegressionData.quote;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One pass over one CSV file, streamed: records go from the splitter ({@link CsvRecords}) straight
 * into primitive arrays, and numbers are read from the cells' characters ({@link Decimals}), so
 * neither the file's text nor a string per cell is ever made. Lines are physical lines of the file,
 * taken from the splitter's line count and the {@link Utf8LineReader}'s note of which lines hold
 * text.
 */
final class CsvTableReader {
  private static final Pattern NOT_FINITE =
      Pattern.compile("[+-]?(?:nan|inf|infinity|∞)", Pattern.CASE_INSENSITIVE);

  private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d*,\\d+");

  /** The largest array Java allocates reliably. */
  private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  /** The parsed file: features n × d row-major, targets n, and the line of each row. */
  record Table(
      double[] features,
      double[] targets,
      List<String> featureNames,
      String targetName,
      char delimiter,
      int[] lines) {}

  private final Path file;
  private final MemoryBudget budget;
  private final Duration wait;

  // the rows read so far, in blocks
  private RowBlocks rows;
  // for each column: its index among the chosen features, or IGNORED (the target's is 0)
  private int[] slot;
  private static final int IGNORED = -1;

  CsvTableReader(Path file) {
    this(file, MemoryBudget.ofThisJava(), SilenceLimit.WAIT);
  }

  /**
   * A reader that keeps no more rows than {@code budget} allows, and waits at most {@code wait} for
   * the next bytes of a pipe or device.
   */
  CsvTableReader(Path file, MemoryBudget budget, Duration wait) {
    this.file = file;
    this.budget = budget;
    this.wait = wait;
  }

  /** Opens {@code file} as UTF-8 text, or says in one line why it cannot. */
  static Utf8LineReader open(Path file) throws DataFileException {
    return open(file, SilenceLimit.WAIT);
  }

  /**
   * Opens {@code file}; a pipe or a device is read on a helper thread that waits at most {@code
   * wait} for each next bytes ({@link SilenceLimit}), so one that nothing writes to is refused
   * instead of hanging.
   */
  static Utf8LineReader open(Path file, Duration wait) throws DataFileException {
    if (Files.isDirectory(file)) {
      throw new DataFileException(file, 0, 0, "is a directory, not a file");
    }
    try {
      InputStream in =
          Files.isRegularFile(file) || !Files.exists(file)
              ? Files.newInputStream(file)
              : SilenceLimit.open(file, wait);
      return new Utf8LineReader(in);
    } catch (NoSuchFileException e) {
      throw new DataFileException(file, 0, 0, "no such file", e);
    } catch (AccessDeniedException e) {
      throw new DataFileException(file, 0, 0, "cannot read the file: permission denied", e);
    } catch (IOException e) {
      throw new DataFileException(file, 0, 0, "cannot read the file: " + e.getMessage(), e);
    }
  }

  /** Reads the file with the target {@code targetOrNull} and every other column as a feature. */
  Table read(String targetOrNull) throws DataFileException {
    return read(targetOrNull, List.of());
  }

  /**
   * Reads the file.
   *
   * @param targetOrNull the target's name, or null for the last column
   * @param featureNames the feature columns in the order wanted, or empty for every column but the
   *     target, in file order; columns not chosen are never parsed
   */
  Table read(String targetOrNull, List<String> featureNames) throws DataFileException {
    List<String> header = null;
    int headerLine = 0;
    int target = -1;
    int[] chosen = null; // the feature columns, in the order wanted
    long lastLine = 0; // the physical line on which the previous record ended
    char delimiter;
    // one open stream, read from its start once per delimiter tried and once for good
    try (Utf8LineReader reader = open(file, wait)) {
      Replay replay = new Replay(reader);
      delimiter = CsvDialect.sniff(() -> replay.fromStart(true));
      CsvRecords records = new CsvRecords(replay.fromStart(false), delimiter);
      while (true) {
        try {
          if (!records.next()) {
            break;
          }
        } catch (IOException e) {
          throw malformed(e, reader.firstLineWithTextAfter(lastLine));
        }
        int line = lineNumber(reader.firstLineWithTextAfter(lastLine));
        lastLine = records.linesRead();
        // Below the header, a line of delimiters only is blank, as spreadsheets write it. Above
        // it only a line of spaces is: ",," as the first line must not make the next line the
        // header, so it is refused as a header with empty names.
        if (header == null ? records.isEmptyLine() : records.isBlank()) {
          continue;
        }
        if (header == null) {
          header = records.toList();
          headerLine = line;
          if (onlyWhitespaceLeft(reader, records)) {
            throw new DataFileException(file, 0, 0, "the file is empty");
          }
          CsvHeader.check(file, header, line, delimiter);
          target = CsvHeader.targetIndex(file, header, targetOrNull, line);
          chosen = CsvHeader.featureIndices(file, header, featureNames, target, line);
          rows = new RowBlocks(chosen.length, expectedRows(chosen.length, lastLine));
        } else {
          add(records, header, target, chosen, line, delimiter);
        }
      }
    } catch (IOException e) {
      throw malformed(e, 0);
    }
    if (header == null) {
      throw new DataFileException(file, 0, 0, "the file is empty");
    }
    int n = rows == null ? 0 : rows.size();
    if (n == 0) {
      throw new DataFileException(
          file, 0, 0, "no data rows below the header on line " + headerLine);
    }
    if (n < 2) {
      throw new DataFileException(
          file,
          0,
          0,
          "only one data row (line "
              + rows.lineOf(0)
              + "); need at least two, one to train and one to validate");
    }
    int d = chosen.length;
    List<String> names = new ArrayList<>(d);
    for (int j : chosen) {
      names.add(header.get(j));
    }
    double[] x = rows.joinFeatures();
    double[] y = rows.joinTargets();
    int[] at = rows.joinLines();
    rows = null;
    return new Table(x, y, List.copyOf(names), header.get(target), delimiter, at);
  }

  /**
   * How many data rows may follow the line {@code after}, counted from the bytes of a regular file
   * if that many fit ({@link LineCount}), so they are read into one array of that size; 0 if not
   * known (a pipe or device, or more rows than fit, which are refused as they come).
   */
  private long expectedRows(int d, long after) {
    if (!Files.isRegularFile(file)) {
      return 0;
    }
    long most = Math.min(MAX_ARRAY / Math.max(1, d), budget.maxRows(d, MemoryBudget.READ_COPIES));
    long lines = LineCount.textLinesAfter(file, after, most);
    return lines <= most ? lines : 0;
  }

  /**
   * Whether the file holds only white space, such as a line of tabs: then it is empty, not a header
   * of empty names. Reads on only while that can still be so.
   */
  private static boolean onlyWhitespaceLeft(Utf8LineReader reader, CsvRecords records) {
    try {
      while (reader.onlyWhitespace() && records.next()) {
        // a record of white space only: read on
      }
    } catch (IOException e) {
      return false;
    }
    return reader.onlyWhitespace();
  }

  private int lineNumber(long line) {
    return (int) Math.min(line, Integer.MAX_VALUE);
  }

  /**
   * Parses one data row's target and chosen features into the arrays, growing them when full. The
   * other cells are only counted: a text column not chosen never stops a file from loading.
   */
  private void add(
      CsvRecords record, List<String> header, int target, int[] chosen, int line, char delimiter)
      throws DataFileException {
    if (slot == null) {
      slot = new int[header.size()];
      Arrays.fill(slot, IGNORED);
      slot[target] = 0;
      for (int k = 0; k < chosen.length; k++) {
        slot[chosen[k]] = k;
      }
    }
    int width = header.size();
    int size = record.size();
    if (size < width) {
      throw new DataFileException(
          file,
          line,
          size + 1,
          "row has "
              + cellCount(size)
              + " but the header has "
              + width
              + " columns; column "
              + quote(header.get(size))
              + " is missing"
              + (size == 1
                  ? " (the delimiter, taken from the header, is the "
                      + CsvDialect.delimiterName(delimiter)
                      + ")"
                  : ""));
    }
    if (size > width) {
      throw new DataFileException(
          file,
          line,
          width + 1,
          "row has " + cellCount(size) + " but the header has only " + width + " columns");
    }
    int d = chosen.length;
    if (rows == null) {
      rows = new RowBlocks(d);
    }
    makeRoom(d, line);
    // in file order, so that the first bad cell of a row is the one reported
    for (int j = 0; j < width; j++) {
      int k = slot[j];
      if (k == IGNORED) {
        continue;
      }
      double value = number(record, j, header.get(j), line);
      if (j == target) {
        rows.target(value);
      } else {
        rows.feature(k, value);
      }
    }
    rows.keep(line);
  }

  /**
   * Refuses the row on {@code line} when it is one more than fit in one array or in the memory this
   * Java gives its data ({@link MemoryBudget}): the file is refused there, before the memory runs
   * out, with the estimate and the limit. Otherwise adds a block when the last is full.
   */
  private void makeRoom(int d, int line) throws DataFileException {
    long inArray = MAX_ARRAY / Math.max(1, d);
    long inMemory = budget.maxRows(d, MemoryBudget.READ_COPIES);
    int n = rows.size();
    if (n >= inArray) {
      throw new DataFileException(
          file,
          line,
          0,
          String.format(
              Locale.ROOT,
              "too large: more than %,d data rows × %d features do not fit in one Java array (at"
                  + " most %,d numbers); use a file with fewer rows or columns",
              n,
              d,
              MAX_ARRAY));
    }
    if (n >= inMemory) {
      long more = n + 1L;
      throw new DataFileException(
          file,
          line,
          0,
          String.format(
                  Locale.ROOT, "too large for this Java's memory: more than %,d data rows; ", n)
              + budget.problem(more, d, MemoryBudget.READ_COPIES)
              + "; "
              + budget.cureForMore("use a file with fewer rows"));
    }
    if (rows.full()) {
      rows.addBlock(Math.min(inArray, inMemory));
    }
  }

  /**
   * The number in cell {@code j} of {@code record}, read from its characters; a string of the cell
   * is made only to say why it is refused.
   */
  private double number(CsvRecords record, int j, String column, int line)
      throws DataFileException {
    int col = j + 1;
    if (record.isEmpty(j)) {
      throw new DataFileException(file, line, col, "cell in column " + quote(column) + " is empty");
    }
    double value = Decimals.parse(record.text(), record.start(j), record.end(j));
    if (Double.isFinite(value)) {
      return value;
    }
    String cell = record.cell(j);
    if (!Double.isNaN(value)) {
      throw new DataFileException(
          file,
          line,
          col,
          "cell " + quote(cell) + " in column " + quote(column) + " is too large for a double");
    }
    String why =
        NOT_FINITE.matcher(cell).matches()
            ? "is not a finite number"
            : DECIMAL_COMMA.matcher(cell).matches()
                ? "is not a number (write decimals with a point: 1.5, not 1,5)"
                : "is not a number";
    throw new DataFileException(
        file, line, col, "cell " + quote(cell) + " in column " + quote(column) + " " + why);
  }

  /**
   * What went wrong reading the record that starts on {@code line} (0 if unknown). Bytes that are
   * not UTF-8 carry their own line. The parser's message picks a friendlier reason when it is one
   * we know, but never the location.
   */
  private DataFileException malformed(Throwable e, long line) {
    if (e instanceof Utf8LineReader.BadBytes bad) {
      return new DataFileException(file, lineNumber(bad.line()), 0, bad.getMessage(), e);
    }
    if (e instanceof Utf8LineReader.LineTooLong tooLong) {
      return new DataFileException(file, lineNumber(tooLong.line()), 0, e.getMessage(), e);
    }
    if (e instanceof SilenceLimit.Silent) {
      return new DataFileException(file, 0, 0, e.getMessage(), e);
    }
    String reason;
    if (e instanceof CsvRecords.UnclosedQuote) {
      reason = "a quoted cell is never closed: the closing \" is missing";
    } else if (e instanceof CsvRecords.TextAfterQuote) {
      reason = "text after the closing \" of a quoted cell; a quoted cell must end at a delimiter";
    } else {
      reason = "cannot read the file: " + e.getMessage();
    }
    return new DataFileException(file, lineNumber(line), 0, reason, e);
  }

  private static String cellCount(int count) {
    return count + (count == 1 ? " cell" : " cells");
  }
}
