package descent.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import descent.engine.Tensor;
import org.junit.jupiter.api.Test;

/**
 * A recycling loader serves the same minibatches as a plain one, refilling one set of buffers in
 * place; a graph built on a refilled batch refuses backward instead of using the new rows.
 */
class LoaderRecyclingTest {
  private final RegressionData data =
      new SyntheticRegressionData(new double[] {2, -3.4, 1}, 4.2, 0.01, 70, 10, 32, true, 5);

  @Test
  void servesTheSameBatchesAsAPlainLoader() {
    Loader plain = data.trainLoader(1);
    Loader recycling = data.trainLoader(1).recycling();
    assertThat(recycling.size()).isEqualTo(3);
    for (int i = 0; i < plain.size(); i++) {
      Batch expected = plain.get(i);
      Batch actual = recycling.get(i);
      assertThat(actual.rows()).containsExactly(expected.rows());
      assertThat(actual.x().toArray()).containsExactly(expected.x().toArray());
      assertThat(actual.y().toArray()).containsExactly(expected.y().toArray());
      assertThat(actual.x().shape()).isEqualTo(expected.x().shape());
      assertThat(actual.x().name()).isEqualTo("X");
      assertThat(actual.y().name()).isEqualTo("y");
    }
  }

  @Test
  void fullBatchesShareTheirTensorsAndTheLastPartialOneGetsItsOwn() {
    Loader recycling = data.trainLoader(0).recycling();
    Batch first = recycling.get(0);
    Batch second = recycling.get(1);
    Batch last = recycling.get(2);
    assertThat(second.x()).isSameAs(first.x());
    assertThat(second.y()).isSameAs(first.y());
    assertThat(last.size()).isEqualTo(6);
    assertThat(last.x()).isNotSameAs(first.x());
    // a plain loader never shares
    Loader plain = data.trainLoader(0);
    assertThat(plain.get(1).x()).isNotSameAs(plain.get(0).x());
  }

  @Test
  void backwardThroughABatchThatWasRefilledIsRefused() {
    Loader recycling = data.trainLoader(0).recycling();
    Tensor w = Tensor.zeros(3, 1).requiresGrad(true).named("w");
    Batch first = recycling.get(0);
    Tensor loss = first.x().matmul(w).sub(first.y()).square().mean();
    recycling.get(1);
    assertThatThrownBy(loss::backward)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "tensor 'X' of shape (32, 3) was modified in place by gatherRowsInPlace");
    assertThat(w.grad()).isNull();
  }
}
