package descent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import descent.app.snapshot.ViewNames;
import descent.testing.LinearCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * {@code descent snapshot}: every view this build has, drawn headless into a PNG of the size asked
 * for, after N steps, partway through step N + 1, and at divergence; bad options refused in one
 * line. The views it draws come from {@link ViewNames#available()}, so the teaching views are
 * covered as they arrive.
 */
class SnapshotCommandTest {
  @TempDir Path dir;

  /**
   * JavaFX runs for the whole test JVM, as TestFX starts it; the command joins it and leaves it
   * running (it ends the toolkit only when it started it, as in the jar).
   */
  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
    Platform.setImplicitExit(false);
  }

  static Cli snapArgs(Object... args) {
    String[] all = new String[args.length + 1];
    all[0] = "snapshot";
    for (int i = 0; i < args.length; i++) {
      all[i + 1] = String.valueOf(args[i]);
    }
    return Cli.run(all);
  }

  /**
   * {@code snapshot} with the arguments {@code format} spells once formatted, separated by spaces
   * (the temporary directory's path has none).
   */
  static Cli snap(String format, Object... values) {
    return snapArgs((Object[]) String.format(java.util.Locale.ROOT, format, values).split(" "));
  }

  /** The files in {@code dir} whose names end with .tmp: left over from a write. */
  private static List<Path> temporaryFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
    }
  }

  private static void assertWritten(Cli run, Path out, int width, int height) throws IOException {
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.outLines().get(run.outLines().size() - 1))
        .startsWith("wrote " + out + " (" + width + "×" + height + "): ");
    Png png = Png.read(out);
    assertThat(png.width()).isEqualTo(width);
    assertThat(png.height()).isEqualTo(height);
    assertThat(png.isNonBlank())
        .as(
            "%s has %d colours, the commonest covers %.4f",
            out, png.distinctColours(), png.dominantShare())
        .isTrue();
    assertThat(temporaryFiles(out.getParent())).isEmpty();
  }

  private static boolean isApp(String view) {
    return ViewNames.isApp(view);
  }

  @TestFactory
  Stream<DynamicTest> everyViewWritesANonBlankPictureOfTheRequestedSize() {
    return ViewNames.available().stream()
        .map(
            view ->
                dynamicTest(
                    view,
                    () -> {
                      Path out = dir.resolve(view + ".png");
                      int width = isApp(view) ? 1101 : 641; // odd sizes: nothing rounds them
                      int height = isApp(view) ? 701 : 479;
                      Cli run =
                          snap(
                              "--view %s --steps 10 --seed 1 --width %d --height %d --out %s",
                              view, width, height, out);
                      assertWritten(run, out, width, height);
                      assertThat(run.err()).isEmpty();
                      assertThat(run.outLines())
                          .containsExactly(
                              "seed 1 (repeat this run with --seed 1)",
                              String.format(
                                  "wrote %s (%d×%d): %s after 10 steps", out, width, height, view));
                    }));
  }

  @Test
  void aViewIs760By560AndTheApp1366By768UnlessToldOtherwise() throws IOException {
    Path loss = dir.resolve("loss.png");
    assertWritten(snap("--view loss --seed 1 --out %s", loss), loss, 760, 560);
    Path app = dir.resolve("app.png");
    assertWritten(snap("--view app --seed 1 --out %s", app), app, 1366, 768);
    Path wide = dir.resolve("wide.png");
    assertWritten(snap("--view params --seed 1 --width 1200 --out %s", wide), wide, 1200, 560);
  }

  @Test
  void theLossChartDrawsTheMinibatchesTrained() throws IOException {
    Path none = dir.resolve("none.png");
    Path some = dir.resolve("some.png");
    assertWritten(snap("--view loss --seed 1 --out %s", none), none, 760, 560);
    assertWritten(snap("--view loss --seed 1 --steps 40 --out %s", some), some, 760, 560);

    // the d2l blue of the train loss: only its legend's symbol before a step, a curve after 40
    int before = Png.read(none).pixelsNear(Png.TRAIN_BLUE, 30);
    int after = Png.read(some).pixelsNear(Png.TRAIN_BLUE, 30);
    assertThat(after).isGreaterThan(before + 100);
  }

  @Test
  void thePhasesWalkIntoTheNextMinibatchOfTheSameRun() throws IOException {
    Path five = dir.resolve("five.png");
    Path six = dir.resolve("six.png");
    assertWritten(snap("--view params --seed 3 --steps 5 --out %s", five), five, 760, 560);
    assertWritten(snap("--view params --seed 3 --steps 6 --out %s", six), six, 760, 560);
    assertThat(Png.read(five).samePixelsAs(Png.read(six))).isFalse();

    for (String phase : List.of("forward", "loss", "backward", "update")) {
      Path out = dir.resolve(phase + ".png");
      Cli run = snap("--view params --seed 3 --steps 5 --phase %s --out %s", phase, out);
      assertWritten(run, out, 760, 560);
      assertThat(run.outLines().get(1)).endsWith("params, step 6 after its " + phase + " phase");
      // w and b change only in the update: before it the table is step 5's, after it step 6's
      Png expected = Png.read(phase.equals("update") ? six : five);
      assertThat(Png.read(out).samePixelsAs(expected)).as(phase).isTrue();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyViewDrawsEachPhaseOfTheNextMinibatch() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String view : ViewNames.available()) {
      // the whole window once mid-step (its phases are PhaseSteppingTest's); each view at each
      List<String> phases =
          isApp(view) ? List.of("loss") : List.of("forward", "loss", "backward", "update");
      for (String phase : phases) {
        tests.add(
            dynamicTest(
                view + " " + phase,
                () -> {
                  Path out = dir.resolve(view + "-" + phase + ".png");
                  int width = isApp(view) ? 1366 : 520;
                  int height = isApp(view) ? 768 : 560;
                  Cli run =
                      snap(
                          "--view %s --seed 2 --steps 3 --phase %s --width %d --height %d --out %s",
                          view, phase, width, height, out);
                  assertWritten(run, out, width, height);
                  assertThat(run.err()).isEmpty();
                }));
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> aRunThatDivergesIsDrawnAsItStoodAndStillExitsZero() {
    return ViewNames.available().stream()
        .map(
            view ->
                dynamicTest(
                    view,
                    () -> {
                      Path out = dir.resolve("diverged-" + view + ".png");
                      Cli run = snap("--view %s --lr 10 --steps 50 --seed 1 --out %s", view, out);
                      assertWritten(
                          run, out, ViewNames.defaultWidth(view), ViewNames.defaultHeight(view));
                      assertThat(run.errLines()).hasSize(1);
                      assertThat(run.err())
                          .startsWith(
                              "snapshot: the run diverged at step 5 (the loss grew past a million"
                                  + " times its first value); the picture shows it as it stood");
                      assertThat(run.outLines().get(1))
                          .endsWith(view + ", as the run stood when it diverged at step 5");
                    }));
  }

  @Test
  void aRunThatDivergesMidStepStopsThere() throws IOException {
    Path out = dir.resolve("mid.png");
    Cli run = snap("--view params --lr 10 --steps 4 --phase update --seed 1 --out %s", out);

    assertWritten(run, out, 760, 560);
    // step 5's loss phase diverged: its backward and update never ran
    assertThat(run.err()).startsWith("snapshot: the run diverged at step 5 (");
    assertThat(run.outLines().get(1)).endsWith("diverged at step 5");
  }

  @Test
  void aCsvFilesRunIsDrawnToo() throws IOException {
    Path file = LinearCsv.write(dir);
    Path out = dir.resolve("csv.png");
    Cli run =
        snap("--view params --data %s --batch-size 8 --steps 20 --seed 4 --out %s", file, out);

    assertWritten(run, out, 760, 560);
    assertThat(run.outLines().get(1)).startsWith("data " + file);
  }

  @Test
  void anExistingFileIsReplacedWholeAndNoTemporaryFileIsLeft() throws IOException {
    Path out = dir.resolve("figure.png");
    Files.writeString(out, "an old picture");

    Cli run = snap("--view loss --seed 1 --steps 5 --out %s", out);

    assertWritten(run, out, 760, 560);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.toList()).containsExactly(out);
    }
  }

  @TestFactory
  Stream<DynamicTest> eachViewChangesWithTheSteps() {
    return ViewNames.available().stream()
        .filter(view -> !isApp(view))
        .map(
            view ->
                dynamicTest(
                    view,
                    () -> {
                      Path before = dir.resolve(view + "-0.png");
                      Path after = dir.resolve(view + "-10.png");
                      assertWritten(
                          snap("--view %s --seed 5 --out %s", view, before), before, 760, 560);
                      assertWritten(
                          snap("--view %s --seed 5 --steps 10 --out %s", view, after),
                          after,
                          760,
                          560);
                      assertThat(Png.read(before).samePixelsAs(Png.read(after))).isFalse();
                    }));
  }

  /**
   * A case of bad input: how stderr's one line starts, and the arguments after {@code snapshot},
   * separated by spaces ({@code OUT} stands for a file in a fresh directory, {@code DIR} for that
   * directory).
   */
  private record Bad(String expected, String args) {}

  @TestFactory
  Stream<DynamicTest> badOptionsGetOneLineNamingTheOptionAndExitTwo() throws IOException {
    Path out = dir.resolve("bad.png");
    Path aFile = Files.writeString(dir.resolve("plain.txt"), "not a directory");
    Path csv = LinearCsv.write(dir);
    String views = "loss, params, data, batch, graph, landscape, code, app";
    List<Bad> cases =
        List.of(
            new Bad("--view: must be one of " + views + ", got \"nope\"", "--view nope --out OUT"),
            new Bad("--view: needs one of " + views + ", e.g. --view data", "--out OUT"),
            new Bad(
                "--width: must be an integer from 100 to 8192, got \"99\"",
                "--view loss --width 99 --out OUT"),
            new Bad(
                "--height: must be an integer from 100 to 8192, got \"8193\"",
                "--view loss --height 8193 --out OUT"),
            new Bad(
                "--width: must be an integer from 100 to 8192, got \"wide\"",
                "--view loss --width wide --out OUT"),
            new Bad("--out: needs a file name for the PNG", "--view loss"),
            new Bad(
                "--out: the directory " + dir.resolve("missing") + " does not exist",
                "--view loss --out DIR/missing/x.png"),
            new Bad(
                "--out: " + aFile + " is not a directory",
                "--view loss --out " + aFile.resolve("x.png")),
            new Bad("--out: " + dir + " is a directory", "--view loss --out DIR"),
            new Bad(
                "--steps: must be an integer ≥ 0, got \"-1\"", "--view loss --steps -1 --out OUT"),
            new Bad(
                "--steps: must be an integer from 0 to 96, got 97 (the run has 96 minibatches",
                "--view loss --steps 97 --out OUT"),
            new Bad(
                "--steps: must be an integer from 0 to 95, got 96 (the run has 96 minibatches, 3"
                    + " epochs × 32, and --phase needs one more to step into",
                "--view loss --steps 96 --phase loss --out OUT"),
            new Bad(
                "--phase: must be one of forward, loss, backward, update, got \"sideways\"",
                "--view loss --phase sideways --out OUT"),
            new Bad("--json: not applicable to snapshot", "--view loss --json --out OUT"),
            new Bad("--lr: must be a number > 0, got \"fast\"", "--view loss --lr fast --out OUT"),
            new Bad(
                "--batch-size: must be an integer from 1 to 1000 (numTrain), got 5000",
                "--view params --batch-size 5000 --out OUT"),
            new Bad(
                "--data: --view app draws the app, which trains on synthetic data only",
                "--view app --data " + csv + " --out OUT"),
            new Bad(
                "--clip: clip norm must be between 0 and 1000000 in the app",
                "--view app --clip 2000000 --out OUT"),
            new Bad(
                "--epochs: epochs must be between 1 and 100 in the app",
                "--view app --epochs 500 --out OUT"),
            new Bad(
                "--lr: learning rate η must be between 0.0001 and 10 in the app",
                "--view app --lr 20 --out OUT"));
    return cases.stream()
        .map(
            bad ->
                dynamicTest(
                    bad.expected(),
                    () -> {
                      Object[] args =
                          bad.args()
                              .replace("OUT", out.toString())
                              .replace("DIR", dir.toString())
                              .split(" ");
                      Cli run = snapArgs(args);
                      assertThat(run.code()).as(run.err()).isEqualTo(2);
                      assertThat(run.errLines()).hasSize(1);
                      assertThat(run.err()).startsWith(bad.expected());
                      assertThat(run.out()).isEmpty();
                      assertThat(out).doesNotExist();
                      assertThat(temporaryFiles(dir)).isEmpty();
                    }));
  }

  @TestFactory
  Stream<DynamicTest> aTeachingViewNotInThisBuildIsRefusedByName() {
    Path out = dir.resolve("absent.png");
    return ViewNames.all().stream()
        .filter(view -> !ViewNames.isAvailable(view))
        .map(
            view ->
                dynamicTest(
                    view,
                    () -> {
                      Cli run = snap("--view %s --out %s", view, out);
                      assertThat(run.code()).isEqualTo(2);
                      assertThat(run.err())
                          .isEqualTo(
                              "descent: the '"
                                  + view
                                  + "' view is not available in this build"
                                  + System.lineSeparator());
                      assertThat(out).doesNotExist();
                    }));
  }

  @Test
  void theHelpListsTheCommandAndItsViews() {
    assertThat(Cli.run("--help").out()).contains("snapshot");
    Cli help = snap("--help");
    assertThat(help.code()).isZero();
    assertThat(help.out())
        .contains("--view", "loss (the loss chart)", "--phase", "--width", "--out", "--lr");
  }
}
