package descent.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import descent.data.SyntheticRegressionData;
import descent.engine.Seeds;
import descent.model.LinearRegressionScratch;
import descent.train.TrainingEvent.BatchDone;
import descent.train.TrainingEvent.EpochDone;
import descent.train.TrainingEvent.RunFinished;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What a listener hears: 100 training rows, 50 validation rows, batch 32, 2 epochs. */
class TrainingEventsTest {
  private static final int NUM_TRAIN = 100;
  private static final int NUM_VAL = 50;

  private final SyntheticRegressionData data =
      new SyntheticRegressionData(
          new double[] {2, -3.4}, 4.2, 0.01, NUM_TRAIN, NUM_VAL, 32, true, 21);
  private final List<TrainingEvent> events = new ArrayList<>();
  private final List<Long> valBatchIdxAtEpochEnd = new ArrayList<>();

  private RunSummary fit() {
    var model = new LinearRegressionScratch(2, 0.03, 0.01, Seeds.stream(21, 3));
    AtomicReference<TrainingRun> run = new AtomicReference<>();
    Trainer trainer = new Trainer(2);
    run.set(
        trainer.prepare(
            model,
            data,
            e -> {
              events.add(e);
              if (e instanceof EpochDone) {
                valBatchIdxAtEpochEnd.add(run.get().valBatchIdx());
              }
            }));
    run.get().runToEnd();
    return run.get().summary();
  }

  @Test
  void sequenceIsFourBatchesThenAnEpochTwiceThenTheEnd() {
    RunSummary summary = fit();

    assertThat(events)
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly(
            "BatchDone",
            "BatchDone",
            "BatchDone",
            "BatchDone",
            "EpochDone",
            "BatchDone",
            "BatchDone",
            "BatchDone",
            "BatchDone",
            "EpochDone",
            "RunFinished");
    List<BatchDone> batches = batches();
    assertThat(batches).extracting(BatchDone::step).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    assertThat(batches).extracting(BatchDone::epoch).containsExactly(0, 0, 0, 0, 1, 1, 1, 1);
    assertThat(batches).extracting(BatchDone::batchIndex).containsExactly(0, 1, 2, 3, 0, 1, 2, 3);
    assertThat(batches).extracting(BatchDone::batchesPerEpoch).containsOnly(4);
    assertThat(batches)
        .extracting(BatchDone::examples)
        .containsExactly(32, 32, 32, 4, 32, 32, 32, 4);
    assertThat(batches)
        .extracting(BatchDone::fractionalEpoch)
        .containsExactly(0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75);

    List<EpochDone> epochs = epochs();
    assertThat(epochs).extracting(EpochDone::epoch).containsExactly(0, 1);
    assertThat(epochs).extracting(EpochDone::step).containsExactly(4L, 8L);
    assertThat(events.get(events.size() - 1)).isEqualTo(new RunFinished(2, 8));

    // d2l's val_batch_idx: ⌈50 / 32⌉ = 2 validation batches per epoch.
    assertThat(valBatchIdxAtEpochEnd).containsExactly(2L, 4L);
    assertThat(summary.epochs()).isEqualTo(epochs);
    assertThat(summary.steps()).isEqualTo(8);
    assertThat(summary.diverged()).isFalse();
  }

  @Test
  void epochTrainLossIsTheExampleWeightedMeanOfItsBatchLosses() {
    fit();
    List<BatchDone> batches = batches();
    for (EpochDone epoch : epochs()) {
      double weighted = 0;
      double plain = 0;
      int examples = 0;
      for (BatchDone b : batches) {
        if (b.epoch() == epoch.epoch()) {
          weighted += b.loss() * b.examples();
          plain += b.loss() / 4;
          examples += b.examples();
        }
      }
      assertThat(examples).isEqualTo(NUM_TRAIN);
      assertThat(epoch.trainLoss()).isCloseTo(weighted / examples, within(1e-12));
      // The last batch holds 4 examples, so a plain mean of batch means would be clearly off.
      assertThat(epoch.trainLoss()).isNotCloseTo(plain, within(1e-3));
    }
  }

  @Test
  void epochValLossIsTheExampleWeightedMeanOverValidationRowsAtTheEpochsFinalParameters() {
    fit();
    List<BatchDone> batches = batches();
    for (EpochDone epoch : epochs()) {
      BatchDone last = batches.get(4 * epoch.epoch() + 3);
      double[] w = last.w();
      double b = last.b();
      int n = NUM_TRAIN + NUM_VAL;
      double byHand = HandSgd.halfSquaredErrorSum(data, NUM_TRAIN, n, w, b) / NUM_VAL;
      assertThat(epoch.valLoss()).isCloseTo(byHand, within(1e-12));
      // A plain mean of the two batch means (32 and 18 rows) differs, so the weighting matters.
      double plain =
          (HandSgd.halfSquaredErrorSum(data, NUM_TRAIN, NUM_TRAIN + 32, w, b) / 32
                  + HandSgd.halfSquaredErrorSum(data, NUM_TRAIN + 32, n, w, b) / 18)
              / 2;
      assertThat(epoch.valLoss()).isNotCloseTo(plain, within(1e-4));
    }
    // Training lowers the validation loss from the first epoch to the second.
    assertThat(epochs().get(1).valLoss()).isLessThan(epochs().get(0).valLoss());
  }

  @Test
  void eventsCarryCopiesNotLiveState() {
    fit();
    BatchDone first = batches().get(0);
    double[] w = first.w();
    w[0] = 1234;
    assertThat(first.w()[0]).isNotEqualTo(1234);
    // Parameters moved after the first batch, yet its event still shows the values of then.
    assertThat(first.w()).isNotEqualTo(batches().get(7).w());
  }

  private List<BatchDone> batches() {
    List<BatchDone> out = new ArrayList<>();
    for (TrainingEvent e : events) {
      if (e instanceof BatchDone b) {
        out.add(b);
      }
    }
    return out;
  }

  private List<EpochDone> epochs() {
    List<EpochDone> out = new ArrayList<>();
    for (TrainingEvent e : events) {
      if (e instanceof EpochDone d) {
        out.add(d);
      }
    }
    return out;
  }
}
