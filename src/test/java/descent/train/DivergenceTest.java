package descent.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import descent.data.RegressionData;
import descent.data.SyntheticRegressionData;
import descent.engine.Seeds;
import descent.model.LinearRegressionScratch;
import descent.train.TrainingEvent.BatchDone;
import descent.train.TrainingEvent.Diverged;
import descent.train.TrainingRun.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run that blows up stops with a Diverged event and a status, never an exception. */
class DivergenceTest {
  private final List<TrainingEvent> events = new ArrayList<>();

  private TrainingRun prepare(RegressionData data, double lr, long seed) {
    var model = new LinearRegressionScratch(data.numFeatures(), lr, 0.01, Seeds.stream(seed, 3));
    return new Trainer(3).prepare(model, data, events::add);
  }

  private static SyntheticRegressionData chapterData(long seed) {
    return new SyntheticRegressionData(new double[] {2, -3.4}, 4.2, seed);
  }

  @Test
  void learningRateFiveOnTheChapterDataDivergesWithinAFewSteps() {
    TrainingRun run = prepare(chapterData(0), 5, 0);
    assertThatCode(run::runToEnd).doesNotThrowAnyException();

    assertThat(run.status()).isEqualTo(Status.DIVERGED);
    assertThat(run.isOver()).isTrue();
    Diverged d = run.divergence();
    assertThat(d).isNotNull();
    assertThat(d.step()).isBetween(2L, 20L);
    assertThat(d.epoch()).isZero();
    assertThat(d.reason()).isNotBlank();
    assertThat(events).last().isEqualTo(d);
    assertThat(events).filteredOn(Diverged.class::isInstance).hasSize(1);
    // Every batch before the divergent one was reported, and the losses grew.
    List<BatchDone> batches = batches();
    assertThat(batches).hasSize((int) d.step() - 1);
    assertThat(batches.get(batches.size() - 1).loss()).isGreaterThan(10 * batches.get(0).loss());

    RunSummary summary = run.summary();
    assertThat(summary.diverged()).isTrue();
    assertThat(summary.divergence()).isEqualTo(d);
    assertThat(summary.epochs()).isEmpty();
  }

  @Test
  void theStepsTakenAfterADivergenceAreTheDivergedStepEverywhere() {
    // The loss of step d.step() explodes before its update runs: d2l's counter of updates is one
    // behind, but every count a user sees includes the step that diverged.
    TrainingRun run = prepare(chapterData(0), 5, 0);
    run.runToEnd();
    Diverged d = run.divergence();
    assertThat(run.trainBatchIdx()).isEqualTo(d.step() - 1);
    assertThat(run.steps()).isEqualTo(d.step());
    assertThat(run.summary().steps()).isEqualTo(d.step());
    assertThat(batches()).last().extracting(BatchDone::step).isEqualTo(d.step() - 1);
  }

  @Test
  void aDivergenceAfterTheUpdateCountsThatStepOnce() {
    // w becomes NaN in step 1's update: the update ran, and the step is counted once, not twice
    var data =
        new ArrayData(
            new double[][] {{1e200}, {-1e200}, {1}}, new double[] {1e150, 1e150, 0}, 2, 2);
    var model = new LinearRegressionScratch(1, 0.1, 0, Seeds.stream(0, 3));
    TrainingRun run = new Trainer(1).prepare(model, data, events::add);
    run.step();
    assertThat(run.divergence().step()).isEqualTo(1);
    assertThat(run.trainBatchIdx()).isEqualTo(1);
    assertThat(run.steps()).isEqualTo(1);
    assertThat(run.summary().steps()).isEqualTo(1);
  }

  @Test
  void aDivergedRunIgnoresFurtherSteps() {
    TrainingRun run = prepare(chapterData(1), 5, 1);
    run.runToEnd();
    assertThat(run.isOver()).isTrue();
    double[] w = run.model().w().toArray();
    double b = run.model().b().item();
    long steps = run.trainBatchIdx();
    int seen = events.size();

    run.step();
    assertThat(run.stepPhase()).isFalse();
    run.stepEpoch();
    run.runToEnd();

    assertThat(run.trainBatchIdx()).isEqualTo(steps);
    assertThat(run.model().w().toArray()).isEqualTo(w);
    assertThat(run.model().b().item()).isEqualTo(b);
    assertThat(events).hasSize(seen);
    assertThat(run.status()).isEqualTo(Status.DIVERGED);
  }

  @Test
  void anOverflowingLossIsReportedAsInfinite() {
    // lr 1e300 throws the parameters to ~1e300 after one update; the next loss overflows.
    TrainingRun run = prepare(chapterData(2), 1e300, 2);
    assertThatCode(run::runToEnd).doesNotThrowAnyException();
    assertThat(run.status()).isEqualTo(Status.DIVERGED);
    assertThat(run.divergence().step()).isEqualTo(2);
    assertThat(run.divergence().loss()).isInfinite();
    assertThat(run.divergence().reason()).contains("∞");
    assertThat(run.summary().diverged()).isTrue();
  }

  @Test
  void aNaNParameterIsReportedAsNaN() {
    // A finite loss whose w-gradient is (−∞) + (+∞) = NaN while b's gradient stays finite:
    // r·x overflows with opposite signs for the two rows.
    var data =
        new ArrayData(
            new double[][] {{1e200}, {-1e200}, {1}}, new double[] {1e150, 1e150, 0}, 2, 2);
    var model = new LinearRegressionScratch(1, 0.1, 0, Seeds.stream(0, 3));
    TrainingRun run = new Trainer(1).prepare(model, data, events::add);

    assertThatCode(run::step).doesNotThrowAnyException();

    assertThat(model.w().toArray()[0]).isNaN();
    assertThat(model.b().item()).isFinite();
    assertThat(run.status()).isEqualTo(Status.DIVERGED);
    Diverged d = run.divergence();
    assertThat(d.step()).isEqualTo(1);
    assertThat(d.loss()).isFinite();
    assertThat(d.reason()).contains("w[0]", "NaN").doesNotContain("∞");
    assertThat(events).containsExactly(d);
    assertThat(run.summary().diverged()).isTrue();
  }

  @Test
  void anInfiniteParameterIsReportedAsInfinite() {
    // One row with a huge x and a moderate r: the loss is finite but r·x/m overflows to −∞.
    var data = new ArrayData(new double[][] {{1e300}, {1}}, new double[] {1e10, 0}, 1, 1);
    var model = new LinearRegressionScratch(1, 0.1, 0, Seeds.stream(0, 3));
    TrainingRun run = new Trainer(1).prepare(model, data, events::add);

    run.step();

    assertThat(model.w().toArray()[0]).isInfinite();
    assertThat(run.status()).isEqualTo(Status.DIVERGED);
    assertThat(run.divergence().reason()).contains("w[0]", "∞").doesNotContain("NaN");
  }

  private List<BatchDone> batches() {
    List<BatchDone> out = new ArrayList<>();
    for (TrainingEvent e : events) {
      if (e instanceof BatchDone b) {
        out.add(b);
      }
    }
    return out;
  }
}
