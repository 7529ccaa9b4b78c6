package descent.cli;

import descent.data.CsvRegressionData;
import descent.data.DataFileException;
import descent.data.MemoryBudget;
import descent.data.RegressionData;
import descent.data.StandardizedData;
import descent.data.SyntheticRegressionData;
import descent.run.DataSource;
import descent.run.Preset;
import descent.run.RunConfig;
import descent.run.RunFile;
import descent.run.RunFileException;
import descent.train.DivergenceAdvice;
import descent.train.LeastSquaresGap;
import descent.train.RunSpec;
import descent.train.RunSummary;
import descent.train.Trainer;
import descent.train.TrainingEvent.Diverged;
import descent.train.TrainingEvent.EpochDone;
import descent.train.TrainingListener;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
      "1:an unexpected failure, such as running out of memory, or output that cannot be written"
          + " (one line on stderr)",
      "2:bad input: an option's value, or the data file (one line on stderr says which)",
      "3:the run diverged (stderr says where and what to try: an --lr below the stable bound"
          + " for the data, scaling the features, or when the very first loss is not finite,"
          + " smaller initial weights or data)"
    })
class TrainCommand implements Callable<Integer> {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int BAD_INPUT = 2;
  static final int DIVERGED = 3;

  /** d2l's training rows, when --num-train is not given for synthetic data. */
  private static final int CHAPTER_NUM_TRAIN = 1000;

  /** d2l's batch size, when --batch-size is not given and there are at least as many rows. */
  private static final int CHAPTER_BATCH_SIZE = 32;

  /** Options that set the size of synthetic data and of the initial weights. */
  private static final List<String> MAGNITUDES =
      List.of("--sigma", "--true-w", "--true-b", "--noise");

  /** Options that only shape synthetic data, refused with --data. */
  private static final List<String> SYNTHETIC_ONLY =
      List.of("--num-val", "--noise", "--true-w", "--true-b", "--feature-scale");

  @Spec CommandSpec spec;

  @Option(
      names = "--preset",
      converter = PresetName.class,
      paramLabel = "<name>",
      description =
          "start from a preset, a run that teaches one thing (see 'descent presets');"
              + " the options given beside it override its values")
  Preset preset;

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
      converter = Values.BatchSize.class,
      description = "minibatch size, 1 to numTrain (default: 32, or numTrain if that is smaller)")
  Integer batchSize;

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
      names = "--feature-scale",
      converter = Values.ScaleList.class,
      paramLabel = "<s1,s2>",
      description =
          "each feature's standard deviation, > 0: one number for every feature, or one per"
              + " feature (default: 1, the chapter's)")
  Values.Weights featureScale;

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
      description =
          "seed of the data, initial w and shuffles, 0 to 999999999"
              + " (default: drawn at random, printed)")
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
      names = "--standardize",
      description =
          "replace each feature by its z-score, with the training rows' mean and standard"
              + " deviation; w and b are reported in both units")
  boolean standardize;

  @Option(
      names = "--data",
      paramLabel = "<file.csv>",
      description =
          "train on a CSV file with a header row instead of synthetic data;"
              + " --num-val, --noise, --true-w and --true-b do not apply")
  String data;

  @Option(
      names = "--target",
      paramLabel = "<column>",
      description = "with --data, the column to predict (default: the last column)")
  String target;

  @Option(
      names = "--features",
      split = ",",
      paramLabel = "<a,b>",
      description =
          "with --data, the feature columns, comma-separated, in the order of w (default: every"
              + " column but the target); the other columns are ignored, even if they hold text")
  List<String> features;

  @Option(
      names = "--run",
      paramLabel = "<run.json>",
      description =
          "repeat the run a run file saved: its data, every setting and its seed. Options given"
              + " beside it override the file's values")
  String runFile;

  @Option(
      names = "--save-run",
      paramLabel = "<run.json>",
      description =
          "save this run's settings, seed and data source to a run file, before training (also a"
              + " run that diverges: the file repeats it)")
  String saveRun;

  @Option(names = "--json", description = "print one JSON object instead of text")
  boolean json;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "show this help and exit")
  boolean help;

  /**
   * What the run is doing, for a message if memory runs out: "building 2,000 rows × 2 features".
   */
  String task = "starting";

  @Override
  public Integer call() {
    return withMemoryAdvice(this::train);
  }

  /** Runs {@code command}; running out of memory becomes one line saying what to use instead. */
  int withMemoryAdvice(java.util.function.IntSupplier command) {
    try {
      return command.getAsInt();
    } catch (OutOfMemoryError e) {
      throw new Failure(
          "out of memory "
              + task
              + "; use "
              + (data == null ? "fewer rows" : "a smaller file")
              + " or give Java more memory (java -Xmx4g -jar descent.jar …)");
    }
  }

  private int train() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path file;
    RegressionData regressionData;
    long runSeed;
    try {
      useRunFile();
      runSeed = seed != null ? seed : drawSeed();
      Input input = input(runSeed);
      file = input.file();
      regressionData = input.data();
    } catch (BadInput e) {
      err.println(e.getMessage());
      return BAD_INPUT;
    }
    String notSaved = saveRunFile(runSeed, file, regressionData);
    if (notSaved != null) {
      err.println(notSaved);
      return FAILED;
    }
    task =
        "training on "
            + size(
                regressionData.numTrain() + regressionData.numVal(), regressionData.numFeatures());
    RunSpec run = new RunSpec(lr, sigma, epochs, clip, runSeed);
    String batchNote = batchNote(regressionData);
    Trainer trainer = run.newTrainer();

    TrainingListener listener = TrainingListener.NONE;
    if (!json) {
      out.println(TextReport.seedLine(runSeed));
      if (saveRun != null) {
        out.println(savedLine());
      }
      if (file != null) {
        out.println(
            TextReport.dataLine(file, regressionData)
                + (batchNote == null ? "" : "; " + batchNote));
      } else if (batchNote != null) {
        out.println(batchNote);
      }
      String failure = Output.failure(out);
      if (failure != null) {
        err.println(Output.failureLine(failure, "; nothing was trained"));
        return FAILED;
      }
      listener =
          TrainingListener.withoutBatches( // it prints epochs only: no per-minibatch events
              event -> {
                if (event instanceof EpochDone done) {
                  out.println(TextReport.epochLine(done, epochs));
                  if (out.checkError()) {
                    trainer.run().requestStop(); // nobody reads on: stop after this minibatch
                  }
                }
              });
    }
    RunSummary summary =
        trainer.fit(run.newModel(regressionData.numFeatures()), regressionData, listener);
    String failure = Output.failure(out);
    if (failure != null) {
      err.println(Output.failureLine(failure, stopped(summary)));
      return FAILED;
    }
    String advice = summary.diverged() ? advice(summary.divergence(), regressionData, file) : null;
    Optional<LeastSquaresGap> gap = LeastSquaresGap.measure(summary, regressionData);
    List<String> notes =
        gap.map(g -> LeastSquaresNotes.of(g, regressionData, lr, epochs, Values.MAX_EPOCHS))
            .orElse(List.of());

    if (json) {
      out.println(
          JsonReport.of(
              run,
              regressionData,
              file,
              summary,
              advice,
              gap.map(LeastSquaresGap::gap).orElse(null),
              notes));
    } else if (!summary.diverged()) {
      out.println();
      if (regressionData instanceof StandardizedData z) {
        out.println(StandardizedReport.STANDARDISED_HEADING);
        out.print(TextReport.table(summary, regressionData));
        out.println(StandardizedReport.ORIGINAL_HEADING);
        out.print(StandardizedReport.table(summary, z));
      } else {
        out.print(TextReport.table(summary, regressionData));
      }
      out.println();
      out.println(TextReport.footer(summary));
      for (String note : notes) {
        out.println("note: " + note);
      }
    }
    failure = Output.failure(out);
    if (failure != null) {
      err.println(Output.failureLine(failure, ""));
      return FAILED;
    }
    if (summary.diverged()) {
      err.println(TextReport.divergence(summary.divergence(), advice));
      return DIVERGED;
    }
    return OK;
  }

  /**
   * With --run, takes every setting the command line did not give from the run file, its seed too
   * ({@link #useBase}); a file that is refused is one line naming --run and the file.
   */
  void useRunFile() {
    if (runFile == null) {
      return;
    }
    if (given("--preset")) {
      throw new BadInput(
          "--run: cannot be combined with --preset (a run file already holds every setting)");
    }
    RunConfig base;
    try {
      base = RunFile.read(path("--run", runFile));
    } catch (RunFileException e) {
      throw new BadInput("--run: " + e.getMessage());
    }
    useBase(base, true);
  }

  /**
   * With --save-run, writes the run file of the run these options describe (its data already built
   * as {@code rows}); returns the one line to print if it cannot be written, else null.
   */
  String saveRunFile(long runSeed, Path file, RegressionData rows) {
    if (saveRun == null) {
      return null;
    }
    try {
      RunFile.write(path("--save-run", saveRun), config(runSeed, file, rows));
      return null;
    } catch (RunFileException e) {
      return "--save-run: " + e.getMessage();
    } catch (BadInput e) {
      return e.getMessage();
    }
  }

  /** {@code saved run.json (repeat this run with --run run.json)}. */
  String savedLine() {
    return "saved "
        + Names.file(saveRun)
        + " (repeat this run with --run "
        + Names.file(saveRun)
        + ")";
  }

  /** {@code name} as a path, or one line naming {@code option}. */
  private static Path path(String option, String name) {
    if (name.isBlank()) {
      throw new BadInput(option + ": needs a file name, e.g. " + option + " run.json");
    }
    try {
      return Path.of(name);
    } catch (InvalidPathException e) {
      throw new BadInput(
          option + ": cannot use " + Values.quote(name) + " as a file name: " + e.getReason());
    }
  }

  /** A seed from 0 to {@link RunSpec#MAX_SEED}, for a run without --seed. */
  static long drawSeed() {
    return ThreadLocalRandom.current().nextLong(RunSpec.MAX_SEED + 1);
  }

  /** {@code ; training stopped after epoch 2 of 9} when the run ended early, else "". */
  private String stopped(RunSummary summary) {
    int done = summary.epochs().size();
    if (summary.diverged() || done >= epochs) {
      return "";
    }
    return done == 0
        ? "; training stopped in its first epoch"
        : "; training stopped after epoch " + done + " of " + epochs;
  }

  /**
   * What to change after a divergence, from the data's stable learning rate ({@link
   * DivergenceAdvice}). When the very first loss is NaN or ∞, no update has run, so the learning
   * rate is not to blame: the initial weights or the data are too large, and this names which.
   */
  private String advice(Diverged d, RegressionData regressionData, Path file) {
    return DivergenceAdvice.of(d, lr, regressionData).forCli(tooLarge(file));
  }

  /**
   * What to lower when the first loss is not finite: the magnitudes given, or the file's values.
   */
  private List<String> tooLarge(Path file) {
    List<String> lower = new ArrayList<>();
    for (String option : MAGNITUDES) {
      if (given(option) && (file == null || option.equals("--sigma"))) {
        lower.add(option);
      }
    }
    if (file == null && lower.isEmpty()) {
      lower.addAll(MAGNITUDES);
    }
    if (file != null) {
      lower.add("the values in " + file);
    }
    return lower;
  }

  /** Says so when the default batch size was lowered to the number of training rows; else null. */
  String batchNote(RegressionData d) {
    if (batchSize != null || d.batchSize() >= defaultBatchSize) {
      return null;
    }
    return "batch size "
        + d.batchSize()
        + " (the default, "
        + defaultBatchSize
        + ", is more than the "
        + d.numTrain()
        + (d.numTrain() == 1 ? " training row)" : " training rows)");
  }

  /** The batch size for {@code n} training rows: the one given, or the default lowered to n. */
  private int batchSizeFor(int n) {
    return batchSize != null ? batchSize : Math.min(defaultBatchSize, n);
  }

  /**
   * The batch size when --batch-size is not given, lowered to the training rows: the chapter's 32,
   * or a base config's ({@link #useBase}).
   */
  int defaultBatchSize = CHAPTER_BATCH_SIZE;

  /**
   * Takes every setting the command line did not give from {@code base} (a preset or a run file),
   * so that options given beside it override it. Call it after parsing, before {@link #input}.
   *
   * @param fixSeed whether the base's seed applies too (a run file's); a preset leaves the seed to
   *     --seed, or to chance
   */
  void useBase(RunConfig base, boolean fixSeed) {
    if (!given("--lr")) {
      lr = base.lr();
    }
    if (!given("--sigma")) {
      sigma = base.sigma();
    }
    defaultBatchSize = base.batchSize();
    if (!given("--epochs")) {
      epochs = base.epochs();
    }
    if (!given("--clip")) {
      clip = base.clip();
    }
    if (!given("--no-shuffle")) {
      noShuffle = !base.shuffle();
    }
    if (!given("--standardize")) {
      standardize = base.standardize();
    }
    if (fixSeed && !given("--seed")) {
      seed = base.seed();
    }
    if (given("--data")) {
      return; // the file given replaces the base's data, whatever they are
    }
    if (base.data() instanceof DataSource.Synthetic syn) {
      if (!given("--true-w")) {
        trueW = new Values.Weights(syn.trueW());
      }
      if (!given("--true-b")) {
        trueB = syn.trueB();
      }
      if (!given("--noise")) {
        noise = syn.noise();
      }
      if (!given("--num-train")) {
        numTrain = syn.numTrain();
      }
      if (!given("--num-val")) {
        numVal = syn.numVal();
      }
      if (!given("--feature-scale")) {
        featureScale = new Values.Weights(syn.featureScale());
      }
    } else if (base.data() instanceof DataSource.CsvFile csv) {
      data = csv.file().toString();
      if (!given("--target")) {
        target = csv.target();
      }
      if (!given("--features")) {
        features = csv.features().isEmpty() ? null : csv.features();
      }
      if (!given("--num-train")) {
        numTrain = csv.numTrain();
      }
    }
  }

  /** The run's data and the file it came from (null for synthetic data). */
  record Input(Path file, RegressionData data) {}

  /**
   * The data the options ask for: the --data file, or the chapter's synthetic data. With --preset,
   * the preset first fills in every setting the options leave out ({@link #useBase}).
   */
  Input input(long runSeed) {
    if (preset != null) {
      useBase(preset.config(runSeed), false); // the options given win; the seed stays the run's
    }
    Path file = data == null ? null : dataFile();
    RegressionData rows = file == null ? synthetic(runSeed) : fromFile(file, runSeed);
    if (standardize && file != null) { // synthetic data counted the standardised copy already
      checkMemory(
          "--standardize",
          (long) rows.numTrain() + rows.numVal(),
          rows.numFeatures(),
          "a smaller file");
    }
    if (standardize) {
      try {
        rows = StandardizedData.of(rows);
      } catch (IllegalArgumentException e) {
        throw new BadInput("--standardize: " + e.getMessage());
      }
    }
    return new Input(file, rows);
  }

  /**
   * The run these options describe, with its data already built as {@code rows} (from {@code file},
   * or synthetic when it is null): what a run file saves.
   */
  RunConfig config(long runSeed, Path file, RegressionData rows) {
    RegressionData raw = rows instanceof StandardizedData s ? s.original() : rows;
    DataSource source =
        file == null
            ? new DataSource.Synthetic(
                trueW.values(),
                trueB,
                noise,
                raw.numTrain(),
                raw.numVal(),
                featureScales(trueW.values().length))
            : new DataSource.CsvFile(file, target, chosenFeatures(), raw.numTrain());
    return new RunConfig(
        source, lr, sigma, raw.batchSize(), epochs, clip, !noShuffle, standardize, runSeed);
  }

  /** --data as a path, or one line naming the option. */
  Path dataFile() {
    if (data.isBlank()) {
      throw new BadInput("--data: needs a file name");
    }
    Path path;
    try {
      path = Path.of(data);
    } catch (InvalidPathException e) {
      String reason = e.getReason();
      if (reason.contains("unmappable") || reason.contains("Malformed")) {
        reason =
            "it has characters that this system's file-name encoding ("
                + System.getProperty("sun.jnu.encoding", "unknown")
                + ") cannot represent; use a UTF-8 locale (e.g. LANG=C.UTF-8) or rename the file";
      }
      throw new BadInput("--data: cannot use " + Values.quote(data) + " as a file name: " + reason);
    }
    String encoding = FileNames.encodingProblem(data, path);
    if (encoding != null) {
      throw new BadInput("--data: cannot open " + Values.quote(data) + ": " + encoding);
    }
    return path;
  }

  /** --features as given, or an empty list for every column but the target. */
  List<String> chosenFeatures() {
    return features == null ? List.of() : List.copyOf(features);
  }

  RegressionData synthetic(long runSeed) {
    if (given("--target")) {
      throw new BadInput("--target: only applies with --data (synthetic data's target is y)");
    }
    if (given("--features")) {
      throw new BadInput(
          "--features: only applies with --data (synthetic data's features are x1 to xd)");
    }
    int n = numTrain == null ? CHAPTER_NUM_TRAIN : numTrain;
    checkBatchSize(n);
    checkMemory("--num-train, --num-val", (long) n + numVal, trueW.values().length, "fewer rows");
    task = "building " + size((long) n + numVal, trueW.values().length);
    return generate(
        trueW.values(),
        trueB,
        noise,
        n,
        numVal,
        featureScales(trueW.values().length),
        batchSizeFor(n),
        !noShuffle,
        runSeed);
  }

  /**
   * Refuses, naming {@code option}, a run of {@code rows} rows × {@code d} features whose data and
   * the copies the run keeps ({@link MemoryBudget}) would not fit in this Java's memory: before
   * anything is allocated, with the estimate and the limit, instead of running out of memory.
   */
  void checkMemory(String option, long rows, int d, String smaller) {
    int copies = MemoryBudget.RUN_COPIES + (standardize ? MemoryBudget.STANDARDIZE_COPIES : 0);
    MemoryBudget budget = budget();
    String problem = budget.problem(rows, d, copies);
    if (problem != null) {
      throw new BadInput(
          option + ": " + problem + "; " + budget.cure(rows, d, copies, "use " + smaller));
    }
  }

  /** The memory this Java gives data: a quarter of the heap is left for the rest. */
  MemoryBudget budget() {
    return MemoryBudget.ofThisJava();
  }

  /**
   * The features' scales for {@code d} features: --feature-scale's one number for all, or one each.
   */
  double[] featureScales(int d) {
    double[] given = featureScale == null ? new double[] {1} : featureScale.values();
    if (given.length != 1 && given.length != d) {
      throw new BadInput(
          "--feature-scale: needs 1 number or "
              + d
              + " (one per feature of --true-w), got "
              + given.length);
    }
    double[] scales = new double[d];
    for (int j = 0; j < d; j++) {
      scales[j] = given.length == 1 ? given[0] : given[j];
    }
    return scales;
  }

  /** Generates the synthetic data; tests override it to fail as a machine short of memory would. */
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
    return new SyntheticRegressionData(
        w, b, noise, numTrain, numVal, featureScale, batchSize, shuffle, seed);
  }

  /** {@code 2,000,000 rows × 10 features}. */
  private static String size(long rows, int features) {
    return String.format(Locale.ROOT, "%,d", rows)
        + (rows == 1 ? " row × " : " rows × ")
        + features
        + (features == 1 ? " feature" : " features");
  }

  RegressionData fromFile(Path file, long runSeed) {
    for (String option : SYNTHETIC_ONLY) {
      if (given(option)) {
        throw new BadInput(
            option
                + ": not applicable with --data (it only shapes synthetic data;"
                + " use --num-train to choose the training rows of the file)");
      }
    }
    checkBatchSize(numTrain); // before loading too: the loader refuses a batch size < 1 outright
    task = "reading " + file;
    CsvRegressionData loaded;
    try {
      loaded =
          CsvRegressionData.load(
              file,
              target,
              chosenFeatures(),
              null, // a --num-train that does not fit the file is the option's fault: see below
              batchSize != null ? batchSize : defaultBatchSize,
              !noShuffle,
              runSeed);
    } catch (DataFileException e) {
      throw new BadInput(String.valueOf(e.getMessage()).replaceAll("[\\r\\n]+", " "));
    }
    if (numTrain != null) {
      int rows = loaded.numRows();
      String problem = CsvRegressionData.numTrainProblem(numTrain, rows, Names.file(file));
      if (problem != null) {
        throw new BadInput("--num-train: " + problem);
      }
      loaded = loaded.withNumTrain(numTrain);
    }
    checkBatchSize(loaded.numTrain());
    return loaded.withBatchSize(batchSizeFor(loaded.numTrain()));
  }

  /**
   * Refuses a given batch size outside 1 … numTrain; {@code n} null while numTrain is not known.
   * Without --batch-size there is nothing to refuse: the default is lowered to fit.
   */
  private void checkBatchSize(Integer n) {
    if (batchSize == null) {
      return;
    }
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

  /**
   * A failure that is not the input's fault, such as running out of memory; its message is the one
   * line printed after "descent: ", and the exit code is {@link #FAILED}.
   */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message, null, false, false);
    }
  }

  /** Input refused after parsing; its message is the one line printed. */
  static final class BadInput extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadInput(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Refuses a --steps beyond the run's minibatches (epochs × minibatches per epoch), in one line
   * that gives the count.
   *
   * @param oneLeft why one more minibatch must be left after them, or null if none must
   * @param raise what to do for a later minibatch, e.g. "raise --epochs to check a later one"
   */
  void checkSteps(RegressionData d, long steps, String oneLeft, String raise) {
    long perEpoch = (d.numTrain() + (long) d.batchSize() - 1) / d.batchSize();
    long total = perEpoch * epochs;
    long max = oneLeft == null ? total : total - 1;
    if (steps > max) {
      throw new BadInput(
          "--steps: must be an integer from 0 to "
              + max
              + ", got "
              + steps
              + " (the run has "
              + total
              + (total == 1 ? " minibatch" : " minibatches")
              + ", "
              + epochs
              + (epochs == 1 ? " epoch" : " epochs")
              + " × "
              + perEpoch
              + (oneLeft == null ? "" : ", and " + oneLeft)
              + "; "
              + raise
              + ")");
    }
  }
}
