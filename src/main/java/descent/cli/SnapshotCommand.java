package descent.cli;

import descent.app.snapshot.AppRecipe;
import descent.app.snapshot.Picture;
import descent.app.snapshot.SteppedRun;
import descent.app.snapshot.ViewNames;
import descent.app.snapshot.ViewRenderer;
import descent.data.RegressionData;
import descent.train.RunSpec;
import descent.train.StepSnapshot;
import descent.train.TrainingEvent;
import descent.train.TrainingEvent.Diverged;
import descent.train.TrainingRun;
import descent.train.TrainingRun.Phase;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code descent snapshot}: one view of a run, drawn with no display into a PNG of the size asked
 * for. It takes every {@code train} option and builds its data and run with the same code, by
 * extending {@link TrainCommand}; it steps the run through {@link TrainingRun#step()} N times, and
 * with {@code --phase} through {@link TrainingRun#stepPhase()} partway into step N + 1, on this
 * thread, then hands copies of what the run showed to the app's {@link ViewRenderer}.
 */
@Command(
    name = "snapshot",
    sortOptions = false,
    abbreviateSynopsis = true,
    usageHelpAutoWidth = true,
    description = {
      "Draws one view of a run after N training steps into a PNG, with no display: the loss"
          + " chart, the parameter table, a teaching view, or the whole window.",
      "Takes every train option (but --json); --steps N trains N minibatches first, and --phase"
          + " goes on partway through minibatch N + 1."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the picture was written (also when the run diverged: it shows the run as it stood then,"
          + " and stderr says so in one line)",
      "1:an unexpected failure, such as running out of memory, or the file cannot be written"
          + " (one line on stderr)",
      "2:bad input: an option's value, or the data file (one line on stderr says which)"
    })
class SnapshotCommand extends TrainCommand {
  /** The app's settings refused, by the recipe's component, as the option that sets them. */
  private static final Map<String, String> APP_OPTIONS =
      Map.ofEntries(
          Map.entry("numTrain", "--num-train"),
          Map.entry("numVal", "--num-val"),
          Map.entry("batchSize", "--batch-size"),
          Map.entry("learningRate", "--lr"),
          Map.entry("sigma", "--sigma"),
          Map.entry("epochs", "--epochs"),
          Map.entry("clip", "--clip"),
          Map.entry("noise", "--noise"),
          Map.entry("trueW", "--true-w"),
          Map.entry("featureScale", "--feature-scale"),
          Map.entry("trueB", "--true-b"),
          Map.entry("seed", "--seed"));

  @Option(
      names = "--view",
      converter = Values.ViewName.class,
      paramLabel = "<view>",
      description =
          "what to draw: loss (the loss chart), params (the parameter table), data, batch, graph,"
              + " landscape, code (the teaching views) or app (the whole window)")
  String view;

  @Option(
      names = "--steps",
      defaultValue = "0",
      converter = Values.StepCount.class,
      description =
          "train this many minibatches first, at most the run's (epochs × batches per epoch)"
              + " (default: ${DEFAULT-VALUE})")
  int steps;

  @Option(
      names = "--phase",
      converter = Values.PhaseName.class,
      paramLabel = "<phase>",
      description =
          "then run minibatch N + 1's phases up to and including this one: forward, loss,"
              + " backward or update (default: none, stop between minibatches)")
  Phase phase;

  @Option(names = "--out", paramLabel = "<file.png>", description = "the PNG file to write")
  String out;

  @Option(
      names = "--width",
      converter = Values.PictureSide.class,
      description = "the picture's width in pixels, 100 to 8192 (default: 1366 for app, else 760)")
  Integer width;

  @Option(
      names = "--height",
      converter = Values.PictureSide.class,
      description = "the picture's height in pixels, 100 to 8192 (default: 768 for app, else 560)")
  Integer height;

  @Override
  public Integer call() {
    return withMemoryAdvice(this::snapshot);
  }

  private int snapshot() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long runSeed;
    Picture picture;
    Path file;
    RegressionData regressionData;
    try {
      useRunFile();
      runSeed = seed != null ? seed : drawSeed();
      picture = picture();
      refuseForApp();
      Input input = input(runSeed);
      file = input.file();
      regressionData = input.data();
      checkSteps(regressionData);
    } catch (BadInput e) {
      err.println(e.getMessage());
      return BAD_INPUT;
    }
    AppRecipe app = null;
    if (ViewNames.isApp(view)) {
      app = recipe(regressionData, runSeed);
      var refused = app.refusal();
      if (refused.isPresent()) {
        err.println(
            APP_OPTIONS.get(refused.get().component())
                + ": "
                + refused.get().reason()
                + " in the app (--view app draws the app with its own settings; the other views"
                + " take any value)");
        return BAD_INPUT;
      }
    }
    String notSaved = saveRunFile(runSeed, file, regressionData);
    if (notSaved != null) {
      err.println(notSaved);
      return FAILED;
    }
    stdout.println(TextReport.seedLine(runSeed));
    if (saveRun != null) {
      stdout.println(savedLine());
    }
    String batchNote = batchNote(regressionData);
    if (file != null) {
      stdout.println(
          TextReport.dataLine(file, regressionData) + (batchNote == null ? "" : "; " + batchNote));
    } else if (batchNote != null) {
      stdout.println(batchNote);
    }

    task = "training " + steps + (steps == 1 ? " step" : " steps");
    SteppedRun run = step(regressionData, runSeed);
    if (run.now().status() == TrainingRun.Status.DIVERGED) {
      Diverged d = divergence(run);
      err.println(
          "snapshot: the run diverged at step "
              + d.step()
              + " ("
              + d.reason()
              + "); the picture shows it as it stood then");
    }
    task = "drawing a " + picture.width() + "×" + picture.height() + " picture";
    try {
      ViewRenderer.render(picture, run, app);
    } catch (UncheckedIOException e) {
      err.println(
          "descent: cannot write "
              + Names.file(out)
              + ": "
              + String.valueOf(e.getCause().getMessage()).replaceAll("[\\r\\n]+", " "));
      return FAILED;
    }
    stdout.println("wrote " + Names.file(out) + " (" + size(picture) + "): " + what(run));
    String failure = Output.failure(stdout);
    if (failure != null) {
      err.println(Output.failureLine(failure, "; the picture was written"));
      return FAILED;
    }
    return OK;
  }

  /** Steps the run as asked, on this thread, keeping every event and copies of its states. */
  private SteppedRun step(RegressionData d, long runSeed) {
    RunSpec runSpec = new RunSpec(lr, sigma, epochs, clip, runSeed);
    int phases = phase == null ? 0 : phase.ordinal() + 1;
    return SteppedRun.of(runSpec, d, steps, phases, !ViewNames.isApp(view));
  }

  private static Diverged divergence(SteppedRun run) {
    for (TrainingEvent e : run.events()) {
      if (e instanceof Diverged d) {
        return d;
      }
    }
    throw new IllegalStateException("a diverged run without its event");
  }

  /** {@code app after 10 steps}, {@code batch, step 11 after its loss phase}. */
  private String what(SteppedRun run) {
    StepSnapshot now = run.now();
    if (now.status() == TrainingRun.Status.DIVERGED) {
      return view + ", as the run stood when it diverged at step " + run.stepsTaken();
    }
    if (phase != null) {
      return view + ", step " + (steps + 1) + " after its " + name(phase) + " phase";
    }
    return view + " after " + steps + (steps == 1 ? " step" : " steps");
  }

  private static String name(Phase p) {
    return p.name().toLowerCase(Locale.ROOT);
  }

  private static String size(Picture p) {
    return p.width() + "×" + p.height();
  }

  /** The picture asked for; refuses a missing view or file, or one that cannot be written. */
  private Picture picture() {
    if (view == null) {
      throw new BadInput(
          "--view: needs one of "
              + String.join(", ", ViewNames.all())
              + ", e.g. --view data (see 'descent snapshot --help')");
    }
    if (!ViewNames.isAvailable(view)) {
      throw new BadInput("descent: the '" + view + "' view is not available in this build");
    }
    if (json) {
      throw new BadInput("--json: not applicable to snapshot (it writes a picture)");
    }
    Path path = OutFile.check(out);
    return new Picture(
        view,
        width != null ? width : ViewNames.defaultWidth(view),
        height != null ? height : ViewNames.defaultHeight(view),
        path);
  }

  /** Refuses the options the app has no setting for, with --view app. */
  private void refuseForApp() {
    if (ViewNames.isApp(view) && data != null) {
      throw new BadInput(
          "--data: --view app draws the app, which trains on synthetic data only;"
              + " draw such a run with another --view");
    }
  }

  /**
   * The app's settings for this run: the options (and preset), with the batch size the data use.
   */
  private AppRecipe recipe(RegressionData d, long runSeed) {
    return new AppRecipe(config(runSeed, null, d), preset);
  }

  /**
   * Refuses a --steps beyond the run's minibatches; with --phase, one must be left to step into.
   */
  private void checkSteps(RegressionData d) {
    checkSteps(
        d,
        steps,
        phase == null ? null : "--phase needs one more to step into",
        "raise --epochs to draw a later one");
  }
}
