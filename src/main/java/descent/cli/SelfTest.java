package descent.cli;

import descent.data.SyntheticRegressionData;
import descent.train.LeastSquares;
import descent.train.RunSpec;
import descent.train.RunSummary;
import descent.train.TrainingEvent.EpochDone;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * {@code descent --self-test}: checks that this copy of the app works, with no display. It trains
 * the chapter's run (d2l §3.4) and compares it with the chapter's numbers, then draws the whole
 * window offscreen, as {@code descent snapshot --view app} does, and checks the picture is not
 * blank. It prints one line per check and a summary; the exit code is 0 when every check passed, 1
 * otherwise, and the summary names what failed.
 *
 * <p>The installers run it on the packaged app, so it checks what a package can break: a missing
 * runtime module, a JavaFX library that does not load, a resource left out.
 */
public final class SelfTest {
  /** The fixed seed of every run here, so a failure can be replayed with {@code --seed 42}. */
  static final long SEED = 42;

  static final double[] TRUE_W = {2, -3.4};
  static final double TRUE_B = 4.2;

  /** The picture's size: a 1366×768 laptop, the most common classroom screen. */
  static final int WIDTH = 1366;

  static final int HEIGHT = 768;

  /** One check: its name, what it found, and whether that was right. */
  record Check(String name, String found, boolean passed) {}

  private SelfTest() {}

  /** Runs every check, printing to {@code out}; returns 0 if all passed, else 1. */
  public static int run(PrintWriter out) {
    List<Check> checks = new ArrayList<>();
    checks.addAll(chapterRun());
    checks.addAll(converged());
    checks.add(picture());
    return report(checks, out);
  }

  /** Prints one line per check and the summary; returns 0 if every check passed, else 1. */
  static int report(List<Check> checks, PrintWriter out) {
    List<String> failed = new ArrayList<>();
    for (Check c : checks) {
      out.println((c.passed() ? "ok    " : "FAILED") + "  " + c.name() + ": " + c.found());
      if (!c.passed()) {
        failed.add(c.name());
      }
    }
    if (failed.isEmpty()) {
      out.println("self-test passed: " + checks.size() + " checks");
    } else {
      out.println(
          "self-test FAILED: "
              + failed.size()
              + " of "
              + checks.size()
              + " checks ("
              + String.join("; ", failed)
              + ")");
    }
    out.flush();
    return failed.isEmpty() ? TrainCommand.OK : TrainCommand.FAILED;
  }

  /**
   * The chapter's run: 1000 rows, batch 32, η = 0.03, σ = 0.01, 3 epochs, 96 steps. Each step
   * shrinks the error by about (1 − η), so after 96 steps about 0.97⁹⁶ ≈ 0.054 of the truth is
   * left: w errors near (0.11, −0.18) and b's near 0.23. The ranges are the ones every one of 20
   * seeds falls in (the unit test ChapterRunTest), so they hold for any seed, not only this one.
   */
  static List<Check> chapterRun() {
    List<Check> checks = new ArrayList<>();
    RunSummary run;
    try {
      run = RunSpec.chapter(SEED).fit(new SyntheticRegressionData(TRUE_W, TRUE_B, SEED), e -> {});
    } catch (RuntimeException | Error e) {
      checks.add(new Check("chapter run", "training failed: " + oneLine(e), false));
      return checks;
    }
    checks.add(
        new Check(
            "chapter run",
            run.steps() + " steps, " + run.epochs().size() + " epochs" + diverged(run),
            run.steps() == 96 && run.epochs().size() == 3 && !run.diverged()));
    if (run.diverged() || run.epochs().size() != 3) {
      return checks;
    }
    double[] ew = run.errorW().orElseThrow();
    double eb = run.errorB().orElseThrow();
    checks.add(
        new Check(
            "errors after 3 epochs (chapter: w ≈ 0.11, −0.18; b ≈ 0.23)",
            "w " + num(ew[0]) + ", " + num(ew[1]) + "; b " + num(eb),
            between(ew[0], 0.0, 0.3) && between(ew[1], -0.4, -0.05) && between(eb, 0.15, 0.35)));
    List<EpochDone> epochs = run.epochs();
    double v1 = epochs.get(0).valLoss();
    double v2 = epochs.get(1).valLoss();
    double v3 = epochs.get(2).valLoss();
    checks.add(
        new Check(
            "validation loss falls each epoch, to 0.02–0.12",
            num(v1) + " → " + num(v2) + " → " + num(v3),
            v2 < v1 && v3 < v2 && between(v3, 0.02, 0.12)));
    LeastSquares.Fit ols = run.leastSquares();
    boolean olsNear =
        ols.available()
            && Math.abs(ols.w()[0] - TRUE_W[0]) < 0.002
            && Math.abs(ols.w()[1] - TRUE_W[1]) < 0.002
            && Math.abs(ols.b() - TRUE_B) < 0.002;
    checks.add(
        new Check(
            "least squares within 0.002 of the truth",
            ols.available()
                ? "w " + num(ols.w()[0]) + ", " + num(ols.w()[1]) + "; b " + num(ols.b())
                : "unavailable: " + ols.unavailableReason(),
            olsNear));
    return checks;
  }

  /**
   * Ten epochs of the same run: 320 steps leave 0.97³²⁰ ≈ 6e-5 of the truth, below the noise's
   * reach, so every error is under 0.005 and the validation loss sits at noise² / 2 = 5e-5.
   */
  static List<Check> converged() {
    RunSummary run;
    try {
      RunSpec ten = new RunSpec(0.03, 0.01, 10, 0, SEED);
      run = ten.fit(new SyntheticRegressionData(TRUE_W, TRUE_B, SEED), e -> {});
    } catch (RuntimeException | Error e) {
      return List.of(new Check("10 epochs", "training failed: " + oneLine(e), false));
    }
    if (run.diverged() || run.epochs().isEmpty()) {
      return List.of(new Check("10 epochs", run.steps() + " steps" + diverged(run), false));
    }
    double[] ew = run.errorW().orElseThrow();
    double eb = run.errorB().orElseThrow();
    double val = run.lastEpoch().orElseThrow().valLoss();
    boolean small = Math.abs(ew[0]) < 0.005 && Math.abs(ew[1]) < 0.005 && Math.abs(eb) < 0.005;
    return List.of(
        new Check(
            "10 epochs: errors < 0.005, validation loss ≈ noise²/2 = 5e-5",
            "w " + num(ew[0]) + ", " + num(ew[1]) + "; b " + num(eb) + "; loss " + num(val),
            small && Math.abs(val - 5e-5) < 1e-5));
  }

  /**
   * The whole window after the chapter's 96 steps, drawn offscreen by the {@code snapshot} command
   * into a temporary PNG, which must have the size asked for and not be blank.
   */
  static Check picture() {
    String name = "window drawn offscreen (" + WIDTH + "×" + HEIGHT + ")";
    Path dir = null;
    try {
      dir = Files.createTempDirectory("descent-self-test");
      Path png = dir.resolve("app.png");
      StringWriter said = new StringWriter();
      PrintWriter to = new PrintWriter(said);
      int code =
          DescentCli.run(
              new String[] {
                "snapshot",
                "--view",
                "app",
                "--steps",
                "96",
                "--seed",
                Long.toString(SEED),
                "--width",
                Integer.toString(WIDTH),
                "--height",
                Integer.toString(HEIGHT),
                "--out",
                png.toString()
              },
              to,
              to);
      if (code != TrainCommand.OK) {
        return new Check(name, "drawing failed: " + oneLine(said.toString()), false);
      }
      BufferedImage image = ImageIO.read(png.toFile());
      if (image == null) {
        return new Check(name, "the PNG could not be read back", false);
      }
      return blankness(name, image);
    } catch (IOException | RuntimeException | Error e) {
      return new Check(name, "drawing failed: " + oneLine(e), false);
    } finally {
      deleteQuietly(dir);
    }
  }

  /**
   * A drawn window has text, a chart and controls: many colours, and no single one (the background)
   * covering more than 90 % of it. A blank or one-colour picture fails.
   */
  static Check blankness(String name, BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    Map<Integer, Integer> counts = new HashMap<>();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        counts.merge(image.getRGB(x, y), 1, Integer::sum);
      }
    }
    int top = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    double share = (double) top / ((long) w * h);
    boolean sized = w == WIDTH && h == HEIGHT;
    boolean drawn = counts.size() >= 100 && share <= 0.9;
    return new Check(
        name,
        w
            + "×"
            + h
            + ", "
            + counts.size()
            + " colours, the commonest on "
            + Math.round(share * 100)
            + " %",
        sized && drawn);
  }

  private static boolean between(double v, double lo, double hi) {
    return v >= lo && v <= hi;
  }

  private static String diverged(RunSummary run) {
    return run.diverged() ? ", diverged: " + run.divergence().reason() : "";
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }

  private static String oneLine(Object what) {
    return String.valueOf(what).strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException ignored) {
      // a temporary directory left behind is harmless
    }
  }
}
