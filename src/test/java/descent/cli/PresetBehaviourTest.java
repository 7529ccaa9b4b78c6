package descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import descent.data.RegressionData;
import descent.run.Preset;
import descent.run.Presets;
import descent.run.RunConfig;
import descent.train.LeastSquares;
import descent.train.RunSpec;
import descent.train.StabilityBound;
import descent.train.TrainingEvent.BatchDone;
import descent.train.TrainingRun;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Each preset behaves as its name says, through {@code train --preset NAME --json} and, for what
 * only the minibatches show (zig-zag, noise, order), through the one training loop ({@link
 * TrainingRun#step()}) with the preset's config. Every claim holds on ten seeds, not one lucky one.
 */
class PresetBehaviourTest {
  private static final long[] SEEDS = LongStream.range(0, 10).toArray();

  /** The chapter's noise floor, noise² / 2 with noise 0.01. */
  private static final double CHAPTER_FLOOR = 0.01 * 0.01 / 2;

  @Test
  void chapterIsTheRunWithoutAPreset() {
    for (long seed : SEEDS) {
      ObjectNode preset = json(0, "--preset", "chapter", "--seed", "" + seed);
      ObjectNode plain = json(0, "--seed", "" + seed);
      preset.remove("trainMillis");
      plain.remove("trainMillis");
      assertThat(preset).as("seed %d", seed).isEqualTo(plain);
    }
  }

  @Test
  void lrTooHighDivergesWithExitThree() {
    for (long seed : SEEDS) {
      Cli run = train("--preset", "lr-too-high", "--seed", "" + seed);
      assertThat(run.code()).as("seed %d: %s", seed, run.err()).isEqualTo(3);
      assertThat(run.err()).startsWith("diverged at epoch 1");
    }
  }

  @Test
  void lrEdgeIsJustBelowTheStableRateZigZagsAndConverges() {
    Preset edge = preset("lr-edge");
    for (long seed : SEEDS) {
      RunConfig c = edge.config(seed);
      StabilityBound bound = StabilityBound.of(load(c));
      assertThat(c.lr()).as("seed %d", seed).isLessThan(bound.maxStableRate());
      assertThat(c.lr()).as("seed %d", seed).isGreaterThan(0.8 * bound.maxStableRate());

      ObjectNode json = json(0, "--preset", "lr-edge", "--seed", "" + seed);
      assertThat(json.get("valLoss").asDouble()).as("seed %d", seed).isLessThan(2 * CHAPTER_FLOOR);
      // each step lands on the other side of the optimum: w1's error changes sign every step
      assertThat(signFlips(c, 0, 20)).as("seed %d", seed).isGreaterThanOrEqualTo(17);
      assertThat(signFlips(preset("full-batch").config(seed), 0, 20)).isLessThanOrEqualTo(2);
    }
  }

  @Test
  void lrTooLowBarelyMoves() {
    for (long seed : SEEDS) {
      ObjectNode json = json(0, "--preset", "lr-too-low", "--seed", "" + seed);
      double[] trueW = Cli.doubles(json.get("trueW"));
      double[] errorW = Cli.doubles(json.get("errorW"));
      for (int j = 0; j < trueW.length; j++) {
        // at most a fifth of the way to the truth after its 3 epochs
        assertThat(Math.abs(errorW[j])).as("seed %d", seed).isGreaterThan(0.8 * Math.abs(trueW[j]));
      }
      assertThat(json.get("errorB").asDouble()).isGreaterThan(0.8 * 4.2);
      assertThat(json.get("trainLoss").asDouble()).isGreaterThan(8);
    }
  }

  @Test
  void batchOneIsNoisyAndStillConverges() {
    for (long seed : SEEDS) {
      ObjectNode json = json(0, "--preset", "batch-1", "--seed", "" + seed);
      assertThat(json.get("settings").get("batchSize").asInt()).isEqualTo(1);
      assertThat(json.get("steps").asLong()).isEqualTo(1000);
      assertThat(json.get("valLoss").asDouble()).as("seed %d", seed).isLessThan(3 * CHAPTER_FLOOR);
      // one example's loss jumps by a factor of about 5 from step to step, 32's by about 1.25
      assertThat(medianJump(losses(preset("batch-1").config(seed)))).isGreaterThan(1.0);
      assertThat(medianJump(losses(preset("chapter").config(seed)))).isLessThan(0.5);
    }
  }

  @Test
  void fullBatchTakesOneSmoothStepPerEpochToConvergence() {
    for (long seed : SEEDS) {
      ObjectNode json = json(0, "--preset", "full-batch", "--seed", "" + seed);
      int epochs = json.get("settings").get("maxEpochs").asInt();
      assertThat(json.get("steps").asLong()).isEqualTo(epochs);
      assertThat(json.get("valLoss").asDouble()).as("seed %d", seed).isLessThan(2 * CHAPTER_FLOOR);
      List<Double> losses = losses(preset("full-batch").config(seed));
      for (int i = 1; i < losses.size(); i++) {
        assertThat(losses.get(i)).as("seed %d, step %d", seed, i + 1).isLessThan(losses.get(i - 1));
      }
    }
  }

  @Test
  void zeroInitStartsAtZeroAndLearnsAsTheChapterDoes() {
    for (long seed : SEEDS) {
      RunConfig c = preset("zero-init").config(seed);
      TrainingRun run = prepare(c);
      assertThat(run.model().w().toArray()).containsOnly(0.0);
      ObjectNode zero = json(0, "--preset", "zero-init", "--seed", "" + seed);
      ObjectNode chapter = json(0, "--seed", "" + seed);
      double[] w = Cli.doubles(zero.get("w"));
      double[] chapterW = Cli.doubles(chapter.get("w"));
      // two equal weights at the start end apart: there was no symmetry to break
      assertThat(w[0]).isGreaterThan(1.5);
      assertThat(w[1]).isLessThan(-2.9);
      for (int j = 0; j < w.length; j++) {
        assertThat(w[j])
            .as("seed %d", seed)
            .isCloseTo(chapterW[j], org.assertj.core.api.Assertions.within(0.01));
      }
    }
  }

  @Test
  void largeInitStartsFarAwayAndStillConverges() {
    double largeFirst = 0;
    double chapterFirst = 0;
    for (long seed : SEEDS) {
      largeFirst += losses(preset("large-init").config(seed)).get(0);
      chapterFirst += losses(preset("chapter").config(seed)).get(0);
      ObjectNode json = json(0, "--preset", "large-init", "--seed", "" + seed);
      assertThat(json.get("settings").get("sigma").asDouble()).isEqualTo(10);
      assertThat(json.get("valLoss").asDouble()).as("seed %d", seed).isLessThan(3 * CHAPTER_FLOOR);
      assertThat(maxAbs(Cli.doubles(json.get("errorW")))).as("seed %d", seed).isLessThan(0.01);
      assertThat(Math.abs(json.get("errorB").asDouble())).isLessThan(0.01);
    }
    assertThat(largeFirst).isGreaterThan(5 * chapterFirst);
  }

  @Test
  void noisyDataLevelsOffAtHalfTheNoiseSquaredWhateverTheRate() {
    double floor = 1.0 * 1.0 / 2;
    for (long seed : SEEDS) {
      ObjectNode json = json(0, "--preset", "noisy-data", "--seed", "" + seed);
      assertThat(json.get("valLoss").asDouble())
          .as("seed %d", seed)
          .isBetween(0.85 * floor, 1.2 * floor);
      for (String lr : List.of("0.01", "0.1", "0.5")) {
        ObjectNode other = json(0, "--preset", "noisy-data", "--seed", "" + seed, "--lr", lr);
        assertThat(other.get("settings").get("lr").asDouble()).isEqualTo(Double.parseDouble(lr));
        assertThat(other.get("valLoss").asDouble())
            .as("seed %d, lr %s", seed, lr)
            .isGreaterThan(0.85 * floor);
      }
    }
  }

  @Test
  void moreDataEndsWithSmallerErrorsThanTheChapter() {
    for (long seed : SEEDS) {
      ObjectNode more = json(0, "--preset", "more-data", "--seed", "" + seed);
      ObjectNode chapter = json(0, "--seed", "" + seed);
      assertThat(more.get("data").get("numTrain").asInt()).isEqualTo(10_000);
      double[] moreW = Cli.doubles(more.get("errorW"));
      double[] chapterW = Cli.doubles(chapter.get("errorW"));
      for (int j = 0; j < moreW.length; j++) {
        assertThat(Math.abs(moreW[j])).as("seed %d", seed).isLessThan(Math.abs(chapterW[j]) / 10);
      }
      assertThat(Math.abs(more.get("errorB").asDouble()))
          .isLessThan(Math.abs(chapter.get("errorB").asDouble()) / 10);
    }
  }

  @Test
  void unscaledFeaturesZigZagAcrossTheValleyAndStandardisingFixesIt() {
    for (long seed : SEEDS) {
      RunConfig c = preset("unscaled-features").config(seed);
      RegressionData d = load(c);
      double[] x = d.trainFeatures();
      assertThat(sd(x, 1, 2) / sd(x, 0, 2)).isBetween(80.0, 125.0);
      ObjectNode json = json(0, "--preset", "unscaled-features", "--seed", "" + seed);
      // w1 and b crawl: the loss is still high
      assertThat(json.get("trainLoss").asDouble()).as("seed %d", seed).isGreaterThan(5);
      // w2, the steep direction, jumps across the valley's floor
      assertThat(signFlips(c, 1, 20)).as("seed %d", seed).isGreaterThanOrEqualTo(8);
      assertThat(signFlips(preset("chapter").config(seed), 1, 20)).isZero();
      // the chapter's rate diverges on these features, and converges on their z-scores
      assertThat(train("--preset", "unscaled-features", "--seed", "" + seed, "--lr", "0.03").code())
          .isEqualTo(3);
      ObjectNode fixed =
          json(
              0,
              "--preset",
              "unscaled-features",
              "--seed",
              "" + seed,
              "--standardize",
              "--lr",
              "0.03");
      assertThat(fixed.get("trainLoss").asDouble()).as("seed %d", seed).isLessThan(0.01);
    }
    assertThat(preset("unscaled-features").lesson()).contains("--standardize");
  }

  @Test
  void noShuffleRepeatsTheSameMinibatchesEveryEpoch() {
    for (long seed : SEEDS) {
      ObjectNode json = json(0, "--preset", "no-shuffle", "--seed", "" + seed);
      assertThat(json.get("settings").get("shuffle").asBoolean()).isFalse();
      assertThat(json.get("trainLoss").asDouble()).isLessThan(0.3);
      List<int[]> noShuffle = firstRows(preset("no-shuffle").config(seed));
      List<int[]> chapter = firstRows(preset("chapter").config(seed));
      int perEpoch = 32;
      for (int i = 0; i < perEpoch; i++) {
        assertThat(noShuffle.get(perEpoch + i)).isEqualTo(noShuffle.get(i));
      }
      int same = 0;
      for (int i = 0; i < perEpoch; i++) {
        same += Arrays.equals(chapter.get(perEpoch + i), chapter.get(i)) ? 1 : 0;
      }
      assertThat(same).isLessThan(perEpoch);
    }
  }

  @Test
  void clippingTamesARateThatDivergesWithoutIt() {
    for (long seed : SEEDS) {
      ObjectNode json = json(0, "--preset", "clipping", "--seed", "" + seed);
      assertThat(json.get("settings").get("clip").asDouble()).isPositive();
      assertThat(json.get("valLoss").asDouble()).as("seed %d", seed).isLessThan(0.01);
      Cli unclipped = train("--preset", "clipping", "--clip", "0", "--seed", "" + seed);
      assertThat(unclipped.code()).as("seed %d", seed).isEqualTo(3);
    }
  }

  @Test
  void manyFeaturesLearnsTenWeights() {
    for (long seed : SEEDS) {
      ObjectNode json = json(0, "--preset", "many-features", "--seed", "" + seed);
      assertThat(json.get("w")).hasSize(10);
      assertThat(maxAbs(Cli.doubles(json.get("errorW")))).as("seed %d", seed).isLessThan(0.1);
      assertThat(json.get("valLoss").asDouble()).isLessThan(0.01);
    }
  }

  // ------------------------------------------------------------------ helpers

  private static Preset preset(String name) {
    return Presets.named(name).orElseThrow();
  }

  private static Cli train(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "train";
    System.arraycopy(args, 0, all, 1, args.length);
    return Cli.run(all);
  }

  private static ObjectNode json(int code, String... args) {
    String[] all = Arrays.copyOf(args, args.length + 1);
    all[args.length] = "--json";
    Cli run = train(all);
    assertThat(run.code()).as(String.join(" ", args) + ": " + run.err()).isEqualTo(code);
    return run.json();
  }

  private static RegressionData load(RunConfig c) {
    try {
      return c.loadData();
    } catch (descent.data.DataFileException e) {
      throw new AssertionError(e);
    }
  }

  private static TrainingRun prepare(RunConfig c, descent.train.TrainingListener listener) {
    RegressionData d = load(c);
    RunSpec spec = c.spec();
    return spec.newTrainer().prepare(spec.newModel(d.numFeatures()), d, listener);
  }

  private static TrainingRun prepare(RunConfig c) {
    return prepare(c, descent.train.TrainingListener.NONE);
  }

  /** Every minibatch's loss, through the run's own steps. */
  private static List<Double> losses(RunConfig c) {
    List<Double> losses = new ArrayList<>();
    TrainingRun run =
        prepare(
            c,
            e -> {
              if (e instanceof BatchDone b) {
                losses.add(b.loss());
              }
            });
    while (!run.isOver()) {
      run.step();
    }
    return losses;
  }

  /** How many of the first {@code steps} updates move w_j across its least-squares value. */
  private static int signFlips(RunConfig c, int j, int steps) {
    List<Double> wj = new ArrayList<>();
    TrainingRun run =
        prepare(
            c,
            e -> {
              if (e instanceof BatchDone b) {
                wj.add(b.w()[j]);
              }
            });
    RegressionData d = run.data();
    double optimum = LeastSquares.fit(d.trainFeatures(), d.trainTargets(), d.numFeatures()).w()[j];
    double before = run.model().w().toArray()[j] - optimum;
    int flips = 0;
    for (int i = 0; i < steps && !run.isOver(); i++) {
      run.step();
      double after = wj.get(wj.size() - 1) - optimum;
      flips += before * after < 0 ? 1 : 0;
      before = after;
    }
    return flips;
  }

  /** The median of |log(loss_t / loss_{t−1})| over the run's steps. */
  private static double medianJump(List<Double> losses) {
    double[] jumps = new double[losses.size() - 1];
    for (int i = 1; i < losses.size(); i++) {
      jumps[i - 1] = Math.abs(Math.log(losses.get(i) / losses.get(i - 1)));
    }
    Arrays.sort(jumps);
    return jumps[jumps.length / 2];
  }

  /** The data-set rows of every minibatch of the first two epochs. */
  private static List<int[]> firstRows(RunConfig c) {
    TrainingRun run = prepare(c);
    List<int[]> rows = new ArrayList<>();
    for (int i = 0; i < 2 * run.batchesPerEpoch(); i++) {
      run.step();
      rows.add(run.currentBatch().rows().clone());
    }
    return rows;
  }

  private static double sd(double[] x, int j, int d) {
    int n = x.length / d;
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += x[i * d + j] / n;
    }
    double squares = 0;
    for (int i = 0; i < n; i++) {
      squares += (x[i * d + j] - mean) * (x[i * d + j] - mean);
    }
    return Math.sqrt(squares / n);
  }

  private static double maxAbs(double[] v) {
    double max = 0;
    for (double x : v) {
      max = Math.max(max, Math.abs(x));
    }
    return max;
  }

  @SuppressWarnings("unused")
  private static JsonNode last(JsonNode array) {
    return array.get(array.size() - 1);
  }
}
