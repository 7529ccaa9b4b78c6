package descent.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import descent.data.SyntheticRegressionData;
import descent.engine.Seeds;
import descent.model.LinearRegressionScratch;
import descent.train.TrainingEvent.BatchDone;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With σ = 0 and shuffling off, a run is pure arithmetic: every step must match a plain-loop SGD
 * over the same rows to 1e-12.
 */
class TrainingRunExactnessTest {
  private static final double EXACT = 1e-12;

  @Test
  void batchSizeThatDividesNumTrain() {
    List<BatchDone> events = runAgainstHand(new double[] {2, -3.4}, 4.2, 96, 32, 0.03, 0, 3);
    assertThat(events).hasSize(9).allSatisfy(e -> assertThat(e.examples()).isEqualTo(32));
  }

  @Test
  void batchSizeThatDoesNotDivideNumTrainKeepsTheLastPartialBatch() {
    List<BatchDone> events = runAgainstHand(new double[] {2, -3.4, 0.5}, 4.2, 100, 32, 0.1, 0, 2);
    assertThat(events)
        .extracting(BatchDone::examples)
        .containsExactly(32, 32, 32, 4, 32, 32, 32, 4);
  }

  @Test
  void clippingScalesEveryGradientByTheNormOverAllParameters() {
    double theta = 0.5;
    List<BatchDone> events = runAgainstHand(new double[] {2, -3.4}, 4.2, 100, 32, 0.1, theta, 2);
    // The initial gradient is about (−2, 3.4, −4.2), norm ≈ 5.8, so clipping bites on every step.
    assertThat(events)
        .hasSize(8)
        .allSatisfy(e -> assertThat(e.gradNorm()).isGreaterThan(4 * theta));
  }

  @Test
  void aClipThresholdAboveEveryNormChangesNothing() {
    List<BatchDone> unclipped = runAgainstHand(new double[] {2, -3.4}, 4.2, 100, 32, 0.1, 0, 1);
    List<BatchDone> loose = runAgainstHand(new double[] {2, -3.4}, 4.2, 100, 32, 0.1, 1e9, 1);
    for (int i = 0; i < unclipped.size(); i++) {
      assertThat(loose.get(i).w()).isEqualTo(unclipped.get(i).w());
      assertThat(loose.get(i).b()).isEqualTo(unclipped.get(i).b());
    }
  }

  /**
   * Trains a σ = 0 model on unshuffled synthetic data with {@link TrainingRun#step()}, checking the
   * parameters and the BatchDone event after every step against {@link HandSgd}.
   */
  private static List<BatchDone> runAgainstHand(
      double[] trueW,
      double trueB,
      int numTrain,
      int batchSize,
      double lr,
      double clip,
      int epochs) {
    var data = new SyntheticRegressionData(trueW, trueB, 0.01, numTrain, 40, batchSize, false, 11);
    var model = new LinearRegressionScratch(trueW.length, lr, 0, Seeds.stream(11, 3));
    assertThat(model.w().toArray()).containsOnly(0.0).hasSize(trueW.length);
    assertThat(model.b().item()).isZero();

    List<BatchDone> events = new ArrayList<>();
    TrainingRun run =
        new Trainer(epochs, clip)
            .prepare(
                model,
                data,
                e -> {
                  if (e instanceof BatchDone bd) {
                    events.add(bd);
                  }
                });
    HandSgd hand = new HandSgd(new double[trueW.length], 0, lr, clip);
    int batches = (numTrain + batchSize - 1) / batchSize;
    long step = 0;
    for (int epoch = 0; epoch < epochs; epoch++) {
      for (int k = 0; k < batches; k++) {
        int from = k * batchSize;
        int to = Math.min(from + batchSize, numTrain);
        hand.step(data, from, to);
        run.step();
        step++;

        assertThat(run.trainBatchIdx()).isEqualTo(step);
        assertThat(model.w().toArray()).containsExactly(hand.w, within(EXACT));
        assertThat(model.b().item()).isCloseTo(hand.b, within(EXACT));

        BatchDone e = events.get(events.size() - 1);
        assertThat(e.step()).isEqualTo(step);
        assertThat(e.epoch()).isEqualTo(epoch);
        assertThat(e.batchIndex()).isEqualTo(k);
        assertThat(e.examples()).isEqualTo(to - from);
        assertThat(e.w()).containsExactly(hand.w, within(EXACT));
        assertThat(e.b()).isCloseTo(hand.b, within(EXACT));
        assertThat(e.loss()).isCloseTo(hand.lastLoss, within(EXACT));
        assertThat(e.gradNorm()).isCloseTo(hand.lastGradNorm, within(EXACT));
        assertThat(e.learningRate()).isEqualTo(lr);
      }
    }
    assertThat(events).hasSize((int) step);
    assertThat(run.status()).isEqualTo(TrainingRun.Status.FINISHED);
    // Not a trivially small change: the run really moved the parameters.
    assertThat(Math.abs(hand.b)).isGreaterThan(0.1);
    return events;
  }
}
