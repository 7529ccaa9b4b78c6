package descent.train;

import static org.assertj.core.api.Assertions.assertThat;

import descent.data.RegressionData;
import descent.data.StandardizedData;
import descent.data.SyntheticRegressionData;
import descent.model.LinearRegressionScratch;
import descent.train.TrainingEvent.BatchDone;
import descent.train.TrainingEvent.EpochDone;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fixed-seed runs whose results were recorded, bit for bit, from the engine before any speed work
 * (ADR 0031). A faster engine, loader or loop may change how the numbers are computed but not a
 * single bit of them: the final w and b, every epoch's training and validation loss, and a few
 * minibatch losses and gradient norms, each compared as {@code Double.doubleToLongBits}. Each line
 * shows the bits in hex and the value in decimal, so a failure shows which number moved.
 */
class GoldenTrajectoryTest {
  private static final double[] CHAPTER_W = {2, -3.4};
  private static final double CHAPTER_B = 4.2;

  /** The chapter: 1000 + 1000 rows, batch 32, lr 0.03, σ 0.01, 3 shuffled epochs. */
  @Test
  void theChaptersRun() {
    var data = new SyntheticRegressionData(CHAPTER_W, CHAPTER_B, 42);
    assertThat(fingerprint(data, RunSpec.chapter(42), Set.of(1L, 2L, 32L, 50L, 96L)))
        .isEqualTo(
            """
            step 1 loss 4030c7cf5d3b2b1e 16.780507876344124
            step 1 gradNorm 40178d3af5b2e4bb 5.88792022613887
            step 1 b 3fc01ba591185f41 0.1258437117073701
            step 2 loss 40335dc6cb25002a 19.366314598592147
            step 2 gradNorm 401bd95c1925a5e5 6.962265389368871
            step 2 b 3fd11e5b7e9ec6c2 0.2674778687024678
            step 32 loss 4006f4f3f84776b9 2.8696059605416306
            step 32 gradNorm 400619aa73ade0b2 2.7625321423948543
            step 32 b 40048c34304a91ed 2.568458916927048
            epoch 0 train 401e5b75b7c60444 7.589316245518663
            epoch 0 val 40032a472df2791b 2.3956435765859516
            step 50 loss 3ff41b09bfc64403 1.25660109435944
            step 50 gradNorm 3ffcc7deed8b047d 1.7987965849900143
            step 50 b 4009c3ddfb7e1fbb 3.2206382415642714
            epoch 1 train 3ff256bbb23a4096 1.1461750947965235
            epoch 1 val 3fd759f470568050 0.36486540766236875
            step 96 loss 3f977091138084b7 0.02289034539729037
            step 96 gradNorm 3fc586a52c0b628a 0.16817154551133157
            step 96 b 400f981c957e2045 3.949273269568979
            epoch 2 train 3fc65c2b5c350883 0.17468778612425603
            epoch 2 val 3fad50c878cf0fee 0.05725695109097716
            w[0] 3ffdc594c3bcb1f3 1.8607375761013116
            w[1] c009a40232c1263e -3.2050823178476824
            b 400f981c957e2045 3.949273269568979
            """);
  }

  /** Batch size 1: 2000 steps of one row each. */
  @Test
  void oneRowPerStep() {
    var data =
        new SyntheticRegressionData(new double[] {0.7, -1.3}, 0.4, 0.1, 2000, 100, 1, true, 7);
    var spec = new RunSpec(0.03, 0.01, 1, 0, 7);
    assertThat(fingerprint(data, spec, Set.of(1L, 2L, 1000L, 2000L)))
        .isEqualTo(
            """
            step 1 loss 3ff522465d39f370 1.3208678857474432
            step 1 gradNorm 4001845c8242ec6d 2.1896295715974277
            step 1 b 3fa8f71a911077cd 0.04876025219731126
            step 2 loss 3fde71e31dc6710e 0.4757011214039871
            step 2 gradNorm 3ff1973e70251841 1.0994247799549302
            step 2 b 3fb3f9436cde777a 0.07802220733580426
            step 1000 loss 3f7ca3bf118a920f 0.006992098199280607
            step 1000 gradNorm 3fc18954a7b178b5 0.13700349987170105
            step 1000 b 3fd91c0c58a7b6b4 0.3923369279644746
            step 2000 loss 3f6e6af05831ce74 0.0037131017903052014
            step 2000 gradNorm 3fbb6e7d9449440d 0.10715470190304206
            step 2000 b 3fd8cbab2eb616be 0.38743094979905013
            epoch 0 train 3f8f6978483e0fc9 0.01533788652864833
            epoch 0 val 3f750f99d0f3d312 0.005141831249819944
            w[0] 3fe687bdb85ad630 0.7040699577980316
            w[1] bff4bda7960569a1 -1.2963024006081485
            b 3fd8cbab2eb616be 0.38743094979905013
            """);
  }

  /** 200 features, 3000 rows, batch 256 (the last batch of each epoch partial), 2 epochs. */
  @Test
  void wideData() {
    Random truth = new Random(5);
    double[] w = new double[200];
    for (int j = 0; j < w.length; j++) {
      w[j] = truth.nextGaussian();
    }
    var data = new SyntheticRegressionData(w, 0.5, 0.01, 3000, 500, 256, true, 11);
    var spec = new RunSpec(0.1, 0.01, 2, 0, 11);
    assertThat(fingerprint(data, spec, Set.of(1L, 2L, 12L, 24L)))
        .isEqualTo(
            """
            step 1 loss 405a4ad00e758835 105.16894875982037
            step 1 gradNorm 403385179372fd66 19.519890990804377
            step 1 b 3faf3f7a7a48f11c 0.06103117697463942
            step 2 loss 40573b109dbb4c80 92.92288916865255
            step 2 gradNorm 403226c2600aa773 18.151403429604624
            step 2 b 3fbeb3d997fa5298 0.11993179283519806
            step 12 loss 4028971e5b7efcda 12.295153483630589
            step 12 gradNorm 401d12ea45680c4a 7.26847179839667
            step 12 b 3fdb0e0ff6c0f3b3 0.422733298273495
            epoch 0 train 4046723645f00eb0 44.892281286445154
            epoch 0 val 4020af9a2100f00c 8.342972785343612
            step 24 loss 3ff20afefc271063 1.1276845788679786
            step 24 gradNorm 4000a2cf383510a2 2.0794968024438996
            step 24 b 3fdecf273187ba4e 0.4813936217969158
            epoch 1 train 400d2c7428e91ff4 3.6467059322494553
            epoch 1 val 3ff0fde525ba4002 1.0619861100894927
            w[0] 3fcd9287471b7a56 0.23103419277227272
            w[199] 3fb9a56a5c121736 0.10018028972453127
            sha-256 of w's bits db047fc7b461b90b0927b718f9a48c60e352de5ec3995f89ec05aba8dcf535a1
            b 3fdecf273187ba4e 0.4813936217969158
            """);
  }

  /** Gradient clipping that bites on most steps: batch 10, lr 0.1, clip 0.5. */
  @Test
  void clippedGradients() {
    var data = new SyntheticRegressionData(CHAPTER_W, CHAPTER_B, 0.01, 300, 50, 10, true, 3);
    var spec = new RunSpec(0.1, 0.01, 2, 0.5, 3);
    assertThat(fingerprint(data, spec, Set.of(1L, 2L, 30L, 60L)))
        .isEqualTo(
            """
            step 1 loss 4031eff99fa7b03b 17.93740270465808
            step 1 gradNorm 401acccad4bc99da 6.699992488871851
            step 1 b 3fa057ba9de75a25 0.031919318938595155
            step 2 loss 4028039223612be4 12.006974320995091
            step 2 gradNorm 40115838983117e1 4.336153390880981
            step 2 b 3faf12c441e3f084 0.0606900530274013
            step 30 loss 40300b13b88e0759 16.04326966731546
            step 30 gradNorm 401d432052f5182b 7.31555299397409
            step 30 b 3ff06ae9172e5d26 1.0261011987220825
            epoch 0 train 402ba507ada3c994 13.822324205630856
            epoch 0 val 401eb36090e14ce9 7.675173057318923
            step 60 loss 4017123f8b8c8bce 5.767820530370001
            step 60 gradNorm 4010c745d0d65e33 4.194602263530714
            step 60 b 40006073a9fb74e4 2.0470956115592447
            epoch 1 train 401cbf524c0eebbd 7.18683737603254
            epoch 1 val 400c2154f13ad197 3.51627529583693
            w[0] 3fef0af699ccaea9 0.9700882915398853
            w[1] bffa887639420ba5 -1.6583158718719713
            b 40006073a9fb74e4 2.0470956115592447
            """);
  }

  /** Standardised features of very different scales, rows in order (no shuffle). */
  @Test
  void standardisedUnshuffled() {
    var raw =
        new SyntheticRegressionData(
            new double[] {1.5, -0.2, 3},
            -1,
            0.05,
            500,
            70,
            new double[] {10, 0.1, 3},
            32,
            false,
            19);
    var spec = new RunSpec(0.05, 0.5, 2, 0, 19);
    assertThat(fingerprint(StandardizedData.of(raw), spec, Set.of(1L, 16L, 32L)))
        .isEqualTo(
            """
            step 1 loss 405790d8cb3defd7 94.26323205040477
            step 1 gradNorm 4025f90423e0023e 10.98635971173746
            step 1 b bfb91a53974e33cc -0.09805796092969316
            step 16 loss 4049f57d6f5736eb 51.91789047010919
            step 16 gradNorm 40284d430fa06d69 12.150902260144635
            step 16 b bfd10b60e61975be -0.2663194891991586
            epoch 0 train 4053cb80f8c73235 79.17974681332346
            epoch 0 val 403c81db730ee036 28.507254782802384
            step 32 loss 40257f6f34bc8892 10.748895309461918
            step 32 gradNorm 401623883721364f 5.534699307825192
            step 32 b bfd9120a025f16e4 -0.39172601920686945
            epoch 1 train 403046e908e75b60 16.276993328555704
            epoch 1 val 40176aa05c9c7da2 5.8541273565782905
            w[0] 402917bd92c0e0f4 12.546368204159513
            w[1] bfbd30975e23e24d -0.11402269409507788
            w[2] 401ba791276c5ff1 6.913639656057044
            b bfd9120a025f16e4 -0.39172601920686945
            """);
  }

  /** Stepping phase by phase, as the step-through views do, gives the chapter's run exactly. */
  @Test
  void phaseByPhaseSteppingGivesTheSameBits() {
    var data = new SyntheticRegressionData(CHAPTER_W, CHAPTER_B, 42);
    var spec = RunSpec.chapter(42);
    var byStep = new Recorder(Set.of(1L, 2L, 32L, 50L, 96L));
    var stepped = spec.newModel(2);
    spec.newTrainer().prepare(stepped, data, byStep).runToEnd();
    var byPhase = new Recorder(Set.of(1L, 2L, 32L, 50L, 96L));
    var model = spec.newModel(2);
    TrainingRun run = spec.newTrainer().prepare(model, data, byPhase);
    int phases = 0;
    while (run.stepPhase()) {
      phases++;
    }
    assertThat(phases).isEqualTo(4 * 96);
    assertThat(byPhase.lines(model)).isEqualTo(byStep.lines(stepped));
  }

  /** A run nobody listens to ends at the same bits as one whose every event is heard. */
  @Test
  void aRunWithoutAListenerEndsAtTheSameBits() {
    var data = new SyntheticRegressionData(CHAPTER_W, CHAPTER_B, 42);
    var spec = RunSpec.chapter(42);
    var heard = spec.newModel(2);
    spec.newTrainer().prepare(heard, data, new Recorder(Set.of())).runToEnd();
    var unheard = spec.newModel(2);
    TrainingRun run = spec.newTrainer().prepare(unheard, data, TrainingListener.NONE);
    run.runToEnd();
    assertThat(run.steps()).isEqualTo(96);
    assertThat(parameterLines(unheard)).isEqualTo(parameterLines(heard));
  }

  // ---------------------------------------------------------------- recording

  private static String fingerprint(RegressionData data, RunSpec spec, Set<Long> steps) {
    var recorder = new Recorder(steps);
    var model = spec.newModel(data.numFeatures());
    TrainingRun run = spec.newTrainer().prepare(model, data, recorder);
    run.runToEnd();
    assertThat(run.status()).isEqualTo(TrainingRun.Status.FINISHED);
    return recorder.lines(model);
  }

  /** Keeps the chosen steps' losses and norms and every epoch's losses, as lines. */
  private static final class Recorder implements TrainingListener {
    private final Set<Long> steps;
    private final List<String> lines = new ArrayList<>();

    Recorder(Set<Long> steps) {
      this.steps = steps;
    }

    @Override
    public void onEvent(TrainingEvent event) {
      if (event instanceof BatchDone b && steps.contains(b.step())) {
        lines.add(line("step " + b.step() + " loss", b.loss()));
        lines.add(line("step " + b.step() + " gradNorm", b.gradNorm()));
        lines.add(line("step " + b.step() + " b", b.b()));
      } else if (event instanceof EpochDone e) {
        lines.add(line("epoch " + e.epoch() + " train", e.trainLoss()));
        lines.add(line("epoch " + e.epoch() + " val", e.valLoss()));
      }
    }

    String lines(LinearRegressionScratch model) {
      List<String> all = new ArrayList<>(lines);
      all.addAll(parameterLines(model));
      return String.join("\n", all) + "\n";
    }
  }

  /** The final b, and w element by element (or, for many features, a few and a digest). */
  private static List<String> parameterLines(LinearRegressionScratch model) {
    double[] w = model.w().toArray();
    List<String> out = new ArrayList<>();
    if (w.length <= 3) {
      for (int j = 0; j < w.length; j++) {
        out.add(line("w[" + j + "]", w[j]));
      }
    } else {
      out.add(line("w[0]", w[0]));
      out.add(line("w[" + (w.length - 1) + "]", w[w.length - 1]));
      out.add("sha-256 of w's bits " + digest(w));
    }
    out.add(line("b", model.b().item()));
    return out;
  }

  private static String line(String label, double value) {
    return label + " " + Long.toHexString(Double.doubleToLongBits(value)) + " " + value;
  }

  private static String digest(double[] values) {
    ByteBuffer bytes = ByteBuffer.allocate(8 * values.length);
    for (double v : values) {
      bytes.putLong(Double.doubleToLongBits(v));
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
