package descent.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Standard output that can tell when it cannot be written. {@code System.out} is a {@code
 * PrintStream}, which swallows write errors for good: {@code train > /dev/full} or {@code train |
 * head -2} would run on, printing into nothing, and exit 0. This writes to file descriptor 1
 * directly, through a {@link PrintWriter} whose {@link PrintWriter#checkError()} turns true on the
 * first failed write, and remembers why ("Broken pipe", "No space left on device").
 */
final class Output extends PrintWriter {
  private final Recorder recorder;

  private Output(Recorder recorder) {
    super(recorder, true);
    this.recorder = recorder;
  }

  /** The process's standard output, in UTF-8, flushed at every line. */
  static Output stdout() {
    return of(
        new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8));
  }

  /** An output over {@code writer}, flushed at every line. */
  static Output of(Writer writer) {
    return new Output(new Recorder(writer));
  }

  /**
   * Why {@code out} could not be written, such as {@code "Broken pipe"}, or null if every write so
   * far succeeded. Flushes {@code out} first.
   */
  static String failure(PrintWriter out) {
    if (!out.checkError()) {
      return null;
    }
    if (out instanceof Output output && output.recorder.failure != null) {
      String message = output.recorder.failure.getMessage();
      return message == null || message.isBlank()
          ? output.recorder.failure.getClass().getSimpleName()
          : message;
    }
    return "the output stream failed";
  }

  /**
   * {@code descent: cannot write the output (Broken pipe); training stopped after epoch 2 of 9},
   * one line for stderr.
   *
   * @param then what became of the run, e.g. {@code "; training stopped after epoch 2 of 9"}, or ""
   */
  static String failureLine(String reason, String then) {
    return ("descent: cannot write the output (" + reason + ")" + then)
        .replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }

  /** Passes writes on and keeps the first {@link IOException} they throw. */
  private static final class Recorder extends FilterWriter {
    private IOException failure;

    Recorder(Writer out) {
      super(out);
    }

    @Override
    public void write(int c) throws IOException {
      try {
        super.write(c);
      } catch (IOException e) {
        throw record(e);
      }
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
      try {
        super.write(buffer, offset, length);
      } catch (IOException e) {
        throw record(e);
      }
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
      try {
        super.write(text, offset, length);
      } catch (IOException e) {
        throw record(e);
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        super.flush();
      } catch (IOException e) {
        throw record(e);
      }
    }

    private IOException record(IOException e) {
      if (failure == null) {
        failure = e;
      }
      return e;
    }
  }
}
