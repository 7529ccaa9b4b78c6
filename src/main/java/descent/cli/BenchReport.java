package descent.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import descent.bench.BenchConfig;
import descent.bench.BenchResult;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code descent bench} prints: a table, one row per config as soon as it is measured, or with
 * {@code --json} one JSON object at the end (a single config's fields at the top level; for
 * several, one object per config keyed by its name).
 */
final class BenchReport {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String ROW = "%-8s %4s %9s %6s %7s %9s %17s %9s %6s %13s %9s";

  private final PrintWriter out;
  private final boolean json;
  private final int repeats;
  private final List<BenchResult> results = new ArrayList<>();

  BenchReport(PrintWriter out, boolean json, int repeats) {
    this.out = out;
    this.json = json;
    this.repeats = repeats;
  }

  /** The table's heading; nothing for JSON. */
  void begin() {
    if (json) {
      return;
    }
    out.println(
        "descent bench: "
            + java()
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " processors, "
            + LocalDate.now()
            + "; "
            + repeats
            + (repeats == 1 ? " timed fit" : " timed fits")
            + " per config after JIT warm-up");
    out.println(
        "µs per training step, minibatch gather included, validation excluded;"
            + " hand = the same training in plain Java loops");
    out.println();
    out.println(
        String.format(
            Locale.ROOT,
            ROW,
            "config",
            "d",
            "rows",
            "batch",
            "epochs",
            "µs/step",
            "(min–max)",
            "hand µs",
            "ratio",
            "examples/s",
            "fit ms"));
  }

  /** One config's result: its row of the table, at once. */
  void add(BenchResult r) {
    results.add(r);
    if (json) {
      return;
    }
    BenchConfig c = r.config();
    out.println(
        String.format(
            Locale.ROOT,
            ROW,
            c.name(),
            c.numFeatures(),
            String.format(Locale.ROOT, "%,d", c.numTrain()),
            c.batchSize(),
            c.epochs(),
            us(r.usPerStep().median()),
            "(" + us(r.usPerStep().min()) + "–" + us(r.usPerStep().max()) + ")",
            us(r.baselineUsPerStep().median()),
            String.format(Locale.ROOT, "%.2f", r.ratio()),
            String.format(Locale.ROOT, "%,.0f", r.examplesPerSecond()),
            String.format(Locale.ROOT, "%.2f", r.fitMs().median())));
    out.flush();
  }

  /** The notes after the table, or the JSON object. */
  void end(boolean single) {
    if (json) {
      if (single && results.size() == 1) {
        out.println(write(object(results.get(0))));
      } else {
        ObjectNode root = MAPPER.createObjectNode();
        for (BenchResult r : results) {
          root.set(r.config().name(), object(r));
        }
        out.println(write(root));
      }
      return;
    }
    for (BenchResult r : results) {
      if (!r.jitSettled()) {
        out.println(
            "note: "
                + r.config().name()
                + "'s warm-up stopped at its time limit before the JIT compiler was idle;"
                + " its times may include compilation");
      }
    }
  }

  /** One config's fields. */
  static ObjectNode object(BenchResult r) {
    BenchConfig c = r.config();
    ObjectNode o = MAPPER.createObjectNode();
    o.put("config", c.name());
    o.put("usPerStep", r.usPerStep().median());
    o.put("usPerStepMin", r.usPerStep().min());
    o.put("usPerStepMax", r.usPerStep().max());
    o.put("baselineUsPerStep", r.baselineUsPerStep().median());
    o.put("ratio", r.ratio());
    o.put("examplesPerSecond", r.examplesPerSecond());
    o.put("fitMs", r.fitMs().median());
    o.put("baselineUsPerStepMin", r.baselineUsPerStep().min());
    o.put("baselineUsPerStepMax", r.baselineUsPerStep().max());
    o.put("fitMsMin", r.fitMs().min());
    o.put("fitMsMax", r.fitMs().max());
    o.put("repeats", r.repeats());
    o.put("numFeatures", c.numFeatures());
    o.put("numTrain", c.numTrain());
    o.put("numVal", c.numVal());
    o.put("batchSize", c.batchSize());
    o.put("epochs", c.epochs());
    o.put("stepsPerFit", c.stepsPerFit());
    o.put("warmupFits", r.warmupFits());
    o.put("warmupSteps", r.warmupSteps());
    o.put("jitSettled", r.jitSettled());
    o.put("java", System.getProperty("java.version"));
    o.put("processors", Runtime.getRuntime().availableProcessors());
    o.put("date", LocalDate.now().toString());
    return o;
  }

  private static String write(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** µs with three significant digits or more: 0.472, 2.21, 305.4. */
  static String us(double v) {
    String pattern = v < 1 ? "%.3f" : v < 100 ? "%.2f" : "%.1f";
    return String.format(Locale.ROOT, pattern, v);
  }

  private static String java() {
    return "Java "
        + System.getProperty("java.version")
        + " ("
        + System.getProperty("java.vm.name")
        + ")";
  }
}
