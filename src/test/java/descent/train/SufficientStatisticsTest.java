package descent.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The centred moments of the training rows, worked by hand, and their use of training rows only.
 */
class SufficientStatisticsTest {

  @Test
  void momentsOfASmallTableByHand() {
    // x = (1, 10), (2, 20), (3, 60), y = 1, 2, 6; validation row (100, 100) → 1000 left out
    double[][] x = {{1, 10}, {2, 20}, {3, 60}, {100, 100}};
    SufficientStatistics s =
        SufficientStatistics.of(new ArrayData(x, new double[] {1, 2, 6, 1000}, 3, 1));
    assertThat(s.numRows()).isEqualTo(3);
    assertThat(s.numFeatures()).isEqualTo(2);
    assertThat(s.meanX()).containsExactly(new double[] {2, 30}, within(1e-12));
    assertThat(s.meanY()).isCloseTo(3, within(1e-12));
    // deviations: x1 = −1, 0, 1; x2 = −20, −10, 30; y = −2, −1, 3
    assertThat(s.covXX())
        .containsExactly(new double[] {2.0 / 3, 50.0 / 3, 50.0 / 3, 1400.0 / 3}, within(1e-12));
    assertThat(s.covXY()).containsExactly(new double[] {5.0 / 3, 140.0 / 3}, within(1e-12));
    assertThat(s.varY()).isCloseTo(14.0 / 3, within(1e-12));
  }

  @Test
  void aLargeOffsetDoesNotSwampTheSpread() {
    // the same spread as above, shifted by 10⁹: the raw XᵀX / n would be ≈ 10¹⁸ and lose it all
    double[][] x = {{1e9 + 1, 10}, {1e9 + 2, 20}, {1e9 + 3, 60}, {0, 0}};
    SufficientStatistics s =
        SufficientStatistics.of(new ArrayData(x, new double[] {1, 2, 6, 0}, 3, 1));
    assertThat(s.meanX(0)).isEqualTo(1e9 + 2);
    assertThat(s.covXX(0, 0)).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(s.covXX(0, 1)).isCloseTo(50.0 / 3, within(1e-12));
    assertThat(s.covXY(0)).isCloseTo(5.0 / 3, within(1e-12));
  }

  @Test
  void mismatchedArraysAreRefused() {
    assertThatThrownBy(() -> SufficientStatistics.of(new double[5], new double[3], 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "need n ≥ 1 rows of d ≥ 1 features, got 5 feature values for 3 targets and d = 2");
  }
}
