package descent.app.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import descent.app.snapshot.PngFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An export either replaces the file with the whole new one or leaves it as it was. */
class AtomicWriteTest {
  @TempDir Path dir;

  @Test
  void aWriteThatFailsHalfWayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path out = dir.resolve("loss.csv");
    Files.writeString(out, "the old file");
    assertThatThrownBy(
            () ->
                PngFile.writeAtomically(
                    out,
                    s -> {
                      s.write("half of the new".getBytes(StandardCharsets.UTF_8));
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");
    assertThat(Files.readString(out)).isEqualTo("the old file");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("loss.csv");
    }
  }

  @Test
  void theExporterSaysWhyAndReturnsFalseInsteadOfThrowing() throws IOException {
    Path notAFolder = dir.resolve("file");
    Files.writeString(notAFolder, "x");
    List<String> said = new ArrayList<>();
    Exporter exporter = new Exporter(new RunHistory(), SaveChooser.dialog(), said::add, () -> null);
    assertThat(exporter.writeCsv("a,b\r\n", notAFolder.resolve("out.csv"), "the loss history"))
        .isFalse();
    assertThat(said).hasSize(1);
    assertThat(said.get(0)).startsWith("Could not save out.csv: ").doesNotContain("Exception");
    assertThat(exporter.writeCsv("a,b\r\n", dir.resolve("out.csv"), "the loss history")).isTrue();
    assertThat(said.get(1)).isEqualTo("Saved the loss history to " + dir.resolve("out.csv"));
    assertThat(Files.readString(dir.resolve("out.csv"))).isEqualTo("a,b\r\n");
  }

  @Test
  void nothingToExportBeforeTheFirstRunIsBuilt() {
    List<String> said = new ArrayList<>();
    List<String> asked = new ArrayList<>();
    Exporter exporter =
        new Exporter(
            new RunHistory(),
            (owner, title, folder, name, kind, ext) -> {
              asked.add(name);
              return null;
            },
            said::add,
            () -> null);
    exporter.saveLossHistory();
    assertThat(asked).isEmpty();
    assertThat(said).containsExactly("Nothing to export yet: the run is still being built");
  }
}
