package descent.cli;

import descent.bench.BenchConfig;
import descent.bench.BenchRunner;
import descent.bench.Warmup;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code descent bench}: how fast the engine trains, beside a hand-written loop doing the same work
 * (docs/benchmarking.md).
 */
@Command(
    name = "bench",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Times the training loop on synthetic data: after a JIT warm-up, --repeats fits through"
          + " the same TrainingRun the app uses, and as many of a hand-written loop (plain Java,"
          + " no autograd) that learns the same model from the same minibatches.",
      "Reports µs per training step (minibatch gather included, validation excluded) as"
          + " median, min and max, the hand loop's median, their ratio, examples per second and"
          + " the whole fit's time in ms. Configs: chapter (d=2, 1,000 rows, batch 32, 3 epochs),"
          + " wide (d=200, 100,000 rows, batch 256, 1 epoch), single (d=2, 100,000 rows,"
          + " batch 1, 1 epoch); each with 1,000 validation rows."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:measured",
      "1:an unexpected failure, such as running out of memory (one line on stderr)",
      "2:bad input: an option's value (one line on stderr says which)"
    })
class BenchCommand implements Callable<Integer> {
  /** The most timed fits a run may ask for. */
  static final int MAX_REPEATS = 1000;

  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      defaultValue = "all",
      converter = ConfigName.class,
      paramLabel = "<name>",
      description = "chapter, wide, single or all (default: ${DEFAULT-VALUE})")
  Selection configs;

  @Option(
      names = "--repeats",
      defaultValue = "7",
      converter = RepeatCount.class,
      description = "timed fits per config, 1 to " + MAX_REPEATS + " (default: ${DEFAULT-VALUE})")
  int repeats;

  @Option(names = "--json", description = "print one JSON object instead of a table")
  boolean json;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "show this help and exit")
  boolean help;

  private final UnaryOperator<BenchConfig> size;
  private final Warmup warmup;

  BenchCommand() {
    this(UnaryOperator.identity(), Warmup.STANDARD);
  }

  /**
   * A bench whose configs are resized by {@code size} and warmed up by {@code warmup}: for tests,
   * which cannot afford the real sizes. The command itself runs the configs.
   */
  BenchCommand(UnaryOperator<BenchConfig> size, Warmup warmup) {
    this.size = size;
    this.warmup = warmup;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    BenchRunner runner = new BenchRunner(warmup, repeats);
    BenchReport report = new BenchReport(out, json, repeats);
    report.begin();
    for (BenchConfig config : configs.list()) {
      report.add(runner.run(size.apply(config)));
      if (out.checkError()) {
        break; // nobody reads on; DescentCli says why in one line
      }
    }
    report.end(configs.list().size() == 1);
    return TrainCommand.OK;
  }

  /**
   * The configs to run. Not a bare list: picocli would take a list option for one that repeats, and
   * convert each element on its own.
   */
  record Selection(List<BenchConfig> list) {}

  /** chapter, wide, single (any case), or all of them. */
  static final class ConfigName implements ITypeConverter<Selection> {
    @Override
    public Selection convert(String text) {
      if (text.trim().toLowerCase(Locale.ROOT).equals("all")) {
        return new Selection(BenchConfig.all());
      }
      return BenchConfig.named(text)
          .map(c -> new Selection(List.of(c)))
          .orElseThrow(
              () ->
                  Values.refuse(
                      "one of " + String.join(", ", BenchConfig.names()) + ", all", text));
    }
  }

  /** 1 to {@value #MAX_REPEATS}. */
  static final class RepeatCount implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
      return Values.integer(text, "an integer from 1 to " + MAX_REPEATS, 1, MAX_REPEATS);
    }
  }
}
