package descent.train;

import descent.data.RegressionData;

/**
 * How well a linear model ŷ = xᵀw + b fits the training rows and the validation rows: R² = 1 −
 * SS_res / SS_tot and RMSE = √(mean (ŷ − y)²), for any w and b, and for the least-squares fit of
 * the training rows, the best a linear model can do on them.
 *
 * <p>SS_tot is taken around each set's own mean: the validation R² compares the model with
 * predicting the validation rows' mean, so it is 0 for that constant, 1 for a perfect fit, and
 * negative for a model worse than that constant. R² is undefined (NaN) when a set's targets are all
 * equal or it has no rows; RMSE is NaN when it has no rows.
 *
 * <p>Cost: the rows are read once, when this is made (O(n·d²)); after that a score costs O(d²),
 * whatever the number of rows, so a view may score the latest w and b every frame. Each set keeps
 * its centred second moments S (from {@link SufficientStatistics}) and, measured row by row, the
 * residuals r⁰ᵢ = xᵢᵀw⁰ + b⁰ − yᵢ of a reference model, the least-squares fit when there is one:
 * their mean r̄⁰, their centred mean square q⁰ and their covariance c with the features. For w = w⁰
 * + δ_w, b = b⁰ + δ_b the mean squared residual is then exactly q⁰ + 2cᵀδ_w + δ_wᵀSδ_w + m², m =
 * r̄⁰ + x̄ᵀδ_w + δ_b. On the training rows c is 0 up to rounding (the normal equations), so the
 * terms are all squares and nothing cancels; at least squares itself the scores are the row-by-row
 * sums. Away from it the error stays a few ulps of the terms, far below the six decimals shown.
 *
 * <p>Immutable; any thread may use it.
 */
public final class FitQuality {
  /** R² and RMSE of one model on one set of rows; NaN where undefined. */
  public record Scores(double r2, double rmse) {
    /** Both NaN: no rows, or no model. */
    public static final Scores NONE = new Scores(Double.NaN, Double.NaN);
  }

  private final Rows train;
  private final Rows validation; // null without validation rows
  private final LeastSquares.Fit leastSquares;
  private final SufficientStatistics trainStats;
  private final Scores leastSquaresTrain;
  private final Scores leastSquaresValidation;

  private FitQuality(
      Rows train, Rows validation, SufficientStatistics trainStats, LeastSquares.Fit leastSquares) {
    this.train = train;
    this.validation = validation;
    this.trainStats = trainStats;
    this.leastSquares = leastSquares;
    this.leastSquaresTrain =
        leastSquares.available() ? training(leastSquares.w(), leastSquares.b()) : Scores.NONE;
    this.leastSquaresValidation =
        leastSquares.available() ? validation(leastSquares.w(), leastSquares.b()) : Scores.NONE;
  }

  /** The fit quality of {@code data}'s rows, whose least-squares fit was already computed. */
  public static FitQuality of(RegressionData data, LeastSquares.Fit leastSquares) {
    int d = data.numFeatures();
    int n = data.numTrain();
    int v = data.numVal();
    double[] w0 = leastSquares.available() ? leastSquares.w() : new double[d];
    double b0 = leastSquares.available() ? leastSquares.b() : 0;
    SufficientStatistics trainStats = SufficientStatistics.of(data);
    Rows train = Rows.of(data.trainFeatures(), data.trainTargets(), d, trainStats, w0, b0);
    Rows validation = null;
    if (v > 0) {
      double[] x = new double[v * d];
      double[] y = new double[v];
      for (int i = 0; i < v; i++) {
        System.arraycopy(data.featuresOf(n + i), 0, x, i * d, d);
        y[i] = data.targetOf(n + i);
      }
      validation = Rows.of(x, y, d, SufficientStatistics.of(x, y, d), w0, b0);
    }
    return new FitQuality(train, validation, trainStats, leastSquares);
  }

  /** d, the number of weights. */
  public int numFeatures() {
    return trainStats.numFeatures();
  }

  /** The least-squares fit of the training rows the scores compare with. */
  public LeastSquares.Fit leastSquares() {
    return leastSquares;
  }

  /** R² and RMSE of ŷ = xᵀw + b on the training rows. */
  public Scores training(double[] w, double b) {
    return train.scores(w, b);
  }

  /** R² and RMSE of ŷ = xᵀw + b on the validation rows (NaN without any). */
  public Scores validation(double[] w, double b) {
    return validation == null ? Scores.NONE : validation.scores(w, b);
  }

  /** The least-squares fit's scores on the training rows: the best R² and RMSE there. */
  public Scores leastSquaresTraining() {
    return leastSquaresTrain;
  }

  /** The least-squares fit's scores on the validation rows (not necessarily the best there). */
  public Scores leastSquaresValidation() {
    return leastSquaresValidation;
  }

  /** How far w and b's predictions are from least squares'; see {@link LeastSquaresGap}. */
  public java.util.Optional<LeastSquaresGap> gap(double[] w, double b) {
    return LeastSquaresGap.measure(w, b, leastSquares, trainStats);
  }

  /** One set of rows: its moments and a reference model's residuals, as the class explains. */
  private record Rows(
      int d,
      double[] covXX,
      double[] meanX,
      double varY,
      double[] w0,
      double b0,
      double meanR0,
      double q0,
      double[] c) {

    static Rows of(
        double[] x, double[] y, int d, SufficientStatistics stats, double[] w0, double b0) {
      int n = y.length;
      double[] r = new double[n];
      double mean = 0;
      for (int i = 0; i < n; i++) {
        double ri = b0 - y[i];
        for (int j = 0; j < d; j++) {
          ri += x[i * d + j] * w0[j];
        }
        r[i] = ri;
        mean += ri / n;
      }
      double[] meanX = stats.meanX();
      double q0 = 0;
      double[] c = new double[d];
      for (int i = 0; i < n; i++) {
        double dr = r[i] - mean;
        q0 += dr * dr / n;
        for (int j = 0; j < d; j++) {
          c[j] += (x[i * d + j] - meanX[j]) * dr / n;
        }
      }
      return new Rows(d, stats.covXX(), meanX, stats.varY(), w0.clone(), b0, mean, q0, c);
    }

    Scores scores(double[] w, double b) {
      if (w.length != d) {
        throw new IllegalArgumentException("w must hold " + d + " values, got " + w.length);
      }
      double m = meanR0 + (b - b0);
      double q = q0;
      double[] dw = new double[d];
      for (int j = 0; j < d; j++) {
        dw[j] = w[j] - w0[j];
        m += meanX[j] * dw[j];
        q += 2 * c[j] * dw[j];
      }
      for (int r = 0; r < d; r++) {
        double sdw = 0;
        for (int k = 0; k < d; k++) {
          sdw += covXX[r * d + k] * dw[k];
        }
        q += dw[r] * sdw;
      }
      double mse = q + m * m;
      if (Double.isNaN(mse)) {
        return Scores.NONE;
      }
      mse = Math.max(0, mse); // rounding may take an exact fit a few ulps below 0
      double r2 = varY > 0 ? 1 - mse / varY : Double.NaN;
      return new Scores(r2, Math.sqrt(mse));
    }
  }
}
