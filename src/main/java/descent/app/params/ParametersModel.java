package descent.app.params;

import descent.train.LeastSquares;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The parameter panel's state: one row per w_i and one for b, each with the true value, the learned
 * value, the error true − learned, and the least-squares optimum.
 */
public final class ParametersModel {
  /** How big an error looks: the panel colours it accordingly. */
  public enum ErrorSize {
    SMALL,
    MEDIUM,
    LARGE,
    UNKNOWN
  }

  /** One parameter. {@code trueValue} and {@code leastSquares} are NaN when unknown. */
  public static final class Row {
    private final String name;
    private final double trueValue;
    private final double leastSquares;
    private final DoubleProperty learned = new SimpleDoubleProperty(this, "learned", Double.NaN);

    Row(String name, double trueValue, double leastSquares, double learned) {
      this.name = name;
      this.trueValue = trueValue;
      this.leastSquares = leastSquares;
      this.learned.set(learned);
    }

    public String name() {
      return name;
    }

    public double trueValue() {
      return trueValue;
    }

    public double leastSquares() {
      return leastSquares;
    }

    public DoubleProperty learnedProperty() {
      return learned;
    }

    public double learned() {
      return learned.get();
    }

    /** true − learned, the chapter's error; NaN when the truth is unknown. */
    public double error() {
      return trueValue - learned.get();
    }

    public ErrorSize errorSize() {
      return sizeOf(error());
    }
  }

  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper leastSquaresNote = new ReadOnlyStringWrapper(this, "note");

  /** Thresholds on |true − learned| for the panel's colours. */
  public static ErrorSize sizeOf(double error) {
    double e = Math.abs(error);
    if (Double.isNaN(e)) {
      return ErrorSize.UNKNOWN;
    }
    return e < 0.01 ? ErrorSize.SMALL : e < 0.1 ? ErrorSize.MEDIUM : ErrorSize.LARGE;
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  /** Why the least-squares column is empty, or null. */
  public ReadOnlyStringProperty leastSquaresNoteProperty() {
    return leastSquaresNote.getReadOnlyProperty();
  }

  /** Starts a new run's rows: w1 … wd, then b. */
  public void reset(double[] trueW, double trueB, LeastSquares.Fit ols, double[] w, double b) {
    List<Row> fresh = new ArrayList<>();
    double[] olsW = ols.available() ? ols.w() : null;
    for (int i = 0; i < w.length; i++) {
      fresh.add(
          new Row(
              "w" + subscript(i + 1),
              trueW == null ? Double.NaN : trueW[i],
              olsW == null ? Double.NaN : olsW[i],
              w[i]));
    }
    fresh.add(
        new Row(
            "b", trueW == null ? Double.NaN : trueB, ols.available() ? ols.b() : Double.NaN, b));
    rows.setAll(fresh);
    leastSquaresNote.set(ols.available() ? null : ols.unavailableReason());
  }

  /** Shows the latest learned values. */
  public void update(double[] w, double b) {
    for (int i = 0; i < w.length && i < rows.size() - 1; i++) {
      rows.get(i).learned.set(w[i]);
    }
    if (!rows.isEmpty()) {
      rows.get(rows.size() - 1).learned.set(b);
    }
  }

  private static String subscript(int n) {
    StringBuilder sb = new StringBuilder();
    for (char c : Integer.toString(n).toCharArray()) {
      sb.append((char) ('₀' + (c - '0')));
    }
    return sb.toString();
  }
}
