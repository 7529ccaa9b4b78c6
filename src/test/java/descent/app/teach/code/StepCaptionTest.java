package descent.app.teach.code;

import static org.assertj.core.api.Assertions.assertThat;

import descent.train.StepSnapshot;
import descent.train.TrainingRun.Phase;
import descent.train.TrainingRun.Status;
import org.junit.jupiter.api.Test;

/** The sentence above the code, in each state of a real run. */
class StepCaptionTest {
  @Test
  void readyThenEachPhaseThenBetweenSteps() {
    SteppedRun run = new SteppedRun(2, 0.03, 32, 1);
    StepSnapshot ready = run.snapshot();
    assertThat(StepCaption.of(ready)).isEqualTo("Ready: nothing has run yet. ▶ next: FORWARD.");
    assertThat(StepCaption.marksNext(ready)).isTrue();
    assertThat(StepCaption.of(run.phase()))
        .isEqualTo("Step 1 (epoch 1, batch 1/32): FORWARD ran (highlighted). ▶ next: LOSS.");
    assertThat(StepCaption.of(run.phase()))
        .isEqualTo("Step 1 (epoch 1, batch 1/32): LOSS ran (highlighted). ▶ next: BACKWARD.");
    assertThat(StepCaption.of(run.phase()))
        .isEqualTo("Step 1 (epoch 1, batch 1/32): BACKWARD ran (highlighted). ▶ next: UPDATE.");
    StepSnapshot between = run.phase();
    assertThat(StepCaption.of(between))
        .isEqualTo(
            "Step 1 (epoch 1, batch 1/32) done: UPDATE ran (highlighted). ▶ next: FORWARD of step"
                + " 2.");
    assertThat(StepCaption.marksNext(between)).isTrue();
  }

  @Test
  void finished() {
    SteppedRun run = new SteppedRun(1, 0.03, 1000, 1);
    StepSnapshot end = run.toEnd();
    assertThat(end.status()).isEqualTo(Status.FINISHED);
    assertThat(StepCaption.of(end))
        .isEqualTo("Finished: every epoch ran, 1 step. The last phase, UPDATE, is highlighted.");
    assertThat(StepCaption.marksNext(end)).isFalse();
  }

  @Test
  void divergedNamesTheStepThePhaseAndTheRunsOwnReason() {
    SteppedRun run = new SteppedRun(2, 5, 32, 3);
    StepSnapshot end = run.toEnd();
    assertThat(end.status()).isEqualTo(Status.DIVERGED);
    var d = run.run.divergence();
    assertThat(StepCaption.reason(end)).isEqualTo(d.reason());
    assertThat(StepCaption.of(end))
        .isEqualTo(
            "Diverged in step "
                + d.step()
                + " (epoch 1, batch "
                + (d.batchIndex() + 1)
                + "/32), in LOSS: "
                + d.reason()
                + ". The run stopped after the highlighted lines.");
    assertThat(StepCaption.marksNext(end)).isFalse();
  }

  @Test
  void aParameterThatBecameNanIsNamedAsTheRunNamesIt() {
    // the full batch with a rate of 1e308: the first update overflows w (its gradient is about −2)
    SteppedRun run = new SteppedRun(3, 1e308, 1000, 1);
    StepSnapshot end = run.toEnd();
    assertThat(end.status()).isEqualTo(Status.DIVERGED);
    assertThat(end.ran()).isEqualTo(Phase.UPDATE);
    assertThat(run.run.divergence().reason()).startsWith("the parameter ");
    assertThat(StepCaption.reason(end)).isEqualTo(run.run.divergence().reason());
  }
}
