package descent.app.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Training gives way to a late frame (ADR 0043): it waits until the next frame begins, once per
 * frame and never for long, and not at all while frames come on time or before the first.
 */
class LateFramesTest {
  private static final long MS = 1_000_000L;

  @Test
  void beforeAnyFrameAndWhileFramesAreOnTimeTrainingNeverWaits() {
    LateFrames late = new LateFrames(20 * MS, 60_000 * MS);
    late.giveWay(System.nanoTime()); // no window yet: no frame began
    late.frameBegins(System.nanoTime());
    late.giveWay(System.nanoTime()); // the frame began just now: on time
    assertThat(late.waitedNanos()).isZero();
  }

  @Test
  void aLateFrameHoldsTrainingUntilTheNextFrameBegins() throws Exception {
    LateFrames late = new LateFrames(20 * MS, 60_000 * MS);
    late.frameBegins(System.nanoTime() - 30 * MS); // began 30 ms ago: late
    Thread[] trainer = new Thread[1];
    CompletableFuture<Void> gaveWay =
        CompletableFuture.runAsync(
            () -> {
              trainer[0] = Thread.currentThread();
              late.giveWay(System.nanoTime());
            });
    // training waits, parked, for as long as the frame lasts (here up to a minute)
    while (trainer[0] == null || trainer[0].getState() != Thread.State.TIMED_WAITING) {
      Thread.onSpinWait();
      assertThat(gaveWay).isNotDone();
    }
    assertThat(gaveWay).isNotDone();
    late.frameBegins(System.nanoTime()); // the next frame: training goes on
    gaveWay.get(10, TimeUnit.SECONDS);
    assertThat(late.waitedNanos()).isPositive();
  }

  @Test
  void trainingWaitsForOneLateFrameOnceAndAtMostTheLongestWait() {
    LateFrames late = new LateFrames(20 * MS, 5 * MS);
    late.frameBegins(System.nanoTime() - 30 * MS);
    long before = System.nanoTime();
    late.giveWay(System.nanoTime()); // no next frame comes: it waits the longest wait, then goes on
    long waited = late.waitedNanos();
    assertThat(waited).isGreaterThanOrEqualTo(5 * MS);
    assertThat(System.nanoTime() - before).isGreaterThanOrEqualTo(5 * MS);
    late.giveWay(
        System.nanoTime()); // the same late frame: frames stopped coming, training no longer waits
    late.giveWay(System.nanoTime());
    assertThat(late.waitedNanos()).isEqualTo(waited);

    late.frameBegins(System.nanoTime() - 30 * MS); // a new frame, late too: one more wait
    late.giveWay(System.nanoTime());
    assertThat(late.waitedNanos()).isGreaterThanOrEqualTo(waited + 5 * MS);
  }
}
