package descent.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import descent.run.Preset;
import descent.run.Presets;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code descent presets}: every preset with its one-line lesson, in two aligned columns. */
@Command(
    name = "presets",
    usageHelpAutoWidth = true,
    description = {
      "Lists the presets: runs that each teach one thing, with the lesson each shows.",
      "Use one with 'descent train --preset NAME' or 'descent snapshot --preset NAME', or from"
          + " the app's Presets menu; options given beside --preset override its values."
    })
final class PresetsCommand implements Callable<Integer> {
  /** The listing's width: lessons wrap under their own column to stay within it. */
  static final int WIDTH = 100;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "print a JSON array of {name, lesson} instead")
  boolean json;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "show this help and exit")
  boolean help;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(json());
    } else {
      listing().forEach(out::println);
    }
    String failure = Output.failure(out);
    if (failure != null) {
      spec.commandLine().getErr().println(Output.failureLine(failure, ""));
      return TrainCommand.FAILED;
    }
    return TrainCommand.OK;
  }

  /** The lines printed: name, then the lesson wrapped at {@link #WIDTH} columns. */
  static List<String> listing() {
    int nameWidth = 0;
    for (Preset p : Presets.all()) {
      nameWidth = Math.max(nameWidth, p.name().length());
    }
    String indent = " ".repeat(nameWidth + 2);
    List<String> lines = new ArrayList<>();
    for (Preset p : Presets.all()) {
      List<String> wrapped = wrap(p.lesson(), WIDTH - indent.length());
      lines.add(p.name() + " ".repeat(indent.length() - p.name().length()) + wrapped.get(0));
      for (String more : wrapped.subList(1, wrapped.size())) {
        lines.add(indent + more);
      }
    }
    return lines;
  }

  /** {@code text} in lines of at most {@code width} characters, broken at spaces. */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  private static String json() {
    ArrayNode all = MAPPER.createArrayNode();
    for (Preset p : Presets.all()) {
      ObjectNode node = all.addObject();
      node.put("name", p.name());
      node.put("lesson", p.lesson());
    }
    try {
      return MAPPER.writeValueAsString(all);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
