package descent.app.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the views update, for frames 1/60 s apart and updates of a given cost. */
class UpdatePacerTest {
  private static final long MS = 1_000_000L;
  private static final long FRAME = 16_666_667L;

  /**
   * The frames (their numbers, from 0) that update, over {@code frames} frames, when an update
   * holds the FX thread for {@code costFrames} frames (the next frame comes after that many).
   */
  private static List<Integer> updatingFrames(int frames, int costFrames) {
    UpdatePacer pacer = new UpdatePacer(1);
    pacer.reset();
    List<Integer> updates = new ArrayList<>();
    long base = 1_000 * MS;
    int frame = 0;
    while (frame < frames) {
      if (pacer.due(base + frame * FRAME)) {
        updates.add(frame);
        frame += costFrames; // the update's frame ends that much later
      } else {
        frame++; // a frame with nothing to do
      }
    }
    return updates;
  }

  @Test
  void updatesThatFitAFrameComeEveryFrame() {
    assertThat(updatingFrames(10, 1)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void aSlowUpdateLeavesTwiceItsCostToTheRestOfTheProgram() {
    // each update takes 3 frames (50 ms): the next comes 9 frames (150 ms) after it began
    assertThat(updatingFrames(40, 3)).containsExactly(0, 9, 18, 27, 36);
  }

  @Test
  void updatesNeverWaitLongerThanAQuarterSecond() {
    // each update takes 6 frames (100 ms); three times that would be 300 ms, but 250 ms is the
    // most:
    // 15 frames
    assertThat(updatingFrames(50, 6)).containsExactly(0, 15, 30, 45);
    assertThat(UpdatePacer.MAX_GAP_NANOS).isEqualTo(250 * MS);
  }

  @Test
  void onceAnUpdateTookLongerThanAFrameUpdatesAreSpreadOverSeveralFrames() {
    UpdatePacer pacer = new UpdatePacer(3);
    long t = 5_000 * MS;
    assertThat(pacer.due(t)).isTrue();
    assertThat(pacer.frames()).as("at first: spread").isEqualTo(3);
    assertThat(pacer.due(t + 50 * MS)).as("it fitted its three frames").isTrue();
    assertThat(pacer.frames()).as("so the next is tried in one").isEqualTo(1);
    t += 50 * MS;
    assertThat(pacer.due(t + 16 * MS)).as("it fitted its frame").isTrue();
    assertThat(pacer.frames()).isEqualTo(1);
    assertThat(pacer.due(t + 56 * MS)).as("a 40 ms update: wait three times that").isFalse();
    assertThat(pacer.due(t + 135 * MS)).isFalse();
    assertThat(pacer.due(t + 136 * MS)).isTrue();
    assertThat(pacer.frames()).as("spread from now on").isEqualTo(3);
    // spread over three frames of 17 ms: 51 ms fits three frames, so the next comes at once
    assertThat(pacer.due(t + 187 * MS)).isTrue();
    assertThat(pacer.frames()).isEqualTo(3);
    // three frames that took 90 ms in all: wait three times that, at most 250 ms
    assertThat(pacer.due(t + 277 * MS)).isFalse();
    assertThat(pacer.due(t + 436 * MS)).isFalse();
    assertThat(pacer.due(t + 437 * MS)).isTrue();
    pacer.reset(); // Play again: the next frame updates, still spread
    assertThat(pacer.due(t + 440 * MS)).isTrue();
    assertThat(pacer.frames()).isEqualTo(3);
  }

  @Test
  void afterAResetTheNextFrameUpdates() {
    UpdatePacer pacer = new UpdatePacer(1);
    pacer.reset();
    long t = 5_000 * MS;
    assertThat(pacer.due(t)).isTrue();
    assertThat(pacer.due(t + 60 * MS)).isFalse(); // a 60 ms update: wait till 180 ms
    assertThat(pacer.due(t + 100 * MS)).isFalse();
    pacer.reset(); // Play again, or a new run
    assertThat(pacer.due(t + 101 * MS)).isTrue();
  }
}
