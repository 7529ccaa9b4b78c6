package descent.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Z-scores from the training rows only, and the way back to the original units. */
class StandardizedDataTest {
  private static final SyntheticRegressionData RAW =
      new SyntheticRegressionData(
          new double[] {2, -0.034}, 4.2, 0.01, 300, 200, new double[] {1, 100}, 32, true, 5);

  @Test
  void trainingRowsGetMeanZeroAndDeviationOneFromTheirOwnStatistics() {
    StandardizedData z = StandardizedData.of(RAW);
    int d = 2;
    for (int j = 0; j < d; j++) {
      double sum = 0;
      double squares = 0;
      double rawSum = 0;
      for (int i = 0; i < RAW.numTrain(); i++) {
        sum += z.featuresOf(i)[j];
        rawSum += RAW.featuresOf(i)[j];
      }
      for (int i = 0; i < RAW.numTrain(); i++) {
        double c = z.featuresOf(i)[j] - sum / RAW.numTrain();
        squares += c * c;
      }
      assertThat(sum / RAW.numTrain()).isCloseTo(0, within(1e-12));
      assertThat(Math.sqrt(squares / RAW.numTrain())).isCloseTo(1, within(1e-12));
      assertThat(z.means()[j]).isCloseTo(rawSum / RAW.numTrain(), within(1e-12));
    }
    // the second feature was drawn 100× wider
    assertThat(z.scales()[1] / z.scales()[0]).isBetween(80.0, 125.0);
  }

  @Test
  void validationRowsUseTheTrainingStatisticsNotTheirOwn() {
    StandardizedData z = StandardizedData.of(RAW);
    int row = RAW.numTrain() + 17;
    for (int j = 0; j < 2; j++) {
      double expected = (RAW.featuresOf(row)[j] - z.means()[j]) / z.scales()[j];
      assertThat(z.featuresOf(row)[j]).isEqualTo(expected);
    }
    assertThat(z.targetOf(row)).isEqualTo(RAW.targetOf(row));
    assertThat(z.numTrain()).isEqualTo(300);
    assertThat(z.batchSize()).isEqualTo(32);
    assertThat(z.featureNames()).containsExactly("x1", "x2");
  }

  @Test
  void weightsMapBackToTheSamePredictionsInOriginalUnits() {
    StandardizedData z = StandardizedData.of(RAW);
    Random r = new Random(3);
    double[] w = {r.nextGaussian(), r.nextGaussian()};
    double b = r.nextGaussian();
    StandardizedData.Parameters back = z.toOriginal(w, b);
    for (int row : new int[] {0, 150, 299, 450}) {
      double onZ = b;
      double onRaw = back.b();
      for (int j = 0; j < 2; j++) {
        onZ += w[j] * z.featuresOf(row)[j];
        onRaw += back.w()[j] * RAW.featuresOf(row)[j];
      }
      assertThat(onRaw).isCloseTo(onZ, within(1e-10));
    }
  }

  @Test
  void theTruthInStandardUnitsPredictsWhatTheTruthDoes() {
    StandardizedData z = StandardizedData.of(RAW);
    RegressionData.Truth t = z.truth().orElseThrow();
    StandardizedData.Parameters back = z.toOriginal(t.w(), t.b());
    assertThat(back.w()).containsExactly(new double[] {2, -0.034}, within(1e-12));
    assertThat(back.b()).isCloseTo(4.2, within(1e-12));
  }

  @Test
  void aConstantFeatureIsRefusedByName() {
    RegressionData constant =
        new RegressionData(
            new double[] {1, 5, 2, 5, 3, 5, 4, 5},
            new double[] {1, 2, 3, 4},
            2,
            3,
            1,
            false,
            0,
            java.util.List.of("size", "floor"),
            "price") {};
    assertThatThrownBy(() -> StandardizedData.of(constant))
        .hasMessage("cannot standardise feature floor: it is constant over the training rows");
  }

  @Test
  void scalesOfOneLeaveTheChaptersDataBitForBit() {
    SyntheticRegressionData chapter =
        new SyntheticRegressionData(new double[] {2, -3.4}, 4.2, 0.01, 1000, 1000, 32, true, 42);
    SyntheticRegressionData ones =
        new SyntheticRegressionData(
            new double[] {2, -3.4}, 4.2, 0.01, 1000, 1000, new double[] {1, 1}, 32, true, 42);
    assertThat(ones.trainFeatures()).containsExactly(chapter.trainFeatures());
    assertThat(ones.trainTargets()).containsExactly(chapter.trainTargets());
  }
}
