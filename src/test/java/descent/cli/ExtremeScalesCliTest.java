package descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Extreme scales either train or end with a message that names the cause and the cure (scaling the
 * features; the command line's --standardize does it): features a million times larger or smaller
 * than the chapter's, and targets a billion times larger (docs/limits.md).
 */
class ExtremeScalesCliTest {
  /** x ~ N(0, 10¹²): the stable rate is about 10⁻¹², so the chapter's 0.03 blows up at once. */
  @Test
  void featuresAMillionTimesLargerDivergeNamingTheFeatureAndTheCure() {
    Cli run = Cli.run("train", "--seed", "1", "--feature-scale", "1e6");

    assertThat(run.code()).isEqualTo(3);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err())
        .startsWith("diverged at epoch 1")
        .contains(
            "lr 0.03 is above the stable bound for these data and batch 32",
            "the feature \"x1\" is large (values around 1e+06)",
            "scaling the features is the cure");
    // and the cure works
    Cli standardised = Cli.run("train", "--seed", "1", "--feature-scale", "1e6", "--standardize");
    assertThat(standardised.code()).as(standardised.err()).isZero();
  }

  /** x ~ N(0, 10⁻¹²): the weights would have to be 10⁶ times larger and SGD crawls towards them. */
  @Test
  void featuresAMillionTimesSmallerTrainAndHearWhyTheyAreFarAndWhatToDo() {
    Cli run = Cli.run("train", "--seed", "1", "--feature-scale", "1e-6");

    assertThat(run.code()).isZero();
    assertThat(run.outLines())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("note: features on scales far from 1")
                    .contains(
                        "standard deviation of x2 9.8e-07, x1 1.0e-06", "scale the features"));
  }

  /** y ~ 10⁹: SGD is blind to the targets' scale; it learns w and b as for the chapter's y. */
  @Test
  void targetsABillionTimesLargerTrainLikeTheChapters() {
    Cli chapter = Cli.run("train", "--json", "--seed", "1");
    Cli large =
        Cli.run("train", "--json", "--seed", "1", "--true-w", "2e9,-3.4e9", "--true-b", "4.2e9");

    assertThat(large.code()).as(large.err()).isZero();
    double[] w = Cli.doubles(chapter.json().get("w"));
    double[] wLarge = Cli.doubles(large.json().get("w"));
    for (int j = 0; j < w.length; j++) {
      assertThat(wLarge[j] / 1e9).isCloseTo(w[j], org.assertj.core.data.Offset.offset(0.01));
    }
  }
}
