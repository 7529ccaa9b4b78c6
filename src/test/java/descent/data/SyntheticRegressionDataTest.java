package descent.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import descent.engine.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SyntheticRegressionDataTest {
  private static final double[] W = {2, -3.4};
  private static final double B = 4.2;

  private static SyntheticRegressionData chapter(long seed) {
    return new SyntheticRegressionData(W, B, seed);
  }

  /** The data-set rows of every batch of one pass, in order. */
  private static int[] rows(Loader loader) {
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < loader.size(); i++) {
      for (int row : loader.get(i).rows()) {
        rows.add(row);
      }
    }
    return rows.stream().mapToInt(Integer::intValue).toArray();
  }

  private static double[] allTargets(RegressionData data) {
    int n = data.numTrain() + data.numVal();
    return IntStream.range(0, n).mapToDouble(data::targetOf).toArray();
  }

  @Test
  void chapterDefaults() {
    SyntheticRegressionData data = chapter(1);

    assertThat(data.numTrain()).isEqualTo(1000);
    assertThat(data.numVal()).isEqualTo(1000);
    assertThat(data.batchSize()).isEqualTo(32);
    assertThat(data.shuffle()).isTrue();
    assertThat(data.noise()).isEqualTo(0.01);
    assertThat(data.numFeatures()).isEqualTo(2);
    assertThat(data.featureNames()).containsExactly("x1", "x2");
    assertThat(data.targetName()).isEqualTo("y");
    assertThat(data.truth()).isPresent();
    assertThat(data.truth().get().w()).containsExactly(W);
    assertThat(data.truth().get().b()).isEqualTo(B);
  }

  @Test
  void thirtyTwoTrainingBatchesThirtyOneFullAndOneOfEight() {
    Loader train = chapter(1).trainLoader(0);

    assertThat(train.size()).isEqualTo(32);
    assertThat(train.numExamples()).isEqualTo(1000);
    for (int i = 0; i < 31; i++) {
      assertThat(train.get(i).size()).as("batch %d", i).isEqualTo(32);
    }
    assertThat(train.get(31).size()).isEqualTo(8);
  }

  @Test
  void batchShapes() {
    SyntheticRegressionData data = chapter(1);
    Loader train = data.trainLoader(0);

    Batch first = train.get(0);
    assertThat(first.x().shape()).isEqualTo(Shape.of(32, 2));
    assertThat(first.y().shape()).isEqualTo(Shape.of(32, 1));
    assertThat(first.x().requiresGrad()).isFalse();
    assertThat(first.y().requiresGrad()).isFalse();

    Batch last = train.get(31);
    assertThat(last.x().shape()).isEqualTo(Shape.of(8, 2));
    assertThat(last.y().shape()).isEqualTo(Shape.of(8, 1));
  }

  @Test
  void batchesHoldTheRowsTheyName() {
    SyntheticRegressionData data = chapter(5);
    Batch batch = data.trainLoader(3).get(7);

    double[] x = batch.x().toArray();
    double[] y = batch.y().toArray();
    for (int r = 0; r < batch.size(); r++) {
      int row = batch.rows()[r];
      assertThat(Arrays.copyOfRange(x, 2 * r, 2 * r + 2)).containsExactly(data.featuresOf(row));
      assertThat(y[r]).isEqualTo(data.targetOf(row));
    }
  }

  @Test
  void validationReadsRowsThousandToNineteenNinetyNineInOrder() {
    Loader val = chapter(1).valLoader();

    assertThat(val.size()).isEqualTo(32);
    assertThat(val.numExamples()).isEqualTo(1000);
    assertThat(rows(val)).containsExactly(IntStream.range(1000, 2000).toArray());
    assertThat(val.get(31).size()).isEqualTo(8);
  }

  @Test
  void sameSeedSameData() {
    SyntheticRegressionData a = chapter(42);
    SyntheticRegressionData b = chapter(42);

    assertThat(a.trainFeatures()).containsExactly(b.trainFeatures());
    assertThat(allTargets(a)).containsExactly(allTargets(b));
    assertThat(a.featuresOf(1999)).containsExactly(b.featuresOf(1999));
  }

  @Test
  void differentSeedsDifferentData() {
    SyntheticRegressionData a = chapter(42);
    SyntheticRegressionData b = chapter(43);

    assertThat(a.trainFeatures()).isNotEqualTo(b.trainFeatures());
    assertThat(allTargets(a)).isNotEqualTo(allTargets(b));
  }

  @Test
  void targetsAreXwPlusBPlusNoise() {
    SyntheticRegressionData data = chapter(7);
    int n = data.numTrain() + data.numVal();

    double sum = 0;
    double sumSquares = 0;
    for (int i = 0; i < n; i++) {
      double[] x = data.featuresOf(i);
      double residual = data.targetOf(i) - (x[0] * W[0] + x[1] * W[1] + B);
      sum += residual;
      sumSquares += residual * residual;
    }
    double mean = sum / n;
    double std = Math.sqrt(sumSquares / n - mean * mean);

    assertThat(std).isCloseTo(0.01, within(0.002));
    assertThat(mean).isCloseTo(0, within(0.002));
  }

  @Test
  void noiselessTargetsAreExact() {
    SyntheticRegressionData data = new SyntheticRegressionData(W, B, 0, 10, 5, 4, false, 3);

    for (int i = 0; i < 15; i++) {
      double[] x = data.featuresOf(i);
      assertThat(data.targetOf(i)).isCloseTo(x[0] * W[0] + x[1] * W[1] + B, within(1e-12));
    }
  }

  @Test
  void featuresLookStandardNormal() {
    double[] x = chapter(11).trainFeatures();

    double mean = Arrays.stream(x).average().orElseThrow();
    double var = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).average().orElseThrow();
    assertThat(mean).isCloseTo(0, within(0.1));
    assertThat(var).isCloseTo(1, within(0.1));
  }

  @Test
  void shuffleIsAPermutationOfTheTrainingRows() {
    int[] rows = rows(chapter(1).trainLoader(0));

    assertThat(rows).hasSize(1000);
    assertThat(Arrays.stream(rows).sorted().toArray())
        .containsExactly(IntStream.range(0, 1000).toArray());
    assertThat(rows).isNotEqualTo(IntStream.range(0, 1000).toArray());
  }

  @Test
  void shuffleDiffersBetweenEpochs() {
    SyntheticRegressionData data = chapter(1);

    assertThat(rows(data.trainLoader(0))).isNotEqualTo(rows(data.trainLoader(1)));
    assertThat(rows(data.trainLoader(1))).isNotEqualTo(rows(data.trainLoader(2)));
  }

  @Test
  void shuffleIsReproduciblePerEpoch() {
    SyntheticRegressionData data = chapter(1);

    assertThat(rows(data.trainLoader(4))).containsExactly(rows(data.trainLoader(4)));
    assertThat(rows(chapter(1).trainLoader(4))).containsExactly(rows(data.trainLoader(4)));
    assertThat(rows(chapter(2).trainLoader(4))).isNotEqualTo(rows(data.trainLoader(4)));
  }

  @Test
  void withoutShuffleRowsComeInOrderEveryEpoch() {
    SyntheticRegressionData data =
        new SyntheticRegressionData(W, B, 0.01, 1000, 1000, 32, false, 1);

    assertThat(data.shuffle()).isFalse();
    assertThat(rows(data.trainLoader(0))).containsExactly(IntStream.range(0, 1000).toArray());
    assertThat(rows(data.trainLoader(9))).containsExactly(IntStream.range(0, 1000).toArray());
  }

  @Test
  void loaderRefusesBatchesOutOfRange() {
    Loader train = chapter(1).trainLoader(0);

    assertThatThrownBy(() -> train.get(32)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> train.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void refusesBadArguments() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SyntheticRegressionData(new double[0], B, 0.01, 10, 10, 4, true, 1));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SyntheticRegressionData(W, B, -0.1, 10, 10, 4, true, 1));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SyntheticRegressionData(W, B, Double.NaN, 10, 10, 4, true, 1));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SyntheticRegressionData(W, B, 0.01, 0, 10, 4, true, 1));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SyntheticRegressionData(W, B, 0.01, 10, 0, 4, true, 1));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SyntheticRegressionData(W, B, 0.01, 10, 10, 0, true, 1));
  }
}
