package descent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --data FILE --features a,b}: choosing the feature columns on the command line. */
class FeaturesOptionTest {
  @TempDir Path dir;

  /** y = 2·a + 1 exactly; a text column and a column of noise beside it. */
  private Path file() throws Exception {
    StringBuilder csv = new StringBuilder("label,a,junk,y\n");
    for (int i = 0; i < 50; i++) {
      double a = (i % 7) - 3;
      csv.append("row").append(i).append(',').append(a).append(',').append((i * 37) % 11);
      csv.append(',').append(2 * a + 1).append('\n');
    }
    Path file = dir.resolve("mixed.csv");
    Files.writeString(file, csv);
    return file;
  }

  @Test
  void featuresPicksTheColumnsAndTheTextColumnIsIgnored() throws Exception {
    ObjectNode json =
        Cli.run("train", "--json", "--data", file().toString(), "--features", "a", "--seed", "3")
            .json();

    assertThat(json.get("data").get("features").get(0).asText()).isEqualTo("a");
    assertThat(json.get("data").get("features").size()).isEqualTo(1);
    assertThat(Cli.doubles(json.get("olsW"))).containsExactly(new double[] {2}, within(1e-9));
    assertThat(json.get("olsB").asDouble()).isCloseTo(1, within(1e-9));
  }

  @Test
  void withoutFeaturesTheTextColumnStopsTheFile() throws Exception {
    Path file = file();
    Cli run = Cli.run("train", "--data", file.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo(file + ":2:1: cell \"row0\" in column \"label\" is not a number");
  }

  @Test
  void anUnknownColumnIsOneLineAndExitTwo() throws Exception {
    Path file = file();
    Cli run = Cli.run("train", "--data", file.toString(), "--features", "a,size");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly(
            file
                + ":1: no column named \"size\" to use as a feature; the columns are \"label\","
                + " \"a\", \"junk\", \"y\"");
  }

  @Test
  void aRepeatedColumnOrTheTargetIsRefused() throws Exception {
    Path file = file();
    Cli twice = Cli.run("train", "--data", file.toString(), "--features", "a,junk,a");
    assertThat(twice.code()).isEqualTo(2);
    assertThat(twice.errLines())
        .containsExactly(file + ":1: feature \"a\" is chosen twice; name each column once");
    Cli target = Cli.run("train", "--data", file.toString(), "--features", "a,y");
    assertThat(target.code()).isEqualTo(2);
    assertThat(target.errLines()).hasSize(1);
    assertThat(target.err()).contains("column \"y\" is the target, so it cannot be a feature too");
  }

  @Test
  void featuresWithoutDataIsRefusedNamingTheOption() {
    Cli run = Cli.run("train", "--features", "a");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            "--features: only applies with --data (synthetic data's features are x1 to xd)");
  }
}
