package descent.app.monkey;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.DescentApp;
import descent.app.MainView;
import descent.app.prefs.PreferencesStore;
import descent.app.presets.PresetMenu;
import descent.app.session.TrainingSession;
import descent.app.session.TrainingSession.State;
import descent.app.settings.SpeedSetting;
import descent.run.Preset;
import descent.run.Presets;
import descent.run.RunConfig;
import descent.train.RunSummary;
import descent.train.TrainingRun;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The monkey test (docs/monkey-test.md, ADR 0035): thousands of random actions on the real window,
 * from a fixed seed, then the chapter's run must still come out as the chapter says. Fails on any
 * uncaught exception, on any unexpected error the app reports in its status bar, and on any FX
 * thread stall over one second; the failure names the seed and the last 30 actions.
 *
 * <p>{@code -Ddescent.monkey.seed=N} and {@code -Ddescent.monkey.actions=N} change the seed and the
 * number of actions (the soak: 20,000).
 */
@ExtendWith(ApplicationExtension.class)
class MonkeyTest {
  static final long DEFAULT_SEED = 20_261_129L;
  static final int DEFAULT_ACTIONS = 2_000;

  /** The seed the chapter's run is checked with at the end. */
  private static final long CHAPTER_SEED = 7;

  private static final long STALL_LIMIT_MS = 1_000;

  @TempDir Path dir;

  private Stage stage;
  private TrainingSession session;
  private MainView view;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    // as DescentApp.start does: preferences and the last run from (and back to) a folder
    session = DescentApp.show(stage, new PreferencesStore(dir.resolve("config")));
    view = (MainView) stage.getScene().getRoot();
  }

  @AfterEach
  void stop(FxRobot robot) {
    robot.interact(
        () -> {
          if (view.csvImport().dialogProperty().get() != null) {
            view.csvImport().dialogProperty().get().close();
          }
          stage.setFullScreen(false);
          session.shutdown();
        });
  }

  @Test
  void survivesRandomActionsAndStillTrainsTheChapter(FxRobot robot) throws Exception {
    long seed = Long.getLong("descent.monkey.seed", DEFAULT_SEED);
    int count = Integer.getInteger("descent.monkey.actions", DEFAULT_ACTIONS);
    say(String.format(Locale.ROOT, "monkey: seed %d, %d actions", seed, count));
    Trouble trouble = new Trouble().install();
    ActionLog log = new ActionLog(30);
    try (StallWatch watch =
        new StallWatch(
            STALL_LIMIT_MS, () -> log.current() + " [since: " + log.recent(Monkey.BATCH) + "]")) {
      Fx.run(() -> session.messageProperty().addListener((o, was, now) -> trouble.message(now)));
      Monkey monkey =
          new Monkey(
              robot,
              stage,
              new Random(seed),
              log,
              new DialogActions(robot, stage, new MonkeyFiles(dir, seed)),
              trouble::thrown);
      // the window's first frames (style sheets, fonts, the first layout) are start-up, measured
      // by ADR 0034's test: the watch starts once they are drawn
      WaitForAsyncUtils.waitForFxEvents();
      watch.start(Fx.call(() -> Thread.currentThread().getId()));
      long start = System.nanoTime();
      long cpuStart = processCpuNanos();
      int done = 0;
      while (done < count && !trouble.any() && watch.stalls().isEmpty()) {
        try {
          monkey.act(done);
        } catch (Throwable e) {
          trouble.thrown("action " + log.current(), e);
        }
        done++;
        if (done % 500 == 0) {
          say(
              String.format(
                  Locale.ROOT,
                  "monkey: %d actions in %.1f s, longest FX-thread hold %.0f ms",
                  done,
                  (System.nanoTime() - start) / 1e9,
                  watch.maxHeldMillis()));
        }
      }
      monkey.sync();
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
      String numbers =
          String.format(
              Locale.ROOT,
              "monkey: seed %d, %d of %d actions in %.1f s (%.1f ms each; %.1f s of CPU, load"
                  + " average %.1f), longest FX-thread"
                  + " hold %.0f ms (during %s), longest wait by the clock %.0f ms, %d exceptions"
                  + " or error reports",
              seed,
              done,
              count,
              seconds,
              seconds * 1000 / Math.max(1, done),
              cpuSeconds,
              java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                  .getSystemLoadAverage(),
              watch.maxHeldMillis(),
              watch.maxHeldDuring(),
              watch.maxWallMillis(),
              trouble.found().size());
      say(numbers);
      say("monkey: actions by kind: " + monkey.counts());
      assertThat(trouble.found()).as("%s%n%s", numbers, replay(seed, log)).isEmpty();
      assertThat(watch.stalls())
          .as("FX-thread stalls over %d ms; %s%n%s", STALL_LIMIT_MS, numbers, replay(seed, log))
          .isEmpty();

      log.start(count, "the chapter preset, trained to its end");
      String chapter = trainTheChapter();
      say("monkey: afterwards " + chapter);
      assertThat(trouble.found()).as("%s%n%s", chapter, replay(seed, log)).isEmpty();
      assertThat(watch.stalls()).as("%s%n%s", chapter, replay(seed, log)).isEmpty();
      say(
          String.format(
              Locale.ROOT,
              "monkey: over the whole test, longest FX-thread hold %.0f ms (during %s), longest"
                  + " wait by the clock %.0f ms",
              watch.maxHeldMillis(),
              watch.maxHeldDuring(),
              watch.maxWallMillis()));
    } finally {
      trouble.uninstall();
    }
  }

  /** Where the monkey's lines also go as it runs, for a long soak: target/monkey-test.log. */
  private static final Path LOG = Path.of("target", "monkey-test.log");

  /** Prints {@code line} and appends it to {@link #LOG}, with the time. */
  private static void say(String line) {
    System.out.println(line);
    try {
      java.nio.file.Files.writeString(
          LOG,
          java.time.Instant.now() + " " + line + System.lineSeparator(),
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (java.io.IOException e) {
      System.out.println("monkey: cannot append to " + LOG + ": " + e);
    }
  }

  /** The CPU time of this JVM so far, every thread. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static String replay(long seed, ActionLog log) {
    return "replay with -Ddescent.monkey.seed="
        + seed
        + " (docs/monkey-test.md); the last actions, oldest first:\n"
        + log.dump();
  }

  /**
   * Loads the chapter preset with seed {@value #CHAPTER_SEED} through the real controls, trains it
   * to its end at full speed and checks the result against the same run made without the app, and
   * against the chapter's bounds (ChapterRunTest): after 3 epochs, 96 steps, each error about 0.05
   * of the truth.
   */
  private String trainTheChapter() throws Exception {
    Fx.run(
        () -> {
          if (view.csvImport().dialogProperty().get() != null) {
            view.csvImport().dialogProperty().get().close();
          }
          stage.setFullScreen(false);
          CheckMenuItem hide = (CheckMenuItem) Fx.item(view.menuBar(), "view-hide-controls");
          if (hide.isSelected()) {
            hide.setSelected(false);
            hide.fire();
          }
        });
    Fx.run(
        () -> {
          TextField seedField = (TextField) stage.getScene().lookup("#seed-field");
          seedField.requestFocus();
          seedField.setText(String.valueOf(CHAPTER_SEED));
          seedField.fireEvent(new ActionEvent());
        });
    assertThat(Fx.call(() -> session.settings().seed.value())).isEqualTo((double) CHAPTER_SEED);
    Preset preset = Presets.named("chapter").orElseThrow();
    Fx.run(
        () -> {
          for (MenuItem item : PresetMenu.in(view.menuBar()).orElseThrow().getItems()) {
            if (item instanceof CustomMenuItem c
                && "preset-chapter".equals(c.getContent().getId())) {
              item.fire();
            }
          }
        });
    RunConfig expected = preset.config(CHAPTER_SEED);
    assertThat(
            Fx.waitFor(
                30,
                () ->
                    expected.equals(session.runConfigProperty().get())
                        && session.state() == State.READY
                        && session.stepsProperty().get() == 0
                        && !session.isBusy()))
        .as("the chapter preset gives a fresh run: %s", Fx.call(() -> session.state()))
        .isTrue();
    Fx.run(
        () -> {
          ((Slider) stage.getScene().lookup("#speed-slider")).setValue(SpeedSetting.MAX_POSITION);
          ((Button) stage.getScene().lookup("#play")).fire();
        });
    assertThat(Fx.waitFor(60, () -> session.state() == State.FINISHED && !session.isBusy()))
        .as("the chapter's run finishes: %s", Fx.call(() -> session.state()))
        .isTrue();

    RunSummary alone = expected.spec().fit(expected.loadData(), e -> {});
    double[] w = new double[2];
    double[] shown = new double[3];
    double[] valLoss = new double[1];
    long steps =
        Fx.call(
            () -> {
              TrainingRun run = session.run();
              double[] learned = run.model().w().toArray();
              System.arraycopy(learned, 0, w, 0, 2);
              valLoss[0] = run.history().get(run.history().size() - 1).valLoss();
              for (int i = 0; i < 3; i++) {
                shown[i] = session.parameters().rows().get(i).learned();
              }
              return run.steps();
            });
    double b = shown[2];
    assertThat(steps).isEqualTo(96).isEqualTo(alone.steps());
    // the app's run is the command line's run, bit for bit (RunConfig), whatever came before
    assertThat(w).containsExactly(alone.w());
    assertThat(shown).containsExactly(alone.w()[0], alone.w()[1], alone.b());
    double[] trueW = {2, -3.4};
    double ew0 = trueW[0] - w[0];
    double ew1 = trueW[1] - w[1];
    double eb = 4.2 - b;
    // ChapterRunTest's bounds, which every seed meets after the chapter's 3 epochs
    assertThat(ew0).isBetween(0.0, 0.3);
    assertThat(ew1).isBetween(-0.4, -0.05);
    assertThat(eb).isBetween(0.15, 0.35);
    assertThat(valLoss[0]).isBetween(0.02, 0.12);
    return String.format(
        Locale.ROOT,
        "the chapter (seed %d): %d steps, w = (%.4f, %.4f), b = %.4f, val loss %.4f",
        CHAPTER_SEED,
        steps,
        w[0],
        w[1],
        b,
        valLoss[0]);
  }
}
