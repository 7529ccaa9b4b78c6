package descent.app.session;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.session.TrainingSession.FrameListener;
import descent.data.SyntheticRegressionData;
import descent.train.RunSpec;
import descent.train.StepSnapshot;
import descent.train.TrainingEvent;
import descent.train.TrainingEvent.BatchDone;
import descent.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * What each frame shows: at a chosen speed everything at once; as fast as possible, once updates
 * are slow, the counters, the chart and the teaching views in three frames in a row, each showing
 * the same events. Driven with a clock of the test's own (frames 17 ms apart unless said).
 */
@ExtendWith(ApplicationExtension.class) // the pump's AnimationTimer needs the toolkit
class FramePumpTest {
  private static final long MS = 1_000_000L;

  private final List<String> shown = new ArrayList<>(); // what each frame showed, in order
  private final List<Long> handed = new ArrayList<>(); // the steps each reader got, per name
  private final AtomicBoolean paced = new AtomicBoolean(true);
  private long counted; // the last step the session was handed
  private FramePump pump;
  private EventInbox inbox;
  private long step;

  private static StepSnapshot snapshot() {
    SyntheticRegressionData data =
        new SyntheticRegressionData(new double[] {2, -3.4}, 4.2, 0.01, 100, 10, 1, true, 1);
    RunSpec spec = new RunSpec(0.03, 0.01, 1, 0, 1);
    return StepSnapshot.of(
        spec.newTrainer().prepare(spec.newModel(2), data, TrainingListener.NONE),
        null,
        null,
        Double.NaN);
  }

  private FrameListener listener(String name, int frame) {
    return new FrameListener() {
      long last;

      @Override
      public void onEvents(List<TrainingEvent> events) {
        last = ((BatchDone) events.get(events.size() - 1)).step();
      }

      @Override
      public void onEventsDone() {
        shown.add(name + " " + last);
      }

      @Override
      public int showFrame() {
        return frame;
      }

      @Override
      public void onReset() {}
    };
  }

  private void setUp() {
    pump =
        new FramePump(
            1000,
            events -> counted = ((BatchDone) events.get(events.size() - 1)).step(),
            () -> shown.add("counters " + counted),
            paced::get,
            change -> {},
            phase -> {},
            s -> shown.add("snapshot"));
    pump.addFrameListener(listener("views", 2));
    pump.addFrameListener(listener("chart", 1));
    pump.addFrameListener(listener("history", 0));
    inbox = pump.newInbox();
    pump.connect(inbox);
  }

  /** Ten more minibatches arrive, with a snapshot after them. */
  private void trainTen() {
    for (int i = 0; i < 10; i++) {
      step++;
      inbox.onEvent(
          new BatchDone(0, (int) step, 1000, step, step / 1000.0, 1, 1, new double[2], 0, 0, 0.1));
    }
    inbox.note(SNAPSHOT);
  }

  private static final StepSnapshot SNAPSHOT = snapshot();

  /** What the frame at {@code at} ms showed. */
  private List<String> frameAt(long at) {
    shown.clear();
    pump.frame(at * MS);
    return List.copyOf(shown);
  }

  @Test
  void atAChosenSpeedEveryFrameShowsEverythingAtOnce() {
    setUp();
    paced.set(false);
    trainTen();
    assertThat(frameAt(1000))
        .containsExactly("counters 10", "history 10", "chart 10", "views 10", "snapshot");
    trainTen();
    assertThat(frameAt(1100)) // a slow frame changes nothing at a chosen speed
        .containsExactly("counters 20", "history 20", "chart 20", "views 20", "snapshot");
    trainTen();
    assertThat(frameAt(1117))
        .containsExactly("counters 30", "history 30", "chart 30", "views 30", "snapshot");
  }

  @Test
  void asFastAsPossibleSlowUpdatesAreSpacedOutAndSpreadOverThreeFrames() {
    setUp();
    trainTen();
    assertThat(frameAt(1000))
        .as("the first update is spread, and shows what frames before it took: nothing yet")
        .containsExactly("counters 0");
    assertThat(frameAt(1017)).isEmpty();
    assertThat(frameAt(1034)).isEmpty();
    assertThat(frameAt(1051)).as("its last frame takes").isEmpty();
    assertThat(counted).isEqualTo(10);
    assertThat(frameAt(1068))
        .as("four frames of 17 ms fit: the next update is tried in one frame")
        .containsExactly("counters 10", "history 10", "chart 10", "views 10", "snapshot");
    trainTen();
    assertThat(frameAt(1108)).as("that one took 40 ms: the next waits 120 ms").isEmpty();
    assertThat(counted).as("frames in between take the events").isEqualTo(20);
    trainTen();
    assertThat(frameAt(1125)).isEmpty();
    trainTen();
    assertThat(frameAt(1188))
        .as("slow in one frame: spread for good; it shows what the frames before took")
        .containsExactly("counters 30", "history 30");
    trainTen();
    assertThat(frameAt(1205)).containsExactly("chart 30");
    assertThat(frameAt(1222)).containsExactly("views 30", "snapshot");
    assertThat(counted).as("no frame that shows takes").isEqualTo(30);
    assertThat(frameAt(1239)).isEmpty();
    assertThat(counted).isEqualTo(50);
    assertThat(frameAt(1256))
        .as("the spread update fitted its four frames: the next comes at once, spread")
        .containsExactly("counters 50", "history 50");
    assertThat(frameAt(1273)).containsExactly("chart 50");
    assertThat(frameAt(1290)).containsExactly("views 50", "snapshot");
  }

  @Test
  void whenTheSessionAsksEverythingTakenIsShownAtOnceEvenMidUpdate() {
    setUp();
    trainTen();
    assertThat(frameAt(1000)).containsExactly("counters 0");
    trainTen();
    shown.clear();
    pump.pump(); // the run stopped: show where it is, all of it
    assertThat(shown)
        .containsExactly("counters 20", "history 20", "chart 20", "views 20", "snapshot");
    trainTen();
    assertThat(frameAt(1017))
        .as("a new update (17 ms fitted: in one frame), not the rest of the one cut short")
        .containsExactly("counters 30", "history 30", "chart 30", "views 30", "snapshot");
  }
}
