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
    if (header.stream().allMatch(Decimals::isDecimal)) {
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
      throw new DataFileException(
          file,
          line,
          0,
          "no column named "
              + quote(targetOrNull)
              + " to use as the target; the columns are "
              + listed(header));
    }
    return index;
  }

  /**
   * The columns of {@code features}, in the order given; every column but the target, in file
   * order, when the list is empty. Unknown and repeated names, and the target among them, are
   * refused by name.
   */
  static int[] featureIndices(
      Path file, List<String> header, List<String> features, int target, int line)
      throws DataFileException {
    if (features.isEmpty()) {
      int[] all = new int[header.size() - 1];
      for (int j = 0, k = 0; j < header.size(); j++) {
        if (j != target) {
          all[k++] = j;
        }
      }
      return all;
    }
    int[] chosen = new int[features.size()];
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int k = 0; k < features.size(); k++) {
      String name = features.get(k);
      int index = header.indexOf(name);
      if (index < 0) {
        throw new DataFileException(
            file,
            line,
            0,
            "no column named "
                + quote(name)
                + " to use as a feature; the columns are "
                + listed(header));
      }
      if (!seen.add(name)) {
        throw new DataFileException(
            file, line, 0, "feature " + quote(name) + " is chosen twice; name each column once");
      }
      if (index == target) {
        throw new DataFileException(
            file,
            line,
            0,
            "column "
                + quote(name)
                + " is the target, so it cannot be a feature too; choose another target or"
                + " leave it out of the features");
      }
      chosen[k] = index;
    }
    return chosen;
  }

  /** At most {@link #LISTED_COLUMNS} names of {@code header}, quoted, then "and N more". */
  private static String listed(List<String> header) {
    String listed =
        header.stream()
            .limit(LISTED_COLUMNS)
            .map(CsvRegressionData::quote)
            .collect(Collectors.joining(", "));
    int more = header.size() - LISTED_COLUMNS;
    return listed + (more > 0 ? " and " + more + " more" : "");
  }
}
