package descent.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * docs/bad-inputs.md shows the table the bad-input tests run, row for row: its table, between the
 * markers, is exactly the one these cases give (ADR 0038). When a case changes, the test writes the
 * new table to {@code target/bad-inputs-table.md} to be pasted in.
 */
class BadInputsDocTest {
  static final Path DOC = Path.of("docs/bad-inputs.md");
  static final String BEGIN =
      "<!-- bad-input table: begin (generated from src/test/java/descent/badinput) -->";
  static final String END = "<!-- bad-input table: end -->";

  static String table() {
    StringBuilder t = new StringBuilder();
    t.append("| id | where | input | what the user sees | why it is refused |\n");
    t.append("|---|---|---|---|---|\n");
    for (Row row : BadInputTable.rows()) {
      t.append(row.markdown()).append('\n');
    }
    return t.toString();
  }

  @Test
  void theTableHasAtLeastFortyCasesEachWithItsOwnIdAndOneLine() {
    List<Row> rows = BadInputTable.rows();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(40);
    Set<String> ids = new HashSet<>();
    for (Row row : rows) {
      assertThat(ids.add(row.id())).as("unique id " + row.id()).isTrue();
      assertThat(row.seen()).as(row.id()).doesNotContain("\n").isNotBlank();
      assertThat(row.why()).as(row.id()).isNotBlank();
    }
  }

  @Test
  void theDocShowsExactlyTheTableTheTestsRun() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    int begin = doc.indexOf(BEGIN);
    int end = doc.indexOf(END);
    assertThat(begin).as("the begin marker in " + DOC).isNotNegative();
    assertThat(end).as("the end marker in " + DOC).isGreaterThan(begin);
    String shown = doc.substring(begin + BEGIN.length(), end).strip() + "\n";
    String expected = table();
    if (!shown.equals(expected)) {
      Path fresh = Path.of("target/bad-inputs-table.md");
      Files.createDirectories(fresh.getParent());
      Files.writeString(fresh, expected, StandardCharsets.UTF_8);
    }
    assertThat(shown)
        .as("the table in " + DOC + " (the current one is in target/bad-inputs-table.md)")
        .isEqualTo(expected);
  }
}
