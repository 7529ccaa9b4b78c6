package descent.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link RegressionData#trainOrder(int)} is the order the training loader reads the rows in. */
class TrainOrderTest {
  @Test
  void theOrderIsTheLoadersRows() {
    SyntheticRegressionData data =
        new SyntheticRegressionData(new double[] {2, -3.4}, 4.2, 0.01, 100, 10, 32, true, 7);
    for (int epoch = 0; epoch < 3; epoch++) {
      Loader loader = data.trainLoader(epoch);
      int[] rows = new int[0];
      for (int i = 0; i < loader.size(); i++) {
        int[] batch = loader.get(i).rows();
        int[] joined = Arrays.copyOf(rows, rows.length + batch.length);
        System.arraycopy(batch, 0, joined, rows.length, batch.length);
        rows = joined;
      }
      assertThat(data.trainOrder(epoch)).as("epoch %d", epoch).containsExactly(rows);
    }
    assertThat(data.trainOrder(0)).isNotEqualTo(data.trainOrder(1));
  }

  @Test
  void withoutShufflingTheRowsComeInOrder() {
    SyntheticRegressionData data =
        new SyntheticRegressionData(new double[] {1}, 0, 0.01, 5, 2, 2, false, 7);
    assertThat(data.trainOrder(3)).containsExactly(0, 1, 2, 3, 4);
  }
}
