package descent.train;

import static org.assertj.core.api.Assertions.assertThat;

import descent.data.SyntheticRegressionData;
import descent.engine.Seeds;
import descent.model.LinearRegressionScratch;
import descent.train.TrainingEvent.BatchDone;
import descent.train.TrainingEvent.Diverged;
import descent.train.TrainingEvent.EpochDone;
import descent.train.TrainingEvent.RunFinished;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A listener made with {@link TrainingListener#withoutBatches} (the text `train` command's) hears
 * every epoch, the end and a divergence, never a minibatch, and the run learns the same model.
 */
class ListenerWithoutBatchesTest {
  private static SyntheticRegressionData data() {
    return new SyntheticRegressionData(new double[] {2, -3.4}, 4.2, 0.01, 96, 10, 32, true, 1);
  }

  private static LinearRegressionScratch model(double lr) {
    return new LinearRegressionScratch(2, lr, Seeds.stream(1, 3));
  }

  @Test
  void hearsEpochsAndTheEndButNoMinibatch() {
    List<TrainingEvent> all = new ArrayList<>();
    List<TrainingEvent> some = new ArrayList<>();
    RunSummary heard = new Trainer(3).fit(model(0.03), data(), all::add);
    RunSummary quiet =
        new Trainer(3).fit(model(0.03), data(), TrainingListener.withoutBatches(some::add));

    assertThat(all).filteredOn(BatchDone.class::isInstance).hasSize(9);
    assertThat(some).noneMatch(BatchDone.class::isInstance);
    assertThat(some).filteredOn(EpochDone.class::isInstance).hasSize(3);
    assertThat(some).last().isInstanceOf(RunFinished.class);
    assertThat(some).isEqualTo(all.stream().filter(e -> !(e instanceof BatchDone)).toList());
    assertThat(quiet.w()).isEqualTo(heard.w());
    assertThat(quiet.b()).isEqualTo(heard.b());
    assertThat(quiet.epochs()).isEqualTo(heard.epochs());
  }

  @Test
  void stillHearsADivergence() {
    List<TrainingEvent> some = new ArrayList<>();
    new Trainer(3).fit(model(50), data(), TrainingListener.withoutBatches(some::add));

    assertThat(some).last().isInstanceOf(Diverged.class);
    assertThat(TrainingListener.NONE.wantsBatches()).isFalse();
    assertThat(((TrainingListener) e -> {}).wantsBatches()).isTrue();
  }
}
