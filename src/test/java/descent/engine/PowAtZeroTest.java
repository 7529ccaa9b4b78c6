package descent.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The gradient of x^p where p·x^(p−1) meets 0·∞, decided as PyTorch decides it: pow(0) is a
 * constant with gradient 0 everywhere; for p < 1 at x = 0 the gradient is the infinite one-sided
 * limit, the same as sqrt's. Finite differences cannot check these points; the values are by hand.
 */
class PowAtZeroTest {

  private static double[] gradientOfSum(double p, double... x) {
    Tensor t = Tensor.of(x).requiresGrad(true);
    t.pow(p).sum().backward();
    return t.grad().toArray();
  }

  @Test
  void powZeroHasGradientZeroAlsoAtZero() {
    // 0 · 0^(−1) = 0 · ∞ gave NaN at x = 0
    assertThat(gradientOfSum(0, 0, 2, -3, -0.0)).containsExactly(0, 0, 0, 0);
  }

  @Test
  void powZeroAddsZeroToAnAccumulatedGradient() {
    Tensor t = Tensor.of(0, 1).requiresGrad(true);
    t.mul(Tensor.of(3, 4)).sum().backward();
    t.pow(0).mul(Tensor.of(Double.POSITIVE_INFINITY, 5)).sum().backward();
    assertThat(t.grad().toArray()).containsExactly(3, 4);
  }

  @Test
  void powOfAFractionAtZeroIsInfiniteLikeSqrt() {
    assertThat(gradientOfSum(0.5, 0, 4)).containsExactly(Double.POSITIVE_INFINITY, 0.25);
    Tensor t = Tensor.of(0, 4).requiresGrad(true);
    t.sqrt().sum().backward();
    assertThat(t.grad().toArray()).containsExactly(Double.POSITIVE_INFINITY, 0.25);
    assertThat(gradientOfSum(0.25, 0)).containsExactly(Double.POSITIVE_INFINITY);
  }

  @Test
  void powOfANegativeExponentAtZeroIsInfinite() {
    // d(1/x) = −1/x²
    assertThat(gradientOfSum(-1, 0)).containsExactly(Double.NEGATIVE_INFINITY);
  }

  @Test
  void powOfOneAndAboveAtZeroIsFinite() {
    assertThat(gradientOfSum(1, 0, -2)).containsExactly(1, 1);
    assertThat(gradientOfSum(2, 0, -2)).containsExactly(0, -4);
    assertThat(gradientOfSum(3, 0, -2)).containsExactly(0, 12);
    assertThat(gradientOfSum(1.5, 0, 4)).containsExactly(0, 3);
  }

  @Test
  void aZeroIncomingGradientTimesAnInfiniteSlopeIsNaNAsInPyTorch() {
    // 0 · ∞ has no value; PyTorch gives NaN here too rather than guess 0 or ∞.
    Tensor t = Tensor.of(0.0).requiresGrad(true);
    t.pow(0.5).mul(Tensor.of(0.0)).sum().backward();
    assertThat(t.grad().toArray()[0]).isNaN();
  }
}
