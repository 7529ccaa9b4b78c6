package descent.data;

import static descent.data.CsvDialect.delimiterName;
import static descent.data.CsvRegressionData.quote;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The header row's rules: it names every column, uniquely, and is not a row of data. */
final class CsvHeader {
  /** The most columns an unknown target's message lists before "and N more". */
  private static final int LISTED_COLUMNS = 10;

  private CsvHeader() {}

  static void check(Path file, List<String> header, int line, char delimiter)
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
    if (header.stream().allMatch(name -> CsvTableReader.DECIMAL.matcher(name).matches())) {
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

  static int targetIndex(Path file, List<String> header, String targetOrNull, int line)
      throws DataFileException {
    if (targetOrNull == null) {
      return header.size() - 1;
    }
    int index = header.indexOf(targetOrNull);
    if (index < 0) {
      String listed =
          header.stream()
              .limit(LISTED_COLUMNS)
              .map(CsvRegressionData::quote)
              .collect(Collectors.joining(", "));
      int more = header.size() - LISTED_COLUMNS;
      throw new DataFileException(
          file,
          line,
          0,
          "no column named "
              + quote(targetOrNull)
              + " to use as the target; the columns are "
              + listed
              + (more > 0 ? " and " + more + " more" : ""));
    }
    return index;
  }
}
