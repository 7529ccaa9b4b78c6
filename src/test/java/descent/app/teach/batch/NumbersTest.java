package descent.app.teach.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the Minibatch view prints numbers: five significant digits, a real minus, NaN and ∞. */
class NumbersTest {
  @Test
  void fiveSignificantDigitsWithARealMinus() {
    assertThat(Numbers.format(1.81234)).isEqualTo("1.8123");
    assertThat(Numbers.format(-4.12)).isEqualTo("−4.1200");
    assertThat(Numbers.format(0.03)).isEqualTo("0.030000");
    assertThat(Numbers.format(12345.6)).isEqualTo("12346");
    assertThat(Numbers.format(0.00012345678)).isEqualTo("0.00012346");
    assertThat(Numbers.format(0)).isEqualTo("0.0000");
    assertThat(Numbers.format(-0.0)).isEqualTo("0.0000");
  }

  @Test
  void scientificOutsideTenToTheMinusFourAndTenToTheFive() {
    assertThat(Numbers.format(123456)).isEqualTo("1.2346e5");
    assertThat(Numbers.format(99999.7)).isEqualTo("1.0000e5"); // rounds up into the next decade
    assertThat(Numbers.format(-0.0000123456)).isEqualTo("−1.2346e−5");
    assertThat(Numbers.format(1e200)).isEqualTo("1.0000e200");
  }

  @Test
  void nonFiniteNumbersReadAsWords() {
    assertThat(Numbers.format(Double.NaN)).isEqualTo("NaN");
    assertThat(Numbers.format(Double.POSITIVE_INFINITY)).isEqualTo("∞");
    assertThat(Numbers.format(Double.NEGATIVE_INFINITY)).isEqualTo("−∞");
  }

  @Test
  void termsInArithmeticAndSettings() {
    assertThat(Numbers.term(-4.12)).isEqualTo("(−4.1200)");
    assertThat(Numbers.term(4.12)).isEqualTo("4.1200");
    assertThat(Numbers.setting(0.03)).isEqualTo("0.03");
    assertThat(Numbers.setting(1e-7)).isEqualTo("1.0000e−7");
    assertThat(Numbers.error(3.4e-11)).isEqualTo("3.4e−11");
    assertThat(Numbers.error(1e-6)).isEqualTo("1.0e−6");
    assertThat(Numbers.sub(17)).isEqualTo("₁₇");
    assertThat(Numbers.featureName("x10")).isEqualTo("x₁₀");
    assertThat(Numbers.featureName("area")).isEqualTo("area");
  }
}
