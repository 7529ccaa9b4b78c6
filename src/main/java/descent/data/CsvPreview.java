package descent.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The header and first rows of a CSV file as text, read the way {@link CsvRegressionData} reads it
 * (the same delimiter sniffing, blank lines and header rules), for a preview before the file is
 * loaded. Only the first rows are read, so a large file previews at once. A problem with the file
 * that the preview cannot word exactly as the loader does is left to the loader: see {@link #read}.
 *
 * @param header the column names
 * @param rows up to the number of rows asked for, each as its cells' text (a row may be ragged)
 * @param delimiter the delimiter sniffed from the header
 */
public record CsvPreview(List<String> header, List<List<String>> rows, char delimiter) {
  public CsvPreview {
    header = List.copyOf(header);
    rows = rows.stream().map(List::copyOf).toList();
  }

  /**
   * Reads the header and up to {@code maxRows} data rows of {@code file}.
   *
   * @throws DataFileException with the loader's very message if the file cannot be opened, has no
   *     usable header, or is not CSV the loader could read (then the whole file is loaded once to
   *     find the message)
   */
  public static CsvPreview read(Path file, int maxRows) throws DataFileException {
    List<String> header = null;
    List<List<String>> rows = new ArrayList<>();
    char delimiter;
    boolean broken = false;
    try (Utf8LineReader reader = CsvTableReader.open(file)) {
      Replay replay = new Replay(reader);
      delimiter = CsvDialect.sniff(() -> replay.fromStart(true));
      try (CSVParser parser =
          CSVParser.parse(replay.fromStart(false), CsvDialect.format(delimiter))) {
        Iterator<CSVRecord> records = parser.iterator();
        while (rows.size() < maxRows && records.hasNext()) {
          CSVRecord record = records.next();
          if (header == null ? CsvDialect.isEmptyLine(record) : CsvDialect.isBlank(record)) {
            continue;
          }
          if (header == null) {
            header = record.toList();
            CsvHeader.check(file, header, (int) Math.max(1, record.getRecordNumber()), delimiter);
          } else {
            rows.add(record.toList());
          }
        }
      }
    } catch (IOException | UncheckedIOException e) {
      Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
      if (cause instanceof SilenceLimit.Silent) {
        // a pipe that sent nothing: reading it again for the loader's message would wait again
        throw new DataFileException(file, 0, 0, cause.getMessage(), cause);
      }
      broken = true;
      delimiter = ',';
    } catch (DataFileException e) {
      // the header's line as the preview counts it may differ from the loader's: ask the loader
      broken = true;
      delimiter = ',';
    }
    if (broken || header == null || rows.isEmpty()) {
      // the loader words the problem as the command line does (or finds none in a short file)
      CsvRegressionData.load(file, null, null, 1, false, 0);
      if (header == null) {
        throw new DataFileException(file, 0, 0, "the file is empty");
      }
    }
    return new CsvPreview(header, rows, delimiter);
  }

  /** Whether every previewed cell of column {@code column} is a number the loader accepts. */
  public boolean looksNumeric(int column) {
    for (List<String> row : rows) {
      if (column >= row.size()) {
        continue;
      }
      String cell = row.get(column);
      if (!Decimals.isDecimal(cell) || !Double.isFinite(Double.parseDouble(cell))) {
        return false;
      }
    }
    return true;
  }
}
