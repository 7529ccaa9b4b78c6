package descent.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import descent.data.SyntheticRegressionData;
import descent.engine.Seeds;
import descent.engine.Tensor;
import descent.model.LinearModel;
import descent.model.LinearRegressionScratch;
import descent.model.Optimizer;
import descent.train.TrainingEvent.BatchDone;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trainer's own contract: its settings, fitEpoch, and that fit is the run's single step. */
class TrainerTest {
  private static SyntheticRegressionData data(boolean shuffle) {
    return new SyntheticRegressionData(new double[] {2, -3.4}, 4.2, 0.01, 100, 50, 32, shuffle, 17);
  }

  private static LinearRegressionScratch model(double sigma) {
    return new LinearRegressionScratch(2, 0.03, sigma, Seeds.stream(17, 3));
  }

  @Test
  void refusesImpossibleSettings() {
    assertThatThrownBy(() -> new Trainer(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxEpochs");
    for (double clip : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> new Trainer(3, clip))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("gradientClipVal");
    }
    Trainer trainer = new Trainer(3, 0.5);
    assertThat(trainer.maxEpochs()).isEqualTo(3);
    assertThat(trainer.gradientClipVal()).isEqualTo(0.5);
    assertThat(trainer.run()).isNull();
    assertThatThrownBy(trainer::fitEpoch).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void refusesAModelWithTheWrongNumberOfInputs() {
    var wrong = new LinearRegressionScratch(3, 0.03, Seeds.stream(1, 3));
    assertThatThrownBy(() -> new Trainer(1).prepare(wrong, data(true), TrainingListener.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 inputs")
        .hasMessageContaining("2 features");
  }

  @Test
  void fitEpochRunsExactlyOneEpochOfThePreparedRun() {
    Trainer trainer = new Trainer(2, 0.5);
    TrainingRun run = trainer.prepare(model(0.01), data(true), TrainingListener.NONE);
    assertThat(trainer.run()).isSameAs(run);
    assertThat(run.gradientClipVal()).isEqualTo(0.5);
    assertThat(run.maxEpochs()).isEqualTo(2);
    assertThat(run.batchesPerEpoch()).isEqualTo(4);

    trainer.fitEpoch();
    assertThat(run.trainBatchIdx()).isEqualTo(4);
    assertThat(run.history()).hasSize(1);
    assertThat(run.isOver()).isFalse();
    trainer.fitEpoch();
    assertThat(run.trainBatchIdx()).isEqualTo(8);
    assertThat(run.status()).isEqualTo(TrainingRun.Status.FINISHED);
    assertThat(run.epoch()).isEqualTo(2);
    trainer.fitEpoch(); // over: nothing more
    assertThat(run.trainBatchIdx()).isEqualTo(8);
  }

  @Test
  void fitFollowsHandComputedSgdThroughShuffledEpochs() {
    // fit against plain loops that share nothing with the run but the data: w₀ from the seed's
    // model stream, each epoch's rows in its loader's shuffled order, d2l's epoch means by hand
    var data = data(true);
    RunSummary fitted = new Trainer(3).fit(model(0.01), data);

    double[] w0 = new double[2];
    java.util.Random init = Seeds.stream(17, RunSpec.MODEL_INIT_STREAM);
    for (int j = 0; j < 2; j++) {
      w0[j] = 0.01 * init.nextGaussian();
    }
    HandSgd hand = new HandSgd(w0, 0, 0.03, 0);
    for (int epoch = 0; epoch < 3; epoch++) {
      int[] order = TrainingRunExactnessTest.epochOrder(data, epoch);
      double lossSum = 0;
      for (int from = 0; from < 100; from += 32) {
        int[] rows = java.util.Arrays.copyOfRange(order, from, Math.min(from + 32, 100));
        hand.step(data, rows);
        lossSum += hand.lastLoss * rows.length;
      }
      TrainingEvent.EpochDone done = fitted.epochs().get(epoch);
      assertThat(done.step()).isEqualTo(4L * (epoch + 1));
      assertThat(done.trainLoss()).isCloseTo(lossSum / 100, within(1e-12));
      double valLoss = HandSgd.halfSquaredErrorSum(data, 100, 150, hand.w, hand.b) / 50;
      assertThat(done.valLoss()).isCloseTo(valLoss, within(1e-12));
    }
    assertThat(fitted.w()).containsExactly(hand.w, within(1e-12));
    assertThat(fitted.b()).isCloseTo(hand.b, within(1e-12));
    assertThat(fitted.steps()).isEqualTo(12);
    assertThat(fitted.epochs()).hasSize(3);
    assertThat(fitted.trainNanos()).isPositive();
    assertThat(fitted.lastEpoch()).contains(fitted.epochs().get(2));
    assertThat(Math.abs(hand.b)).isGreaterThan(0.5); // the run really moved
  }

  @Test
  void aLearningRateChangedMidRunAppliesFromTheNextUpdate() {
    List<BatchDone> events = new ArrayList<>();
    var data = data(false);
    var model = model(0);
    TrainingRun run =
        new Trainer(1)
            .prepare(
                model,
                data,
                e -> {
                  if (e instanceof BatchDone b) {
                    events.add(b);
                  }
                });
    HandSgd hand = new HandSgd(new double[2], 0, 0.03, 0);
    run.step();
    hand.step(data, 0, 32);
    run.setLearningRate(0.3);
    assertThat(run.learningRate()).isEqualTo(0.3);
    run.step();
    HandSgd faster = new HandSgd(hand.w, hand.b, 0.3, 0);
    faster.step(data, 32, 64);

    assertThat(events).extracting(BatchDone::learningRate).containsExactly(0.03, 0.3);
    assertThat(model.w().toArray()).containsExactly(faster.w, within(1e-12));
    assertThat(model.b().item()).isCloseTo(faster.b, within(1e-12));
    assertThatThrownBy(() -> run.setLearningRate(0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(run.learningRate()).isEqualTo(0.3);
  }

  @Test
  void theBatchEventRecordsTheRateItsUpdateUsedEvenIfTheRateChangesRightAfter() {
    // Another thread's setLearningRate landing just after the update (here: inside the optimizer,
    // right after it stepped) must not relabel the batch that was already updated.
    var data = data(false);
    var inner = model(0);
    LinearModel model = new RateChangedAfterEachStep(inner, 10);
    List<BatchDone> events = new ArrayList<>();
    TrainingRun run =
        new Trainer(1)
            .prepare(
                model,
                data,
                e -> {
                  if (e instanceof BatchDone b) {
                    events.add(b);
                  }
                });
    HandSgd hand = new HandSgd(new double[2], 0, 0.03, 0);
    run.step();
    hand.step(data, 0, 32);

    assertThat(events).extracting(BatchDone::learningRate).containsExactly(0.03);
    assertThat(events.get(0).w()).containsExactly(hand.w, within(1e-12));
    assertThat(events.get(0).b()).isCloseTo(hand.b, within(1e-12));
    assertThat(run.learningRate()).isCloseTo(0.3, within(1e-15)); // the change did land

    run.step();
    HandSgd faster = new HandSgd(hand.w, hand.b, events.get(0).learningRate() * 10, 0);
    faster.step(data, 32, 64);
    assertThat(events.get(1).learningRate()).isCloseTo(0.3, within(1e-15));
    assertThat(events.get(1).w()).containsExactly(faster.w, within(1e-12));
  }

  @Test
  void aRateChangedThroughTheRunIsTheModelsRateAndTheNextRunStartsFromIt() {
    var data = data(false);
    LinearRegressionScratch model = model(0);
    TrainingRun run = new Trainer(1).prepare(model, data, TrainingListener.NONE);
    run.step();
    run.setLearningRate(0.3);
    assertThat(model.learningRate()).isEqualTo(0.3);

    // a second run of the same model (as a changed epoch count or a resumed session makes)
    List<BatchDone> events = new ArrayList<>();
    double[] w0 = model.w().toArray();
    double b0 = model.b().item();
    TrainingRun next =
        new Trainer(1)
            .prepare(
                model,
                data,
                e -> {
                  if (e instanceof BatchDone b) {
                    events.add(b);
                  }
                });
    assertThat(next.learningRate()).isEqualTo(0.3);
    next.step();
    HandSgd hand = new HandSgd(w0, b0, 0.3, 0);
    hand.step(data, 0, 32);
    assertThat(events).extracting(BatchDone::learningRate).containsExactly(0.3);
    assertThat(model.w().toArray()).containsExactly(hand.w, within(1e-12));
  }

  /** Delegates to a model; its optimizer multiplies the rate by {@code factor} after each step. */
  private record RateChangedAfterEachStep(LinearRegressionScratch inner, double factor)
      implements LinearModel {
    @Override
    public Tensor w() {
      return inner.w();
    }

    @Override
    public Tensor b() {
      return inner.b();
    }

    @Override
    public List<Tensor> parameters() {
      return inner.parameters();
    }

    @Override
    public Tensor forward(Tensor x) {
      return inner.forward(x);
    }

    @Override
    public Tensor loss(Tensor yHat, Tensor y) {
      return inner.loss(yHat, y);
    }

    @Override
    public Optimizer configureOptimizers() {
      Optimizer sgd = inner.configureOptimizers();
      return new Optimizer() {
        @Override
        public double step() {
          double used = sgd.step();
          sgd.setLearningRate(used * factor);
          return used;
        }

        @Override
        public void zeroGrad() {
          sgd.zeroGrad();
        }

        @Override
        public double learningRate() {
          return sgd.learningRate();
        }

        @Override
        public void setLearningRate(double lr) {
          sgd.setLearningRate(lr);
        }
      };
    }
  }

  @Test
  void summaryHandsOutCopies() {
    RunSummary summary = new Trainer(1).fit(model(0.01), data(true));
    double w0 = summary.w()[0];
    summary.w()[0] = 99;
    assertThat(summary.w()[0]).isEqualTo(w0);
    assertThat(summary.errorW().orElseThrow()[0]).isCloseTo(2 - w0, within(1e-15));
    assertThat(summary.errorB().orElseThrow()).isCloseTo(4.2 - summary.b(), within(1e-15));
  }
}
