package descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every refusal is exit code 2, nothing on stdout, and one line on stderr that names the option.
 */
class BadInputTest {

  static Stream<Arguments> badInput() {
    return Stream.of(
        bad("--lr", "--lr", "abc"),
        bad("--lr", "--lr", "-1"),
        bad("--lr", "--lr", "0"),
        bad("--lr", "--lr", "Infinity"),
        bad("--lr", "--lr", "NaN"),
        bad("--lr", "--lr", "1e999"),
        bad("--lr", "--lr=0.03f"),
        bad("--sigma", "--sigma", "-0.01"),
        bad("--sigma", "--sigma", "x"),
        bad("--batch-size", "--batch-size", "0"),
        bad("--batch-size", "--batch-size", "-3"),
        bad("--batch-size", "--batch-size", "1001"),
        bad("--batch-size", "--batch-size", "11", "--num-train", "10"),
        bad("--batch-size", "--batch-size", "2.5"),
        bad("--epochs", "--epochs", "0"),
        bad("--epochs", "--epochs", "100001"),
        bad("--epochs", "--epochs", "three"),
        bad("--noise", "--noise", "-0.5"),
        bad("--noise", "--noise", "loud"),
        bad("--true-w", "--true-w", ""),
        bad("--true-w", "--true-w", "1,2,3,4,5,6,7,8,9,10,11"),
        bad("--true-w", "--true-w", "2,abc"),
        bad("--true-w", "--true-w", "2,,3"),
        bad("--true-b", "--true-b", "b"),
        bad("--num-train", "--num-train", "0"),
        bad("--num-train", "--num-train", "many"),
        bad("--num-val", "--num-val", "0"),
        bad("--num-val", "--num-val", "-1"),
        bad("--clip", "--clip", "-1"),
        bad("--clip", "--clip", "NaN"),
        bad("--seed", "--seed", "1.5"),
        bad("--seed", "--seed", "-1"),
        bad("--seed", "--seed", "1000000000"),
        bad("--seed", "--seed", "99999999999999999999"),
        bad("--lrate", "--lrate", "0.1"),
        bad("--lr", "--lr"),
        bad("--lr", "--lr", "--epochs", "3"),
        bad("--lr", "--lr", "0.1", "--lr", "0.2"),
        bad("--target", "--target", "y"),
        bad("extra", "extra"),
        bad("--noise", "--data", "any.csv", "--noise", "0.1"),
        bad("--true-w", "--data", "any.csv", "--true-w", "1,2"),
        bad("--true-b", "--data", "any.csv", "--true-b", "1"),
        bad("--num-val", "--data", "any.csv", "--num-val", "10"),
        bad("--batch-size", "--data", "any.csv", "--batch-size", "0"),
        bad("--data", "--data", ""),
        bad("--data", "--data=   "),
        bad("--data", "--data", "a\u0000b.csv"));
  }

  private static Arguments bad(String option, String... args) {
    return Arguments.of(option, args);
  }

  @ParameterizedTest(name = "{1} → {0}")
  @MethodSource("badInput")
  void isRefusedInOneLineNamingTheOption(String option, String[] args) {
    String[] withTrain = Stream.concat(Stream.of("train"), Stream.of(args)).toArray(String[]::new);

    Cli run = Cli.run(withTrain);

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).startsWith(option + ": ").doesNotContain("Exception", "Usage");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--lr abc          | --lr: must be a number > 0, got \"abc\"",
        "--lr -1           | --lr: must be a number > 0, got \"-1\"",
        "--sigma -1        | --sigma: must be a number ≥ 0, got \"-1\"",
        "--batch-size 0    | --batch-size: must be an integer from 1 to 1000 (numTrain), got 0",
        "--epochs 0        | --epochs: must be an integer from 1 to 100000, got \"0\"",
        "--true-w 1,x      | --true-w: must be 1 to 10 comma-separated numbers such as 2,-3.4,"
            + " got \"1,x\" (element 2, \"x\", is not a number)",
        "--true-w 1,1e400  | --true-w: must be 1 to 10 comma-separated numbers such as 2,-3.4,"
            + " got \"1,1e400\" (element 2, \"1e400\", is too large)",
        "--lrate 1         | --lrate: unknown option; did you mean --lr? (see 'descent train --help')",
        "--lr              | --lr: needs a value",
        "--seed -1         | --seed: must be an integer from 0 to 999999999, got \"-1\"",
        "--lr 1 --lr 2     | --lr: given more than once",
      })
  void saysWhatIsWrongAndWhatWasGiven(String args, String message) {
    String[] withTrain =
        Stream.concat(Stream.of("train"), Stream.of(args.split(" "))).toArray(String[]::new);

    assertThat(Cli.run(withTrain).errLines()).containsExactly(message);
  }

  @Test
  void anEmptyDataFileNameSaysSo() {
    assertThat(Cli.run("train", "--data", "").errLines())
        .containsExactly("--data: needs a file name");
  }

  @Test
  void aDataFileNameThatIsNoPathNamesTheOption() {
    assertThat(Cli.run("train", "--data", "a\u0000b.csv").errLines())
        .containsExactly(
            "--data: cannot use \"a\\u0000b.csv\" as a file name: Nul character not allowed");
  }
}
