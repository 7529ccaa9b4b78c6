package descent.app.uibench;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.DescentApp;
import descent.app.FxWait;
import descent.app.MainView;
import descent.app.session.TrainingSession;
import descent.app.session.TrainingSession.State;
import descent.app.settings.SpeedSetting;
import descent.app.teach.TeachingViews;
import descent.app.teach.ViewSpec;
import descent.app.teach.Views;
import descent.run.DataSource;
import descent.run.RunConfig;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The headless UI benchmark (issue 11 §4, docs/ui-benchmark.md): the real window trains the single
 * config (d = 2, 100,000 + 1,000 rows, batch 1) at full speed for 100 epochs, 10 million steps,
 * with the chart, the parameter table and each teaching view in turn showing; it records frame
 * intervals, steps per second against the same config trained headless in this JVM, and the heap
 * after 10 million steps. Not part of {@code ./mvnw verify}: run it with {@code ./mvnw -B test
 * -Pui-bench}.
 */
@Tag("ui-bench")
@ExtendWith(ApplicationExtension.class)
class UiBenchmarkTest {
  /**
   * 100 epochs of 100,000 minibatches of one row: 10 million steps. {@code -Dui.bench.epochs=10}
   * makes a shorter run, e.g. for a profile; the heap target is about 100 epochs. {@code
   * -Dui.bench.histogram=true} prints the classes that hold the heap after the run; {@code
   * -Dui.bench.views=Landscape,Code} shows only those teaching views, in turn.
   */
  static final int EPOCHS = Integer.getInteger("ui.bench.epochs", 100);

  static final long STEPS = 100_000L * EPOCHS;
  static final String TRAINING_THREAD = "descent-training";
  static final String RENDERER_THREAD = "QuantumRenderer";
  static final double WIDTH = 1920;
  static final double HEIGHT = 1080;

  private Stage stage;
  private TrainingSession session;

  /** issue 11's single config: d = 2, 100,000 training and 1,000 validation rows, batch 1. */
  static RunConfig single() {
    DataSource.Synthetic data =
        new DataSource.Synthetic(new double[] {2, -3.4}, 4.2, 0.01, 100_000, 1_000);
    return RunConfig.chapter(42).withData(data).withBatchSize(1).withEpochs(1);
  }

  @Start
  void start(Stage stage) {
    this.stage = stage;
    session = DescentApp.show(stage);
  }

  @AfterEach
  void stop(FxRobot robot) {
    robot.interact(session::shutdown);
  }

  private static void waitUntil(long seconds, Callable<Boolean> condition) throws Exception {
    FxWait.until(seconds, condition);
  }

  @Test
  void singleConfigAtFullSpeedWithEveryView(FxRobot robot) throws Exception {
    String loadBefore = LoadAverage.now();
    RunConfig single = single();
    double[] headlessBefore = HeadlessThroughput.measure(single, 3, 5);

    robot.interact(
        () -> {
          stage.setX(0);
          stage.setY(0);
          stage.setWidth(WIDTH);
          stage.setHeight(HEIGHT);
        });
    waitUntil(20, () -> stage.getScene().getWidth() == WIDTH);
    robot.interact(
        () -> {
          session.settings().speed.positionProperty().set(SpeedSetting.MAX_POSITION);
          session.load(single, "UI benchmark");
        });
    // 101,000 rows build on the training thread; then raise the epochs as a user would
    waitUntil(
        120,
        () ->
            !session.isBusy()
                && session.state() == State.READY
                && session.batchesPerEpochProperty().get() == 100_000);
    robot.interact(() -> session.settings().epochs.set(EPOCHS));
    waitUntil(20, () -> !session.isBusy() && session.maxEpochsProperty().get() == EPOCHS);
    assertThat(session.run().maxEpochs()).isEqualTo(EPOCHS);
    assertThat(session.run().data().batchSize()).isEqualTo(1);

    TeachingViews teaching = ((MainView) stage.getScene().getRoot()).teaching();
    List<String> titles = Views.all().stream().map(ViewSpec::title).collect(Collectors.toList());
    String only = System.getProperty("ui.bench.views", "");
    if (!only.isBlank()) {
      titles.retainAll(List.of(only.split(",")));
      assertThat(titles).as("views named by ui.bench.views").isNotEmpty();
    }
    long perView = STEPS / titles.size();
    robot.interact(() -> teaching.show(titles.get(0), false));
    // as a user who opens the app and talks before pressing Play: the views not shown yet are
    // made ahead, rehearse a small run and draw once, while nothing plays (ADRs 0042, 0043)
    waitUntil(20, teaching::isMadeAhead);
    HeapReading ready = HeapReading.afterGc(2);

    CountDownLatch over = new CountDownLatch(1);
    AtomicLong started = new AtomicLong();
    AtomicLong ended = new AtomicLong();
    long[] trainingCpu = new long[2];
    long[] rendererCpu = new long[2];
    int[] shown = {0};
    // each thread's CPU where each view's turn began (and where the run ended), and the frame
    long[][] cpuAt = new long[4][titles.size() + 1];
    int[] frameAt = new int[titles.size() + 1];
    int[] frameCount = {0};
    FrameRecorder frames =
        new FrameRecorder(
            stage.getScene(),
            () -> session.stepsProperty().get(),
            steps -> {
              int segment = (int) Math.min(titles.size() - 1, steps / perView);
              frameCount[0]++;
              if (segment != shown[0]) {
                teaching.show(titles.get(segment), false);
                shown[0] = segment;
                readCpu(cpuAt, segment, steps);
                frameAt[segment] = frameCount[0];
              }
              return segment;
            });
    robot.interact(
        () -> {
          session
              .stateProperty()
              .addListener(
                  (obs, was, now) -> {
                    if (now == State.FINISHED || now == State.DIVERGED) {
                      ended.set(System.nanoTime());
                      trainingCpu[1] = ThreadCpu.of(TRAINING_THREAD);
                      rendererCpu[1] = ThreadCpu.of(RENDERER_THREAD);
                      readCpu(cpuAt, titles.size(), session.stepsProperty().get());
                      frameAt[titles.size()] = frameCount[0];
                      over.countDown();
                    }
                  });
          frames.start();
          trainingCpu[0] = ThreadCpu.of(TRAINING_THREAD);
          rendererCpu[0] = ThreadCpu.of(RENDERER_THREAD);
          readCpu(cpuAt, 0, 0);
          started.set(System.nanoTime());
          session.play();
        });
    assertThat(over.await(20, TimeUnit.MINUTES)).as("the run ends").isTrue();
    robot.interact(frames::stop);
    assertThat(session.state()).isEqualTo(State.FINISHED);
    long steps = session.stepsProperty().get();
    assertThat(steps).isEqualTo(STEPS);
    double seconds = (ended.get() - started.get()) / 1e9;

    HeapReading after = HeapReading.afterGc(2);
    if (Boolean.getBoolean("ui.bench.histogram")) {
      System.out.print(HeapReading.histogram(25));
    }
    double[] headlessAfter = HeadlessThroughput.measure(single, 0, 5);
    String loadAfter = LoadAverage.now();

    List<FrameStats> byView = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    List<FrameRecorder.Phases> phases = new ArrayList<>();
    for (int i = 0; i < titles.size(); i++) {
      byView.add(FrameStats.of(frames.intervals(i)));
      rates.add(frames.stepsPerSecond(i));
      phases.add(frames.phases(i));
    }
    double[] all = new double[headlessBefore.length + headlessAfter.length];
    System.arraycopy(headlessBefore, 0, all, 0, headlessBefore.length);
    System.arraycopy(headlessAfter, 0, all, headlessBefore.length, headlessAfter.length);
    UiBenchReport report =
        new UiBenchReport(
            LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
            machine(),
            loadBefore,
            loadAfter,
            String.format(
                Locale.ROOT,
                "%.0f×%.0f, Monocle headless, software rendering",
                stage.getScene().getWidth(),
                stage.getScene().getHeight()),
            "settings, loss chart, parameter and fit table, transport and status bar, and one"
                + " teaching view beside the chart, "
                + String.join(" → ", titles)
                + String.format(Locale.ROOT, ", %,d steps each", perView),
            steps,
            seconds,
            FrameStats.of(frames.intervals()),
            frames.phases(-1),
            titles,
            byView,
            phases,
            rates,
            steps / seconds,
            (trainingCpu[1] - trainingCpu[0]) / 1e9,
            (rendererCpu[1] - rendererCpu[0]) / 1e9,
            headlessBefore,
            headlessAfter,
            HeadlessThroughput.median(all),
            ready,
            after);
    System.out.print(report.summary());
    for (int i = 0; i < titles.size(); i++) {
      int n = Math.max(1, frameAt[i + 1] - frameAt[i]);
      long stepsIn = Math.max(1, cpuAt[3][i + 1] - cpuAt[3][i]);
      System.out.printf(
          Locale.ROOT,
          "  %-18s CPU: renderer %.1f ms a frame, FX thread %.1f ms a frame, training %.2f µs a"
              + " step%n",
          titles.get(i),
          (cpuAt[0][i + 1] - cpuAt[0][i]) / 1e6 / n,
          (cpuAt[1][i + 1] - cpuAt[1][i]) / 1e6 / n,
          (cpuAt[2][i + 1] - cpuAt[2][i]) / 1e3 / stepsIn);
    }
    System.out.printf(
        Locale.ROOT,
        "  gave way           training waited %.2f s for late frames in the %.1f s run (ADR 0043)%n",
        session.gaveWayNanos() / 1e9,
        seconds);
    FrameStats steady = FrameStats.of(frames.intervalsWithoutSwitches(2));
    System.out.printf(
        Locale.ROOT,
        "  without switches   %d intervals: p50 %.1f, p90 %.1f, p99 %.1f, max %.1f ms; %d over 50 ms"
            + " (every frame but the two that answer each switch of view)%n",
        steady.count(),
        steady.p50(),
        steady.p90(),
        steady.p99(),
        steady.max(),
        steady.over50());
    FrameStats updates = FrameStats.of(frames.updateIntervals());
    System.out.printf(
        Locale.ROOT,
        "  view updates       %d intervals: p50 %.1f, p90 %.1f, p99 %.1f, max %.1f ms (between frames"
            + " that brought new steps)%n",
        updates.count(),
        updates.p50(),
        updates.p90(),
        updates.p99(),
        updates.max());
    System.out.println(
        "  longest intervals (ms, view, frame of the view's turn, steps; the frame before it:"
            + " events / CSS+layout / rest ms, steps its pump took; in the interval: GC ms, JIT ms,"
            + " FX thread CPU ms):");
    for (long[] l : frames.longest(20)) {
      System.out.printf(
          Locale.ROOT,
          "    %7.1f  %-10s  frame %4d  %,11d steps   %6.1f / %6.1f / %6.1f ms  %,7d   GC %3d,"
              + " JIT %4d, FX CPU %5.1f%n",
          l[0] / 1e6,
          titles.get((int) l[1]),
          l[2],
          l[3],
          l[4] / 1e6,
          l[5] / 1e6,
          l[6] / 1e6,
          l[7],
          l[8],
          l[9],
          l[10] / 1e6);
    }
    report.write(Path.of("target", "ui-bench.json"));
    assertThat(frames.frames()).as("frames recorded").isGreaterThan(10);
  }

  /** The renderer's, the FX thread's and the training thread's CPU now, and the steps. */
  private static void readCpu(long[][] cpuAt, int at, long steps) {
    cpuAt[0][at] = ThreadCpu.of(RENDERER_THREAD);
    cpuAt[1][at] = ThreadCpu.of("JavaFX Application Thread");
    cpuAt[2][at] = ThreadCpu.of(TRAINING_THREAD);
    cpuAt[3][at] = steps;
  }

  private static String machine() {
    Runtime rt = Runtime.getRuntime();
    String gcs =
        ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(GarbageCollectorMXBean::getName)
            .collect(Collectors.joining(" + "));
    return String.format(
        Locale.ROOT,
        "%d cores, %s %s, Java %s (%s), max heap %d MiB, %s",
        rt.availableProcessors(),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        rt.maxMemory() / (1024 * 1024),
        gcs);
  }
}
