package descent.train;

import static org.assertj.core.api.Assertions.assertThat;

import descent.data.SyntheticRegressionData;
import descent.engine.Seeds;
import descent.model.LinearRegressionScratch;
import descent.train.TrainingEvent.BatchDone;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One seed, one trajectory, bit for bit; reshuffling is what changes it. */
class DeterminismTest {

  /** Every BatchDone's (loss, gradNorm, w, b) as raw bits, plus the epochs' losses. */
  private static List<String> trajectory(long seed, boolean shuffle) {
    var data =
        new SyntheticRegressionData(new double[] {2, -3.4}, 4.2, 0.01, 200, 64, 32, shuffle, seed);
    var model = new LinearRegressionScratch(2, 0.03, 0.01, Seeds.stream(seed, 3));
    List<String> out = new ArrayList<>();
    TrainingListener listener =
        e -> {
          if (e instanceof BatchDone b) {
            out.add(
                b.step()
                    + " "
                    + Double.doubleToRawLongBits(b.loss())
                    + " "
                    + Double.doubleToRawLongBits(b.gradNorm())
                    + " "
                    + Arrays.toString(bits(b.w()))
                    + " "
                    + Double.doubleToRawLongBits(b.b()));
          } else {
            out.add(e.toString()); // EpochDone and RunFinished hold only numbers
          }
        };
    new Trainer(3).fit(model, data, listener);
    return out;
  }

  private static long[] bits(double[] values) {
    long[] out = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Double.doubleToRawLongBits(values[i]);
    }
    return out;
  }

  @Test
  void theSameSeedGivesTheSameTrajectoryBitForBit() {
    List<String> first = trajectory(42, true);
    List<String> second = trajectory(42, true);
    assertThat(first).hasSize(3 * 7 + 3 + 1);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void anotherSeedGivesAnotherTrajectory() {
    assertThat(trajectory(43, true).get(0)).isNotEqualTo(trajectory(42, true).get(0));
  }

  @Test
  void shufflingChangesEveryBatchOfTheTrajectory() {
    // Same seed, so the same data rows and the same initial w: only the batch order differs.
    List<String> shuffled = trajectory(42, true);
    List<String> inOrder = trajectory(42, false);
    assertThat(inOrder).hasSameSizeAs(shuffled);
    for (int i = 0; i < shuffled.size() - 1; i++) {
      assertThat(shuffled.get(i)).isNotEqualTo(inOrder.get(i));
    }
    assertThat(shuffled.get(shuffled.size() - 1)).isEqualTo("RunFinished[epochs=3, steps=21]");
    assertThat(inOrder.get(inOrder.size() - 1)).isEqualTo("RunFinished[epochs=3, steps=21]");
  }

  @Test
  void shuffledRunsVisitEveryTrainingRowOncePerEpochInANewOrder() {
    var data = new SyntheticRegressionData(new double[] {2, -3.4}, 4.2, 0.01, 100, 20, 32, true, 7);
    var model = new LinearRegressionScratch(2, 0.03, 0.01, Seeds.stream(7, 3));
    TrainingRun run = new Trainer(2).prepare(model, data, TrainingListener.NONE);
    List<List<Integer>> orders = new ArrayList<>();
    for (int epoch = 0; epoch < 2; epoch++) {
      List<Integer> order = new ArrayList<>();
      while (run.epoch() == epoch && !run.isOver()) {
        run.step();
        Arrays.stream(run.currentBatch().rows()).forEach(order::add);
      }
      orders.add(order);
      assertThat(order).hasSize(100).doesNotHaveDuplicates().allMatch(r -> r >= 0 && r < 100);
    }
    assertThat(orders.get(1)).isNotEqualTo(orders.get(0));
    assertThat(orders.get(0).subList(0, 10)).isNotEqualTo(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
  }
}
