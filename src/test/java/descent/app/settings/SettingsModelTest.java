package descent.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.params.ParametersModel;
import descent.app.params.ParametersModel.Closeness;
import descent.train.LeastSquares;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The settings' validation and the parameter rows, without the JavaFX toolkit. */
class SettingsModelTest {
  private final SettingsModel settings = new SettingsModel();

  @Test
  void startsWithTheChaptersValues() {
    assertThat(settings.learningRate.value()).isEqualTo(0.03);
    assertThat(settings.sigma.value()).isEqualTo(0.01);
    assertThat(settings.batchSize.intValue()).isEqualTo(32);
    assertThat(settings.epochs.intValue()).isEqualTo(3);
    assertThat(settings.noise.value()).isEqualTo(0.01);
    assertThat(settings.numTrain.intValue()).isEqualTo(1000);
    assertThat(settings.numVal.intValue()).isEqualTo(1000);
    assertThat(settings.trueW.value()).containsExactly(2, -3.4);
    assertThat(settings.trueB.value()).isEqualTo(4.2);
    assertThat(settings.trueW.textProperty().get()).isEqualTo("2, -3.4");
    assertThat(settings.all()).allSatisfy(s -> assertThat(s.tooltip()).endsWith("."));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "abc    | “abc” is not a number",
        "''     | learning rate η needs a number",
        "0      | learning rate η must be between 0.0001 and 10",
        "11     | learning rate η must be between 0.0001 and 10",
        "-0.1   | learning rate η must be between 0.0001 and 10",
        "NaN    | “NaN” is not a finite number",
        "1e999  | “1e999” is not a finite number",
      })
  void refusesBadLearningRatesAndKeepsTheValue(String text, String message) {
    List<Number> changes = new ArrayList<>();
    settings.learningRate.valueProperty().addListener((o, a, b) -> changes.add(b));
    assertThat(settings.learningRate.submit(text)).isFalse();
    assertThat(settings.learningRate.error()).isEqualTo(message);
    assertThat(settings.learningRate.value()).isEqualTo(0.03);
    assertThat(settings.learningRate.textProperty().get()).isEqualTo(text);
    assertThat(changes).isEmpty();
    settings.learningRate.revert();
    assertThat(settings.learningRate.error()).isNull();
    assertThat(settings.learningRate.textProperty().get()).isEqualTo("0.03");
  }

  @Test
  void acceptsAndNormalisesGoodText() {
    assertThat(settings.learningRate.submit(" 1e-2 ")).isTrue();
    assertThat(settings.learningRate.value()).isEqualTo(0.01);
    assertThat(settings.learningRate.textProperty().get()).isEqualTo("0.01");
    assertThat(settings.trueB.submit("−1.5"))
        .isTrue(); // a typographic minus, as copied from slides
    assertThat(settings.trueB.value()).isEqualTo(-1.5);
  }

  @Test
  void leavingAFieldThatShowsARoundedValueChangesNothing() {
    List<Number> changes = new ArrayList<>();
    settings.sigma.valueProperty().addListener((o, a, b) -> changes.add(b));
    settings.sigma.set(3.14159265); // a slider position, shown rounded
    assertThat(settings.sigma.textProperty().get()).isEqualTo("3.14159");
    assertThat(settings.sigma.submit()).isTrue(); // focus left the field
    assertThat(settings.sigma.value()).isEqualTo(3.14159265);
    assertThat(changes).hasSize(1);
    assertThat(settings.trueW.submit("1.23456789")).isTrue();
    assertThat(settings.trueW.submit()).isTrue();
    assertThat(settings.trueW.value()).containsExactly(1.23456789);
  }

  @Test
  void integerSettingsRefuseFractions() {
    assertThat(settings.epochs.submit("2.5")).isFalse();
    assertThat(settings.epochs.error()).isEqualTo("epochs must be a whole number");
    assertThat(settings.epochs.submit("101")).isFalse();
    assertThat(settings.epochs.error()).isEqualTo("epochs must be between 1 and 100");
  }

  @Test
  void theBatchSizeFollowsTheTrainingRows() {
    assertThat(settings.batchSize.submit("1000")).isTrue();
    assertThat(settings.batchSize.submit("1001")).isFalse();
    assertThat(settings.batchSize.error()).isEqualTo("batch size must be between 1 and 1000");
    settings.numTrain.submit("100");
    assertThat(settings.batchSize.intValue()).isEqualTo(100);
    assertThat(settings.batchSize.max()).isEqualTo(100);
  }

  @Test
  void slidersClampAndRound() {
    settings.epochs.set(7.4);
    assertThat(settings.epochs.intValue()).isEqualTo(7);
    settings.sigma.set(50);
    assertThat(settings.sigma.value()).isEqualTo(10);
    settings.sigma.preview(3.25);
    assertThat(settings.sigma.textProperty().get()).isEqualTo("3.25");
    assertThat(settings.sigma.value()).isEqualTo(10);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''                   | true w needs at least one number",
        "1, x                 | entry 2, “x”, is not a number",
        "1,,2                 | entry 2, “”, is not a number",
        "1,2,3,4,5,6,7,8,9,10,11 | true w takes at most 10 numbers, got 11",
        "5000                 | entry 1 must be between -1000 and 1000",
      })
  void refusesBadWeightLists(String text, String message) {
    assertThat(settings.trueW.submit(text)).isFalse();
    assertThat(settings.trueW.error()).isEqualTo(message);
    assertThat(settings.trueW.value()).containsExactly(2, -3.4);
  }

  @Test
  void weightListsSetTheNumberOfFeatures() {
    assertThat(settings.trueW.submit("1; 2.5, -3")).isTrue();
    assertThat(settings.trueW.value()).containsExactly(1, 2.5, -3);
    assertThat(settings.trueW.textProperty().get()).isEqualTo("1, 2.5, -3");
  }

  @Test
  void acceptsExactlyTheCommandLinesSeeds() {
    // one range everywhere: a seed the command line printed can be typed here, and no other
    assertThat(settings.seed.submit(String.valueOf(descent.train.RunSpec.MAX_SEED))).isTrue();
    assertThat(settings.seed.value()).isEqualTo((double) descent.train.RunSpec.MAX_SEED);
    assertThat(settings.seed.submit("0")).isTrue();
    assertThat(settings.seed.submit("-1")).isFalse();
    assertThat(settings.seed.submit(String.valueOf(descent.train.RunSpec.MAX_SEED + 1))).isFalse();
    assertThat(settings.seed.value()).isZero();
  }

  @Test
  void newSeedDrawsAValidSeed() {
    settings.newSeed(new Random(7));
    assertThat(settings.seed.value()).isBetween(0.0, (double) SettingsModel.MAX_SEED);
    assertThat(settings.seed.value()).isNotEqualTo(42.0);
  }

  @Test
  void speedRunsFromOneStepPerSecondToAsFastAsPossible() {
    assertThat(SpeedSetting.stepsPerSecond(0)).isEqualTo(1);
    assertThat(SpeedSetting.stepsPerSecond(2)).isEqualTo(100);
    assertThat(SpeedSetting.stepsPerSecond(SpeedSetting.MAX_POSITION)).isInfinite();
    assertThat(SpeedSetting.describe(0)).isEqualTo("up to 1 step/s");
    assertThat(SpeedSetting.describe(SpeedSetting.MAX_POSITION)).isEqualTo("as fast as possible");
  }

  @Test
  void parameterRowsShowTruthLearnedErrorAndLeastSquares() {
    ParametersModel model = new ParametersModel();
    LeastSquares.Fit ols = new LeastSquares.Fit(new double[] {2.001, -3.399}, 4.2002, null);
    model.reset(new double[] {2, -3.4}, 4.2, ols, new double[] {0.01, 0.02}, 0);
    assertThat(model.rows()).extracting(ParametersModel.Row::name).containsExactly("w₁", "w₂", "b");
    model.update(new double[] {1.995, -3.2}, 4.15);
    var w1 = model.rows().get(0);
    assertThat(w1.error()).isCloseTo(0.005, org.assertj.core.data.Offset.offset(1e-12));
    // judged against the least-squares values 2.001, −3.399, 4.2002, not the truth
    assertThat(w1.closeness()).isEqualTo(Closeness.CLOSE);
    assertThat(model.rows().get(1).closeness()).isEqualTo(Closeness.FAR);
    assertThat(model.rows().get(2).closeness()).isEqualTo(Closeness.FAR);
    assertThat(model.rows().get(2).leastSquares()).isEqualTo(4.2002);
    assertThat(model.leastSquaresNoteProperty().get()).isNull();

    model.reset(
        new double[] {1},
        0,
        new LeastSquares.Fit(null, Double.NaN, "singular"),
        new double[] {0},
        0);
    assertThat(model.rows()).hasSize(2);
    assertThat(model.rows().get(0).leastSquares()).isNaN();
    assertThat(model.leastSquaresNoteProperty().get()).isEqualTo("singular");
  }
}
