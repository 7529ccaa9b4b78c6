package descent.train;

import static org.assertj.core.api.Assertions.assertThat;

import descent.data.SyntheticRegressionData;
import descent.engine.Seeds;
import descent.model.LinearRegressionScratch;
import descent.train.TrainingEvent.BatchDone;
import descent.train.TrainingEvent.EpochDone;
import descent.train.TrainingRun.Phase;
import descent.train.TrainingRun.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** requestStop() from a listener ends fit, runToEnd and stepEpoch after the current minibatch. */
class StopRequestTest {
  private final SyntheticRegressionData data =
      new SyntheticRegressionData(new double[] {2, -3.4}, 4.2, 3);
  private final LinearRegressionScratch model =
      new LinearRegressionScratch(2, 0.03, 0.01, Seeds.stream(3, 3));
  private final List<TrainingEvent> events = new ArrayList<>();

  @Test
  void trainerFitReturnsAfterTheMinibatchWhoseEventAskedToStop() {
    Trainer trainer = new Trainer(3);
    RunSummary summary =
        trainer.fit(
            model,
            data,
            e -> {
              events.add(e);
              if (e instanceof BatchDone b && b.step() == 5) {
                trainer.run().requestStop();
              }
            });

    TrainingRun run = trainer.run();
    assertThat(run.isOver()).isFalse();
    assertThat(run.status()).isEqualTo(Status.IN_PROGRESS);
    assertThat(run.isStopRequested()).isTrue();
    assertThat(run.trainBatchIdx()).isEqualTo(5);
    assertThat(run.nextPhase()).isEqualTo(Phase.FORWARD);
    assertThat(events).hasSize(5).allMatch(BatchDone.class::isInstance);
    assertThat(summary.steps()).isEqualTo(5);
    assertThat(summary.epochs()).isEmpty();
    assertThat(summary.diverged()).isFalse();
    assertThat(summary.w()).isEqualTo(model.w().toArray());
  }

  @Test
  void runToEndStopsMidEpochAndResumesWhenTheRequestIsCleared() {
    AtomicReference<TrainingRun> ref = new AtomicReference<>();
    TrainingRun run =
        new Trainer(3)
            .prepare(
                model,
                data,
                e -> {
                  events.add(e);
                  if (e instanceof BatchDone b && b.step() == 40) {
                    ref.get().requestStop();
                  }
                });
    ref.set(run);

    run.runToEnd();
    assertThat(run.isOver()).isFalse();
    assertThat(run.trainBatchIdx()).isEqualTo(40);
    assertThat(run.epoch()).isEqualTo(1);
    assertThat(run.batchIndex()).isEqualTo(40 - 32);
    assertThat(events).filteredOn(EpochDone.class::isInstance).hasSize(1);

    run.runToEnd(); // the request stands until cleared
    assertThat(run.trainBatchIdx()).isEqualTo(40);

    run.clearStopRequest();
    run.runToEnd();
    assertThat(run.status()).isEqualTo(Status.FINISHED);
    assertThat(run.trainBatchIdx()).isEqualTo(96);
    assertThat(events).filteredOn(EpochDone.class::isInstance).hasSize(3);
  }

  @Test
  void stepEpochStopsEarlyToo() {
    AtomicReference<TrainingRun> ref = new AtomicReference<>();
    TrainingRun run =
        new Trainer(3)
            .prepare(
                model,
                data,
                e -> {
                  if (e instanceof BatchDone b && b.batchIndex() == 2) {
                    ref.get().requestStop();
                  }
                });
    ref.set(run);
    run.stepEpoch();
    assertThat(run.trainBatchIdx()).isEqualTo(3);
    assertThat(run.epoch()).isZero();
    assertThat(run.isOver()).isFalse();
  }
}
