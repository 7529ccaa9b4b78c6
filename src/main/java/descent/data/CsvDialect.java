package descent.data;

import static descent.data.CsvRegressionData.quote;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV layout the reader accepts: Commons CSV's default format with the delimiter sniffed from
 * the header, spaces around cells ignored and empty lines skipped; and which records count as
 * blank.
 */
final class CsvDialect {
  /** The delimiters tried on the header line, in order of preference on a tie. */
  static final char[] DELIMITERS = {',', ';', '\t'};

  private CsvDialect() {}

  /** Opens the text to sniff from its start, once per delimiter tried. */
  @FunctionalInterface
  interface Opener {
    Reader open() throws IOException;
  }

  /**
   * The delimiter that splits the header (the first record that is not an empty line) into the most
   * fields; on a tie the earlier of {@link #DELIMITERS}. A delimiter under which the header is not
   * well-formed CSV (say {@code ,} for {@code "a,b";c}) scores nothing. Reads only as far as the
   * header, once per delimiter.
   */
  static char sniff(Opener opener) {
    char best = DELIMITERS[0];
    int most = -1;
    for (char delimiter : DELIMITERS) {
      int fields;
      try (Reader reader = opener.open()) {
        fields = headerWidth(reader, delimiter);
      } catch (IOException e) {
        fields = 0; // text that cannot be read is reported by the full pass
      }
      if (fields > most) {
        best = delimiter;
        most = fields;
      }
    }
    return best;
  }

  /** The number of fields of the first record that is not an empty line, or 0. */
  static int headerWidth(Reader reader, char delimiter) {
    try (CSVParser parser = CSVParser.parse(reader, format(delimiter))) {
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
  static boolean isEmptyLine(CSVRecord record) {
    return record.size() == 1 && record.get(0).isEmpty();
  }

  /**
   * Whether {@code record} holds nothing: a line of spaces, or of delimiters only (as spreadsheets
   * write below a table). Below the header such lines are skipped like empty ones.
   */
  static boolean isBlank(CSVRecord record) {
    for (String cell : record) {
      if (!cell.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  static CSVFormat format(char delimiter) {
    return CSVFormat.DEFAULT
        .builder()
        .setDelimiter(delimiter)
        .setIgnoreSurroundingSpaces(true)
        .setTrim(true)
        .setIgnoreEmptyLines(true)
        .get();
  }

  static String delimiterName(char delimiter) {
    return switch (delimiter) {
      case ',' -> "comma";
      case ';' -> "semicolon";
      case '\t' -> "tab";
      default -> quote(String.valueOf(delimiter));
    };
  }
}
