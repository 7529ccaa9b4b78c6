package descent.cli;

import descent.data.CsvRegressionData;
import descent.data.DataFileException;
import descent.data.RegressionData;
import descent.data.SyntheticRegressionData;
import descent.train.RunSpec;
import descent.train.RunSummary;
import descent.train.TrainingEvent.EpochDone;
import descent.train.TrainingListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** {@code descent train}: the chapter's run, printed as the chapter prints it. */
@Command(
    name = "train",
    sortOptions = false,
    abbreviateSynopsis = true,
    usageHelpAutoWidth = true,
    description = {
      "Trains LinearRegressionScratch with minibatch SGD, as d2l §3.4 does, and prints each"
          + " epoch's losses and the learned parameters beside the true and least-squares ones.",
      "Every default is the chapter's. Without --data the data is synthetic:"
          + " y = Xw + b + noise·ε with X, ε ~ N(0, 1)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the run finished",
      "2:bad input: an option's value, or the data file (one line on stderr says which)",
      "3:the run diverged (stderr says where; try a smaller --lr)"
    })
final class TrainCommand implements Callable<Integer> {
  static final int OK = 0;
  static final int BAD_INPUT = 2;
  static final int DIVERGED = 3;

  /** d2l's training rows, when --num-train is not given for synthetic data. */
  private static final int CHAPTER_NUM_TRAIN = 1000;

  /** Options that only shape synthetic data, refused with --data. */
  private static final List<String> SYNTHETIC_ONLY =
      List.of("--num-val", "--noise", "--true-w", "--true-b");

  @Spec CommandSpec spec;

  @Option(
      names = "--lr",
      defaultValue = "0.03",
      converter = Values.PositiveNumber.class,
      description = "learning rate η, > 0 (default: ${DEFAULT-VALUE})")
  double lr;

  @Option(
      names = "--sigma",
      defaultValue = "0.01",
      converter = Values.NonNegativeNumber.class,
      description =
          "std. dev. of the initial w, ≥ 0; 0 starts w at zero (default: ${DEFAULT-VALUE})")
  double sigma;

  @Option(
      names = "--batch-size",
      defaultValue = "32",
      converter = Values.BatchSize.class,
      description = "minibatch size, 1 to numTrain (default: ${DEFAULT-VALUE})")
  int batchSize;

  @Option(
      names = "--epochs",
      defaultValue = "3",
      converter = Values.EpochCount.class,
      description = "passes over the training rows, 1 to 100000 (default: ${DEFAULT-VALUE})")
  int epochs;

  @Option(
      names = "--noise",
      defaultValue = "0.01",
      converter = Values.NonNegativeNumber.class,
      description = "std. dev. of the noise added to y, ≥ 0 (default: ${DEFAULT-VALUE})")
  double noise;

  @Option(
      names = "--true-w",
      defaultValue = "2,-3.4",
      converter = Values.WeightList.class,
      paramLabel = "<w1,w2>",
      description = "the true weights, 1 to 10 comma-separated numbers (default: ${DEFAULT-VALUE})")
  Values.Weights trueW;

  @Option(
      names = "--true-b",
      defaultValue = "4.2",
      converter = Values.AnyNumber.class,
      description = "the true bias (default: ${DEFAULT-VALUE})")
  double trueB;

  @Option(
      names = "--num-train",
      converter = Values.RowCount.class,
      description =
          "training rows (default: 1000; with --data, the first 80%% of the data rows)."
              + " With --data the rest validate")
  Integer numTrain;

  @Option(
      names = "--num-val",
      defaultValue = "1000",
      converter = Values.RowCount.class,
      description = "validation rows (default: ${DEFAULT-VALUE})")
  int numVal;

  @Option(
      names = "--seed",
      converter = Values.Seed.class,
      description = "seed of the data, initial w and shuffles (default: drawn at random, printed)")
  Long seed;

  @Option(
      names = "--clip",
      defaultValue = "0",
      converter = Values.NonNegativeNumber.class,
      description = "gradient-norm clipping bound, ≥ 0; 0 means no clipping (default: 0)")
  double clip;

  @Option(names = "--no-shuffle", description = "read the training rows in order every epoch")
  boolean noShuffle;

  @Option(
      names = "--data",
      paramLabel = "<file.csv>",
      description =
          "train on a CSV file with a header row instead of synthetic data;"
              + " --num-val, --noise, --true-w and --true-b do not apply")
  Path data;

  @Option(
      names = "--target",
      paramLabel = "<column>",
      description = "with --data, the column to predict (default: the last column)")
  String target;

  @Option(names = "--json", description = "print one JSON object instead of text")
  boolean json;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "show this help and exit")
  boolean help;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long runSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong(1_000_000_000L);
    RegressionData regressionData;
    try {
      regressionData = data == null ? synthetic(runSeed) : fromFile(runSeed);
    } catch (BadInput e) {
      err.println(e.getMessage());
      return BAD_INPUT;
    }
    RunSpec run = new RunSpec(lr, sigma, epochs, clip, runSeed);

    TrainingListener listener = TrainingListener.NONE;
    if (!json) {
      out.println(TextReport.seedLine(runSeed));
      if (data != null) {
        out.println(TextReport.dataLine(data, regressionData));
      }
      out.flush();
      listener =
          event -> {
            if (event instanceof EpochDone done) {
              out.println(TextReport.epochLine(done, epochs));
              out.flush();
            }
          };
    }
    RunSummary summary = run.fit(regressionData, listener);

    if (json) {
      out.println(JsonReport.of(run, regressionData, data, summary));
    } else if (!summary.diverged()) {
      out.println();
      out.print(TextReport.table(summary, regressionData));
      out.println();
      out.println(TextReport.footer(summary));
    }
    out.flush();
    if (summary.diverged()) {
      err.println(TextReport.divergence(summary.divergence(), lr));
      return DIVERGED;
    }
    return OK;
  }

  private RegressionData synthetic(long runSeed) {
    if (given("--target")) {
      throw new BadInput("--target: only applies with --data (synthetic data's target is y)");
    }
    int n = numTrain == null ? CHAPTER_NUM_TRAIN : numTrain;
    checkBatchSize(n);
    return new SyntheticRegressionData(
        trueW.values(), trueB, noise, n, numVal, batchSize, !noShuffle, runSeed);
  }

  private RegressionData fromFile(long runSeed) {
    for (String option : SYNTHETIC_ONLY) {
      if (given(option)) {
        throw new BadInput(
            option
                + ": not applicable with --data (it only shapes synthetic data;"
                + " use --num-train to choose the training rows of the file)");
      }
    }
    checkBatchSize(numTrain); // before loading too: the loader refuses a batch size < 1 outright
    RegressionData loaded;
    try {
      loaded = CsvRegressionData.load(data, target, numTrain, batchSize, !noShuffle, runSeed);
    } catch (DataFileException e) {
      throw new BadInput(String.valueOf(e.getMessage()).replaceAll("[\\r\\n]+", " "));
    }
    checkBatchSize(loaded.numTrain());
    return loaded;
  }

  /** Refuses a batch size outside 1 … numTrain; {@code n} null while numTrain is not known. */
  private void checkBatchSize(Integer n) {
    if (batchSize < 1 || (n != null && batchSize > n)) {
      String range = n == null ? "numTrain" : n + " (numTrain)";
      throw new BadInput(
          "--batch-size: must be an integer from 1 to " + range + ", got " + batchSize);
    }
  }

  private boolean given(String option) {
    ParseResult parsed = spec.commandLine().getParseResult();
    return parsed != null && parsed.hasMatchedOption(option);
  }

  /** Input refused after parsing; its message is the one line printed. */
  static final class BadInput extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadInput(String message) {
      super(message, null, false, false);
    }
  }
}
