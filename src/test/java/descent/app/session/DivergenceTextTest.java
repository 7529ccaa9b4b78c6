package descent.app.session;

import static org.assertj.core.api.Assertions.assertThat;

import descent.data.SyntheticRegressionData;
import descent.train.DivergenceAdvice;
import descent.train.FeatureScales;
import descent.train.StabilityBound;
import descent.train.TrainingEvent.Diverged;
import org.junit.jupiter.api.Test;

/** The banner and status line the app shows on divergence, worded by the shared advice. */
class DivergenceTextTest {
  /** The chapter's data: 1000 rows, w = (2, −3.4), b = 4.2, batch 32. */
  private static final SyntheticRegressionData DATA =
      new SyntheticRegressionData(new double[] {2, -3.4}, 4.2, 0.01, 1000, 1000, 32, true, 42);

  private static final StabilityBound CHAPTER = StabilityBound.of(DATA);
  private static final FeatureScales SCALES = FeatureScales.of(DATA);

  private static DivergenceAdvice advice(Diverged d, double lr) {
    return DivergenceAdvice.of(d, lr, CHAPTER, SCALES);
  }

  @Test
  void aTooLargeRateGetsARateComputedFromTheData() {
    Diverged d = new Diverged(0, 6, 7, 4.4e7, "the loss grew past a million times its first value");
    assertThat(CHAPTER.suggestedRate()).isEqualTo(0.5);
    assertThat(DivergenceText.banner(d, advice(d, 5)))
        .isEqualTo(
            "Diverged at epoch 1, step 7: loss = 4.4e+07 — try a learning rate of 0.5 ("
                + CHAPTER.describe()
                + ")");
    assertThat(CHAPTER.describe()).startsWith("stable below 1.").endsWith("and batch 32");
    assertThat(DivergenceText.message(advice(d, 5)))
        .isEqualTo("Diverged: set the learning rate to 0.5 or less to start a fresh run");
  }

  @Test
  void aFirstLossThatIsAlreadyInfiniteIsNotBlamedOnTheLearningRate() {
    Diverged d = new Diverged(0, 0, 1, Double.POSITIVE_INFINITY, "the loss is ∞");
    assertThat(DivergenceText.banner(d, advice(d, 0.03)))
        .isEqualTo(
            "Diverged at epoch 1, step 1: loss = ∞ — the initial weights or the data are too"
                + " large to compute a finite loss; lower the initial σ or the data's values (a"
                + " smaller learning rate will not help)");
    assertThat(DivergenceText.message(advice(d, 0.03)))
        .isEqualTo("Diverged before the first update: lower init σ or the data's values");
  }

  @Test
  void aFiniteFirstStepDivergenceStillGetsARate() {
    // the first update made a parameter ∞: that is the learning rate's doing
    Diverged d = new Diverged(0, 0, 1, 12.5, "the parameter w[0] became ∞");
    assertThat(DivergenceText.banner(d, advice(d, 9))).contains("try a learning rate of 0.5");
  }

  @Test
  void aRateAlreadyBelowTheSuggestionGetsALowerOne() {
    Diverged d = new Diverged(2, 3, 70, Double.NaN, "the loss is NaN");
    assertThat(DivergenceText.banner(d, advice(d, 0.2)))
        .startsWith("Diverged at epoch 3, step 70: loss = NaN — try a learning rate of 0.02 (0.2")
        .contains("which is approximate");
    assertThat(DivergenceText.message(advice(d, 0.2)))
        .isEqualTo("Diverged: set the learning rate to 0.02 or less to start a fresh run");
  }

  @Test
  void featuresTooLargeForABoundSayToScaleThem() {
    StabilityBound none = new StabilityBound(0, 0, Double.POSITIVE_INFINITY, 0, 32, 1000);
    Diverged d = new Diverged(0, 2, 3, 1e300, "the loss grew past a million times its first value");
    DivergenceAdvice advice = DivergenceAdvice.of(d, 0.03, none, SCALES);
    assertThat(DivergenceText.banner(d, advice))
        .startsWith("Diverged at epoch 1, step 3: loss = 1.0e+300 — no learning rate is known")
        .contains("scale the features");
    assertThat(DivergenceText.message(advice))
        .isEqualTo("Diverged: lower the data's values, then Reset (R)");
  }

  @Test
  void ratesAndLossesReadAsTyped() {
    assertThat(DivergenceText.rate(0.5)).isEqualTo("0.5");
    assertThat(DivergenceText.rate(0.02)).isEqualTo("0.02");
    assertThat(DivergenceText.rate(2)).isEqualTo("2");
    assertThat(DivergenceText.rate(1e-5)).isEqualTo("1e-05");
    assertThat(DivergenceText.loss(0.0123456789)).isEqualTo("0.012346");
    assertThat(DivergenceText.loss(Double.NEGATIVE_INFINITY)).isEqualTo("−∞");
  }
}
