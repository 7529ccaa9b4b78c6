package descent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import descent.data.SyntheticRegressionData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train --standardize reports w and b in standardised units and in the original ones. */
class StandardizedReportTest {
  @TempDir Path dir;

  @Test
  void mappedBackParametersPredictWhatTheStandardisedOnesDo() {
    ObjectNode json = Cli.run("train", "--json", "--seed", "3", "--standardize").json();
    double[] w = Cli.doubles(json.get("w"));
    double b = json.get("b").asDouble();
    JsonNode original = json.get("original");
    double[] wo = Cli.doubles(original.get("w"));
    double bo = original.get("b").asDouble();
    double[] means = Cli.doubles(original.get("means"));
    double[] scales = Cli.doubles(original.get("scales"));

    // the chapter's rows for seed 3, as the run drew them
    SyntheticRegressionData rows =
        new SyntheticRegressionData(
            new double[] {2, -3.4}, 4.2, 0.01, 1000, 1000, new double[] {1, 1}, 32, true, 3);
    for (int i = 0; i < rows.numTrain() + rows.numVal(); i++) {
      double[] x = rows.featuresOf(i);
      double z = b;
      double y = bo;
      for (int j = 0; j < x.length; j++) {
        z += w[j] * (x[j] - means[j]) / scales[j];
        y += wo[j] * x[j];
      }
      assertThat(y).isCloseTo(z, within(1e-9));
    }
    // μ and s are the training rows' own (dividing by n)
    double mean = 0;
    for (int i = 0; i < 1000; i++) {
      mean += rows.featuresOf(i)[0] / 1000;
    }
    assertThat(means[0]).isCloseTo(mean, within(1e-12));
  }

  @Test
  void onTheChaptersDataTheMappedBackParametersAreCloseToTheTruth() {
    ObjectNode json =
        Cli.run("train", "--json", "--seed", "3", "--standardize", "--epochs", "10").json();
    JsonNode original = json.get("original");

    assertThat(Cli.doubles(original.get("trueW"))).containsExactly(2, -3.4);
    assertThat(original.get("trueB").asDouble()).isEqualTo(4.2);
    assertThat(Cli.doubles(original.get("w")))
        .containsExactly(new double[] {2, -3.4}, within(0.002));
    assertThat(original.get("b").asDouble()).isCloseTo(4.2, within(0.002));
    // least squares mapped back is least squares on the original features
    ObjectNode plain = Cli.run("train", "--json", "--seed", "3").json();
    assertThat(Cli.doubles(original.get("olsW")))
        .containsExactly(Cli.doubles(plain.get("olsW")), within(1e-9));
    assertThat(original.get("olsB").asDouble())
        .isCloseTo(plain.get("olsB").asDouble(), within(1e-9));
    // the top-level numbers stay in standardised units: the truth there is w·s
    double[] scales = Cli.doubles(original.get("scales"));
    assertThat(json.get("trueW").get(0).asDouble()).isCloseTo(2 * scales[0], within(1e-12));
    assertThat(plain.get("original").isNull()).isTrue();
  }

  @Test
  void theTextReportShowsBothTables() {
    List<String> lines =
        Cli.run("train", "--seed", "3", "--standardize", "--epochs", "10").outLines();

    int first = lines.indexOf(StandardizedReport.STANDARDISED_HEADING);
    int second = lines.indexOf(StandardizedReport.ORIGINAL_HEADING);
    assertThat(first).isPositive();
    assertThat(second).isEqualTo(first + 5);
    assertThat(lines.get(second + 2).trim().split(" +")).startsWith("w1", "2", "1.99968");
    assertThat(lines.get(second + 3).trim().split(" +")).startsWith("w2", "-3.4", "-3.39985");
    assertThat(lines.get(second + 4).trim().split(" +")).startsWith("b", "4.2", "4.19945");
    // in standardised units the truth is w·s, not the chapter's 2
    assertThat(lines.get(first + 2).trim().split(" +")[1]).isNotEqualTo("2");
  }

  @Test
  void aCsvFileGetsNamedRowsAndNoTruth() throws Exception {
    StringBuilder csv = new StringBuilder("area,rooms,price\n");
    for (int i = 0; i < 40; i++) {
      double area = 50 + 7 * i;
      double rooms = 1 + (i * 7 % 5);
      csv.append(area).append(',').append(rooms).append(',');
      csv.append(1000 * area + 5000 * rooms + 20000 + (i % 3)).append('\n');
    }
    Path file = Files.writeString(dir.resolve("houses.csv"), csv);
    Cli run =
        Cli.run(
            "train",
            "--data",
            file.toString(),
            "--standardize",
            "--seed",
            "1",
            "--epochs",
            "200",
            "--lr",
            "0.1");

    List<String> lines = run.outLines();
    int second = lines.indexOf(StandardizedReport.ORIGINAL_HEADING);
    assertThat(lines.get(second + 2)).startsWith("w1 (area)");
    assertThat(lines.get(second + 2).trim().split(" +")[2]).isEqualTo(TextReport.NONE);
    JsonNode original =
        Cli.run(
                "train",
                "--json",
                "--data",
                file.toString(),
                "--standardize",
                "--seed",
                "1",
                "--epochs",
                "200",
                "--lr",
                "0.1")
            .json()
            .get("original");
    assertThat(original.get("trueW").isNull()).isTrue();
    assertThat(original.get("olsW").get(0).asDouble()).isCloseTo(1000.0, within(1.0));
    assertThat(original.get("w").get(0).asDouble()).isCloseTo(1000.0, within(20.0));
  }
}
