package descent.app.csv;

import descent.run.DataSource;
import java.nio.file.Path;
import java.util.List;

/**
 * What the import dialog asks of a CSV file: the target, the features in file order, how many of
 * the first rows train (null for the command line's default, 80 %) and whether to standardise.
 */
public record CsvChoice(
    Path file, String target, List<String> features, Integer numTrain, boolean standardize) {
  public CsvChoice {
    features = List.copyOf(features);
  }

  /** The data source this choice describes. */
  public DataSource.CsvFile source() {
    return new DataSource.CsvFile(file, target, features, numTrain);
  }
}
