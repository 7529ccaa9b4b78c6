package descent.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line, {@code descent <command> [options]}. Bad input never dumps the usage or a stack
 * trace: it prints one line on stderr naming the option (or the file, line and column) and exits
 * with {@link TrainCommand#BAD_INPUT}. Nor does anything else: an unexpected failure, even an
 * {@link Error} such as running out of memory, is one line and {@link TrainCommand#FAILED}.
 */
@Command(
    name = "descent",
    mixinStandardHelpOptions = true,
    versionProvider = DescentCli.Version.class,
    subcommands = {
      TrainCommand.class,
      GradcheckCommand.class,
      SnapshotCommand.class,
      PresetsCommand.class,
      BenchCommand.class
    },
    description = "Linear regression trained from scratch (d2l §3.4), from the command line.",
    footer = {
      "%nWithout a command, the jar opens the app.",
      "See 'descent train --help', 'descent gradcheck --help' and 'descent snapshot --help';"
          + " 'descent presets' lists the presets."
    })
public final class DescentCli implements Callable<Integer> {
  @Spec CommandSpec spec;

  private DescentCli() {}

  /**
   * Runs the command line on the process's stdout and stderr; returns the exit code. Standard
   * output is written so that a failed write is seen (see {@link Output}), not swallowed as {@code
   * System.out} would.
   */
  public static int run(String[] args) {
    PrintWriter out = Output.stdout();
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    return run(args, out, err);
  }

  /**
   * Runs {@code --self-test} on the process's stdout (see {@link SelfTest}); returns its exit code,
   * or 1 with one line on stderr when stdout cannot be written ({@code descent --self-test >&-}),
   * as for every command.
   */
  public static int selfTest() {
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    return selfTest(Output.stdout(), err);
  }

  /** As {@link #selfTest()}, printing to {@code out} and {@code err}. */
  static int selfTest(PrintWriter out, PrintWriter err) {
    int code = SelfTest.run(out);
    String failure = Output.failure(out); // flushes too
    if (failure != null) {
      err.println(Output.failureLine(failure, ""));
      code = TrainCommand.FAILED;
    }
    err.flush();
    return code;
  }

  /**
   * Runs the command line with {@code args}, printing to {@code out} and {@code err}, and returns
   * the exit code instead of exiting: 0 done, 1 an unexpected failure or {@code out} could not be
   * written, 2 bad input, 3 the run diverged.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, CommandLine.defaultFactory());
  }

  /**
   * As {@link #run(String[], PrintWriter, PrintWriter)}, with the commands made by {@code factory}.
   */
  static int run(String[] args, PrintWriter out, PrintWriter err, CommandLine.IFactory factory) {
    int code;
    try {
      CommandLine cli = new CommandLine(new DescentCli(), factory);
      cli.setOut(out);
      cli.setErr(err);
      cli.setParameterExceptionHandler(
          (ex, ignored) -> {
            ex.getCommandLine().getErr().println(oneLine(ex));
            return TrainCommand.BAD_INPUT;
          });
      cli.setExecutionExceptionHandler(
          (ex, commandLine, parsed) -> {
            commandLine.getErr().println(failure(ex));
            return TrainCommand.FAILED;
          });
      code = cli.execute(args);
    } catch (Throwable e) { // an Error, which picocli lets through: still one line, no trace
      out.flush();
      err.println(failure(e));
      code = TrainCommand.FAILED;
    }
    String failure = Output.failure(out); // flushes too
    if (failure != null && code == TrainCommand.OK) { // help or version into a full disk, say
      err.println(Output.failureLine(failure, ""));
      code = TrainCommand.FAILED;
    }
    err.flush();
    return code;
  }

  /**
   * An unexpected failure as one line: {@code descent: out of memory building …; use fewer rows or
   * give Java more memory (…)}, or {@code descent: internal error: java.lang.IllegalStateException:
   * …}.
   */
  static String failure(Throwable e) {
    String message;
    if (e instanceof TrainCommand.Failure) {
      message = e.getMessage();
    } else if (e instanceof OutOfMemoryError) {
      message = "out of memory; give Java more memory (java -Xmx4g -jar descent.jar …)";
    } else {
      message = "internal error: " + e;
    }
    return ("descent: " + message).replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }

  /** {@code descent} alone: there is nothing to do without a command. */
  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .println("descent: give a command, e.g. 'descent train' (see 'descent --help')");
    return TrainCommand.BAD_INPUT;
  }

  /**
   * picocli's complaint as one line that starts with what is wrong: {@code --lr: must be a number >
   * 0, got "abc"}, {@code --lrate: unknown option ...}, {@code --lr: needs a value}.
   */
  static String oneLine(ParameterException ex) {
    String command = ex.getCommandLine().getCommandSpec().qualifiedName();
    if (ex instanceof UnmatchedArgumentException unmatched) {
      List<String> args = unmatched.getUnmatched();
      String arg = args.isEmpty() ? "" : args.get(0);
      boolean option = arg.startsWith("-");
      boolean hasCommands = !ex.getCommandLine().getSubcommands().isEmpty();
      List<String> suggestions = unmatched.getSuggestions();
      return arg
          + ": unknown "
          + (option ? "option" : hasCommands ? "command" : "argument")
          + (suggestions.isEmpty() ? "" : "; did you mean " + suggestions.get(0) + "?")
          + " (see '"
          + command
          + " --help')";
    }
    if (ex instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
      return name(missing.getMissing().get(0)) + ": needs a value";
    }
    if (ex instanceof OverwrittenOptionException overwritten) {
      return name(overwritten.getOverwritten()) + ": given more than once";
    }
    if (ex.getArgSpec() != null && ex.getCause() instanceof TypeConversionException conversion) {
      return name(ex.getArgSpec()) + ": " + conversion.getMessage();
    }
    String message = String.valueOf(ex.getMessage()).strip();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline).strip();
  }

  private static String name(ArgSpec arg) {
    return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
  }

  /** The version from the jar's Maven metadata, or "development build" when run from classes. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      Properties pom = new Properties();
      try (InputStream in =
          DescentCli.class.getResourceAsStream("/META-INF/maven/descent/descent/pom.properties")) {
        if (in != null) {
          pom.load(in);
        }
      } catch (IOException e) {
        // fall through to the development build
      }
      return new String[] {
        "descent " + pom.getProperty("version", "(development build)"),
        "Java " + System.getProperty("java.version")
      };
    }
  }
}
