package descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import descent.bench.Warmup;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code descent bench}: the table, the JSON for one config and for all, and bad input. The configs
 * are cut to a few hundred rows and the warm-up to nothing, as the test cannot afford the real
 * sizes; {@code BenchConfigTest} checks the real ones.
 */
class BenchCommandTest {
  private static final List<String> FIELDS =
      List.of(
          "usPerStep",
          "usPerStepMin",
          "usPerStepMax",
          "baselineUsPerStep",
          "ratio",
          "examplesPerSecond",
          "fitMs");

  @org.junit.jupiter.api.Test
  void oneConfigIsTheTopLevelObject() {
    Cli run = small("bench", "--config", "wide", "--repeats", "3", "--json");

    assertThat(run.code()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines()).hasSize(1);
    ObjectNode json = run.json();
    assertOneConfig(json, "wide", 3);
    assertThat(json.get("numFeatures").asInt()).isEqualTo(200);
    assertThat(json.get("batchSize").asInt()).isEqualTo(256);
  }

  @org.junit.jupiter.api.Test
  void allIsOneObjectKeyedByConfig() {
    Cli run = small("bench", "--config", "all", "--repeats", "2", "--json");

    assertThat(run.code()).isZero();
    ObjectNode json = run.json();
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("chapter", "wide", "single");
    for (String name : keys) {
      assertOneConfig(json.get(name), name, 2);
    }
    assertThat(json.get("single").get("batchSize").asInt()).isEqualTo(1);
  }

  @org.junit.jupiter.api.Test
  void theTableHasOneRowPerConfig() {
    Cli run = small("bench", "--repeats", "1"); // --config all is the default

    assertThat(run.code()).isZero();
    assertThat(run.err()).isEmpty();
    List<String> lines = run.outLines();
    assertThat(lines.get(0)).startsWith("descent bench: Java ").contains("1 timed fit per config");
    int header =
        lines.indexOf(lines.stream().filter(l -> l.startsWith("config")).findFirst().get());
    assertThat(lines.get(header)).contains("µs/step", "hand µs", "ratio", "examples/s", "fit ms");
    List<String> rows = lines.subList(header + 1, lines.size());
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).split("\\s+")).startsWith("chapter", "2", "300", "32", "3");
    assertThat(rows.get(1).split("\\s+")).startsWith("wide", "200", "300", "256", "1");
    assertThat(rows.get(2).split("\\s+")).startsWith("single", "2", "300", "1", "1");
    for (String row : rows) {
      String[] cells = row.split("\\s+");
      double us = Double.parseDouble(cells[5]);
      double hand = Double.parseDouble(cells[7]);
      double ratio = Double.parseDouble(cells[8]);
      assertThat(us).isPositive();
      assertThat(ratio).isCloseTo(us / hand, org.assertj.core.api.Assertions.withinPercentage(5));
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--config foo|--config: must be one of chapter, wide, single, all, got \"foo\"",
        "--config|--config: needs a value",
        "--repeats 0|--repeats: must be an integer from 1 to 1000, got \"0\"",
        "--repeats x|--repeats: must be an integer from 1 to 1000, got \"x\"",
        "--repeats -3|--repeats: must be an integer from 1 to 1000, got \"-3\"",
        "--repeats 1001|--repeats: must be an integer from 1 to 1000, got \"1001\"",
        "--repeats 2.5|--repeats: must be an integer from 1 to 1000, got \"2.5\"",
        "--repets 3|--repets: unknown option; did you mean --repeats? (see 'descent bench --help')",
        "--config wide --config single|--config: given more than once"
      })
  void badInputIsOneLineNamingTheOption(String args, String message) {
    List<String> argv = new ArrayList<>(List.of("bench"));
    argv.addAll(List.of(args.split(" ")));

    Cli run = Cli.run(argv.toArray(String[]::new));

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines()).containsExactly(message);
  }

  private static void assertOneConfig(JsonNode o, String name, int repeats) {
    assertThat(o.get("config").asText()).isEqualTo(name);
    for (String field : FIELDS) {
      assertThat(o.get(field)).as(field).isNotNull();
      assertThat(o.get(field).isNumber()).as(field).isTrue();
      assertThat(o.get(field).asDouble()).as(field).isPositive();
    }
    double us = o.get("usPerStep").asDouble();
    assertThat(o.get("usPerStepMin").asDouble()).isLessThanOrEqualTo(us);
    assertThat(o.get("usPerStepMax").asDouble()).isGreaterThanOrEqualTo(us);
    assertThat(o.get("ratio").asDouble())
        .isCloseTo(
            us / o.get("baselineUsPerStep").asDouble(),
            org.assertj.core.api.Assertions.within(1e-9));
    assertThat(o.get("repeats").asInt()).isEqualTo(repeats);
    assertThat(o.get("numTrain").asInt()).isEqualTo(300);
    assertThat(o.get("java").asText()).isEqualTo(System.getProperty("java.version"));
  }

  /** The command line with every config cut to 300 + 30 rows and no warm-up. */
  private static Cli small(String... args) {
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          @SuppressWarnings("unchecked")
          public <K> K create(Class<K> cls) throws Exception {
            if (cls == BenchCommand.class) {
              return (K) new BenchCommand(c -> c.withRows(300, 30), new Warmup(0, 0, 0));
            }
            return CommandLine.defaultFactory().create(cls);
          }
        };
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = DescentCli.run(args, new PrintWriter(out), new PrintWriter(err), factory);
    return new Cli(code, out.toString(), err.toString());
  }
}
