package descent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** One in-process run of the command line: its exit code, stdout and stderr. */
record Cli(int code, String out, String err) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = DescentCli.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Cli(code, out.toString(), err.toString());
  }

  List<String> outLines() {
    return out.lines().toList();
  }

  List<String> errLines() {
    return err.lines().toList();
  }

  /** stdout parsed as JSON (Jackson refuses NaN and Infinity tokens by default). */
  ObjectNode json() {
    try {
      JsonNode node = MAPPER.readTree(out);
      return (ObjectNode) node;
    } catch (Exception e) {
      throw new AssertionError("stdout is not one JSON object: " + out, e);
    }
  }

  static double[] doubles(JsonNode array) {
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).asDouble();
    }
    return values;
  }
}
