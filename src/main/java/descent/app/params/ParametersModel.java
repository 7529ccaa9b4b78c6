package descent.app.params;

import descent.train.FitQuality;
import descent.train.FitQuality.Scores;
import descent.train.LeastSquares;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The parameter panel's state: one row per w_i and one for b, each with the true value, the learned
 * value, the error true − learned, and the least-squares optimum; the R² and RMSE of the learned
 * model and of least squares on the training and validation rows; and, when a run on a file's data
 * stops far from least squares, a note saying what to try. Lives on the FX thread: the scores are
 * computed from the copied w and b each frame brings, in O(d²) ({@link FitQuality}).
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
  private final ReadOnlyObjectWrapper<Scores> learnedTrain = scores("learnedTrain");
  private final ReadOnlyObjectWrapper<Scores> learnedValidation = scores("learnedValidation");
  private final ReadOnlyObjectWrapper<Scores> bestTrain = scores("bestTrain");
  private final ReadOnlyObjectWrapper<Scores> bestValidation = scores("bestValidation");
  private final ReadOnlyStringWrapper fitNote = new ReadOnlyStringWrapper(this, "fitNote");
  private FitQuality quality; // null: no scores
  private boolean fromFile;
  private double[] lastW;
  private double lastB;

  private ReadOnlyObjectWrapper<Scores> scores(String name) {
    return new ReadOnlyObjectWrapper<>(this, name, Scores.NONE);
  }

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

  /** The learned model's R² and RMSE on the training rows (NaN until known). */
  public ReadOnlyObjectProperty<Scores> learnedTrainProperty() {
    return learnedTrain.getReadOnlyProperty();
  }

  /** The learned model's R² and RMSE on the validation rows. */
  public ReadOnlyObjectProperty<Scores> learnedValidationProperty() {
    return learnedValidation.getReadOnlyProperty();
  }

  /** Least squares' R² and RMSE on the training rows: the best a linear model can do there. */
  public ReadOnlyObjectProperty<Scores> bestTrainProperty() {
    return bestTrain.getReadOnlyProperty();
  }

  /** Least squares' R² and RMSE on the validation rows. */
  public ReadOnlyObjectProperty<Scores> bestValidationProperty() {
    return bestValidation.getReadOnlyProperty();
  }

  /**
   * What to try because a run on a file's data stopped far from least squares, or null ({@link
   * FitAdvice}).
   */
  public ReadOnlyStringProperty fitNoteProperty() {
    return fitNote.getReadOnlyProperty();
  }

  /** Starts a new run's rows: w1 … wd, then b, without scores. */
  public void reset(double[] trueW, double trueB, LeastSquares.Fit ols, double[] w, double b) {
    reset(trueW, trueB, ols, w, b, null);
  }

  /**
   * Starts a new run's rows and scores them with {@code quality} (null: no scores). Data without a
   * truth ({@code trueW} null) come from a file: only those runs get a {@linkplain #fitNoteProperty
   * note} when they stop far from least squares.
   */
  public void reset(
      double[] trueW,
      double trueB,
      LeastSquares.Fit ols,
      double[] w,
      double b,
      FitQuality quality) {
    this.quality = quality;
    this.fromFile = trueW == null;
    fitNote.set(null);
    bestTrain.set(quality == null ? Scores.NONE : quality.leastSquaresTraining());
    bestValidation.set(quality == null ? Scores.NONE : quality.leastSquaresValidation());
    score(w, b);
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

  /** Shows the latest learned values and their scores. */
  public void update(double[] w, double b) {
    score(w, b);
    for (int i = 0; i < w.length && i < rows.size() - 1; i++) {
      rows.get(i).learned.set(w[i]);
    }
    if (!rows.isEmpty()) {
      rows.get(rows.size() - 1).learned.set(b);
    }
  }

  /**
   * The run stopped: when it ran on a file's data and ended far from least squares, says so and
   * what to try; {@code context} null (the run goes on, or made no step) clears the note.
   */
  public void stopped(FitAdvice.Context context) {
    if (context == null || !fromFile || quality == null || lastW == null || context.steps() < 1) {
      fitNote.set(null);
      return;
    }
    fitNote.set(
        FitAdvice.note(
            quality.gap(lastW, lastB).orElse(null), learnedTrain.get(), bestTrain.get(), context));
  }

  private void score(double[] w, double b) {
    lastW = w.clone();
    lastB = b;
    if (quality == null || w.length != quality.numFeatures()) {
      learnedTrain.set(Scores.NONE);
      learnedValidation.set(Scores.NONE);
      return;
    }
    learnedTrain.set(quality.training(w, b));
    learnedValidation.set(quality.validation(w, b));
  }

  private static String subscript(int n) {
    StringBuilder sb = new StringBuilder();
    for (char c : Integer.toString(n).toCharArray()) {
      sb.append((char) ('₀' + (c - '0')));
    }
    return sb.toString();
  }
}
