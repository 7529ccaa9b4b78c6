package descent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names from the user's data as the command line shows them: escaped, bounded, and files found. */
class DisplayedNamesTest {
  @TempDir Path dir;

  private static List<String> table(Cli run) {
    List<String> lines = run.outLines();
    int header =
        lines.indexOf(lines.stream().filter(l -> l.startsWith("parameter")).findFirst().get());
    return lines.subList(header, header + 4);
  }

  @Test
  void aColumnNameWithALineBreakStaysOnItsRow() throws IOException {
    Path file = dir.resolve("names.csv");
    Files.writeString(file, "\"a\nb\",\"tab\there\",y\n1,2,3\n4,5,6\n7,8,9\n9,1,2\n3,5,7\n");

    Cli run = Cli.run("train", "--data", file.toString(), "--seed", "1");

    assertThat(run.code()).isZero();
    List<String> table = table(run);
    assertThat(table.get(1)).startsWith("w1 (a\\nb) ");
    assertThat(table.get(2)).startsWith("w2 (tab\\there) ");
    assertThat(table.get(3)).startsWith("b ");
    int width = table.get(0).length();
    assertThat(table).allSatisfy(row -> assertThat(row).hasSize(width));

    ObjectNode json = Cli.run("train", "--json", "--data", file.toString(), "--seed", "1").json();
    assertThat(json.get("data").get("features").get(0).asText()).isEqualTo("a\nb");
  }

  @Test
  void aTenMegabyteColumnNameIsShortened() throws IOException {
    String name = "z".repeat(10_000_000);
    Path file = dir.resolve("long.csv");
    Files.writeString(file, name + ",y\n1,2\n2,4\n3,6\n4,8\n5,10\n");

    Cli text = Cli.run("train", "--data", file.toString(), "--seed", "1");
    Cli json = Cli.run("train", "--json", "--data", file.toString(), "--seed", "1");

    assertThat(text.code()).isZero();
    assertThat(text.out().length()).isLessThan(5_000);
    assertThat(table(text).get(1)).startsWith("w1 (" + "z".repeat(40) + "…) ");
    assertThat(json.out().length()).isLessThan(5_000);
    assertThat(json.json().get("data").get("features").get(0).asText())
        .isEqualTo("z".repeat(256) + "…");
  }

  @Test
  void invisibleCharactersShowAsEscapes() {
    assertThat(Names.column("a\u202Eb\u200Bc\u0007")).isEqualTo("a\\u202eb\\u200bc\\u0007");
    assertThat(Names.column("é😀")).isEqualTo("é😀");
    // a name is cut by characters, never inside a surrogate pair
    assertThat(Names.column("😀".repeat(41))).isEqualTo("😀".repeat(40) + "…");
    assertThat(Names.json("😀".repeat(257))).isEqualTo("😀".repeat(256) + "…");
  }

  @Test
  void aFileNameWithALineBreakStaysOnTheDataLine() throws IOException {
    Path file = dir.resolve("two\nlines.csv");
    Files.writeString(file, "x,y\n1,2\n2,4\n3,6\n4,8\n5,10\n");

    Cli run = Cli.run("train", "--data", file.toString(), "--seed", "1");

    assertThat(run.code()).isZero();
    assertThat(run.outLines().get(1))
        .startsWith("data " + dir + "/two\\nlines.csv: 4 training rows");
  }

  /**
   * A file whose name has a byte that is not UTF-8 (0xFF): Java reads the command line with U+FFFD
   * in its place, as it lists the directory, and so cannot open the file by that name. Made with
   * the shell, since Java cannot write such a name.
   */
  @Test
  void aFileNameThatIsNotUtf8IsNotReportedMissing() throws Exception {
    assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")), "a UTF-8 file system");
    Process touch =
        new ProcessBuilder("/bin/sh", "-c", "touch \"$(printf 'data\\377.csv')\"")
            .directory(dir.toFile())
            .start();
    assumeTrue(touch.waitFor(30, TimeUnit.SECONDS) && touch.exitValue() == 0, "a POSIX shell");
    String listed;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      listed = entries.iterator().next().toString();
    }
    assertThat(listed).endsWith("data\uFFFD.csv");

    Cli run = Cli.run("train", "--data", listed);
    Cli missing = Cli.run("train", "--data", dir.resolve("gone\uFFFD.csv").toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err())
        .startsWith("--data: cannot open \"")
        .contains(
            "the file exists, but its name has bytes that are not valid UTF-8", "rename the file")
        .doesNotContain("no such file");
    assertThat(missing.err()).contains("no such file; note that the name as given has bytes");
  }
}
