package descent.app;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.chart.LossChartModel;
import descent.app.chart.LossSeries;
import descent.app.compare.RunRecording;
import descent.app.export.RunHistory;
import descent.app.teach.ParameterPath;
import descent.app.teach.TeachingFeed;
import descent.data.SyntheticRegressionData;
import descent.run.RunConfig;
import descent.train.RunPicture;
import descent.train.RunSpec;
import descent.train.StepSnapshot;
import descent.train.TrainingEvent;
import descent.train.TrainingEvent.BatchDone;
import descent.train.TrainingListener;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a frame of minibatches costs the FX thread in the models that take every event (the loss
 * chart's, the run recording's, the teaching views' path, the export's history). At batch size 1
 * and full speed a frame brings up to 32,768 of them (the inbox's bound), so the work per event
 * must be a few field updates: copying every event's weights three or four times, for points a long
 * run's thinned histories drop at once, made the frame's event handling take about as long as
 * training the minibatches did.
 */
class FrameEventsTest {
  private static final int FRAME = 32_768;

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** The minibatch after {@code step} of a run with 100,000 batches of one row an epoch. */
  private static BatchDone batch(long step) {
    int epoch = (int) ((step - 1) / 100_000);
    int index = (int) ((step - 1) % 100_000);
    double[] w = {2 + 1e-7 * (step % 1000), -3.4};
    return new BatchDone(
        epoch, index, 100_000, step, epoch + index / 100_000.0, 1, 0.5 / step, w, 4.2, 0.1, 0.03);
  }

  private static List<TrainingEvent> frame(long firstStep) {
    List<TrainingEvent> events = new ArrayList<>(FRAME);
    for (long s = firstStep; s < firstStep + FRAME; s++) {
      events.add(batch(s));
    }
    return events;
  }

  @Test
  void aFrameOfMinibatchesAllocatesNothingPerMinibatch() {
    SyntheticRegressionData data =
        new SyntheticRegressionData(new double[] {2, -3.4}, 4.2, 0.01, 100, 10, 1, true, 1);
    RunPicture picture = RunPicture.of(data);
    RunSpec spec = new RunSpec(0.03, 0.01, 1, 0, 1);
    StepSnapshot ready =
        StepSnapshot.of(
            spec.newTrainer().prepare(spec.newModel(2), data, TrainingListener.NONE),
            null,
            null,
            Double.NaN);
    LossChartModel chart = new LossChartModel();
    RunRecording recording = new RunRecording(1, RunConfig.chapter(1), ready.w(), ready.b());
    TeachingFeed feed = new TeachingFeed();
    feed.startRun(picture, ready);
    RunHistory history = new RunHistory();
    history.startRun(picture, ready.w(), ready.b());

    // 600,000 steps in: every history but the export's minibatch losses is thinned by now; that
    // one keeps every step up to 2^20 and grows a block at a time (ADR 0045), which is not counted
    long step = 1;
    for (; step <= 600_000; step += FRAME) {
      List<TrainingEvent> events = frame(step);
      chart.acceptAll(events);
      recording.accept(events);
      feed.onEvents(events);
      history.onEvents(events);
    }
    List<TrainingEvent> events = frame(step);
    long thread = Thread.currentThread().getId();
    long held = history.allocatedBytes();
    long before = THREADS.getThreadAllocatedBytes(thread);
    chart.acceptAll(events);
    recording.accept(events);
    feed.onEvents(events);
    history.onEvents(events);
    long bytes = THREADS.getThreadAllocatedBytes(thread) - before;
    long grown = history.allocatedBytes() - held;
    assertThat(grown).as("the export's history kept the frame's losses").isPositive();
    bytes -= grown;

    // what remains are the copies of the points the histories keep (here the export's path keeps
    // every 16th step, the others every 256th): a byte or two per minibatch, where each event's
    // copies took about 500
    assertThat((double) bytes / FRAME).as("bytes allocated per minibatch").isLessThan(8);
    // and every model still took every minibatch
    long last = step + FRAME - 1;
    assertThat(chart.minibatchCount()).isEqualTo(last);
    assertThat(recording.steps()).isEqualTo(last);
    ParameterPath path = feed.path();
    assertThat(path.step(path.size() - 1)).isEqualTo(last);
    assertThat(path.size()).isLessThanOrEqualTo(ParameterPath.CAPACITY + 1);
    assertThat(path.w(path.size() - 1, 0)).isEqualTo(2 + 1e-7 * (last % 1000));
    List<LossChartModel.Point> points = chart.points(LossSeries.MINIBATCH);
    assertThat(points).hasSizeLessThanOrEqualTo(LossChartModel.MAX_MINIBATCH_POINTS);
  }

  @Test
  void takingAFrameAtOnceKeepsTheSamePathAsTakingItsEventsOneByOne() {
    // the frame-at-once path skips copying the steps it would drop: it must keep exactly the same
    ParameterPath whole = new ParameterPath(2);
    ParameterPath oneByOne = new ParameterPath(2);
    whole.reset(new double[] {0, 0}, 0);
    oneByOne.reset(new double[] {0, 0}, 0);
    for (long step = 1; step <= 20_000; step += 777) {
      List<TrainingEvent> events = new ArrayList<>();
      for (long s = step; s < step + 777; s++) {
        events.add(batch(s));
      }
      whole.addAll(events);
      for (TrainingEvent e : events) {
        BatchDone b = (BatchDone) e;
        oneByOne.add(b.step(), b.w(), b.b());
      }
      assertThat(whole.size()).isEqualTo(oneByOne.size());
      for (int k = 0; k < whole.size(); k++) {
        assertThat(whole.step(k)).isEqualTo(oneByOne.step(k));
        assertThat(whole.w(k, 0)).isEqualTo(oneByOne.w(k, 0));
        assertThat(whole.b(k)).isEqualTo(oneByOne.b(k));
      }
    }
    assertThat(whole.stride()).isGreaterThan(1);
  }
}
