package descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import descent.data.RegressionData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DescentCliTest {
  @Test
  void helpListsTheTrainCommand() {
    Cli run = Cli.run("--help");

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("Usage: descent", "train");
  }

  @Test
  void trainHelpListsEveryOptionWithItsDefaultAndTheExitCodes() {
    Cli run = Cli.run("train", "--help");

    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains(
            "--lr",
            "--sigma",
            "--batch-size",
            "--epochs",
            "--noise",
            "--true-w",
            "--true-b",
            "--num-train",
            "--num-val",
            "--seed",
            "--clip",
            "--no-shuffle",
            "--data",
            "--target",
            "--json",
            "(default: 0.03)",
            "(default: 2,-3.4)",
            "Exit codes:")
        .doesNotContain("[picocli WARN]");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void versionNamesTheProgram() {
    Cli run = Cli.run("--version");

    assertThat(run.code()).isZero();
    assertThat(run.out()).startsWith("descent ");
  }

  @Test
  void anUnknownCommandIsOneLineWithASuggestion() {
    Cli run = Cli.run("tran");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly("tran: unknown command; did you mean train? (see 'descent --help')");
  }

  @Test
  void noCommandIsOneLine() {
    Cli run = Cli.run();

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).contains("descent train");
  }

  @Test
  void outOfMemoryBuildingTheDataIsOneLineNamingTheSizeAndExitsOne() {
    Cli run =
        runFailing(
            () -> new OutOfMemoryError("Java heap space"),
            "train",
            "--num-train",
            "1000000",
            "--num-val",
            "1000000",
            "--true-w",
            "1,2,3,4,5,6,7,8,9,10");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.errLines())
        .containsExactly(
            "descent: out of memory building 2,000,000 rows × 10 features; use fewer rows or give"
                + " Java more memory (java -Xmx4g -jar descent.jar …)");
  }

  @Test
  void anUnexpectedExceptionIsOneLineAndExitsOne() {
    Cli run = runFailing(() -> new IllegalStateException("boom\nsecond line"), "train");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.errLines())
        .containsExactly(
            "descent: internal error: java.lang.IllegalStateException: boom second line");
    assertThat(run.err()).doesNotContain("\tat ");
  }

  @Test
  void anUnexpectedErrorIsOneLineAndExitsOne() {
    Cli run = runFailing(() -> new StackOverflowError(), "train", "--json");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly("descent: internal error: java.lang.StackOverflowError");
  }

  @Test
  void outOfMemoryOutsideTheTrainCommandIsOneLineToo() {
    assertThat(DescentCli.failure(new OutOfMemoryError("Java heap space")))
        .isEqualTo(
            "descent: out of memory; give Java more memory (java -Xmx4g -jar descent.jar …)");
  }

  /** Runs the command line with a train command whose data generation throws {@code failure}. */
  private static Cli runFailing(Supplier<Throwable> failure, String... args) {
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          @SuppressWarnings("unchecked")
          public <K> K create(Class<K> cls) throws Exception {
            if (cls == TrainCommand.class) {
              return (K) new FailingTrainCommand(failure);
            }
            return CommandLine.defaultFactory().create(cls);
          }
        };
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = DescentCli.run(args, new PrintWriter(out), new PrintWriter(err), factory);
    return new Cli(code, out.toString(), err.toString());
  }

  /** A train command that fails where it would generate the synthetic data. */
  private static final class FailingTrainCommand extends TrainCommand {
    private final Supplier<Throwable> failure;

    FailingTrainCommand(Supplier<Throwable> failure) {
      this.failure = failure;
    }

    @Override
    RegressionData generate(
        double[] w,
        double b,
        double noise,
        int numTrain,
        int numVal,
        double[] featureScale,
        int batchSize,
        boolean shuffle,
        long seed) {
      Throwable t = failure.get();
      if (t instanceof Error e) {
        throw e;
      }
      throw (RuntimeException) t;
    }
  }
}
