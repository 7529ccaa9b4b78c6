package descent.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import descent.data.RegressionData;
import descent.data.SyntheticRegressionData;
import descent.train.LeastSquares;
import descent.train.RunSpec;
import descent.train.RunSummary;
import descent.train.TrainingEvent.Diverged;
import descent.train.TrainingEvent.EpochDone;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code descent train --json} prints: one JSON object on one line. Numbers that are NaN or ±∞
 * (a diverged run) are written as {@code null}, so the output is always valid JSON. Epochs are
 * counted from 1, as in the text output. Column names longer than {@value Names#JSON_LIMIT}
 * characters are cut there, followed by {@code …}.
 */
final class JsonReport {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonReport() {}

  /**
   * @param file the data file, or null for synthetic data
   * @param advice what to change after a divergence, as on stderr; null when the run finished
   * @param olsGap how far the learned predictions ended from least squares' (see {@link
   *     descent.train.LeastSquaresGap}), or null when there is nothing to compare
   * @param notes what the text output prints after {@code note: }, e.g. that the gap is far
   */
  static String of(
      RunSpec run,
      RegressionData data,
      Path file,
      RunSummary summary,
      String advice,
      Double olsGap,
      List<String> notes) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("seed", run.seed());

    root.set("w", numbers(summary.w()));
    put(root, "b", summary.b());
    root.set("trueW", numbersOrNull(summary.truth().map(RegressionData.Truth::w).orElse(null)));
    putOrNull(root, "trueB", summary.truth().map(RegressionData.Truth::b).orElse(null));
    root.set("errorW", numbersOrNull(summary.errorW().orElse(null)));
    putOrNull(root, "errorB", summary.errorB().orElse(null));

    LeastSquares.Fit ols = summary.leastSquares();
    root.set("olsW", numbersOrNull(ols.available() ? ols.w() : null));
    putOrNull(root, "olsB", ols.available() ? ols.b() : null);
    root.put("olsUnavailable", ols.unavailableReason());
    putOrNull(root, "olsGap", olsGap);
    StandardizedReport.putJson(root, summary, data);
    ArrayNode noteArray = root.putArray("notes");
    notes.forEach(noteArray::add);

    putOrNull(root, "trainLoss", summary.lastEpoch().map(EpochDone::trainLoss).orElse(null));
    putOrNull(root, "valLoss", summary.lastEpoch().map(EpochDone::valLoss).orElse(null));
    ArrayNode epochs = root.putArray("epochs");
    for (EpochDone e : summary.epochs()) {
      ObjectNode epoch = epochs.addObject();
      epoch.put("epoch", e.epoch() + 1);
      epoch.put("step", e.step());
      put(epoch, "trainLoss", e.trainLoss());
      put(epoch, "valLoss", e.valLoss());
    }
    root.put("steps", summary.steps());
    root.put("diverged", summary.diverged());
    Diverged d = summary.divergence();
    if (d == null) {
      root.putNull("divergence");
    } else {
      ObjectNode div = root.putObject("divergence");
      div.put("epoch", d.epoch() + 1);
      div.put("step", d.step());
      put(div, "loss", d.loss());
      div.put("reason", d.reason());
      div.put("advice", advice);
    }
    root.put("trainMillis", summary.trainNanos() / 1e6);

    ObjectNode settings = root.putObject("settings");
    settings.put("lr", run.lr());
    settings.put("sigma", run.sigma());
    settings.put("batchSize", data.batchSize());
    settings.put("maxEpochs", run.epochs());
    settings.put("clip", run.gradientClipVal());
    settings.put("shuffle", data.shuffle());

    ObjectNode source = root.putObject("data");
    source.put("file", file == null ? null : file.toString());
    source.put("numTrain", data.numTrain());
    source.put("numVal", data.numVal());
    ArrayNode features = source.putArray("features");
    data.featureNames().forEach(name -> features.add(Names.json(name)));
    source.put("target", Names.json(data.targetName()));
    if (data instanceof SyntheticRegressionData synthetic) {
      source.put("noise", synthetic.noise());
    } else {
      source.putNull("noise");
    }

    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode numbersOrNull(double[] values) {
    return values == null ? NullNode.getInstance() : numbers(values);
  }

  private static ArrayNode numbers(double[] values) {
    ArrayNode array = MAPPER.createArrayNode();
    for (double v : values) {
      if (Double.isFinite(v)) {
        array.add(v);
      } else {
        array.addNull();
      }
    }
    return array;
  }

  /** {@code v}, or null when it is NaN or ±∞ (JSON has no such numbers). */
  private static void put(ObjectNode node, String key, double v) {
    if (Double.isFinite(v)) {
      node.put(key, v);
    } else {
      node.putNull(key);
    }
  }

  private static void putOrNull(ObjectNode node, String key, Double v) {
    if (v == null) {
      node.putNull(key);
    } else {
      put(node, key, v);
    }
  }
}
