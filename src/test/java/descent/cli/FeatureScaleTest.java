package descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** --feature-scale draws wider features; --standardize trains on their z-scores. */
class FeatureScaleTest {

  @Test
  void aScaleOfOneIsTheChaptersRunExactly() {
    JsonNode plain = Cli.run("train", "--json", "--seed", "4").json();
    JsonNode ones = Cli.run("train", "--json", "--seed", "4", "--feature-scale", "1").json();
    assertThat(ones.get("epochs")).isEqualTo(plain.get("epochs"));
    assertThat(ones.get("parameters")).isEqualTo(plain.get("parameters"));
  }

  @Test
  void aWideFeatureForcesATinyRateUnlessStandardised() {
    String[] wide = {"train", "--json", "--seed", "4", "--feature-scale", "1,100"};
    String[] w = {"--true-w", "2,-0.034"};
    // the chapter's rate is far above the wide feature's stable bound (about 2 / 100²)
    assertThat(Cli.run(concat(wide, w, new String[] {"--lr", "0.03"})).code()).isEqualTo(3);
    // a stable rate barely moves the narrow feature and the bias in 3 epochs
    JsonNode slow = Cli.run(concat(wide, w, new String[] {"--lr", "0.0001"})).json();
    // on z-scores every feature has size 1, and the chapter's rate converges
    Cli z = Cli.run(concat(wide, w, new String[] {"--lr", "0.03", "--standardize"}));
    assertThat(z.code()).isZero();
    double slowLoss = last(slow.get("epochs")).get("trainLoss").asDouble();
    double zLoss = last(z.json().get("epochs")).get("trainLoss").asDouble();
    assertThat(slowLoss).isGreaterThan(1);
    assertThat(zLoss).isLessThan(slowLoss / 20);
  }

  private static String[] concat(String[]... parts) {
    return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
  }

  @Test
  void badScalesAreRefusedInOneLine() {
    Cli zero = Cli.run("train", "--feature-scale", "1,0");
    assertThat(zero.code()).isEqualTo(2);
    assertThat(zero.err().strip())
        .contains("--feature-scale")
        .contains("element 2 is not > 0")
        .doesNotContain("\n");
    Cli count = Cli.run("train", "--feature-scale", "1,2,3");
    assertThat(count.code()).isEqualTo(2);
    assertThat(count.err().strip())
        .isEqualTo("--feature-scale: needs 1 number or 2 (one per feature of --true-w), got 3");
    Cli withData = Cli.run("train", "--data", "x.csv", "--feature-scale", "2");
    assertThat(withData.code()).isEqualTo(2);
    assertThat(withData.err()).contains("--feature-scale: not applicable with --data");
  }

  private static JsonNode last(JsonNode array) {
    return array.get(array.size() - 1);
  }
}
