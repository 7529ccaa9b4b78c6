package descent.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The backward walk is a loop, not recursion: deep graphs do not overflow the stack. */
class DeepGraphTest {
  private static final int DEPTH = 100_000;

  @Test
  void aChainOfOneHundredThousandAddsRunsBackward() {
    Tensor p = Tensor.of(0.5, -1).requiresGrad(true);
    Tensor t = p;
    for (int i = 0; i < DEPTH; i++) {
      t = t.add(p);
    }
    Tensor loss = t.sum();
    loss.backward();
    // t = (DEPTH + 1) p, exactly representable.
    assertThat(p.grad().toArray()).containsExactly(DEPTH + 1, DEPTH + 1);
    assertThat(t.toArray()).containsExactly(0.5 * (DEPTH + 1), -(DEPTH + 1.0));
  }

  @Test
  void aDeepChainOfUnaryOpsRunsBackward() {
    Tensor p = Tensor.of(3).requiresGrad(true);
    Tensor t = p;
    for (int i = 0; i < DEPTH; i++) {
      t = t.neg();
    }
    t.sum().backward();
    assertThat(p.grad().toArray()).containsExactly(1); // an even number of negations
  }
}
