package descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DescentCliTest {
  @Test
  void helpListsTheTrainCommand() {
    Cli run = Cli.run("--help");

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("Usage: descent", "train");
  }

  @Test
  void trainHelpListsEveryOptionWithItsDefaultAndTheExitCodes() {
    Cli run = Cli.run("train", "--help");

    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains(
            "--lr",
            "--sigma",
            "--batch-size",
            "--epochs",
            "--noise",
            "--true-w",
            "--true-b",
            "--num-train",
            "--num-val",
            "--seed",
            "--clip",
            "--no-shuffle",
            "--data",
            "--target",
            "--json",
            "(default: 0.03)",
            "(default: 2,-3.4)",
            "Exit codes:")
        .doesNotContain("[picocli WARN]");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void versionNamesTheProgram() {
    Cli run = Cli.run("--version");

    assertThat(run.code()).isZero();
    assertThat(run.out()).startsWith("descent ");
  }

  @Test
  void anUnknownCommandIsOneLineWithASuggestion() {
    Cli run = Cli.run("tran");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly("tran: unknown command; did you mean train? (see 'descent --help')");
  }

  @Test
  void noCommandIsOneLine() {
    Cli run = Cli.run();

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).contains("descent train");
  }
}
