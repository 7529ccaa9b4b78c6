package descent.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import descent.cli.TextReport.Params;
import descent.data.RegressionData;
import descent.data.StandardizedData;
import descent.train.LeastSquares;
import descent.train.RunSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code train --standardize} adds: the model learned on z-scores, mapped back to the original
 * features (ŷ = Σ wⱼ xⱼ + b with wⱼ = w′ⱼ / sⱼ, b = b′ − Σ w′ⱼ μⱼ / sⱼ), beside the true values and
 * least squares in the same units. The rest of the report is in standardised units.
 */
final class StandardizedReport {
  /** The text output's heading over the first table. */
  static final String STANDARDISED_HEADING =
      "in standardised units (every feature a z-score over the training rows):";

  /** The text output's heading over the second table. */
  static final String ORIGINAL_HEADING =
      "mapped back to the original units (w = w′ / s, b = b′ − Σ w′ μ / s):";

  private StandardizedReport() {}

  /** The learned parameters in the original units. */
  static Params learned(RunSummary summary, StandardizedData z) {
    StandardizedData.Parameters p = z.toOriginal(summary.w(), summary.b());
    return new Params(p.w(), p.b());
  }

  /** The true parameters in the original units, or null for a CSV file. */
  static Params truth(StandardizedData z) {
    return z.original().truth().map(t -> new Params(t.w(), t.b())).orElse(null);
  }

  /** Least squares in the original units, or null when it is unavailable. */
  static Params ols(RunSummary summary, StandardizedData z) {
    LeastSquares.Fit ols = summary.leastSquares();
    if (!ols.available()) {
      return null;
    }
    StandardizedData.Parameters p = z.toOriginal(ols.w(), ols.b());
    return new Params(p.w(), p.b());
  }

  /** The second table of the text output, in the original units. */
  static String table(RunSummary summary, StandardizedData z) {
    List<String> names = new ArrayList<>();
    boolean named = z.truth().isEmpty();
    for (int j = 0; j < z.numFeatures(); j++) {
      names.add("w" + (j + 1) + (named ? " (" + Names.column(z.featureNames().get(j)) + ")" : ""));
    }
    return TextReport.table(names, learned(summary, z), truth(z), ols(summary, z));
  }

  /**
   * The {@code original} object of {@code --json}: w, b, trueW, trueB, olsW and olsB in the
   * original units, and each feature's mean and standard deviation over the training rows; null
   * without --standardize.
   */
  static void putJson(ObjectNode root, RunSummary summary, RegressionData data) {
    if (!(data instanceof StandardizedData z)) {
      root.putNull("original");
      return;
    }
    ObjectNode o = root.putObject("original");
    Params learned = learned(summary, z);
    Params truth = truth(z);
    Params ols = ols(summary, z);
    numbers(o.putArray("w"), learned.w());
    number(o, "b", learned.b());
    if (truth == null) {
      o.putNull("trueW");
      o.putNull("trueB");
    } else {
      numbers(o.putArray("trueW"), truth.w());
      number(o, "trueB", truth.b());
    }
    if (ols == null) {
      o.putNull("olsW");
      o.putNull("olsB");
    } else {
      numbers(o.putArray("olsW"), ols.w());
      number(o, "olsB", ols.b());
    }
    numbers(o.putArray("means"), z.means());
    numbers(o.putArray("scales"), z.scales());
  }

  private static void numbers(ArrayNode array, double[] values) {
    for (double v : values) {
      if (Double.isFinite(v)) {
        array.add(v);
      } else {
        array.addNull();
      }
    }
  }

  private static void number(ObjectNode node, String key, double v) {
    if (Double.isFinite(v)) {
      node.put(key, v);
    } else {
      node.putNull(key);
    }
  }
}
