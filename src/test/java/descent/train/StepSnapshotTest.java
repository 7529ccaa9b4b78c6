package descent.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import descent.data.SyntheticRegressionData;
import descent.engine.Seeds;
import descent.model.LinearRegressionScratch;
import descent.train.TrainingRun.Phase;
import descent.train.TrainingRun.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The step snapshots the teaching views read hold exactly the engine's numbers, phase by phase, and
 * each field appears only once its phase has run.
 */
class StepSnapshotTest {
  private static final double LR = 0.03;

  private static TrainingRun newRun(int batchSize, double clip) {
    var data =
        new SyntheticRegressionData(
            new double[] {2, -3.4}, 4.2, 0.01, 100, 50, batchSize, true, 11);
    var model = new LinearRegressionScratch(2, LR, 0.01, Seeds.stream(11, 3));
    return new Trainer(3, clip).prepare(model, data, TrainingListener.NONE);
  }

  @Test
  void fieldsFillInPhaseByPhaseWithTheEnginesNumbers() {
    TrainingRun run = newRun(32, 0);
    List<StepSnapshot> seen = new ArrayList<>();
    StepRecorder recorder = new StepRecorder(() -> true, seen::add).attachTo(run);

    StepSnapshot ready = recorder.capture(run);
    assertThat(ready.status()).isEqualTo(Status.READY);
    assertThat(ready.ran()).isNull();
    assertThat(ready.next()).isEqualTo(Phase.FORWARD);
    assertThat(ready.step()).isZero();
    assertThat(ready.batchSize()).isZero();
    assertThat(ready.graph()).isNull();
    assertThat(ready.w()).isEqualTo(run.model().w().toArray());

    double[] w0 = run.model().w().toArray();
    double b0 = run.model().b().item();
    HandSgd hand = new HandSgd(w0, b0, LR, 0);

    for (Phase phase : Phase.values()) {
      recorder.want();
      run.stepPhase();
      StepSnapshot s = seen.get(seen.size() - 1);
      assertThat(s.ran()).isEqualTo(phase);
      assertThat(s.step()).isEqualTo(1);
      assertThat(s.epoch()).isZero();
      assertThat(s.batchIndex()).isZero();
      assertThat(s.batchSize()).isEqualTo(32);
      assertThat(s.rows()).isEqualTo(run.currentBatch().rows());
      for (int i = 0; i < s.rows().length; i++) {
        assertThat(s.x()[i]).isEqualTo(run.data().featuresOf(s.rows()[i]));
        assertThat(s.y()[i]).isEqualTo(run.data().targetOf(s.rows()[i]));
      }
      if (phase == Phase.FORWARD) {
        hand.step(run.data(), s.rows());
      }
      // ŷ from the forward on: bit for bit the engine's
      assertThat(s.yHat()).isEqualTo(run.currentPrediction().toArray());
      assertThat(s.loss())
          .isEqualTo(phase == Phase.FORWARD ? Double.NaN : hand.lastLoss, within(1e-12));
      boolean backward = phase == Phase.BACKWARD || phase == Phase.UPDATE;
      if (backward) {
        assertThat(s.gradW()).containsExactly(hand.lastGw, within(1e-12));
        assertThat(s.gradB()).isCloseTo(hand.lastGb, within(1e-12));
        assertThat(s.gradNorm()).isCloseTo(hand.lastGradNorm, within(1e-12));
        assertThat(s.clipFactor()).isEqualTo(1);
        assertThat(s.graph().root().grad()).containsExactly(1.0);
      } else {
        assertThat(s.gradW()).isNull();
        assertThat(s.gradB()).isNaN();
        assertThat(s.graph().root().grad()).isNull();
      }
      if (phase == Phase.UPDATE) {
        assertThat(s.wBefore()).isEqualTo(w0);
        assertThat(s.bBefore()).isEqualTo(b0);
        assertThat(s.learningRate()).isEqualTo(LR);
        assertThat(s.w()).containsExactly(hand.w, within(1e-12));
        // the update's arithmetic, as the inspector writes it, gives the engine's new w exactly
        for (int j = 0; j < 2; j++) {
          assertThat(s.wBefore()[j] - s.learningRate() * s.gradW()[j]).isEqualTo(s.w()[j]);
        }
      } else {
        assertThat(s.wBefore()).isNull();
        assertThat(s.w()).isEqualTo(w0);
      }
    }
  }

  @Test
  void theGraphIsTheChaptersFromTheLeavesToTheLoss() {
    TrainingRun run = newRun(32, 0);
    StepRecorder recorder = new StepRecorder(() -> true, s -> {}).attachTo(run);
    run.stepPhase();
    GraphSnapshot forward = recorder.capture(run).graph();
    assertThat(forward.root().op()).isEqualTo("add");
    assertThat(forward.nodes()).extracting(GraphSnapshot.Node::name).contains("X", "w", "b");

    run.stepPhase();
    GraphSnapshot loss = recorder.capture(run).graph();
    assertThat(loss.nodes())
        .extracting(n -> n.op() == null ? n.name() : n.op())
        .containsExactly("X", "w", "matmul", "b", "add", "y", "sub", "square", null, "div", "mean");
    assertThat(loss.root().values()).containsExactly(run.currentLoss().item());
    assertThat(loss.root().shape()).isEmpty();
    assertThat(loss.depth()).isEqualTo(6);
    for (GraphSnapshot.Node n : loss.nodes()) {
      for (int in : n.inputs()) {
        assertThat(loss.nodes().get(in).depth()).isLessThan(n.depth());
      }
    }
    assertThat(loss.nodes().stream().filter(GraphSnapshot.Node::isParameter))
        .extracting(GraphSnapshot.Node::name)
        .containsExactlyInAnyOrder("w", "b");
    GraphSnapshot.Node x = loss.nodes().get(0);
    assertThat(x.shape()).containsExactly(32, 2);
    assertThat(x.size()).isEqualTo(64);
    assertThat(x.values()).hasSize(GraphSnapshot.HEAD);
  }

  @Test
  void clippingIsReportedWithItsFactor() {
    TrainingRun run = newRun(32, 0.5);
    StepRecorder recorder = new StepRecorder(() -> true, s -> {}).attachTo(run);
    run.stepPhase();
    run.stepPhase();
    run.stepPhase();
    StepSnapshot s = recorder.capture(run);
    assertThat(s.gradNorm()).isGreaterThan(0.5);
    assertThat(s.clipValue()).isEqualTo(0.5);
    assertThat(s.clipFactor()).isCloseTo(0.5 / s.gradNorm(), within(1e-15));
    double norm = Math.hypot(Math.hypot(s.gradW()[0], s.gradW()[1]), s.gradB());
    assertThat(norm).isCloseTo(0.5, within(1e-12)); // the applied gradient is the clipped one
  }

  @Test
  void betweenMinibatchesItShowsTheOneJustDoneAcrossAnEpochsEnd() {
    TrainingRun run = newRun(32, 0); // 100 rows: 4 minibatches per epoch
    StepRecorder recorder = new StepRecorder(() -> true, s -> {}).attachTo(run);
    for (int k = 0; k < 4; k++) {
      run.step();
    }
    StepSnapshot s = recorder.capture(run);
    assertThat(s.ran()).isEqualTo(Phase.UPDATE);
    assertThat(s.step()).isEqualTo(4);
    assertThat(s.epoch()).isZero();
    assertThat(s.batchIndex()).isEqualTo(3);
    assertThat(s.batchSize()).isEqualTo(4); // the epoch's last, short minibatch
    assertThat(run.epoch()).isEqualTo(1);
  }

  @Test
  void aRecorderCopiesNothingWhileNobodyWatchesAndOncePerRequestWhileOneDoes() {
    TrainingRun run = newRun(1, 0);
    boolean[] watching = {false};
    List<StepSnapshot> seen = new ArrayList<>();
    StepRecorder recorder = new StepRecorder(() -> watching[0], seen::add).attachTo(run);
    for (int k = 0; k < 20; k++) {
      run.step();
    }
    recorder.settle(run);
    assertThat(seen).isEmpty();

    watching[0] = true;
    for (int k = 0; k < 20; k++) {
      run.step(); // 80 phases, one request outstanding: one copy
    }
    assertThat(seen).hasSize(1);
    recorder.settle(run); // a task's end always copies where the run stands
    assertThat(seen).hasSize(2);
    assertThat(seen.get(1).step()).isEqualTo(40);
    assertThat(seen.get(1).wBefore()).isNotNull();
  }

  @Test
  void anUpdateNotWatchedHasNoBeforeValuesRatherThanStaleOnes() {
    TrainingRun run = newRun(32, 0);
    boolean[] watching = {true};
    StepRecorder recorder = new StepRecorder(() -> watching[0], s -> {}).attachTo(run);
    run.step();
    watching[0] = false;
    run.step();
    watching[0] = true;
    StepSnapshot s = recorder.capture(run);
    assertThat(s.ran()).isEqualTo(Phase.UPDATE);
    assertThat(s.wBefore()).isNull();
    assertThat(s.bBefore()).isNaN();
  }

  @Test
  void aLargeMinibatchIsCopiedUpToTheLimitWithItsCount() {
    var data = new SyntheticRegressionData(new double[] {1}, 0, 0.01, 1200, 10, 1200, true, 2);
    var model = new LinearRegressionScratch(1, LR, 0.01, Seeds.stream(2, 3));
    TrainingRun run = new Trainer(1).prepare(model, data, TrainingListener.NONE);
    StepRecorder recorder = new StepRecorder(() -> true, s -> {}).attachTo(run);
    run.stepPhase();
    StepSnapshot s = recorder.capture(run);
    assertThat(s.batchSize()).isEqualTo(1200);
    assertThat(s.rows()).hasSize(StepSnapshot.MAX_ROWS);
    assertThat(s.yHat()).hasSize(StepSnapshot.MAX_ROWS);
    assertThat(s.isTruncated()).isTrue();
  }
}
