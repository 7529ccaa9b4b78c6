package descent.cli;

import descent.data.RegressionData;
import descent.train.DivergenceAdvice;
import descent.train.LeastSquares;
import descent.train.RunSummary;
import descent.train.TrainingEvent.Diverged;
import descent.train.TrainingEvent.EpochDone;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The text that {@code descent train} prints without {@code --json}. */
final class TextReport {
  /** What the table shows where a value does not exist, e.g. the truth of a CSV file. */
  static final String NONE = "—";

  private TextReport() {}

  static String seedLine(long seed) {
    return "seed " + seed + " (repeat this run with --seed " + seed + ")";
  }

  static String dataLine(Path file, RegressionData data) {
    return "data "
        + Names.file(file)
        + ": "
        + data.numTrain()
        + (data.numTrain() == 1 ? " training row, " : " training rows, ")
        + data.numVal()
        + (data.numVal() == 1 ? " validation row, " : " validation rows, ")
        + data.numFeatures()
        + (data.numFeatures() == 1 ? " feature" : " features")
        + ", target "
        + Values.quote(data.targetName());
  }

  /** {@code epoch 1 train loss 0.123456 val loss 0.123456}, epochs counted from 1. */
  static String epochLine(EpochDone done, int maxEpochs) {
    int width = String.valueOf(maxEpochs).length();
    return String.format(
        Locale.ROOT,
        "epoch %" + width + "d  train loss %-11s  val loss %s",
        done.epoch() + 1,
        Numbers.sig6(done.trainLoss()),
        Numbers.sig6(done.valLoss()));
  }

  /**
   * The parameters, one row each: w1 … wd, then b. Columns: true, learned, error (true − learned),
   * least-squares. Without a truth (a CSV file), true and error show {@value #NONE}.
   */
  static String table(RunSummary summary, RegressionData data) {
    LeastSquares.Fit ols = summary.leastSquares();
    List<String> names = new ArrayList<>();
    boolean named = summary.truth().isEmpty();
    for (int j = 0; j < summary.w().length; j++) {
      names.add(
          "w" + (j + 1) + (named ? " (" + Names.column(data.featureNames().get(j)) + ")" : ""));
    }
    String s =
        table(
            names,
            new Params(summary.w(), summary.b()),
            summary.truth().map(t -> new Params(t.w(), t.b())).orElse(null),
            ols.available() ? new Params(ols.w(), ols.b()) : null);
    if (!ols.available()) {
      s += "least-squares: unavailable: " + ols.unavailableReason() + "\n";
    }
    return s;
  }

  /** A model's weights and bias, for a table. */
  record Params(double[] w, double b) {}

  /**
   * The parameter table: one row per name (w1 … wd), then b. Columns: true, learned, error (true −
   * learned), least-squares; {@code truth} or {@code ols} null shows {@value #NONE}.
   */
  static String table(List<String> names, Params learned, Params truth, Params ols) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"parameter", "true", "learned", "error", "least-squares"});
    for (int j = 0; j < names.size(); j++) {
      rows.add(
          new String[] {
            names.get(j),
            truth == null ? NONE : Numbers.sig6(truth.w()[j]),
            Numbers.sig6(learned.w()[j]),
            truth == null ? NONE : Numbers.sig6(truth.w()[j] - learned.w()[j]),
            ols == null ? NONE : Numbers.sig6(ols.w()[j])
          });
    }
    rows.add(
        new String[] {
          "b",
          truth == null ? NONE : Numbers.sig6(truth.b()),
          Numbers.sig6(learned.b()),
          truth == null ? NONE : Numbers.sig6(truth.b() - learned.b()),
          ols == null ? NONE : Numbers.sig6(ols.b())
        });

    int columns = rows.get(0).length;
    int[] width = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns; c++) {
        width[c] = Math.max(width[c], row[c].length());
      }
    }
    StringBuilder s = new StringBuilder();
    for (String[] row : rows) {
      // the names left-aligned, the numbers right-aligned so their signs and points line up
      StringBuilder line = new StringBuilder(pad(row[0], width[0], false));
      for (int c = 1; c < columns; c++) {
        line.append("  ").append(pad(row[c], width[c], true));
      }
      s.append(line.toString().stripTrailing()).append('\n');
    }
    return s.toString();
  }

  /** {@code 96 steps in 3 epochs, training time 4.21 ms (minibatch steps; validation excluded)}. */
  static String footer(RunSummary summary) {
    int epochs = summary.epochs().size();
    return summary.steps()
        + (summary.steps() == 1 ? " step" : " steps")
        + " in "
        + epochs
        + (epochs == 1 ? " epoch" : " epochs")
        + ", training time "
        + millis(summary.trainNanos())
        + " (minibatch steps; validation excluded)";
  }

  /**
   * {@code diverged at epoch 1, step 7: loss = 4.4e+07 — the loss grew … — lr 5 is above the stable
   * bound for these data and batch 32 (1.8); try --lr 0.5}, or when the first loss is not finite
   * {@code diverged at epoch 1, step 1: loss = ∞ before any update — the initial weights or the
   * data are too large …}. Epochs counted from 1, steps from 1; {@code advice} from {@link
   * DivergenceAdvice#forCli}.
   */
  static String divergence(Diverged d, String advice) {
    return "diverged at epoch "
        + (d.epoch() + 1)
        + ", step "
        + d.step()
        + ": loss = "
        + Numbers.short2(d.loss())
        // "the loss is ∞" would only repeat the loss; "before any update" says why it matters
        + (DivergenceAdvice.firstLossNotFinite(d) ? " before any update" : " — " + d.reason())
        + " — "
        + advice;
  }

  static String millis(long nanos) {
    double ms = nanos / 1e6;
    return (ms >= 100
            ? String.format(Locale.ROOT, "%.0f", ms)
            : ms >= 10
                ? String.format(Locale.ROOT, "%.1f", ms)
                : String.format(Locale.ROOT, "%.2f", ms))
        + " ms";
  }

  private static String pad(String text, int width, boolean right) {
    String gap = " ".repeat(Math.max(0, width - text.length()));
    return right ? gap + text : text + gap;
  }
}
