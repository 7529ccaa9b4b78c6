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
  /**
   * How far a learned value is from the best reachable one, the least-squares fit of the training
   * rows: noise in the data keeps even that fit off the truth, so the error true − learned is
   * judged against what is reachable, not against fixed thresholds. See {@link #closeness}.
   */
  public enum Closeness {
    /** Within reach of the least-squares value: as good as these rows allow. */
    AT_OPTIMUM("at optimum"),
    /** Within ten times that. */
    CLOSE("close"),
    /** Further away. */
    FAR("far"),
    /** No learned value or no truth to compare with. */
    UNKNOWN("unknown");

    private final String word;

    Closeness(String word) {
      this.word = word;
    }

    /** "at optimum", "close", "far": what the panel says beside the icon. */
    public String word() {
      return word;
    }
  }

  /** The smallest tolerance, so a noise-free fit is not asked for more than six decimals show. */
  public static final double TOLERANCE_FLOOR = 1e-3;

  /** Without a least-squares fit, the error is judged against this fixed tolerance. */
  public static final double TOLERANCE_WITHOUT_FIT = 0.01;

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

    /** How close the learned value is to what these rows allow; see {@link #closeness}. */
    public Closeness closeness() {
      return ParametersModel.closeness(trueValue, learned.get(), leastSquares);
    }
  }

  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper leastSquaresNote = new ReadOnlyStringWrapper(this, "note");

  /**
   * The rule behind the error column's colours and icons. The reachable error is r = |true − OLS|,
   * what the least-squares fit of these rows misses by, at least {@link #TOLERANCE_FLOOR}. A
   * learned value within r of the least-squares value is at the optimum, within 10·r close, and
   * beyond that far. Without a least-squares fit (fewer rows than parameters), it is judged against
   * the truth with r = {@link #TOLERANCE_WITHOUT_FIT}.
   */
  public static Closeness closeness(double trueValue, double learned, double leastSquares) {
    if (Double.isNaN(trueValue) || Double.isNaN(learned)) {
      return Closeness.UNKNOWN;
    }
    if (Double.isInfinite(learned)) {
      return Closeness.FAR;
    }
    boolean fit = Double.isFinite(leastSquares);
    double reference = fit ? leastSquares : trueValue;
    double reachable =
        fit ? Math.max(TOLERANCE_FLOOR, Math.abs(trueValue - leastSquares)) : TOLERANCE_WITHOUT_FIT;
    double gap = Math.abs(learned - reference);
    return gap <= reachable
        ? Closeness.AT_OPTIMUM
        : gap <= 10 * reachable ? Closeness.CLOSE : Closeness.FAR;
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
