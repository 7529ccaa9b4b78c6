package descent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import descent.data.SyntheticRegressionData;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainCommandTest {
  private static final Pattern SEED_LINE =
      Pattern.compile("seed (-?\\d+) \\(repeat this run with --seed \\1\\)");

  @Test
  void defaultRunPrintsTheSeedThreeEpochsAndTheParameterTable() {
    Cli run = Cli.run("train");

    assertThat(run.code()).isZero();
    assertThat(run.err()).isEmpty();
    List<String> lines = run.outLines();
    assertThat(lines.get(0)).matches(SEED_LINE);
    for (int epoch = 1; epoch <= 3; epoch++) {
      assertThat(lines.get(epoch)).matches("epoch " + epoch + "  train loss \\S+ +val loss \\S+");
    }
    assertThat(lines.get(4)).isEmpty();
    assertThat(lines.get(5).split(" +"))
        .containsExactly("parameter", "true", "learned", "error", "least-squares");
    assertThat(lines.get(6)).startsWith("w1 ");
    assertThat(lines.get(6).trim().split(" +")[1]).isEqualTo("2");
    assertThat(lines.get(7)).startsWith("w2 ");
    assertThat(lines.get(7).trim().split(" +")[1]).isEqualTo("-3.4");
    assertThat(lines.get(8)).startsWith("b ");
    assertThat(lines.get(8).trim().split(" +")[1]).isEqualTo("4.2");
    assertThat(lines.get(9)).isEmpty();
    assertThat(lines.get(10)).startsWith("96 steps in 3 epochs, training time ");
    assertThat(lines).hasSize(11);
  }

  @Test
  void tableColumnsLineUp() {
    List<String> table = Cli.run("train", "--seed", "3").outLines().subList(5, 9);

    int end = table.get(0).length();
    assertThat(table).allSatisfy(row -> assertThat(row).hasSize(end));
    assertThat(table.get(0)).endsWith("least-squares");
  }

  @Test
  void jsonHasEveryKeyAndTheChapterStepCount() {
    ObjectNode json = Cli.run("train", "--json", "--seed", "5").json();

    assertThat(json.fieldNames())
        .toIterable()
        .contains(
            "w",
            "b",
            "trueW",
            "trueB",
            "trainLoss",
            "valLoss",
            "epochs",
            "steps",
            "diverged",
            "olsW",
            "olsB",
            "olsUnavailable",
            "seed",
            "trainMillis");
    assertThat(json.get("steps").asLong()).isEqualTo(96);
    assertThat(json.get("seed").asLong()).isEqualTo(5);
    assertThat(json.get("diverged").asBoolean()).isFalse();
    assertThat(json.get("w")).hasSize(2);
    assertThat(Cli.doubles(json.get("trueW"))).containsExactly(2, -3.4);
    assertThat(json.get("trueB").asDouble()).isEqualTo(4.2);
    assertThat(json.get("olsUnavailable").isNull()).isTrue();
    assertThat(Cli.doubles(json.get("olsW"))).containsExactly(new double[] {2, -3.4}, within(0.01));
    assertThat(json.get("trainMillis").isNumber()).isTrue();

    JsonNode epochs = json.get("epochs");
    assertThat(epochs).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(epochs.get(i).get("epoch").asInt()).isEqualTo(i + 1);
      assertThat(epochs.get(i).get("trainLoss").isNumber()).isTrue();
      assertThat(epochs.get(i).get("valLoss").isNumber()).isTrue();
    }
    assertThat(json.get("valLoss").asDouble()).isEqualTo(epochs.get(2).get("valLoss").asDouble());
    assertThat(json.get("trainLoss").asDouble())
        .isEqualTo(epochs.get(2).get("trainLoss").asDouble());
  }

  @Test
  void jsonIsTheOnlyOutput() {
    Cli run = Cli.run("train", "--json", "--seed", "5");

    assertThat(run.outLines()).hasSize(1);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void theSameSeedGivesTheSameRun() {
    ObjectNode first = Cli.run("train", "--json", "--seed", "42").json();
    ObjectNode second = Cli.run("train", "--json", "--seed", "42").json();
    first.remove("trainMillis");
    second.remove("trainMillis");

    assertThat(second).isEqualTo(first);
    assertThat(Cli.run("train", "--json", "--seed", "43").json().get("w"))
        .isNotEqualTo(first.get("w"));
  }

  @Test
  void thePrintedRandomSeedRepeatsTheRun() {
    Cli drawn = Cli.run("train");
    Matcher seed = SEED_LINE.matcher(drawn.outLines().get(0));
    assertThat(seed.matches()).isTrue();

    Cli repeated = Cli.run("train", "--seed", seed.group(1));

    assertThat(withoutTime(repeated.out())).isEqualTo(withoutTime(drawn.out()));
  }

  @Test
  void seedsAtBothEndsOfTheAppsRangeRun() {
    for (String seed : new String[] {"0", "999999999", "+7"}) {
      Cli run = Cli.run("train", "--seed", seed, "--epochs", "1");

      assertThat(run.code()).as(seed).isZero();
      assertThat(run.outLines().get(0)).matches(SEED_LINE);
    }
  }

  @Test
  void drawnSeedsAreInTheAppsRange() {
    for (int i = 0; i < 20; i++) {
      Matcher seed = SEED_LINE.matcher(Cli.run("train", "--epochs", "1").outLines().get(0));
      assertThat(seed.matches()).isTrue();

      assertThat(Long.parseLong(seed.group(1))).isBetween(0L, descent.train.RunSpec.MAX_SEED);
    }
  }

  @Test
  void jsonMatchesAHandWrittenSgdLoop() {
    ObjectNode json =
        Cli.run("train", "--json", "--sigma", "0", "--no-shuffle", "--seed", "1").json();

    // The chapter's data for seed 1, read in order; w starts at exactly 0 and b at 0.
    SyntheticRegressionData data =
        new SyntheticRegressionData(new double[] {2, -3.4}, 4.2, 0.01, 1000, 1000, 32, false, 1);
    double lr = 0.03;
    double[] w = {0, 0};
    double b = 0;
    for (int epoch = 0; epoch < 3; epoch++) {
      for (int start = 0; start < 1000; start += 32) {
        int m = Math.min(32, 1000 - start);
        double[] gradW = new double[2];
        double gradB = 0;
        for (int row = start; row < start + m; row++) {
          double[] x = data.featuresOf(row);
          // ∂/∂ŷ of (ŷ − y)²/2 is the residual ŷ − y
          double residual = x[0] * w[0] + x[1] * w[1] + b - data.targetOf(row);
          gradW[0] += residual * x[0];
          gradW[1] += residual * x[1];
          gradB += residual;
        }
        w[0] -= lr * gradW[0] / m;
        w[1] -= lr * gradW[1] / m;
        b -= lr * gradB / m;
      }
    }

    assertThat(Cli.doubles(json.get("w"))).containsExactly(w, within(1e-12));
    assertThat(json.get("b").asDouble()).isCloseTo(b, within(1e-12));
  }

  @Test
  void sigmaZeroStartsFromZero() {
    // One step of batch size 1 from w = 0, b = 0: w = lr·y·x, b = lr·y exactly.
    ObjectNode json =
        Cli.run(
                "train",
                "--json",
                "--sigma",
                "0",
                "--no-shuffle",
                "--seed",
                "9",
                "--num-train",
                "1",
                "--batch-size",
                "1",
                "--epochs",
                "1")
            .json();
    SyntheticRegressionData data =
        new SyntheticRegressionData(new double[] {2, -3.4}, 4.2, 0.01, 1, 1000, 1, false, 9);
    double y = data.targetOf(0);
    double[] x = data.featuresOf(0);

    assertThat(json.get("steps").asLong()).isEqualTo(1);
    assertThat(json.get("b").asDouble()).isEqualTo(0.03 * y);
    assertThat(Cli.doubles(json.get("w")))
        .containsExactly(new double[] {0.03 * y * x[0], 0.03 * y * x[1]}, within(1e-15));
  }

  @Test
  void aTooLargeLearningRateDivergesWithExitThree() {
    Cli run = Cli.run("train", "--lr", "5", "--seed", "1");

    assertThat(run.code()).isEqualTo(3);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err())
        .matches("(?s)diverged at epoch 1, step \\d+: loss = .*")
        .contains("lr 5 is above the stable bound for these data and batch 32", "try --lr 0.5");
    assertThat(run.err()).doesNotContain("Exception", "\tat ");
    assertThat(run.outLines()).hasSize(1); // the seed; no table for a run that blew up
  }

  @Test
  void aDivergedRunStillPrintsValidJson() {
    for (String lr : List.of("5", "1e300")) {
      Cli run = Cli.run("train", "--json", "--lr", lr, "--seed", "2");

      assertThat(run.code()).isEqualTo(3);
      ObjectNode json = run.json();
      assertThat(json.get("diverged").asBoolean()).isTrue();
      assertThat(json.get("divergence").get("step").asLong()).isPositive();
      assertThat(json.get("divergence").get("epoch").asInt()).isEqualTo(1);
      assertThat(run.err()).contains("diverged at epoch 1, step");
    }
    // 1e300 overflows the first loss: a non-finite number must come out as null, not NaN
    ObjectNode json = Cli.run("train", "--json", "--lr", "1e300", "--seed", "2").json();
    assertThat(json.get("divergence").get("loss").isNull()).isTrue();
    assertThat(json.get("valLoss").isNull()).isTrue();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "--sigma, 1e308",
    "--true-b, 1e308",
    "--noise, 1e308",
    "--true-w, '1e308,1e308'",
  })
  void aFirstLossThatOverflowsNamesWhatToLowerNotTheLearningRate(String option, String value) {
    Cli run = Cli.run("train", "--seed", "1", option, value);

    assertThat(run.code()).isEqualTo(3);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err())
        .startsWith("diverged at epoch 1, step 1: loss = ∞ before any update — ")
        .contains(
            "the initial weights or the data are too large to compute a finite loss",
            "lower " + option + " (a smaller --lr will not help)")
        .doesNotContain("try --lr", "stable bound", "Exception");
  }

  @Test
  void aFirstLossThatOverflowsNamesEveryMagnitudeGiven() {
    Cli run = Cli.run("train", "--seed", "1", "--sigma", "1e200", "--noise", "1e200");

    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err()).contains("lower --sigma or --noise (a smaller --lr will not help)");
  }

  @Test
  void jsonOfAFirstLossThatOverflowsCarriesTheSameAdvice() {
    Cli run = Cli.run("train", "--json", "--seed", "1", "--sigma", "1e308");

    assertThat(run.code()).isEqualTo(3);
    JsonNode divergence = run.json().get("divergence");
    assertThat(divergence.get("step").asLong()).isEqualTo(1);
    assertThat(divergence.get("loss").isNull()).isTrue();
    assertThat(divergence.get("advice").asText())
        .contains("too large to compute a finite loss", "lower --sigma")
        .doesNotContain("learning rate");
    assertThat(run.err()).contains("lower --sigma").doesNotContain("try --lr");
  }

  @Test
  void jsonStepsOfADivergedRunAreTheStepThatDiverged() {
    // lr 5 makes the loss of some step explode before its update: that step counts as taken
    for (String seed : List.of("1", "2", "3")) {
      ObjectNode json = Cli.run("train", "--json", "--lr", "5", "--seed", seed).json();
      long step = json.get("divergence").get("step").asLong();
      assertThat(step).isGreaterThan(1);
      assertThat(json.get("steps").asLong()).as("seed " + seed).isEqualTo(step);
    }
  }

  @Test
  void jsonOfALearningRateDivergenceAdvisesASmallerLearningRate() {
    Cli run = Cli.run("train", "--json", "--seed", "1", "--lr", "5");

    assertThat(run.code()).isEqualTo(3);
    assertThat(run.json().get("divergence").get("advice").asText())
        .isEqualTo(
            "lr 5 is above the stable bound for these data and batch 32 (1.7); try --lr 0.5");
    String advice = run.json().get("divergence").get("advice").asText();
    assertThat(run.errLines()).singleElement().asString().endsWith(" — " + advice);
  }

  @Test
  void aNonFiniteValidationLossAtStepOneIsStillTheLearningRate() {
    // one training row and one batch: the first loss is finite, the update overshoots, and the
    // validation after step 1 overflows; the learning rate is to blame
    Cli run = Cli.run("train", "--seed", "1", "--num-train", "1", "--epochs", "1", "--lr", "1e300");

    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err())
        .startsWith("diverged at epoch 1, step 1: loss = ∞ — the validation loss is ∞")
        .contains("lr 1e+300 is above the stable bound for these data and full batch", "try --lr")
        .doesNotContain("before any update");
  }

  @Test
  void oneTrainingRowIsOneRow() {
    Cli run = Cli.run("train", "--seed", "1", "--num-train", "1");

    assertThat(run.code()).isZero();
    assertThat(run.outLines().get(1))
        .isEqualTo("batch size 1 (the default, 32, is more than the 1 training row)");
  }

  @Test
  void withoutBatchSizeAFewTrainingRowsMakeOneBatchAndTheOutputSaysSo() {
    Cli run = Cli.run("train", "--seed", "1", "--num-train", "10");

    assertThat(run.code()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines().get(1))
        .isEqualTo("batch size 10 (the default, 32, is more than the 10 training rows)");
    assertThat(run.outLines()).anyMatch(line -> line.startsWith("3 steps in 3 epochs"));

    ObjectNode json = Cli.run("train", "--json", "--seed", "1", "--num-train", "10").json();
    assertThat(json.get("settings").get("batchSize").asInt()).isEqualTo(10);
    assertThat(json.get("steps").asLong()).isEqualTo(3);
  }

  @Test
  void anExplicitBatchSizeLargerThanTheTrainingRowsIsStillRefused() {
    Cli run = Cli.run("train", "--num-train", "10", "--batch-size", "32");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly("--batch-size: must be an integer from 1 to 10 (numTrain), got 32");
  }

  @Test
  void optionsReachTheRun() {
    ObjectNode json =
        Cli.run(
                "train",
                "--json",
                "--seed",
                "4",
                "--true-w",
                "1,2,3",
                "--true-b",
                "-1",
                "--num-train",
                "100",
                "--num-val",
                "10",
                "--batch-size",
                "30",
                "--epochs",
                "2",
                "--clip",
                "1",
                "--noise",
                "0")
            .json();

    assertThat(json.get("w")).hasSize(3);
    assertThat(Cli.doubles(json.get("trueW"))).containsExactly(1, 2, 3);
    assertThat(json.get("trueB").asDouble()).isEqualTo(-1);
    assertThat(json.get("steps").asLong()).isEqualTo(2 * 4); // ⌈100 / 30⌉ = 4 batches
    assertThat(json.get("data").get("numVal").asInt()).isEqualTo(10);
    assertThat(json.get("settings").get("clip").asDouble()).isEqualTo(1);
    // noise 0: least squares recovers the truth exactly, up to rounding
    assertThat(Cli.doubles(json.get("olsW"))).containsExactly(new double[] {1, 2, 3}, within(1e-9));
  }

  @Test
  void textTableForManyFeaturesHasOneRowEach() {
    List<String> lines =
        Cli.run("train", "--seed", "1", "--true-w", "1,2,3,4,5,6,7,8,9,10").outLines();

    assertThat(lines.subList(6, 17))
        .extracting(line -> line.split(" +")[0])
        .containsExactly("w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "w9", "w10", "b");
  }

  private static String withoutTime(String out) {
    return out.replaceAll("training time \\S+ ms", "training time _ ms");
  }
}
