package descent.app.compare;

import descent.run.DataSource;
import descent.run.RunConfig;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Labels runs shown together by what differs between them: "lr 0.3" beside "lr 0.03", "batch 1", "σ
 * 0", "clip 1", "no shuffle", "seed 7"; several fields joined by ", "; and "run 3" (the run's
 * number) where nothing differs. A field is named only if the runs do not all agree on it.
 */
public final class RunLabels {
  /** One run to label: its number in the session and its settings. */
  public record Labelled(int number, RunConfig config) {}

  private RunLabels() {}

  /** A field of a run's settings and how a label names one value of it. */
  private record Field(Function<RunConfig, Object> key, Function<RunConfig, String> text) {}

  private static final Field KIND =
      new Field(
          c -> kind(c.data()), c -> "CSV".equals(kind(c.data())) ? csvName(c.data()) : "synthetic");
  private static final Field CSV_NAME = new Field(c -> csvName(c.data()), c -> csvName(c.data()));
  private static final Field D = new Field(c -> d(c.data()), c -> d(c.data()));
  private static final Field TRUE_W =
      new Field(
          c -> synth(c.data(), s -> list(s.trueW())),
          c -> synthText(c.data(), s -> "true w " + join(s.trueW())));
  private static final Field SCALES =
      new Field(
          c -> synth(c.data(), s -> list(s.featureScale())),
          c -> synthText(c.data(), s -> "scales " + join(s.featureScale())));

  private static final Field TRUE_B =
      new Field(
          c -> synth(c.data(), s -> s.trueB()),
          c -> synthText(c.data(), s -> "true b " + number(s.trueB())));
  private static final Field NOISE =
      new Field(
          c -> synth(c.data(), s -> s.noise()),
          c -> synthText(c.data(), s -> "noise " + number(s.noise())));
  private static final Field VAL_ROWS =
      new Field(
          c -> synth(c.data(), s -> s.numVal()),
          c -> synthText(c.data(), s -> String.format(Locale.ROOT, "%,d val rows", s.numVal())));

  /** What only synthetic data have: "synthetic" beside a file's name says enough. */
  private static final List<Field> SYNTHETIC_ONLY =
      List.of(D, TRUE_W, TRUE_B, NOISE, VAL_ROWS, SCALES);

  private static final List<Field> FIELDS =
      List.of(
          KIND,
          CSV_NAME,
          new Field(
              c -> csvTarget(c.data()),
              c -> csvTarget(c.data()).isEmpty() ? "" : "target " + csvTarget(c.data())),
          D,
          TRUE_W,
          TRUE_B,
          NOISE,
          new Field(c -> c.data().numTrainOrUnknown(), c -> rows(c.data())),
          VAL_ROWS,
          SCALES,
          new Field(c -> c.standardize(), c -> c.standardize() ? "z-scores" : "raw features"),
          new Field(c -> c.lr(), c -> "lr " + number(c.lr())),
          new Field(c -> c.batchSize(), c -> "batch " + c.batchSize()),
          new Field(c -> c.sigma(), c -> "σ " + number(c.sigma())),
          new Field(c -> c.clip(), c -> c.clip() > 0 ? "clip " + number(c.clip()) : "no clip"),
          new Field(c -> c.shuffle(), c -> c.shuffle() ? "shuffle" : "no shuffle"),
          new Field(c -> c.epochs(), c -> c.epochs() + (c.epochs() == 1 ? " epoch" : " epochs")),
          new Field(c -> c.seed(), c -> "seed " + c.seed()));

  /** Each run's label, in the order given. */
  public static List<String> of(List<Labelled> runs) {
    List<Field> differing = new ArrayList<>();
    for (Field f : FIELDS) {
      long values = runs.stream().map(r -> f.key().apply(r.config())).distinct().count();
      if (values > 1) {
        differing.add(f);
      }
    }
    if (differing.contains(KIND)) {
      differing.remove(CSV_NAME); // the kind names the file
      differing.removeAll(SYNTHETIC_ONLY);
    }
    if (differing.contains(D)) {
      differing.remove(TRUE_W); // "d = 1" beside "d = 2" says enough
      differing.remove(SCALES);
    }
    List<String> labels = new ArrayList<>(runs.size());
    for (Labelled r : runs) {
      String text =
          differing.stream()
              .map(f -> f.text().apply(r.config()))
              .filter(s -> !s.isEmpty())
              .collect(Collectors.joining(", "));
      labels.add(text.isEmpty() ? "run " + r.number() : text);
    }
    // runs that differ from others but not from each other: their numbers tell them apart
    for (int i = 0; i < labels.size(); i++) {
      String text = labels.get(i);
      if (!text.startsWith("run ") && labels.indexOf(text) != labels.lastIndexOf(text)) {
        for (int k = 0; k < labels.size(); k++) {
          if (labels.get(k).equals(text)) {
            labels.set(k, text + " (run " + runs.get(k).number() + ")");
          }
        }
      }
    }
    return labels;
  }

  /** A short number: 0.03, 0.3, 1, 1.5e-5; never a binary tail such as 0.30000000000000004. */
  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e9) {
      return Long.toString((long) v);
    }
    double a = Math.abs(v);
    if (a >= 1e-3 && a < 1e9) {
      return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
    String[] parts = String.format(Locale.ROOT, "%.3e", v).split("e");
    String mantissa = new BigDecimal(parts[0]).stripTrailingZeros().toPlainString();
    return mantissa + "e" + Integer.parseInt(parts[1]);
  }

  private static String kind(DataSource s) {
    return s instanceof DataSource.CsvFile ? "CSV" : "synthetic";
  }

  private static String csvName(DataSource s) {
    return s instanceof DataSource.CsvFile f ? f.file().getFileName().toString() : "";
  }

  private static String csvTarget(DataSource s) {
    return s instanceof DataSource.CsvFile f && f.target() != null ? f.target() : "";
  }

  private static Object synth(DataSource s, Function<DataSource.Synthetic, Object> part) {
    return s instanceof DataSource.Synthetic syn ? part.apply(syn) : "";
  }

  private static String synthText(DataSource s, Function<DataSource.Synthetic, String> part) {
    return s instanceof DataSource.Synthetic syn ? part.apply(syn) : "";
  }

  private static String d(DataSource s) {
    return s instanceof DataSource.Synthetic syn ? "d = " + syn.trueW().length : "";
  }

  private static List<Double> list(double[] xs) {
    return Arrays.stream(xs).boxed().toList();
  }

  private static String join(double[] xs) {
    return Arrays.stream(xs)
        .mapToObj(RunLabels::number)
        .collect(Collectors.joining(", ", "(", ")"));
  }

  private static String rows(DataSource s) {
    int n = s.numTrainOrUnknown();
    return n < 0 ? "" : String.format(Locale.ROOT, "%,d rows", n);
  }
}
