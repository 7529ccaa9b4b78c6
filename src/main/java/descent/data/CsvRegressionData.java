package descent.data;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A regression data set read from a numeric CSV file with a header row. One column is the target
 * (by default the last); every other column is a feature, in file order. The first {@code numTrain}
 * data rows train and the rest validate, in file order (by default 80 % train, rounded down).
 *
 * <p>Accepted: comma, semicolon or tab delimiters, detected from the header line; LF, CRLF or CR
 * line endings; a UTF-8 byte-order mark; quoted cells; spaces around cells; blank lines; below the
 * header, lines of delimiters only, as spreadsheets write. The header is the first line that is not
 * blank: a line of delimiters only there is refused (its names are empty), and so is a header whose
 * names are all numbers (a file without a header row). Every cell must be a finite decimal number
 * such as {@code 3}, {@code -2.5} or {@code 1e-3}. Anything else is refused with a {@link
 * DataFileException} naming the physical line and column. See {@code
 * docs/decisions/0003-csv-input.md}.
 */
public final class CsvRegressionData extends RegressionData {
  /** The delimiters tried on the header line, in order of preference on a tie. */
  static final char[] DELIMITERS = {',', ';', '\t'};

  /** A plain decimal number: no hex, no {@code NaN}/{@code Infinity}, no {@code d}/{@code f}. */
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

  private static final Pattern NOT_FINITE =
      Pattern.compile("[+-]?(?:nan|inf|infinity|∞)", Pattern.CASE_INSENSITIVE);

  private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d*,\\d+");

  private static final Pattern COMMONS_LINE = Pattern.compile("(?:startline|line:?) (\\d+)");

  private final Path file;
  private final char delimiter;
  private final int[] lines;

  private CsvRegressionData(
      Table table, int numTrain, int batchSize, boolean shuffle, long seed, Path file) {
    super(
        table.features,
        table.targets,
        table.featureNames.size(),
        numTrain,
        batchSize,
        shuffle,
        seed,
        table.featureNames,
        table.targetName);
    this.file = file;
    this.delimiter = table.delimiter;
    this.lines = table.lines;
  }

  /** The same rows, split and shuffle with another batch size; the rows are shared, not copied. */
  private CsvRegressionData(CsvRegressionData data, int batchSize) {
    super(
        data.features,
        data.targets,
        data.numFeatures(),
        data.numTrain(),
        batchSize,
        data.shuffle(),
        data.seed(),
        data.featureNames(),
        data.targetName());
    this.file = data.file;
    this.delimiter = data.delimiter;
    this.lines = data.lines;
  }

  /**
   * Reads {@code file}.
   *
   * @param file a UTF-8 CSV file with a header row
   * @param targetOrNull the target column's header name; {@code null} for the last column
   * @param numTrainOrNull how many of the first data rows train; {@code null} for {@link
   *     #defaultNumTrain}
   * @param batchSize the minibatch size, at least 1
   * @param shuffle whether the training loader reshuffles every epoch
   * @param seed the seed of the shuffles
   * @throws DataFileException if the file cannot be read or is not a numeric table as described
   * @throws IllegalArgumentException if {@code batchSize < 1}
   */
  public static CsvRegressionData load(
      Path file,
      String targetOrNull,
      Integer numTrainOrNull,
      int batchSize,
      boolean shuffle,
      long seed)
      throws DataFileException {
    Objects.requireNonNull(file, "file");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
    String text = read(file);
    Table table = new TableReader(file, text).read(targetOrNull);
    int n = table.targets.length;
    int numTrain = numTrainOrNull == null ? defaultNumTrain(n) : numTrainOrNull;
    if (numTrain < 1 || numTrain >= n) {
      throw new DataFileException(
          file,
          0,
          0,
          "numTrain "
              + numTrain
              + " leaves "
              + (numTrain < 1 ? "no training row" : "no validation row")
              + ": the file has "
              + n
              + " data rows, so numTrain must be "
              + (n == 2 ? "1" : "1 to " + (n - 1)));
    }
    return new CsvRegressionData(table, numTrain, batchSize, shuffle, seed, file);
  }

  /**
   * The default number of training rows among {@code numRows}: 80 % rounded down, but at least one
   * and leaving at least one for validation.
   */
  public static int defaultNumTrain(int numRows) {
    if (numRows < 2) {
      throw new IllegalArgumentException("need at least 2 rows, got " + numRows);
    }
    int numTrain = (int) (numRows * 4L / 5);
    return Math.max(1, Math.min(numTrain, numRows - 1));
  }

  /**
   * This data with minibatches of {@code batchSize} rows, e.g. to fit a default batch size to the
   * number of training rows, which is known only once the file is read. The rows are shared.
   *
   * @throws IllegalArgumentException if {@code batchSize < 1}
   */
  public CsvRegressionData withBatchSize(int batchSize) {
    return batchSize == batchSize() ? this : new CsvRegressionData(this, batchSize);
  }

  /** The file the data came from. */
  public Path file() {
    return file;
  }

  /** The delimiter detected from the header line: {@code ','}, {@code ';'} or {@code '\t'}. */
  public char delimiter() {
    return delimiter;
  }

  /** The physical line (1-based) of data row {@code row} (0-based) in the file. */
  public int lineOf(int row) {
    return lines[row];
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  /** The parsed file: features n × d row-major, targets n, and the line of each row. */
  private record Table(
      double[] features,
      double[] targets,
      List<String> featureNames,
      String targetName,
      char delimiter,
      int[] lines) {}

  private static String read(Path file) throws DataFileException {
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw new DataFileException(file, 0, 0, "is a directory, not a file");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new DataFileException(file, 0, 0, "no such file", e);
    } catch (AccessDeniedException e) {
      throw new DataFileException(file, 0, 0, "cannot read the file: permission denied", e);
    } catch (IOException e) {
      throw new DataFileException(file, 0, 0, "cannot read the file: " + e.getMessage(), e);
    }
    if (bytes.length >= 2
        && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
            || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
      throw new DataFileException(file, 0, 0, "the file is UTF-16 text; save it as UTF-8");
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int at = in.position();
      throw new DataFileException(
          file,
          lineOfByte(bytes, at),
          0,
          String.format(
              "byte 0x%02X at offset %d is not UTF-8; save the file as UTF-8", bytes[at], at));
    }
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static int lineOfByte(byte[] bytes, int at) {
    int line = 1;
    for (int i = 0; i < at; i++) {
      if (bytes[i] == '\n'
          || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
        line++;
      }
    }
    return line;
  }

  /** One pass over the text of one file. */
  private static final class TableReader {
    private final Path file;
    private final String text;
    private final int[] lineStarts;

    TableReader(Path file, String text) {
      this.file = file;
      this.text = text;
      this.lineStarts = lineStarts(text);
    }

    Table read(String targetOrNull) throws DataFileException {
      if (text.isBlank()) {
        throw new DataFileException(file, 0, 0, "the file is empty");
      }
      char delimiter = sniff(text);
      List<String> header = null;
      int headerLine = 0;
      int target = -1;
      List<double[]> rows = new ArrayList<>();
      List<Integer> rowLines = new ArrayList<>();
      try (CSVParser parser = CSVParser.parse(new StringReader(text), format(delimiter))) {
        Iterator<CSVRecord> records = parser.iterator();
        while (true) {
          CSVRecord record;
          try {
            if (!records.hasNext()) {
              break;
            }
            record = records.next();
          } catch (UncheckedIOException e) {
            throw malformed(e.getCause(), parser);
          }
          // Below the header, a line of delimiters only is blank, as spreadsheets write it. Above
          // it only a line of spaces is: ",," as the first line must not make the next line the
          // header, so it is refused as a header with empty names.
          if (header == null ? isEmptyLine(record) : isBlank(record)) {
            continue;
          }
          int line = lineOf(record.getCharacterPosition());
          if (header == null) {
            header = record.toList();
            headerLine = line;
            checkHeader(header, line, delimiter);
            target = targetIndex(header, targetOrNull, line);
          } else {
            rows.add(cells(record, header, line, delimiter));
            rowLines.add(line);
          }
        }
      } catch (IOException e) {
        throw malformed(e, null);
      }
      if (header == null) {
        throw new DataFileException(file, 0, 0, "the file is empty");
      }
      if (rows.isEmpty()) {
        throw new DataFileException(
            file, 0, 0, "no data rows below the header on line " + headerLine);
      }
      if (rows.size() < 2) {
        throw new DataFileException(
            file,
            0,
            0,
            "only one data row (line "
                + rowLines.get(0)
                + "); need at least two, one to train and one to validate");
      }
      return table(header, target, rows, rowLines, delimiter);
    }

    private Table table(
        List<String> header, int target, List<double[]> rows, List<Integer> rowLines, char delim)
        throws DataFileException {
      int n = rows.size();
      int d = header.size() - 1;
      if ((long) n * d > Integer.MAX_VALUE - 8) {
        throw new DataFileException(
            file, 0, 0, "too large: " + n + " rows × " + d + " features do not fit in memory");
      }
      double[] features = new double[n * d];
      double[] targets = new double[n];
      int[] lines = new int[n];
      for (int i = 0; i < n; i++) {
        double[] row = rows.get(i);
        for (int j = 0, k = 0; j < row.length; j++) {
          if (j == target) {
            targets[i] = row[j];
          } else {
            features[i * d + k++] = row[j];
          }
        }
        lines[i] = rowLines.get(i);
      }
      List<String> featureNames = new ArrayList<>(header);
      String targetName = featureNames.remove(target);
      return new Table(features, targets, featureNames, targetName, delim, lines);
    }

    private void checkHeader(List<String> header, int line, char delimiter)
        throws DataFileException {
      if (header.stream().allMatch(String::isEmpty)) {
        throw new DataFileException(
            file,
            line,
            0,
            "the header has empty column names (the line holds only "
                + delimiterName(delimiter)
                + "s); the first line must name the columns");
      }
      if (header.stream().allMatch(name -> DECIMAL.matcher(name).matches())) {
        throw new DataFileException(
            file,
            line,
            0,
            "the first line looks like data, not a header; add a header row naming the columns");
      }
      if (header.size() < 2) {
        throw new DataFileException(
            file,
            line,
            0,
            "the header has one column ("
                + quote(header.get(0))
                + "); need at least one feature and a target, separated by commas, semicolons"
                + " or tabs");
      }
      Map<String, Integer> seen = new HashMap<>();
      for (int j = 0; j < header.size(); j++) {
        String name = header.get(j);
        if (name.isEmpty()) {
          throw new DataFileException(
              file,
              line,
              j + 1,
              "column "
                  + (j + 1)
                  + " has no name"
                  + (j == header.size() - 1
                      ? " (a " + delimiterName(delimiter) + " at the end of the header?)"
                      : ""));
        }
        Integer first = seen.putIfAbsent(name, j + 1);
        if (first != null) {
          throw new DataFileException(
              file,
              line,
              j + 1,
              "column "
                  + (j + 1)
                  + " is named "
                  + quote(name)
                  + ", like column "
                  + first
                  + "; column names must be unique");
        }
      }
    }

    private int targetIndex(List<String> header, String targetOrNull, int line)
        throws DataFileException {
      if (targetOrNull == null) {
        return header.size() - 1;
      }
      int index = header.indexOf(targetOrNull);
      if (index < 0) {
        throw new DataFileException(
            file,
            line,
            0,
            "no column named "
                + quote(targetOrNull)
                + " to use as the target; the columns are "
                + header.stream().map(CsvRegressionData::quote).collect(Collectors.joining(", ")));
      }
      return index;
    }

    private double[] cells(CSVRecord record, List<String> header, int line, char delimiter)
        throws DataFileException {
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
                        + delimiterName(delimiter)
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
      double[] values = new double[width];
      for (int j = 0; j < width; j++) {
        values[j] = number(record.get(j), header.get(j), line, j + 1);
      }
      return values;
    }

    private double number(String cell, String column, int line, int col) throws DataFileException {
      if (cell.isEmpty()) {
        throw new DataFileException(
            file, line, col, "cell in column " + quote(column) + " is empty");
      }
      if (DECIMAL.matcher(cell).matches()) {
        double value = Double.parseDouble(cell);
        if (Double.isFinite(value)) {
          return value;
        }
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

    private DataFileException malformed(Throwable e, CSVParser parser) {
      String message = String.valueOf(e.getMessage());
      int line = 0;
      Matcher m = COMMONS_LINE.matcher(message);
      if (m.find()) {
        line = Integer.parseInt(m.group(1));
      } else if (parser != null) {
        line = (int) parser.getCurrentLineNumber();
      }
      String reason;
      if (message.contains("EOF reached before encapsulated token finished")) {
        reason = "a quoted cell is never closed: the closing \" is missing";
      } else if (message.contains("Invalid character between encapsulated token and delimiter")) {
        reason =
            "text after the closing \" of a quoted cell; a quoted cell must end at a delimiter";
      } else {
        reason = "malformed CSV: " + message;
      }
      return new DataFileException(file, line, 0, reason, e);
    }

    /** The physical line at character {@code position}, skipping the empty lines Commons skips. */
    private int lineOf(long position) {
      int at = (int) position;
      while (at < text.length() && (text.charAt(at) == '\r' || text.charAt(at) == '\n')) {
        at++;
      }
      int i = Arrays.binarySearch(lineStarts, at);
      return i >= 0 ? i + 1 : -i - 1;
    }

    /** The offset at which each physical line starts; lines end at LF, CRLF or a lone CR. */
    private static int[] lineStarts(String text) {
      List<Integer> starts = new ArrayList<>();
      starts.add(0);
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
          starts.add(i + 1);
        }
      }
      return starts.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /**
   * The delimiter that splits the header (the first record that is not an empty line) into the most
   * fields; on a tie the earlier of {@link #DELIMITERS}. A delimiter under which the header is not
   * well-formed CSV (say {@code ,} for {@code "a,b";c}) scores nothing.
   */
  static char sniff(String text) {
    char best = DELIMITERS[0];
    int most = -1;
    for (char delimiter : DELIMITERS) {
      int fields = headerWidth(text, delimiter);
      if (fields > most) {
        best = delimiter;
        most = fields;
      }
    }
    return best;
  }

  private static int headerWidth(String text, char delimiter) {
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format(delimiter))) {
      for (CSVRecord record : parser) {
        if (!isEmptyLine(record)) {
          return record.size();
        }
      }
      return 0;
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  /** Whether {@code record} is a line of spaces only: one empty cell, no delimiter. */
  private static boolean isEmptyLine(CSVRecord record) {
    return record.size() == 1 && record.get(0).isEmpty();
  }

  /**
   * Whether {@code record} holds nothing: a line of spaces, or of delimiters only (as spreadsheets
   * write below a table). Below the header such lines are skipped like empty ones.
   */
  private static boolean isBlank(CSVRecord record) {
    for (String cell : record) {
      if (!cell.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static CSVFormat format(char delimiter) {
    return CSVFormat.DEFAULT
        .builder()
        .setDelimiter(delimiter)
        .setIgnoreSurroundingSpaces(true)
        .setTrim(true)
        .setIgnoreEmptyLines(true)
        .get();
  }

  private static String delimiterName(char delimiter) {
    return switch (delimiter) {
      case ',' -> "comma";
      case ';' -> "semicolon";
      case '\t' -> "tab";
      default -> quote(String.valueOf(delimiter));
    };
  }

  private static String cellCount(int n) {
    return n + (n == 1 ? " cell" : " cells");
  }

  /** {@code text} in double quotes, control characters escaped, shortened to stay readable. */
  static String quote(String text) {
    StringBuilder s = new StringBuilder("\"");
    int limit = 40;
    for (int i = 0; i < text.length(); i++) {
      if (i == limit) {
        s.append('…');
        break;
      }
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        case '"' -> s.append("\\\"");
        default -> s.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : c);
      }
    }
    return s.append('"').toString();
  }
}
