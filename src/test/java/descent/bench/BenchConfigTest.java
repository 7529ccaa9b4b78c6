package descent.bench;

import static org.assertj.core.api.Assertions.assertThat;

import descent.data.SyntheticRegressionData;
import org.junit.jupiter.api.Test;

/** The command's three workloads are issue 11's, to the row. */
class BenchConfigTest {

  @Test
  void chapterIsTheBooksRun() {
    BenchConfig c = BenchConfig.chapter();
    assertThat(c.trueW()).containsExactly(2, -3.4);
    assertThat(c.trueB()).isEqualTo(4.2);
    assertThat(c.noise()).isEqualTo(0.01);
    assertThat(new int[] {c.numTrain(), c.numVal(), c.batchSize(), c.epochs()})
        .containsExactly(1000, 1000, 32, 3);
    assertThat(c.stepsPerFit()).isEqualTo(96);
    assertThat(c.examplesPerFit()).isEqualTo(3000);
  }

  @Test
  void wideHasTwoHundredFeaturesAndAHundredThousandRows() {
    BenchConfig c = BenchConfig.wide();
    assertThat(c.numFeatures()).isEqualTo(200);
    double[] w = c.trueW();
    for (int j = 0; j < w.length; j++) {
      assertThat(w[j]).as("w[%d]", j).isEqualTo(j % 2 == 0 ? 2 : -3.4);
    }
    assertThat(c.trueB()).isEqualTo(4.2);
    assertThat(c.noise()).isEqualTo(0.01);
    assertThat(new int[] {c.numTrain(), c.numVal(), c.batchSize(), c.epochs()})
        .containsExactly(100_000, 1000, 256, 1);
    assertThat(c.stepsPerFit()).isEqualTo(391); // 390 full batches and one of 160
  }

  @Test
  void singleTakesOneExamplePerStep() {
    BenchConfig c = BenchConfig.single();
    assertThat(c.trueW()).containsExactly(2, -3.4);
    assertThat(new int[] {c.numTrain(), c.numVal(), c.batchSize(), c.epochs()})
        .containsExactly(100_000, 1000, 1, 1);
    assertThat(c.stepsPerFit()).isEqualTo(100_000);
  }

  @Test
  void namesFindTheirConfigInAnyCase() {
    assertThat(BenchConfig.names()).containsExactly("chapter", "wide", "single");
    assertThat(BenchConfig.named(" WIDE "))
        .get()
        .extracting(BenchConfig::numFeatures)
        .isEqualTo(200);
    assertThat(BenchConfig.named("all")).isEmpty();
    assertThat(BenchConfig.named("foo")).isEmpty();
  }

  @Test
  void dataFollowTheConfigAndItsSeed() {
    BenchConfig c = BenchConfig.wide().withRows(300, 20);
    SyntheticRegressionData data = c.data();
    assertThat(data.numFeatures()).isEqualTo(200);
    assertThat(data.numTrain()).isEqualTo(300);
    assertThat(data.numVal()).isEqualTo(20);
    assertThat(data.batchSize()).isEqualTo(256);
    assertThat(data.shuffle()).isTrue();
    assertThat(data.seed()).isEqualTo(BenchConfig.SEED);
    assertThat(data.truth()).get().extracting(t -> t.w()[1]).isEqualTo(-3.4);
    assertThat(c.data().trainTargets()).containsExactly(data.trainTargets());
  }

  @Test
  void theConfigsTrainAtTheChaptersRate() {
    for (BenchConfig c : BenchConfig.all()) {
      assertThat(c.runSpec().lr()).isEqualTo(0.03);
      assertThat(c.runSpec().sigma()).isEqualTo(0.01);
      assertThat(c.runSpec().gradientClipVal()).isZero();
      assertThat(c.runSpec().epochs()).isEqualTo(c.epochs());
    }
  }
}
