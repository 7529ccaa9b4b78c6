package descent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Output that cannot be written ends the run: one line on stderr, exit 1, and no training on into
 * nothing. In process with a writer that fails, and as a user would meet it, with the jar's entry
 * point writing into {@code /dev/full} and into a pipe whose reader has gone.
 */
class OutputFailureTest {
  /** Takes {@code lines} lines, then fails every write as a closed pipe does, counting them. */
  private static final class FailingWriter extends Writer {
    private final StringBuilder written = new StringBuilder();
    private int lines;
    private int writesAfterFailure;

    FailingWriter(int lines) {
      this.lines = lines;
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
      if (lines == 0) {
        writesAfterFailure++;
        throw new IOException("Broken pipe");
      }
      for (int i = offset; i < offset + length; i++) {
        written.append(buffer[i]);
        if (buffer[i] == '\n' && --lines == 0) {
          break;
        }
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  private record Run(int code, FailingWriter out, List<String> err) {}

  private static Run run(int lines, String... args) {
    FailingWriter out = new FailingWriter(lines);
    StringWriter err = new StringWriter();
    int code = DescentCli.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out, err.toString().lines().toList());
  }

  @Test
  void aReaderThatGoesStopsTrainingAtTheNextLine() {
    Run run =
        run(
            2,
            "train",
            "--seed",
            "1",
            "--epochs",
            "100000",
            "--num-train",
            "2",
            "--num-val",
            "1",
            "--batch-size",
            "2");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err())
        .containsExactly(
            "descent: cannot write the output (the output stream failed);"
                + " training stopped after epoch 2 of 100000");
    assertThat(run.out().written.toString()).startsWith("seed 1 ").contains("\nepoch      1 ");
    // the epoch line that failed was the last thing tried: no training went on into nothing
    assertThat(run.out().writesAfterFailure).isBetween(1, 2);
  }

  @Test
  void aFailureBeforeTrainingTrainsNothing() {
    Run run = run(0, "train", "--seed", "1", "--epochs", "100000", "--num-train", "2");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err())
        .containsExactly(
            "descent: cannot write the output (the output stream failed); nothing was trained");
  }

  @Test
  void jsonThatCannotBeWrittenIsOneLineAndExitOne() {
    Run run = run(0, "train", "--json", "--seed", "1");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).hasSize(1);
    assertThat(run.err().get(0)).startsWith("descent: cannot write the output");
  }

  @Test
  void helpThatCannotBeWrittenExitsOne() {
    Run run = run(0, "train", "--help");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).hasSize(1);
  }

  @Test
  void theReasonIsTheSystemsWhenOutputKnowsIt() {
    FailingWriter failing = new FailingWriter(0);
    StringWriter err = new StringWriter();

    int code =
        DescentCli.run(
            new String[] {"train", "--seed", "1"}, Output.of(failing), new PrintWriter(err));

    assertThat(code).isEqualTo(1);
    assertThat(err.toString().strip())
        .isEqualTo("descent: cannot write the output (Broken pipe); nothing was trained");
  }

  // ------------------------------------------------------------------------------------------
  // The jar's entry point in its own process, writing to file descriptor 1

  private static ProcessBuilder descent(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("descent.Launcher");
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  @Test
  void aFullDiskIsOneLineAndExitOne() throws Exception {
    File full = new File("/dev/full");
    assumeTrue(full.exists(), "needs /dev/full (Linux)");

    Process process =
        descent("train", "--seed", "1", "--epochs", "2", "--num-train", "10", "--num-val", "5")
            .redirectOutput(full)
            .start();

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).isEqualTo(1);
    assertThat(err.lines().toList())
        .containsExactly(
            "descent: cannot write the output (No space left on device); nothing was trained");
  }

  /** {@code descent presets >&-} and {@code descent --self-test >&-}: no stdout at all. */
  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aClosedStdoutIsOneLineAndExitOne() throws Exception {
    assertThat(Path.of("/bin/sh")).isExecutable();
    for (String command : List.of("presets", "--self-test")) {
      List<String> java = descent(command).command();
      String line =
          String.join(" ", java.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").toList());
      Process process = new ProcessBuilder("/bin/sh", "-c", "exec " + line + " >&-").start();

      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as(command).isEqualTo(1);
      assertThat(err.lines().toList())
          .as(command)
          .containsExactly("descent: cannot write the output (Bad file descriptor)");
    }
  }

  @Test
  void aPipeWhoseReaderHasGoneStopsTheRun() throws Exception {
    assumeTrue(Files.exists(Path.of("/dev/full")), "a Linux pipe");
    // 100,000 epochs of 1,000 rows would train for minutes if the run went on
    Process process = descent("train", "--seed", "1", "--epochs", "100000").start();

    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    assertThat(out.readLine()).startsWith("seed 1 ");
    assertThat(out.readLine()).startsWith("epoch      1 ");
    out.close(); // as `head -2` does

    boolean ended = process.waitFor(60, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly();
    }
    assertThat(ended).as("the run ended once nobody read its output").isTrue();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).isEqualTo(1);
    assertThat(err.lines().toList()).hasSize(1);
    assertThat(err)
        .startsWith(
            "descent: cannot write the output (Broken pipe); training stopped after epoch ");
  }
}
