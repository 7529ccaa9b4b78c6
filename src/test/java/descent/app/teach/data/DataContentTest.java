package descent.app.teach.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import descent.app.teach.data.PlotContent.Kind;
import descent.app.teach.data.PlotContent.PlotLine;
import descent.train.DataSample;
import descent.train.StepSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the Data view computes before it draws: slices, clipping, ticks and its sentences. */
class DataContentTest {

  @Test
  void theSlicedLinePassesThroughThePredictionAtTheMeans() {
    double[] w = {2, -3.4, 1.5};
    double b = 4.2;
    double[] means = {0.3, -1.1, 2.5};
    double atMeans = DataContent.predict(means, w, b);
    for (int j = 0; j < 3; j++) {
      PlotLine line = DataContent.slice(w, b, means, j, Kind.MODEL);
      assertThat(line.slope()).isEqualTo(w[j]);
      assertThat(line.at(means[j])).isCloseTo(atMeans, within(1e-12));
      // moving x_j alone by 1 moves ŷ by w_j
      double[] moved = means.clone();
      moved[j] += 1;
      assertThat(line.at(moved[j])).isCloseTo(DataContent.predict(moved, w, b), within(1e-12));
    }
  }

  @Test
  void linesAreCutAtThePlotsEdgesWithoutOverflowing() {
    Range x = new Range(-3, 3);
    Range y = new Range(-10, 10);
    assertThat(new PlotLine(Kind.MODEL, 0, 2).clip(x, y)).containsExactly(-3, 2, 3, 2);
    // steep: cut at top and bottom, near x = 0
    double[] steep = new PlotLine(Kind.MODEL, 1e200, 0).clip(x, y);
    assertThat(steep).isNotNull();
    assertThat(steep[0]).isCloseTo(0, within(1e-9));
    assertThat(steep[1]).isEqualTo(-10);
    assertThat(steep[3]).isEqualTo(10);
    PlotLine above = new PlotLine(Kind.MODEL, 1, 1e300);
    assertThat(above.clip(x, y)).isNull();
    assertThat(above.whereMissing(x, y)).isEqualTo("above");
    assertThat(new PlotLine(Kind.MODEL, 0, -11).whereMissing(x, y)).isEqualTo("below");
    assertThat(new PlotLine(Kind.MODEL, Double.NaN, 0).whereMissing(x, y)).isEqualTo("NaN");
    assertThat(new PlotLine(Kind.MODEL, 1, Double.NEGATIVE_INFINITY).whereMissing(x, y))
        .isEqualTo("∞");
    assertThat(new PlotLine(Kind.MODEL, 2, 1).whereMissing(x, y)).isNull();
  }

  @Test
  void rangesComeFromTheFiniteDataWithAMargin() {
    Range r = Range.of(new double[] {0, 10, Double.NaN, Double.POSITIVE_INFINITY}, 0.1);
    assertThat(r.min()).isEqualTo(-1);
    assertThat(r.max()).isEqualTo(11);
    Range flat = Range.of(new double[] {5, 5}, 0.1);
    assertThat(flat.min()).isLessThan(5);
    assertThat(flat.max()).isGreaterThan(5);
    assertThat(Range.of(new double[] {Double.NaN}, 0.1)).isEqualTo(new Range(-1, 1));
  }

  @Test
  void ticksAreRoundAndReadable() {
    assertThat(Ticks.of(new Range(-3.4, 3.3), 6)).containsExactly(-3, -2, -1, 0, 1, 2, 3);
    assertThat(Ticks.of(new Range(-8.2, 17.5), 6)).containsExactly(-5, 0, 5, 10, 15);
    assertThat(Ticks.format(-2, 1)).isEqualTo("−2");
    assertThat(Ticks.format(0.5, 0.5)).isEqualTo("0.5");
    assertThat(Ticks.format(-0.25, 0.05)).isEqualTo("−0.25");
    assertThat(Ticks.format(2e6, 1e6)).isEqualTo("2×10⁶");
    assertThat(Ticks.format(0, 1e6)).isEqualTo("0");
  }

  @Test
  void captionsNameWhatIsHeldAndHowManyPointsShow() {
    assertThat(DataCaptions.display("x1")).isEqualTo("x₁");
    assertThat(DataCaptions.display("x10")).isEqualTo("x₁₀");
    assertThat(DataCaptions.display("income")).isEqualTo("income");
    assertThat(DataCaptions.held(List.of("x₁"), 0)).isEmpty();
    assertThat(DataCaptions.held(List.of("x₁", "x₂"), 0)).isEqualTo("x₂ held at its mean");
    assertThat(DataCaptions.held(List.of("x₁", "x₂", "x₃"), 2))
        .isEqualTo("x₁, x₂ held at their means");
    assertThat(DataCaptions.held(List.of("a", "b", "c", "d", "e"), 0))
        .isEqualTo("The other 4 features held at their means");

    DataSample all = new DataSample(new int[3], new double[3][1], new double[3], 3, new double[1]);
    assertThat(DataCaptions.count(all)).isEqualTo("All 3 training points");
    DataSample some =
        new DataSample(
            new int[5000], new double[5000][1], new double[5000], 123_456, new double[1]);
    assertThat(DataCaptions.count(some)).isEqualTo("5,000 of 123,456 points (a seeded sample)");
  }

  @Test
  void aFullBatchShowsItsFirstRowsAndSaysSo() {
    TestRun r = TestRun.chapter(1, 1000, 1000, 0.03);
    StepSnapshot s = r.phase();
    assertThat(s.batchSize()).isEqualTo(1000);
    assertThat(DataCaptions.batch(s, false))
        .isEqualTo(
            "Minibatch 1 (epoch 1, batch 1 of 1): its first 500 of 1,000 rows highlighted,"
                + " each with its residual ŷ − y.");
    PlotContent c = DataContent.scatter(r.picture, s, 0, false, List.of("x₁"));
    assertThat(c.batch().size()).isEqualTo(500);
    assertThat(c.pointX()).hasSize(1000);

    TestRun one = TestRun.chapter(2, 100, 1, 0.03);
    assertThat(DataCaptions.batch(one.phase(), true))
        .isEqualTo(
            "Minibatch 1 (epoch 1, batch 1 of 100): its one row at the engine's ŷ, each with"
                + " its residual ŷ − y to the diagonal.");
  }

  @Test
  void predictionsUseTheCurrentParametersAndCountWhatLeftThePlot() {
    TestRun r = TestRun.chapter(2, 200, 10, 0.03);
    StepSnapshot s = r.steps(5);
    PlotContent c = DataContent.predictions(r.picture, s);
    DataSample sample = r.picture.sample();
    for (int i = 0; i < sample.rows().length; i++) {
      double byHand = sample.x()[i][0] * s.w()[0] + sample.x()[i][1] * s.w()[1] + s.b();
      assertThat(c.pointY()[i]).isCloseTo(byHand, within(1e-12));
      assertThat(c.pointX()[i]).isEqualTo(sample.y()[i]);
    }
    assertThat(c.x()).isEqualTo(c.y()); // square in data units: the diagonal is ŷ = y
    assertThat(c.batch().y()).isEqualTo(s.yHat()); // the engine's ŷ, not a recomputation
    assertThat(DataCaptions.warning(c, s, true)).isEmpty();

    StepSnapshot wild = TestRun.withParameters(s, 1e9, 0);
    PlotContent off = DataContent.predictions(r.picture, wild);
    assertThat(DataCaptions.warning(off, wild, true)).contains("of 200 points' ŷ lie beyond");
  }
}
