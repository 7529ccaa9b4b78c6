package descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import descent.testing.LinearCsv;
import descent.train.GradientCheck;
import descent.train.GradientCheck.Entry;
import descent.train.TrainingRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GradcheckCommandTest {
  @TempDir Path dir;

  private Path linearFile() throws Exception {
    return LinearCsv.write(dir);
  }

  /** The relative errors in the table's last column, one per parameter. */
  private static double[] errors(List<String> lines, int parameters) {
    int header =
        lines.indexOf(lines.stream().filter(l -> l.startsWith("parameter")).findFirst().get());
    double[] errors = new double[parameters];
    for (int i = 0; i < parameters; i++) {
      String[] cells = lines.get(header + 1 + i).trim().split(" +");
      errors[i] = Double.parseDouble(cells[cells.length - 1]);
    }
    return errors;
  }

  @Test
  void theChapterRunAgreesAtTheFirstStep() {
    Cli run = Cli.run("gradcheck", "--seed", "1");

    assertThat(run.code()).isZero();
    assertThat(run.err()).isEmpty();
    List<String> lines = run.outLines();
    assertThat(lines.get(0)).isEqualTo("seed 1 (repeat this run with --seed 1)");
    assertThat(lines.get(1)).startsWith("step 1 (epoch 1, minibatch 1 of 32): 32 examples, loss ");
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("w1 "));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("w2 "));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("b "));
    assertThat(Arrays.stream(errors(lines, 3)).max().getAsDouble()).isLessThan(1e-6);
    assertThat(lines.get(lines.size() - 1))
        .matches("largest relative error \\S+ at (w1|w2|b) \\(below 1e-6\\): gradients agree");
  }

  @Test
  void aCsvRunWithSpreadWeightsAgreesAfterFiftySteps() throws Exception {
    Path file = linearFile();

    Cli run =
        Cli.run(
            "gradcheck",
            "--data",
            file.toString(),
            "--batch-size",
            "8",
            "--epochs",
            "10",
            "--sigma",
            "0.5",
            "--seed",
            "4",
            "--steps",
            "50");

    assertThat(run.code()).isZero();
    assertThat(run.err()).isEmpty();
    List<String> lines = run.outLines();
    // 80 training rows in batches of 8: step 51 is the 1st minibatch of the 6th epoch
    assertThat(lines.get(2)).startsWith("step 51 (epoch 6, minibatch 1 of 10): 8 examples, loss ");
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("w1 (a) "));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("w2 (b) "));
    assertThat(Arrays.stream(errors(lines, 3)).max().getAsDouble()).isLessThan(1e-6);
    assertThat(lines.get(lines.size() - 1)).endsWith("(below 1e-6): gradients agree");
  }

  @Test
  void jsonReportsEveryParameter() {
    Cli run = Cli.run("gradcheck", "--json", "--seed", "2", "--steps", "5");

    assertThat(run.code()).isZero();
    ObjectNode json = run.json();
    assertThat(json.get("step").asInt()).isEqualTo(6);
    assertThat(json.get("parameters")).hasSize(3);
    assertThat(json.get("parameters").get(2).get("name").asText()).isEqualTo("b");
    assertThat(json.get("largestRelativeError").asDouble()).isLessThan(1e-6);
    assertThat(json.get("agree").asBoolean()).isTrue();
  }

  @Test
  void aWrongGradientExitsOneAndNamesTheParameter() {
    Cli run = runWithWrongGradient("gradcheck", "--seed", "1");

    assertThat(run.code()).isEqualTo(1);
    List<String> lines = run.outLines();
    double[] errors = errors(lines, 3);
    assertThat(errors[0]).isLessThan(1e-6);
    assertThat(errors[1]).isGreaterThan(1e-6);
    assertThat(lines.get(lines.size() - 1))
        .matches("largest relative error \\S+ at w2 \\(not below 1e-6\\): gradients disagree");
  }

  @Test
  void aRunThatDivergesBeforeTheCheckIsOneLineAndExitOne() {
    Cli run = Cli.run("gradcheck", "--lr", "10", "--steps", "20", "--seed", "1");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err())
        .startsWith("gradcheck: the run diverged at step ")
        .contains("use fewer --steps or a lower --lr");
  }

  @Test
  void aNonFiniteLossIsOneLineAndExitOne() {
    Cli run = Cli.run("gradcheck", "--true-w", "1e200", "--seed", "1");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).startsWith("gradcheck: the loss of step 1 is ∞");
  }

  @Test
  void stepsBeyondTheRunAreRefusedNamingTheOption() {
    Cli run = Cli.run("gradcheck", "--steps", "96", "--seed", "1");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly(
            "--steps: must be an integer from 0 to 95, got 96 (the run has 96 minibatches,"
                + " 3 epochs × 32, and one must be left to check; raise --epochs to check a"
                + " later one)");
    // the last minibatch itself can be checked
    assertThat(Cli.run("gradcheck", "--steps", "95", "--seed", "1").code()).isZero();
  }

  @Test
  void badOptionsAreOneLineAndExitTwo() throws Exception {
    Path file = linearFile();
    String[][] cases = {
      {"--steps", "-1"},
      {"--steps", "x"},
      {"--lr", "0"},
      {"--lrate", "1"},
      {"--batch-size", "0"},
      {"--data", file.toString(), "--noise", "0.1"},
      {"--data", dir.resolve("missing.csv").toString()},
    };
    String[] starts = {
      "--steps: must be an integer ≥ 0, got \"-1\"",
      "--steps: must be an integer ≥ 0, got \"x\"",
      "--lr: must be a number > 0",
      "--lrate: unknown option",
      "--batch-size: must be an integer from 1 to",
      "--noise: not applicable with --data",
      "",
    };
    for (int i = 0; i < cases.length; i++) {
      String[] args = new String[cases[i].length + 1];
      args[0] = "gradcheck";
      System.arraycopy(cases[i], 0, args, 1, cases[i].length);

      Cli run = Cli.run(args);

      assertThat(run.code()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(run.out()).as(String.join(" ", args)).isEmpty();
      assertThat(run.errLines()).as(String.join(" ", args)).hasSize(1);
      assertThat(run.err()).as(String.join(" ", args)).startsWith(starts[i]);
    }
  }

  @Test
  void helpListsGradcheckAndItsOptions() {
    assertThat(Cli.run("--help").out()).contains("gradcheck");
    Cli help = Cli.run("gradcheck", "--help");

    assertThat(help.code()).isZero();
    assertThat(help.out())
        .contains("--steps", "--lr", "--sigma", "--epochs", "--data", "--target", "--json")
        .contains("1e-6");
  }

  /** Runs the command line with a gradcheck whose autograd gradient of w2 is off by 1e-4. */
  private static Cli runWithWrongGradient(String... args) {
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          @SuppressWarnings("unchecked")
          public <K> K create(Class<K> cls) throws Exception {
            if (cls == GradcheckCommand.class) {
              return (K) new WrongGradient();
            }
            return CommandLine.defaultFactory().create(cls);
          }
        };
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = DescentCli.run(args, new PrintWriter(out), new PrintWriter(err), factory);
    return new Cli(code, out.toString(), err.toString());
  }

  private static final class WrongGradient extends GradcheckCommand {
    @Override
    GradientCheck check(TrainingRun run) {
      GradientCheck right = super.check(run);
      double[] autograd = right.entries().stream().mapToDouble(Entry::autograd).toArray();
      double[] numeric = right.entries().stream().mapToDouble(Entry::numeric).toArray();
      autograd[1] *= 1 + 1e-4;
      return GradientCheck.compare(right.batch(), right.loss(), autograd, numeric);
    }
  }
}
