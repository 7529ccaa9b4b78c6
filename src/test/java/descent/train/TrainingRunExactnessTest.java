package descent.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import descent.data.Loader;
import descent.data.RegressionData;
import descent.data.SyntheticRegressionData;
import descent.engine.Seeds;
import descent.model.LinearRegressionScratch;
import descent.train.TrainingEvent.BatchDone;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A run is pure arithmetic: every step must match a plain-loop SGD over the same rows to 1e-12,
 * with shuffling on or off, with initial weights at zero or drawn from the seed, and with clipping.
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

  @Test
  void shuffledEpochsFollowTheLoadersOrder() {
    List<BatchDone> events =
        runAgainstHand(new double[] {2, -3.4}, 4.2, 100, 32, 0.1, 0, 3, true, 0, 23);
    assertThat(events).hasSize(12);
  }

  @Test
  void initialWeightsDrawnFromTheSeedStreamAreFollowedExactly() {
    runAgainstHand(new double[] {2, -3.4, 0.5}, 4.2, 96, 16, 0.05, 0, 2, false, 0.7, 29);
  }

  @Test
  void shuffledWithRandomInitialWeightsAndAClipThatBites() {
    double clip = 1.5;
    List<BatchDone> events =
        runAgainstHand(new double[] {2, -3.4}, 4.2, 100, 10, 0.2, clip, 3, true, 0.5, 31);
    // the clip really acts: early gradients exceed it, later ones (near the optimum) do not
    assertThat(events).filteredOn(e -> e.gradNorm() > clip).hasSizeGreaterThan(3);
    assertThat(events).filteredOn(e -> e.gradNorm() < clip).isNotEmpty();
  }

  private static List<BatchDone> runAgainstHand(
      double[] trueW,
      double trueB,
      int numTrain,
      int batchSize,
      double lr,
      double clip,
      int epochs) {
    return runAgainstHand(trueW, trueB, numTrain, batchSize, lr, clip, epochs, false, 0, 11);
  }

  /**
   * Trains a model with {@link TrainingRun#step()}, checking the parameters and the BatchDone event
   * after every step against {@link HandSgd}. The hand loop starts from w = σ·N(0, 1) drawn from
   * the model's seed stream ({@link RunSpec#MODEL_INIT_STREAM}) and b = 0, and takes each epoch's
   * rows in the order of that epoch's {@code trainLoader}: it reads the data, never the model.
   */
  private static List<BatchDone> runAgainstHand(
      double[] trueW,
      double trueB,
      int numTrain,
      int batchSize,
      double lr,
      double clip,
      int epochs,
      boolean shuffle,
      double sigma,
      long seed) {
    var data =
        new SyntheticRegressionData(trueW, trueB, 0.01, numTrain, 40, batchSize, shuffle, seed);
    int d = trueW.length;
    double[] w0 = new double[d];
    Random init = Seeds.stream(seed, RunSpec.MODEL_INIT_STREAM);
    for (int j = 0; j < d; j++) {
      w0[j] = sigma * init.nextGaussian();
    }
    var model =
        new LinearRegressionScratch(d, lr, sigma, Seeds.stream(seed, RunSpec.MODEL_INIT_STREAM));

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
    HandSgd hand = new HandSgd(w0, 0, lr, clip);
    int batches = (numTrain + batchSize - 1) / batchSize;
    long step = 0;
    int[] previousOrder = null;
    for (int epoch = 0; epoch < epochs; epoch++) {
      int[] order = epochOrder(data, epoch);
      boolean inOrder = true;
      for (int i = 0; i < order.length; i++) {
        inOrder &= order[i] == i;
      }
      assertThat(inOrder).as("epoch %d's rows are shuffled", epoch).isEqualTo(!shuffle);
      // every training row exactly once, and a fresh shuffle each epoch (d2l reshuffles)
      assertThat(java.util.Arrays.stream(order).sorted().toArray())
          .containsExactly(java.util.stream.IntStream.range(0, numTrain).toArray());
      if (shuffle && previousOrder != null) {
        assertThat(order).as("epoch %d reshuffles", epoch).isNotEqualTo(previousOrder);
      }
      previousOrder = order;
      for (int k = 0; k < batches; k++) {
        int from = k * batchSize;
        int to = Math.min(from + batchSize, numTrain);
        int[] rows = java.util.Arrays.copyOfRange(order, from, to);
        hand.step(data, rows);
        run.step();
        step++;

        assertThat(run.currentBatch().rows()).containsExactly(rows);
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

  /** The rows of epoch {@code epoch} in the order its training loader serves them. */
  static int[] epochOrder(RegressionData data, int epoch) {
    Loader loader = data.trainLoader(epoch);
    int[] order = new int[loader.numExamples()];
    int at = 0;
    for (int k = 0; k < loader.size(); k++) {
      for (int row : loader.get(k).rows()) {
        order[at++] = row;
      }
    }
    return order;
  }
}
