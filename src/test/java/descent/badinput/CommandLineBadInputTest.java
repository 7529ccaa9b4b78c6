package descent.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import descent.cli.DescentCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command-line half of the bad-input table (docs/bad-inputs.md): every case exits with 2,
 * prints exactly its one line on stderr and nothing on stdout, and leaves every file as it was. A
 * {@code train} case is run a second time with {@code --save-run}: the refusal comes before the run
 * file is written, so none is.
 */
class CommandLineBadInputTest {
  @TempDir Path dir;

  static Stream<CliCase> cases() {
    return BadInputTable.commandLine().stream();
  }

  record Outcome(int code, String out, String err) {}

  private Outcome run(String[] args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = DescentCli.run(args, new PrintWriter(out), new PrintWriter(err));
    // the user typed the file's name; the test's folder is only where it lives here
    String shown = err.toString().replace(dir + "/", "").replace(dir.toString(), ".");
    return new Outcome(code, out.toString(), shown);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedInOneLineAndChangesNothing(CliCase c) throws IOException {
    for (Map.Entry<String, byte[]> file : c.files().entrySet()) {
      if (file.getKey().endsWith("/")) {
        Files.createDirectories(dir.resolve(file.getKey()));
      } else {
        Files.write(dir.resolve(file.getKey()), file.getValue());
      }
    }
    Map<String, String> before = files();

    Outcome outcome = run(c.args(dir));

    assertThat(outcome.err().lines().toList()).as("stderr").containsExactly(c.message());
    assertThat(outcome.code()).as("exit code").isEqualTo(2);
    assertThat(outcome.out()).as("stdout").isEmpty();
    assertThat(outcome.err()).doesNotContain("Exception", "\tat ", "Usage");
    assertThat(files()).as("the files").isEqualTo(before);

    if (c.command().startsWith("train ")) {
      String[] saving = Arrays.copyOf(c.args(dir), c.args(dir).length + 2);
      saving[saving.length - 2] = "--save-run";
      saving[saving.length - 1] = dir.resolve("saved.json").toString();
      Outcome again = run(saving);
      assertThat(again).as("with --save-run").isEqualTo(outcome);
      assertThat(files()).as("the files, with --save-run").isEqualTo(before);
    }
  }

  /** Every file in the folder, by name, with a digest of its bytes. */
  private Map<String, String> files() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString(), Arrays.toString(Files.readAllBytes(p)));
      }
    }
    return files;
  }
}
