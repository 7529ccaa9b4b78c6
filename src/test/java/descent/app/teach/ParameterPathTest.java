package descent.app.teach;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The landscape's path keeps every step while short, and a bounded, even thinning when long. */
class ParameterPathTest {

  @Test
  void aShortRunKeepsEveryStep() {
    ParameterPath path = new ParameterPath(2);
    path.reset(new double[] {0, 0}, 0);
    for (long s = 1; s <= 100; s++) {
      path.add(s, new double[] {s, -s}, s / 2.0);
    }
    assertThat(path.size()).isEqualTo(101);
    assertThat(path.step(0)).isZero();
    assertThat(path.parameter(37, 0)).isEqualTo(37);
    assertThat(path.parameter(37, 1)).isEqualTo(-37);
    assertThat(path.parameter(37, 2)).isEqualTo(18.5);
  }

  @Test
  void aLongRunStaysBoundedEvenlySpacedAndEndsAtTheNewestStep() {
    ParameterPath path = new ParameterPath(1);
    path.reset(new double[] {0}, 0);
    long last = 1_000_003;
    for (long s = 1; s <= last; s++) {
      path.add(s, new double[] {s}, 0);
      assertThat(path.step(path.size() - 1)).isEqualTo(s);
    }
    assertThat(path.size()).isLessThanOrEqualTo(ParameterPath.CAPACITY + 1);
    assertThat(path.size()).isGreaterThan(ParameterPath.CAPACITY / 2);
    assertThat(path.step(0)).isZero();
    long stride = path.stride();
    for (int k = 1; k < path.size() - 1; k++) {
      assertThat(path.step(k) - path.step(k - 1)).isEqualTo(stride);
    }
    assertThat(path.w(path.size() - 1, 0)).isEqualTo(last);
  }
}
