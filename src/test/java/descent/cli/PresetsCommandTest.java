package descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import descent.run.Preset;
import descent.run.Presets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code descent presets}, and --preset's names, overrides and refusals. */
class PresetsCommandTest {
  @Test
  void presetsListsEveryPresetInTheIssuesOrderWithItsLessonInAlignedColumns() {
    Cli run = Cli.run("presets");
    assertThat(run.code()).isZero();
    assertThat(run.err()).isEmpty();
    List<String> lines = run.outLines();
    assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    List<String> names =
        lines.stream().filter(l -> !l.startsWith(" ")).map(l -> l.split(" +")[0]).toList();
    assertThat(names)
        .containsExactly(
            "chapter",
            "lr-too-high",
            "lr-edge",
            "lr-too-low",
            "batch-1",
            "full-batch",
            "zero-init",
            "large-init",
            "noisy-data",
            "more-data",
            "unscaled-features",
            "no-shuffle",
            "clipping",
            "many-features");
    // every lesson starts in the same column, and its continuation lines too
    int column = "unscaled-features".length() + 2;
    for (String line : lines) {
      assertThat(line.charAt(column - 1)).as(line).isEqualTo(' ');
      assertThat(line.charAt(column)).as(line).isNotEqualTo(' ');
    }
    // the lesson, unwrapped, is the preset's own line
    String all = String.join(" ", lines.stream().map(String::strip).toList()).replaceAll(" +", " ");
    for (Preset p : Presets.all()) {
      assertThat(all).contains(p.name() + " " + p.lesson());
    }
  }

  @Test
  void presetsJsonGivesNamesAndLessons() throws Exception {
    Cli run = Cli.run("presets", "--json");
    assertThat(run.code()).isZero();
    JsonNode array = new ObjectMapper().readTree(run.out());
    assertThat(array).hasSize(14);
    assertThat(array.get(2).get("name").asText()).isEqualTo("lr-edge");
    assertThat(array.get(2).get("lesson").asText()).isEqualTo(Presets.all().get(2).lesson());
  }

  @Test
  void aTypoIsRefusedInOneLineWithTheNearestNameAndEveryName() {
    Cli run = Cli.run("train", "--preset", "lr-egde");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err())
        .startsWith("--preset: unknown preset \"lr-egde\"; did you mean lr-edge?")
        .contains(String.join(", ", Presets.names()));
  }

  @Test
  void aNameFarFromEveryPresetSuggestsNone() {
    Cli run = Cli.run("snapshot", "--preset", "banana", "--view", "loss", "--out", "x.png");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err())
        .startsWith("--preset: unknown preset \"banana\"; the presets are chapter, lr-too-high")
        .doesNotContain("did you mean");
    Cli missing = Cli.run("train", "--preset");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err().strip()).isEqualTo("--preset: needs a value");
  }

  @Test
  void namesIgnoreCase() {
    ObjectNode upper = Cli.run("train", "--preset", "LR-Too-Low", "--seed", "1", "--json").json();
    assertThat(upper.get("settings").get("lr").asDouble()).isEqualTo(0.001);
  }

  @Test
  void optionsGivenBesideAPresetOverrideIt() {
    ObjectNode json =
        Cli.run(
                "train",
                "--preset",
                "full-batch",
                "--epochs",
                "5",
                "--lr",
                "0.5",
                "--seed",
                "2",
                "--json")
            .json();
    assertThat(json.get("settings").get("lr").asDouble()).isEqualTo(0.5);
    assertThat(json.get("settings").get("maxEpochs").asInt()).isEqualTo(5);
    assertThat(json.get("settings").get("batchSize").asInt()).isEqualTo(1000); // the preset's
    assertThat(json.get("steps").asLong()).isEqualTo(5);
    ObjectNode batch =
        Cli.run("train", "--preset", "full-batch", "--batch-size", "100", "--seed", "2", "--json")
            .json();
    assertThat(batch.get("settings").get("batchSize").asInt()).isEqualTo(100);
    assertThat(batch.get("settings").get("lr").asDouble()).isEqualTo(0.3);
    // the seed is never the preset's: without --seed one is drawn and printed
    Cli drawn = Cli.run("train", "--preset", "lr-too-low");
    assertThat(drawn.outLines().get(0)).matches("seed \\d+ \\(repeat this run with --seed \\d+\\)");
  }
}
