package descent.train;

import static org.assertj.core.api.Assertions.assertThat;

import descent.data.SyntheticRegressionData;
import descent.engine.Seeds;
import descent.model.LinearRegressionScratch;
import descent.train.TrainingEvent.EpochDone;
import org.junit.jupiter.api.Test;

/**
 * {@link TrainingRun#trainNanos()} counts training minibatches only: not the validation passes and
 * not the time a listener takes, whether the run reads the clock per minibatch or per stretch.
 */
class TrainNanosTest {
  private static final long LISTENER_NANOS = 100_000_000;

  private static LinearRegressionScratch model() {
    return new LinearRegressionScratch(2, 0.03, Seeds.stream(1, 3));
  }

  /** Busy for 100 ms on every epoch's event, without sleeping. */
  private static void busy() {
    long until = System.nanoTime() + LISTENER_NANOS;
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
  }

  @Test
  void aSlowListenerIsNotCounted() {
    var data = new SyntheticRegressionData(new double[] {2, -3.4}, 4.2, 0.01, 96, 10, 32, true, 1);
    for (boolean byStep : new boolean[] {false, true}) {
      TrainingRun run =
          new Trainer(3)
              .prepare(
                  model(),
                  data,
                  e -> {
                    if (e instanceof EpochDone) {
                      busy();
                    }
                  });
      long wall = System.nanoTime();
      if (byStep) {
        while (!run.isOver()) {
          run.step();
        }
      } else {
        run.runToEnd();
      }
      wall = System.nanoTime() - wall;
      assertThat(run.steps()).isEqualTo(9);
      assertThat(wall).isGreaterThanOrEqualTo(3 * LISTENER_NANOS);
      assertThat(run.trainNanos()).as("byStep %s", byStep).isPositive().isLessThan(LISTENER_NANOS);
    }
  }

  @Test
  void validationIsNotCountedWhenNobodyListens() {
    // 3 training minibatches per epoch against 2,000 validation minibatches
    var data =
        new SyntheticRegressionData(new double[] {2, -3.4}, 4.2, 0.01, 96, 64_000, 32, true, 1);
    TrainingRun run = new Trainer(3).prepare(model(), data, TrainingListener.NONE);
    long wall = System.nanoTime();
    run.runToEnd();
    wall = System.nanoTime() - wall;
    assertThat(run.steps()).isEqualTo(9);
    assertThat(run.valBatchIdx()).isEqualTo(6000);
    assertThat(run.trainNanos()).isPositive().isLessThan(wall / 3);
  }
}
