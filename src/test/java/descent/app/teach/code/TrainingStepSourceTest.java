package descent.app.teach.code;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.teach.code.TrainingStepSource.Block;
import descent.app.teach.code.TrainingStepSource.Line;
import descent.train.TrainingRun.Phase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The region, its line numbers and its phases come from the real file, by parsing, not by hand. */
class TrainingStepSourceTest {
  private static final Path SOURCE = Path.of("src/main/java/descent/train/TrainingRun.java");

  private static String file() throws Exception {
    return Files.readString(SOURCE, StandardCharsets.UTF_8);
  }

  private static String text(TrainingStepSource s, Block b) {
    return s.lines().stream()
        .filter(l -> b.contains(l.number()))
        .map(Line::text)
        .collect(Collectors.joining("\n"));
  }

  @Test
  void theBuildsCopyIsTheSourceFileAsItIsNow() throws Exception {
    TrainingStepSource copied = TrainingStepSource.load();
    assertThat(copied.problem()).isNull();
    assertThat(copied.lines()).isEqualTo(TrainingStepSource.parse(file()).lines());
  }

  @Test
  void eachLineKeepsItsNumberInTheFile() throws Exception {
    List<String> file = Files.readAllLines(SOURCE, StandardCharsets.UTF_8);
    TrainingStepSource s = TrainingStepSource.parse(file());
    assertThat(s.lines()).hasSizeGreaterThan(10);
    assertThat(file.get(s.lines().get(0).number() - 2)).contains(TrainingStepSource.START);
    Line last = s.lines().get(s.lines().size() - 1);
    assertThat(file.get(last.number())).contains(TrainingStepSource.END);
    for (Line line : s.lines()) {
      assertThat(file.get(line.number() - 1)).endsWith(line.text());
      assertThat(file.get(line.number() - 1).strip()).isEqualTo(line.text().strip());
    }
    // the method's indentation is gone, the code's own kept: the switch starts at column 0
    assertThat(s.lines().get(0).text()).startsWith("switch");
  }

  @Test
  void eachPhaseIsItsCaseFromTheRealFile() throws Exception {
    TrainingStepSource s = TrainingStepSource.parse(file());
    assertThat(text(s, s.block(Phase.FORWARD)))
        .startsWith("  case FORWARD ->")
        .contains("model.forward(batch.x())")
        .doesNotContain("model.loss(");
    assertThat(text(s, s.block(Phase.LOSS))).contains("model.loss(prediction, batch.y())");
    assertThat(text(s, s.block(Phase.BACKWARD)))
        .contains("optimizer.zeroGrad()")
        .contains("loss.backward()")
        .contains("clipGradients(")
        .doesNotContain("optimizer.step()");
    assertThat(text(s, s.block(Phase.UPDATE))).contains("optimizer.step()");
    // the blocks follow one another, in the chapter's order
    assertThat(s.block(Phase.FORWARD).last()).isLessThan(s.block(Phase.LOSS).first());
    assertThat(s.block(Phase.LOSS).last()).isLessThan(s.block(Phase.BACKWARD).first());
    assertThat(s.block(Phase.BACKWARD).last()).isLessThan(s.block(Phase.UPDATE).first());
    assertThat(s.phaseAt(s.block(Phase.LOSS).first() + 1)).isEqualTo(Phase.LOSS);
  }

  @Test
  void editingTheFileMovesTheLinesAndTheBlocksWithIt() {
    String edited =
        String.join(
            "\n",
            "class X {",
            "  void f() {",
            "    // [training-step]",
            "    switch (ran) {",
            "      case UPDATE -> step(); // first, on one line",
            "      case LOSS -> {",
            "        if (a) { b(\"}\"); }",
            "        c();",
            "      }",
            "",
            "      case FORWARD ->",
            "          forward(",
            "              x);",
            "      case BACKWARD -> {",
            "        back();",
            "      }",
            "    }",
            "    // [/training-step]",
            "  }",
            "}");
    TrainingStepSource s = TrainingStepSource.parse(edited);
    assertThat(s.problem()).isNull();
    assertThat(s.lines()).hasSize(14);
    assertThat(s.lines().get(0)).isEqualTo(new Line(4, "switch (ran) {"));
    assertThat(s.lines().get(6)).isEqualTo(new Line(10, ""));
    assertThat(s.block(Phase.UPDATE)).isEqualTo(new Block(Phase.UPDATE, 5, 5));
    assertThat(s.block(Phase.LOSS)).isEqualTo(new Block(Phase.LOSS, 6, 9));
    assertThat(s.block(Phase.FORWARD)).isEqualTo(new Block(Phase.FORWARD, 11, 13));
    assertThat(s.block(Phase.BACKWARD)).isEqualTo(new Block(Phase.BACKWARD, 14, 16));
  }

  @Test
  void aFileWithoutTheRegionOrAPhaseSaysWhy() {
    TrainingStepSource none = TrainingStepSource.parse("class X {}\n");
    assertThat(none.isAvailable()).isFalse();
    assertThat(none.lines()).isEmpty();
    assertThat(none.problem())
        .isEqualTo(
            "TrainingRun.java has no region between // [training-step] and // [/training-step] to"
                + " show.");
    TrainingStepSource noLoss =
        TrainingStepSource.parse(
            "// [training-step]\ncase FORWARD -> a();\ncase BACKWARD -> b();\n"
                + "case UPDATE -> c();\n// [/training-step]\n");
    assertThat(noLoss.problem())
        .isEqualTo("The training step in TrainingRun.java has no case for LOSS.");
  }

  @Test
  void aMissingResourceSaysSo() {
    TrainingStepSource s = TrainingStepSource.load("/descent/app/teach/code/Missing.java");
    assertThat(s.isAvailable()).isFalse();
    assertThat(s.problem())
        .isEqualTo(
            "The training step's source is not in this build"
                + " (/descent/app/teach/code/Missing.java is missing).");
  }
}
