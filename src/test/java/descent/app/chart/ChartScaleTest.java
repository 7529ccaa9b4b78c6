package descent.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.chart.ChartScale.YRange;
import org.junit.jupiter.api.Test;

/** The chart's axis ranges and number formats. */
class ChartScaleTest {

  @Test
  void theLinearAxisEndsOnARoundNumberJustAboveTheHighestLoss() {
    assertThat(ChartScale.linear(20)).isEqualTo(new YRange(0, 25, 5));
    assertThat(ChartScale.linear(17)).isEqualTo(new YRange(0, 20, 5));
    assertThat(ChartScale.linear(0.012)).isEqualTo(new YRange(0, 0.014, 0.002));
    assertThat(ChartScale.linear(Double.NEGATIVE_INFINITY)).isEqualTo(new YRange(0, 1, 0.2));
  }

  @Test
  void theLogAxisCoversWholeDecades() {
    assertThat(ChartScale.log(Math.log10(5e-5), Math.log10(18))).isEqualTo(new YRange(-5, 2, 1));
    assertThat(ChartScale.log(1, 1)).isEqualTo(new YRange(1, 2, 1));
    assertThat(ChartScale.log(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY))
        .isEqualTo(new YRange(-3, 1, 1));
  }

  @Test
  void theCeilingIsTenTimesTheFirstLossWhenThereIsOne() {
    assertThat(ChartScale.ceiling(16.5)).isEqualTo(165);
    assertThat(ChartScale.ceiling(Double.NaN)).isInfinite();
    assertThat(ChartScale.ceiling(0)).isInfinite();
  }

  @Test
  void theXAxisSpansThePlannedEpochsOrTheDataIfLonger() {
    double none = Double.NEGATIVE_INFINITY;
    assertThat(ChartScale.xUpper(3, none, none)).isEqualTo(3);
    assertThat(ChartScale.xUpper(3, 0.5, none)).isEqualTo(3);
    assertThat(ChartScale.xUpper(3, 4.2, 4)).isEqualTo(5); // the epoch in progress, whole
    assertThat(ChartScale.xUpper(0, none, none)).isEqualTo(1);
    assertThat(ChartScale.xUpper(0, 0.97, 1)).isEqualTo(1);
  }

  @Test
  void edgeMarkValuesReadAtAGlance() {
    assertThat(ChartScale.formatValue(3.2e7)).isEqualTo("3.2×10⁷");
    assertThat(ChartScale.formatValue(99_960)).isEqualTo("1.0×10⁵");
    assertThat(ChartScale.formatValue(2.5e-3)).isEqualTo("0.002500");
    assertThat(ChartScale.formatValue(3000)).isEqualTo("3000");
    assertThat(ChartScale.formatValue(Double.POSITIVE_INFINITY)).isEqualTo("∞");
    assertThat(ChartScale.formatValue(Double.NaN)).isEqualTo("NaN");
  }

  @Test
  void ticksReadPlainly() {
    assertThat(ChartScale.formatTick(0.30000000000000004)).isEqualTo("0.3");
    assertThat(ChartScale.formatTick(1e-13)).isEqualTo("0");
    assertThat(ChartScale.powerOfTen(-3)).isEqualTo("10⁻³");
    assertThat(ChartScale.niceUnit(0.3)).isEqualTo(0.5);
    assertThat(ChartScale.niceUnit(3.3)).isEqualTo(5);
  }
}
