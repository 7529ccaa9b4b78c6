package descent.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import descent.data.Batch;
import descent.data.CsvRegressionData;
import descent.data.RegressionData;
import descent.data.SyntheticRegressionData;
import descent.engine.Tensor;
import descent.testing.LinearCsv;
import descent.train.GradientCheck.Entry;
import descent.train.TrainingRun.Phase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradientCheckTest {
  @TempDir Path dir;

  /** 100 rows of y = 3·a − 2·b + 1 + noise, header a,b,y. */
  private RegressionData csv() throws Exception {
    Path file = LinearCsv.write(dir);
    return CsvRegressionData.load(file, null, null, 16, true, 5);
  }

  private static TrainingRun chapterRun(RegressionData data, double sigma, long seed) {
    RunSpec spec = new RunSpec(0.03, sigma, 20, 0, seed);
    return spec.newTrainer().prepare(spec.newModel(data.numFeatures()), data, e -> {});
  }

  /** The minibatch gradient of (Xw + b − y)²/2 averaged over the batch, written out by hand. */
  private static double[] handGradient(TrainingRun run, Batch batch) {
    double[] w = run.model().w().toArray();
    double b = run.model().b().item();
    double[] x = batch.x().toArray();
    double[] y = batch.y().toArray();
    int m = batch.size();
    int d = w.length;
    double[] g = new double[d + 1];
    for (int i = 0; i < m; i++) {
      double r = b - y[i];
      for (int j = 0; j < d; j++) {
        r += x[i * d + j] * w[j];
      }
      for (int j = 0; j < d; j++) {
        g[j] += r * x[i * d + j] / m;
      }
      g[d] += r / m;
    }
    return g;
  }

  @Test
  void theChapterModelAgreesBelowOneInAMillionAtTheStartAndAfterFiftySteps() throws Exception {
    for (RegressionData data :
        new RegressionData[] {
          csv(),
          new SyntheticRegressionData(new double[] {2, -3.4}, 4.2, 0.01, 1000, 100, 32, true, 1)
        }) {
      TrainingRun run = chapterRun(data, 0.5, 11);
      for (int steps : new int[] {0, 50}) {
        while (run.trainBatchIdx() < steps) {
          assertThat(run.isOver()).isFalse();
          run.step();
        }
        GradientCheck check = GradientCheck.of(run);

        assertThat(check.entries()).extracting(Entry::name).containsExactly("w1", "w2", "b");
        assertThat(check.agrees()).isTrue();
        assertThat(check.largestError()).isLessThan(1e-6);
        // both sides are the real gradient, not two equal wrong numbers
        double[] hand = handGradient(run, check.batch());
        for (int i = 0; i < hand.length; i++) {
          Entry e = check.entries().get(i);
          assertThat(e.autograd()).isCloseTo(hand[i], within(1e-12 * (1 + Math.abs(hand[i]))));
          assertThat(e.numeric()).isCloseTo(hand[i], within(1e-7 * (1 + Math.abs(hand[i]))));
          assertThat(e.autograd()).isNotZero();
        }
      }
    }
  }

  @Test
  void checksTheMinibatchTheRunUsesNext() {
    TrainingRun run =
        chapterRun(
            new SyntheticRegressionData(new double[] {2, -3.4}, 4.2, 0.01, 100, 10, 8, true, 3),
            0.01,
            3);
    for (int i = 0; i < 20; i++) { // across an epoch boundary: 13 batches per epoch
      assertThat(run.isOver()).isFalse();
      run.step();
    }
    Batch checked = GradientCheck.batchOf(run);

    run.stepPhase(); // FORWARD reads the next batch

    assertThat(checked.rows()).containsExactly(run.currentBatch().rows());
    assertThat(checked.x().toArray()).containsExactly(run.currentBatch().x().toArray());
    // mid-step, the batch in progress is the one checked
    assertThat(GradientCheck.batchOf(run)).isSameAs(run.currentBatch());
  }

  @Test
  void leavesTheRunExactlyAsItWasInEveryPhase() {
    RegressionData data =
        new SyntheticRegressionData(new double[] {2, -3.4}, 4.2, 0.01, 200, 10, 16, true, 9);
    TrainingRun checked = chapterRun(data, 0.3, 9);
    TrainingRun twin = chapterRun(data, 0.3, 9);
    for (int i = 0; i < 4 * 7 + 2; i++) { // every phase of several steps, from the very first
      Phase phase = checked.nextPhase();
      double[] w = checked.model().w().toArray();
      double[] b = checked.model().b().toArray();
      Tensor wGrad = checked.model().w().grad();
      double[] wGradValues = wGrad == null ? null : wGrad.toArray();
      Tensor loss = checked.currentLoss();
      Batch batch = checked.currentBatch();
      long steps = checked.trainBatchIdx();

      GradientCheck.of(checked);

      assertThat(checked.nextPhase()).isEqualTo(phase);
      assertThat(checked.trainBatchIdx()).isEqualTo(steps);
      assertThat(checked.currentLoss()).isSameAs(loss);
      assertThat(checked.currentBatch()).isSameAs(batch);
      assertThat(checked.model().w().toArray()).containsExactly(w);
      assertThat(checked.model().b().toArray()).containsExactly(b);
      if (wGradValues == null) {
        assertThat(checked.model().w().grad()).isNull();
      } else {
        assertThat(checked.model().w().grad().toArray()).containsExactly(wGradValues);
      }
      // the next phase still runs (backward would refuse parameters changed in place) and the
      // run goes on exactly as one never checked
      checked.stepPhase();
      twin.stepPhase();
      assertThat(checked.model().w().toArray()).containsExactly(twin.model().w().toArray());
      assertThat(checked.model().b().toArray()).containsExactly(twin.model().b().toArray());
    }
    checked.runToEnd();
    twin.runToEnd();
    assertThat(checked.history()).isEqualTo(twin.history());
  }

  @Test
  void aWrongGradientIsCaughtAndNamed() {
    TrainingRun run =
        chapterRun(
            new SyntheticRegressionData(new double[] {2, -3.4}, 4.2, 0.01, 100, 10, 32, true, 4),
            0.01,
            4);
    GradientCheck right = GradientCheck.of(run);
    double[] autograd = right.entries().stream().mapToDouble(Entry::autograd).toArray();
    double[] numeric = right.entries().stream().mapToDouble(Entry::numeric).toArray();
    autograd[1] *= 1 + 1e-5; // a gradient off in its fifth digit, as a wrong backward rule might be

    GradientCheck wrong = GradientCheck.compare(right.batch(), right.loss(), autograd, numeric);

    assertThat(right.agrees()).isTrue();
    assertThat(wrong.agrees()).isFalse();
    assertThat(wrong.worst().name()).isEqualTo("w2");
    assertThat(wrong.largestError()).isCloseTo(0.5e-5, within(1e-7));
  }

  @Test
  void theRelativeErrorIsDefinedWhenBothAreZeroAndNeverAgreesWithNaN() {
    assertThat(GradientCheck.relativeError(0, 0)).isZero();
    assertThat(GradientCheck.relativeError(1, 1)).isZero();
    assertThat(GradientCheck.relativeError(1, -1)).isEqualTo(1);
    assertThat(GradientCheck.relativeError(3, 1)).isEqualTo(0.5);
    // both below 1e-8: the difference is measured against 1e-8
    assertThat(GradientCheck.relativeError(2e-12, 0)).isCloseTo(2e-4, within(1e-18));
    assertThat(GradientCheck.relativeError(Double.NaN, 1)).isNaN();
    assertThat(GradientCheck.relativeError(1, Double.POSITIVE_INFINITY)).isNaN();

    GradientCheck nan =
        GradientCheck.compare(null, 1, new double[] {1, Double.NaN}, new double[] {1, 2});
    assertThat(nan.isFinite()).isFalse();
    assertThat(nan.agrees()).isFalse();
    assertThat(nan.worst().name()).isEqualTo("b");
  }

  @Test
  void aFinishedRunHasNoMinibatchToCheck() {
    TrainingRun run =
        chapterRun(
            new SyntheticRegressionData(new double[] {2, -3.4}, 4.2, 0.01, 64, 10, 32, true, 2),
            0.01,
            2);
    run.runToEnd();

    assertThatThrownBy(() -> GradientCheck.of(run))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no minibatch left");
  }
}
