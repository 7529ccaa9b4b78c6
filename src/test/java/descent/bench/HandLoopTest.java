package descent.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import descent.data.SyntheticRegressionData;
import descent.train.TrainingEvent.EpochDone;
import descent.train.TrainingRun;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand loop computes the engine's model bit for bit: the same final w and b, and the same
 * training loss in every epoch, on the shapes (cut to fewer rows) and on batches that leave
 * a remainder of one to three rows after the groups of four.
 */
class HandLoopTest {

  static Stream<BenchConfig> configs() {
    BenchConfig wide = BenchConfig.wide();
    return Stream.of(
        BenchConfig.chapter(),
        wide.withRows(3000, 10),
        // two epochs of wide rows: the second epoch's shuffle, and a partial last batch (1000 %
        // 256)
        new BenchConfig("wide-2", wide.trueW(), 4.2, 0.01, 1000, 10, 256, 2),
        BenchConfig.single().withRows(2000, 10),
        // batches of 7: a group of four and three rows alone; the last batch has 3
        new BenchConfig("odd", new double[] {2, -3.4, 0.5}, 4.2, 0.01, 101, 10, 7, 3));
  }

  @ParameterizedTest
  @MethodSource("configs")
  void learnsExactlyWhatTheEngineLearns(BenchConfig config) {
    SyntheticRegressionData data = config.data();
    TrainingRun engine = BenchRunner.fit(config, data).run();
    HandLoop hand = new HandLoop(data, config.epochs(), config.runSpec().lr());
    double[] w0 = config.runSpec().newModel(config.numFeatures()).w().toArray();

    hand.train(w0, 0.0);

    double[] expected = engine.model().w().toArray();
    double[] actual = hand.w();
    assertThat(actual).hasSize(expected.length);
    for (int j = 0; j < expected.length; j++) {
      assertThat(Double.doubleToRawLongBits(actual[j]))
          .as("w[%d]: hand %s, engine %s", j, actual[j], expected[j])
          .isEqualTo(Double.doubleToRawLongBits(expected[j]));
    }
    assertThat(Double.doubleToRawLongBits(hand.b()))
        .as("b: hand %s, engine %s", hand.b(), engine.model().b().item())
        .isEqualTo(Double.doubleToRawLongBits(engine.model().b().item()));
    List<EpochDone> epochs = engine.history();
    assertThat(epochs).hasSize(config.epochs());
    for (EpochDone e : epochs) {
      assertThat(hand.epochTrainLoss(e.epoch())).isEqualTo(e.trainLoss());
    }
    assertThat(hand.steps()).isEqualTo(engine.steps()).isEqualTo(config.stepsPerFit());
    // and the run moved far from where it started, so equal numbers mean equal training
    assertThat(hand.b()).isGreaterThan(0.5);
  }

  @ParameterizedTest
  @MethodSource("configs")
  void trainingTwiceFromTheSameStartGivesTheSameModel(BenchConfig config) {
    SyntheticRegressionData data = config.data();
    HandLoop hand = new HandLoop(data, config.epochs(), 0.03);
    double[] w0 = config.runSpec().newModel(config.numFeatures()).w().toArray();
    hand.train(w0, 0.0);
    double[] w = hand.w();
    double b = hand.b();

    hand.train(w0, 0.0);

    assertThat(hand.w()).containsExactly(w);
    assertThat(hand.b()).isEqualTo(b);
  }

  @org.junit.jupiter.api.Test
  void allocatesNothingPerStep() {
    BenchConfig config = BenchConfig.single().withRows(20_000, 10);
    HandLoop hand = new HandLoop(config.data(), 1, 0.03);
    double[] w0 = {0.01, -0.02};
    hand.train(w0, 0.0); // class loading and the first compilations allocate; not this loop
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);

    hand.train(w0, 0.0);

    long allocated = threads.getThreadAllocatedBytes(id) - before;
    // one object per step would be at least 16 bytes × 20,000 steps
    assertThat(hand.steps()).isEqualTo(20_000);
    assertThat(allocated).isLessThan(20_000);
  }
}
