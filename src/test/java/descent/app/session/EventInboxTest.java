package descent.app.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import descent.app.session.RunRecipe.PreparedRun;
import descent.run.DataSource;
import descent.run.RunConfig;
import descent.train.TrainingEvent.BatchDone;
import descent.train.TrainingEvent.EpochDone;
import descent.train.TrainingEvent.RunFinished;
import descent.train.TrainingRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The inbox between the training thread and the FX thread, driven by real runs. */
class EventInboxTest {
  /** 3 epochs of 4,000 minibatches of one example: 12,000 steps. */
  private static final RunRecipe BATCH_OF_ONE =
      new RunRecipe(
          new RunConfig(
              new DataSource.Synthetic(new double[] {2, -3.4}, 4.2, 0.01, 4000, 100),
              0.03,
              0.01,
              1,
              3,
              0,
              true,
              false,
              42));

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
      Thread.onSpinWait();
      Thread.yield();
    }
  }

  private static boolean isWaiting(Thread t) {
    return t.getState() == Thread.State.WAITING;
  }

  @Test
  void aStalledReaderKeepsTheInboxBoundedAndOnceDrainedEveryEventArrivesInOrder() throws Exception {
    EventInbox inbox = new EventInbox(1000, List.of());
    PreparedRun p = BATCH_OF_ONE.build(inbox);
    TrainingRun run = p.run();
    Thread training = new Thread(run::runToEnd, "test-training");
    training.start();

    // nobody drains: the training thread fills the inbox, then waits instead of growing it
    await(() -> isWaiting(training) && inbox.size() >= 1000);
    assertThat(inbox.size()).isEqualTo(1000);
    assertThat(inbox.waits()).isEqualTo(1);
    assertThat(run.trainBatchIdx()).isEqualTo(1001); // the 1001st waits to be told
    assertThat(training.isAlive()).isTrue();

    List<Object> received = new ArrayList<>();
    while (training.isAlive() || inbox.size() > 0) {
      received.addAll(inbox.drain());
    }
    training.join();
    List<BatchDone> batches = new ArrayList<>();
    List<EpochDone> epochs = new ArrayList<>();
    for (Object e : received) {
      if (e instanceof BatchDone b) {
        batches.add(b);
      } else if (e instanceof EpochDone d) {
        epochs.add(d);
      }
    }
    assertThat(batches).hasSize(12_000);
    for (int i = 0; i < batches.size(); i++) {
      assertThat(batches.get(i).step()).isEqualTo(i + 1);
    }
    assertThat(batches.get(batches.size() - 1).step()).isEqualTo(run.trainBatchIdx());
    assertThat(batches.get(batches.size() - 1).w()).isEqualTo(run.model().w().toArray());
    assertThat(epochs).isEqualTo(run.history());
    assertThat(received.get(received.size() - 1)).isEqualTo(new RunFinished(3, 12_000));
  }

  @Test
  void closingFreesAWaitingTrainingThreadAndDropsLaterEvents() throws Exception {
    EventInbox inbox = new EventInbox(10, List.of());
    TrainingRun run = BATCH_OF_ONE.build(inbox).run();
    Thread training = new Thread(run::runToEnd, "test-training");
    training.start();
    await(() -> isWaiting(training) && inbox.size() >= 10);

    inbox.close(); // a reset: nobody will read this run again
    training.join(TimeUnit.SECONDS.toMillis(20));
    assertThat(training.isAlive()).isFalse();
    assertThat(run.trainBatchIdx()).isEqualTo(12_000);
    assertThat(inbox.size()).isZero();
    assertThat(inbox.drain()).isEmpty();
  }

  @Test
  void onlyMinibatchesWaitForRoom() {
    EventInbox inbox = new EventInbox(1, List.of());
    BatchDone b = new BatchDone(0, 0, 1, 1, 0, 1, 0.5, new double[] {1}, 0, 1, 0.03);
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          inbox.onEvent(b);
          inbox.onEvent(new EpochDone(0, 1, 0.5, 0.4)); // the inbox is full, yet this goes in
          inbox.onEvent(new RunFinished(1, 1));
        });
    assertThat(inbox.drain())
        .containsExactly(b, new EpochDone(0, 1, 0.5, 0.4), new RunFinished(1, 1));
  }

  @Test
  void tapsHearEachEventFirstOnTheTrainingThread() throws Exception {
    List<String> threads = new ArrayList<>();
    EventInbox inbox =
        new EventInbox(100_000, List.of(e -> threads.add(Thread.currentThread().getName())));
    TrainingRun run = BATCH_OF_ONE.build(inbox).run();
    Thread training = new Thread(run::runToEnd, "test-training");
    training.start();
    training.join();
    assertThat(threads).hasSize(12_000 + 3 + 1).containsOnly("test-training");
    assertThat(inbox.size()).isEqualTo(12_000 + 3 + 1);
  }
}
