package descent.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import descent.data.Batch;
import descent.data.SyntheticRegressionData;
import descent.engine.Seeds;
import descent.model.LinearRegressionScratch;
import descent.train.TrainingRun.Phase;
import descent.train.TrainingRun.Status;
import org.junit.jupiter.api.Test;

/**
 * stepPhase() runs one minibatch as FORWARD → LOSS → BACKWARD → UPDATE, each visible on its own.
 */
class PhaseSteppingTest {
  private static final double EXACT = 1e-12;
  private static final double LR = 0.03;

  private static TrainingRun newRun(long seed, int epochs) {
    var data =
        new SyntheticRegressionData(new double[] {2, -3.4}, 4.2, 0.01, 100, 50, 32, true, seed);
    var model = new LinearRegressionScratch(2, LR, 0.01, Seeds.stream(seed, 3));
    return new Trainer(epochs).prepare(model, data, TrainingListener.NONE);
  }

  @Test
  void eachPhaseDoesItsOwnPartAndNothingMore() {
    TrainingRun run = newRun(5, 1);
    var model = run.model();
    assertThat(run.status()).isEqualTo(Status.READY);
    assertThat(run.nextPhase()).isEqualTo(Phase.FORWARD);
    assertThat(run.currentPrediction()).isNull();
    assertThat(run.currentLoss()).isNull();
    assertThat(run.lastGradientNorm()).isNaN();

    // Two minibatches: the second shows that gradients are zeroed, not accumulated.
    for (int k = 0; k < 2; k++) {
      double[] w = model.w().toArray();
      double b = model.b().item();

      assertThat(run.stepPhase()).isTrue();
      assertThat(run.status()).isEqualTo(Status.IN_PROGRESS);
      assertThat(run.nextPhase()).isEqualTo(Phase.LOSS);
      Batch batch = run.currentBatch();
      assertThat(batch.size()).isEqualTo(32);
      int[] rows = batch.rows();
      assertThat(run.currentPrediction().shape().dims()).containsExactly(32, 1);
      double[] prediction = run.currentPrediction().toArray();
      for (int i = 0; i < rows.length; i++) {
        double byHand = HandSgd.predict(run.data().featuresOf(rows[i]), w, b);
        assertThat(prediction[i]).isCloseTo(byHand, within(EXACT));
      }
      assertThat(run.currentLoss()).isNull();

      HandSgd hand = new HandSgd(w, b, LR, 0);
      hand.step(run.data(), rows);

      assertThat(run.stepPhase()).isTrue();
      assertThat(run.nextPhase()).isEqualTo(Phase.BACKWARD);
      assertThat(run.currentLoss().item()).isCloseTo(hand.lastLoss, within(EXACT));
      assertThat(hand.lastLoss).isGreaterThan(1); // far from the optimum, so not a trivial match

      assertThat(run.stepPhase()).isTrue();
      assertThat(run.nextPhase()).isEqualTo(Phase.UPDATE);
      double[] gw = model.w().grad().toArray();
      double gb = model.b().grad().item();
      assertThat(gw).containsExactly(hand.lastGw, within(EXACT));
      assertThat(gb).isCloseTo(hand.lastGb, within(EXACT));
      assertThat(run.lastGradientNorm()).isCloseTo(hand.lastGradNorm, within(EXACT));
      assertThat(model.w().toArray()).isEqualTo(w);
      assertThat(model.b().item()).isEqualTo(b);
      assertThat(run.trainBatchIdx()).isEqualTo(k);

      assertThat(run.stepPhase()).isTrue();
      assertThat(run.nextPhase()).isEqualTo(Phase.FORWARD);
      assertThat(run.trainBatchIdx()).isEqualTo(k + 1);
      assertThat(run.batchIndex()).isEqualTo(k + 1);
      double[] updated = model.w().toArray();
      for (int j = 0; j < w.length; j++) {
        assertThat(updated[j]).isEqualTo(w[j] - LR * gw[j]); // exactly θ − η·g
      }
      assertThat(model.b().item()).isEqualTo(b - LR * gb);
      assertThat(updated).containsExactly(hand.w, within(EXACT));
    }
  }

  @Test
  void stepIsFourPhasesAcrossEpochBoundariesAndValidation() {
    TrainingRun byStep = newRun(8, 3);
    TrainingRun byPhase = newRun(8, 3);
    int steps = 0;
    while (!byStep.isOver()) {
      byStep.step();
      for (int p = 0; p < 4; p++) {
        assertThat(byPhase.stepPhase()).isTrue();
      }
      steps++;
      assertThat(byPhase.model().w().toArray()).isEqualTo(byStep.model().w().toArray());
      assertThat(byPhase.model().b().item()).isEqualTo(byStep.model().b().item());
      assertThat(byPhase.trainBatchIdx()).isEqualTo(byStep.trainBatchIdx());
      assertThat(byPhase.valBatchIdx()).isEqualTo(byStep.valBatchIdx());
      assertThat(byPhase.epoch()).isEqualTo(byStep.epoch());
      assertThat(byPhase.nextPhase()).isEqualTo(Phase.FORWARD);
    }
    assertThat(steps).isEqualTo(12);
    assertThat(byPhase.isOver()).isTrue();
    assertThat(byPhase.status()).isEqualTo(Status.FINISHED);
    assertThat(byPhase.history()).isEqualTo(byStep.history()).hasSize(3);
    assertThat(byPhase.stepPhase()).isFalse();
  }

  @Test
  void stepFinishesAMinibatchStartedPhaseByPhase() {
    TrainingRun partial = newRun(9, 1);
    TrainingRun whole = newRun(9, 1);
    partial.stepPhase();
    partial.stepPhase();
    partial.step(); // BACKWARD and UPDATE of the same minibatch
    whole.step();
    assertThat(partial.trainBatchIdx()).isEqualTo(1);
    assertThat(partial.nextPhase()).isEqualTo(Phase.FORWARD);
    assertThat(partial.model().w().toArray()).isEqualTo(whole.model().w().toArray());
    assertThat(partial.model().b().item()).isEqualTo(whole.model().b().item());
  }
}
