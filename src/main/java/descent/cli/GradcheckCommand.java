package descent.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import descent.data.RegressionData;
import descent.train.GradientCheck;
import descent.train.GradientCheck.Entry;
import descent.train.RunSpec;
import descent.train.TrainingEvent.Diverged;
import descent.train.TrainingListener;
import descent.train.TrainingRun;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code descent gradcheck}: the autograd gradient of one minibatch beside central finite
 * differences ({@link GradientCheck}). It takes every {@code train} option, and builds its data and
 * run with the same code, by extending {@link TrainCommand}: the two cannot drift apart. {@code
 * --steps N} first trains N minibatches through the run's own {@link TrainingRun#step()}, then
 * checks the minibatch its next step would use.
 */
@Command(
    name = "gradcheck",
    description = {
      "Checks the autograd gradient of one minibatch's loss against central finite differences,"
          + " for every element of w and for b, and prints each one's relative error"
          + " |a − n| / max(|a| + |n|, 1e-8).",
      "Takes every train option; --steps N first trains N minibatches, then checks the next."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every relative error is below 1e-6: the gradients agree",
      "1:some relative error is not below 1e-6, the run diverged or a gradient is not finite,"
          + " or an unexpected failure (one line on stderr)",
      "2:bad input: an option's value, or the data file (one line on stderr says which)"
    })
class GradcheckCommand extends TrainCommand {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Option(
      names = "--steps",
      defaultValue = "0",
      converter = Values.StepCount.class,
      description =
          "train this many minibatches first, then check the next; at most the run's minibatches"
              + " (epochs × batches per epoch) less one (default: ${DEFAULT-VALUE})")
  int steps;

  @Override
  public Integer call() {
    return withMemoryAdvice(this::check);
  }

  /** The check of the run's current minibatch; tests override it to see a wrong one caught. */
  GradientCheck check(TrainingRun run) {
    return GradientCheck.of(run);
  }

  private int check() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long runSeed = seed != null ? seed : drawSeed();
    Path file;
    RegressionData regressionData;
    try {
      Input input = input(runSeed);
      file = input.file();
      regressionData = input.data();
      checkSteps(regressionData);
    } catch (BadInput e) {
      err.println(e.getMessage());
      return BAD_INPUT;
    }
    if (!json) {
      out.println(TextReport.seedLine(runSeed));
      String batchNote = batchNote(regressionData);
      if (file != null) {
        out.println(
            TextReport.dataLine(file, regressionData)
                + (batchNote == null ? "" : "; " + batchNote));
      } else if (batchNote != null) {
        out.println(batchNote);
      }
    }
    task = "training " + steps + (steps == 1 ? " step" : " steps");
    RunSpec runSpec = new RunSpec(lr, sigma, epochs, clip, runSeed);
    TrainingRun run =
        runSpec
            .newTrainer()
            .prepare(
                runSpec.newModel(regressionData.numFeatures()),
                regressionData,
                TrainingListener.NONE);
    for (int i = 0; i < steps && !run.isOver(); i++) {
      run.step(); // the one training loop's step, nothing else
    }
    if (run.status() == TrainingRun.Status.DIVERGED) {
      Diverged d = run.divergence();
      err.println(
          "gradcheck: the run diverged at step "
              + d.step()
              + ", before its "
              + steps
              + " steps were done ("
              + d.reason()
              + "); there is no finite gradient to check: use fewer --steps or a lower --lr");
      return FAILED;
    }
    task = "checking the gradient";
    GradientCheck result = check(run);
    long step = run.trainBatchIdx() + 1;
    if (!result.isFinite()) {
      err.println(
          "gradcheck: the loss of step "
              + step
              + " is "
              + Numbers.short2(result.loss())
              + " and its gradient is not finite; there is nothing to compare: lower --sigma or"
              + " the data's size (--true-w, --true-b, --noise, or the file's values)");
      return FAILED;
    }
    List<String> names = names(result, regressionData, file);
    if (json) {
      out.println(json(result, names, runSeed, step, run));
    } else {
      out.println(
          "step "
              + step
              + " (epoch "
              + (run.epoch() + 1)
              + ", minibatch "
              + (run.batchIndex() + 1)
              + " of "
              + run.batchesPerEpoch()
              + "): "
              + result.batch().size()
              + (result.batch().size() == 1 ? " example" : " examples")
              + ", loss "
              + Numbers.sig6(result.loss()));
      out.println();
      out.print(table(result, names));
      out.println();
      out.println(summary(result, names));
    }
    String failure = Output.failure(out);
    if (failure != null) {
      err.println(Output.failureLine(failure, ""));
      return FAILED;
    }
    return result.agrees() ? OK : FAILED;
  }

  /** Refuses a --steps that leaves no minibatch of the run to check. */
  private void checkSteps(RegressionData d) {
    checkSteps(d, steps, "one must be left to check", "raise --epochs to check a later one");
  }

  /** {@code w1}, or {@code w1 (a)} for a file's column a, as the train table names them. */
  private static List<String> names(GradientCheck result, RegressionData d, Path file) {
    List<String> names = new ArrayList<>();
    for (Entry e : result.entries()) {
      String name = e.name();
      if (file != null && !name.equals("b")) {
        int j = Integer.parseInt(name.substring(1)) - 1;
        name += " (" + Names.column(d.featureNames().get(j)) + ")";
      }
      names.add(name);
    }
    return names;
  }

  private static String table(GradientCheck result, List<String> names) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"parameter", "autograd", "numeric", "relative error"});
    for (int i = 0; i < names.size(); i++) {
      Entry e = result.entries().get(i);
      rows.add(
          new String[] {
            names.get(i), gradient(e.autograd()), gradient(e.numeric()), error(e.relativeError())
          });
    }
    int[] width = new int[4];
    for (String[] row : rows) {
      for (int c = 0; c < 4; c++) {
        width[c] = Math.max(width[c], row[c].length());
      }
    }
    StringBuilder s = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder(row[0] + " ".repeat(width[0] - row[0].length()));
      for (int c = 1; c < 4; c++) {
        line.append("  ").append(" ".repeat(width[c] - row[c].length())).append(row[c]);
      }
      s.append(line).append(System.lineSeparator());
    }
    return s.toString();
  }

  /**
   * {@code largest relative error 3.1e-10 (below 1e-6): gradients agree}, or {@code … 2.0e-04 at w2
   * (not below 1e-6): gradients disagree}.
   */
  static String summary(GradientCheck result, List<String> names) {
    Entry worst = result.worst();
    String at = names.get(result.entries().indexOf(worst));
    return "largest relative error "
        + error(worst.relativeError())
        + " at "
        + at
        + (result.agrees()
            ? " (below 1e-6): gradients agree"
            : " (not below 1e-6): gradients disagree");
  }

  /** A gradient to 10 significant digits, enough to see where the two sides part. */
  private static String gradient(double v) {
    return v == 0 ? "0" : String.format(Locale.ROOT, "%.10g", v);
  }

  private static String error(double v) {
    return v == 0 ? "0" : String.format(Locale.ROOT, "%.1e", v);
  }

  private static String json(
      GradientCheck result, List<String> names, long seed, long step, TrainingRun run) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("seed", seed);
    root.put("step", step);
    root.put("epoch", run.epoch() + 1);
    root.put("batchSize", result.batch().size());
    root.put("loss", result.loss());
    ArrayNode params = root.putArray("parameters");
    for (int i = 0; i < names.size(); i++) {
      Entry e = result.entries().get(i);
      params
          .addObject()
          .put("name", Names.json(names.get(i)))
          .put("autograd", e.autograd())
          .put("numeric", e.numeric())
          .put("relativeError", e.relativeError());
    }
    root.put("largestRelativeError", result.largestError());
    root.put("tolerance", GradientCheck.TOLERANCE);
    root.put("agree", result.agrees());
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
