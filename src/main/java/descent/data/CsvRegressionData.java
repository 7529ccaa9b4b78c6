package descent.data;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

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
 *
 * <p>The file is streamed: its text is never held whole, only the parsed numbers, in primitive
 * arrays.
 */
public final class CsvRegressionData extends RegressionData {
  /** The delimiters tried on the header line, in order of preference on a tie. */
  static final char[] DELIMITERS = CsvDialect.DELIMITERS;

  private final Path file;
  private final char delimiter;
  private final int[] lines;

  private CsvRegressionData(
      CsvTableReader.Table table,
      int numTrain,
      int batchSize,
      boolean shuffle,
      long seed,
      Path file) {
    super(
        table.features(),
        table.targets(),
        table.featureNames().size(),
        numTrain,
        batchSize,
        shuffle,
        seed,
        table.featureNames(),
        table.targetName());
    this.file = file;
    this.delimiter = table.delimiter();
    this.lines = table.lines();
  }

  /**
   * The same rows and shuffle with another split or batch size; the rows are shared, not copied.
   */
  private CsvRegressionData(CsvRegressionData data, int numTrain, int batchSize) {
    super(
        data.features,
        data.targets,
        data.numFeatures(),
        numTrain,
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
   * @throws DataFileException if the file cannot be read or is not a numeric table as described, or
   *     if {@code numTrainOrNull} leaves no training or no validation row of it
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
    return load(file, targetOrNull, List.of(), numTrainOrNull, batchSize, shuffle, seed);
  }

  /**
   * Reads {@code file} with only the feature columns named. Columns neither chosen nor the target
   * are ignored entirely: they may hold text, or nothing.
   *
   * @param features the feature columns' names in the order the model's weights take them, or an
   *     empty list for every column but the target, in file order
   * @throws DataFileException as {@link #load(Path, String, Integer, int, boolean, long)} does, and
   *     also if a feature is not a column of the file, is named twice, or is the target
   */
  public static CsvRegressionData load(
      Path file,
      String targetOrNull,
      List<String> features,
      Integer numTrainOrNull,
      int batchSize,
      boolean shuffle,
      long seed)
      throws DataFileException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(features, "features");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
    CsvTableReader.Table table = new CsvTableReader(file).read(targetOrNull, features);
    int n = table.targets().length;
    int numTrain = numTrainOrNull == null ? defaultNumTrain(n) : numTrainOrNull;
    if (numTrain < 1 || numTrain >= n) {
      throw new DataFileException(file, 0, 0, splitProblem(numTrain, n));
    }
    return new CsvRegressionData(table, numTrain, batchSize, shuffle, seed, file);
  }

  /**
   * Why {@code numTrain} of {@code numRows} rows is no split: {@code numTrain 5 leaves no
   * validation row: the file has 5 data rows, so numTrain must be 1 to 4}.
   */
  static String splitProblem(int numTrain, int numRows) {
    return "numTrain "
        + numTrain
        + " leaves "
        + (numTrain < 1 ? "no training row" : "no validation row")
        + ": the file has "
        + numRows
        + " data rows, so numTrain must be "
        + (numRows == 2 ? "1" : "1 to " + (numRows - 1));
  }

  /**
   * Why {@code numTrain} training rows do not fit a file of {@code numRows} data rows, as the
   * command line's {@code --num-train} and the app's import dialog both say it: {@code must be an
   * integer from 1 to 4 for this file, got 5 (data.csv has 5 data rows and at least one must be
   * left to validate)}; null if it fits.
   *
   * @param fileName the file as the user should read it
   */
  public static String numTrainProblem(int numTrain, int numRows, String fileName) {
    if (numTrain >= 1 && numTrain < numRows) {
      return null;
    }
    return "must be "
        + (numRows == 2 ? "1" : "an integer from 1 to " + (numRows - 1))
        + " for this file, got "
        + numTrain
        + " ("
        + fileName
        + " has "
        + numRows
        + " data rows and at least one must be left to validate)";
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

  /** The number of data rows in the file: training and validation. */
  public int numRows() {
    return numTrain() + numVal();
  }

  /**
   * This data with minibatches of {@code batchSize} rows, e.g. to fit a default batch size to the
   * number of training rows, which is known only once the file is read. The rows are shared.
   *
   * @throws IllegalArgumentException if {@code batchSize < 1}
   */
  public CsvRegressionData withBatchSize(int batchSize) {
    return batchSize == batchSize() ? this : new CsvRegressionData(this, numTrain(), batchSize);
  }

  /**
   * This data with its first {@code numTrain} rows training and the rest validating, e.g. once a
   * caller knows how many rows the file has. The rows are shared.
   *
   * @throws IllegalArgumentException unless {@code 1 ≤ numTrain < }{@link #numRows()}
   */
  public CsvRegressionData withNumTrain(int numTrain) {
    if (numTrain < 1 || numTrain >= numRows()) {
      throw new IllegalArgumentException(splitProblem(numTrain, numRows()));
    }
    return numTrain == numTrain() ? this : new CsvRegressionData(this, numTrain, batchSize());
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

  /**
   * The delimiter that splits the header of {@code text} (its first record that is not an empty
   * line) into the most fields; on a tie the earlier of {@link #DELIMITERS}. A delimiter under
   * which the header is not well-formed CSV (say {@code ,} for {@code "a,b";c}) scores nothing.
   */
  static char sniff(String text) {
    return CsvDialect.sniff(() -> new StringReader(text));
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
