package descent.app.csv;

import descent.data.CsvRegressionData;
import descent.data.DataFileException;
import descent.data.StandardizedData;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Checks a {@link CsvChoice} with the command line's own code, so the dialog refuses what {@code
 * train --data} refuses, with the same words. Not JavaFX: it runs on the dialog's reading thread.
 * The last file read is kept, so changing only the training rows or standardising does not read the
 * file again.
 */
final class CsvCheck {
  /** Where the dialog shows a refusal: beside the control the user should change. */
  enum Field {
    FILE,
    TARGET,
    FEATURES,
    NUM_TRAIN,
    STANDARDIZE
  }

  /**
   * The check's outcome: refused ({@code field} and {@code message} set) or accepted (both null),
   * with the file's row count and the training rows once the file has been read (else 0).
   */
  record Verdict(Field field, String message, int numRows, int numTrain, CsvChoice choice) {
    boolean ok() {
      return field == null;
    }

    static Verdict refused(Field field, String message, int numRows, CsvChoice choice) {
      return new Verdict(field, message, numRows, 0, choice);
    }
  }

  private String readTarget;
  private List<String> readFeatures;
  private Path readFile;
  private CsvRegressionData read;
  private DataFileException readError;

  /**
   * Checks {@code choice}: the columns and every cell in them, the split and standardising.
   *
   * @param header the file's column names, to say whether a bad cell is in the target or a feature
   * @param numTrainText the training rows as typed; blank for the default
   */
  Verdict check(CsvChoice choice, List<String> header, String numTrainText) {
    if (choice.features().isEmpty()) {
      return Verdict.refused(Field.FEATURES, "choose at least one feature", 0, choice);
    }
    CsvRegressionData data;
    try {
      data = load(choice);
    } catch (DataFileException e) {
      return Verdict.refused(fieldOf(e, header, choice.target()), e.getMessage(), 0, choice);
    }
    int rows = data.numRows();
    String name = String.valueOf(choice.file().getFileName());
    int numTrain;
    String text = numTrainText == null ? "" : numTrainText.strip();
    if (text.isEmpty()) {
      numTrain = CsvRegressionData.defaultNumTrain(rows);
    } else {
      try {
        numTrain = Integer.parseInt(text);
      } catch (NumberFormatException e) {
        return Verdict.refused(
            Field.NUM_TRAIN,
            "must be an integer from 1 to " + (rows - 1) + " for this file, got \"" + text + "\"",
            rows,
            choice);
      }
      String problem = CsvRegressionData.numTrainProblem(numTrain, rows, name);
      if (problem != null) {
        return Verdict.refused(Field.NUM_TRAIN, problem, rows, choice);
      }
    }
    CsvChoice accepted =
        new CsvChoice(
            choice.file(), choice.target(), choice.features(), numTrain, choice.standardize());
    if (choice.standardize()) {
      try {
        StandardizedData.of(data.withNumTrain(numTrain));
      } catch (IllegalArgumentException e) {
        return Verdict.refused(Field.STANDARDIZE, e.getMessage(), rows, accepted);
      }
    }
    return new Verdict(null, null, rows, numTrain, accepted);
  }

  /** The file read with the choice's columns, or the same refusal as before for the same ones. */
  private CsvRegressionData load(CsvChoice choice) throws DataFileException {
    boolean same =
        choice.file().equals(readFile)
            && Objects.equals(choice.target(), readTarget)
            && choice.features().equals(readFeatures);
    if (!same) {
      readFile = choice.file();
      readTarget = choice.target();
      readFeatures = choice.features();
      read = null;
      readError = null;
      try {
        read =
            CsvRegressionData.load(
                choice.file(), choice.target(), choice.features(), null, 1, false, 0);
      } catch (DataFileException e) {
        readError = e;
      }
    }
    if (readError != null) {
      throw readError;
    }
    return read;
  }

  /** A bad cell in the target's column is the target's; in another column, the features'. */
  private static Field fieldOf(DataFileException e, List<String> header, String target) {
    int column = e.column() - 1;
    boolean cell = e.reason().startsWith("cell ");
    if (cell && e.line() > 0 && column >= 0 && column < header.size()) {
      return header.get(column).equals(target) ? Field.TARGET : Field.FEATURES;
    }
    return Field.FILE;
  }
}
