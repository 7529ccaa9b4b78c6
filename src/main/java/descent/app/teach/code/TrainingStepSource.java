package descent.app.teach.code;

import descent.train.TrainingRun.Phase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The training step as the Code view shows it: the lines of {@code TrainingRun.stepPhase()} between
 * the marker comments {@value #START} and {@value #END}, read from the source file the build copies
 * to the classpath ({@value #RESOURCE}), each with its line number in that file; and, found by
 * parsing those lines, which lines are each phase's {@code case}. Nothing here is pasted or
 * numbered by hand: edit {@code TrainingRun.java} and the view follows at the next build.
 *
 * <p>When the file is missing or has no usable region, {@link #problem()} says why, in a sentence.
 */
public final class TrainingStepSource {
  /** Where the build copies {@code src/main/java/descent/train/TrainingRun.java}. */
  public static final String RESOURCE = "/descent/app/teach/code/TrainingRun.java";

  /** The comment on the line before the region. */
  public static final String START = "// [training-step]";

  /** The comment on the line after the region. */
  public static final String END = "// [/training-step]";

  private static final Pattern CASE =
      Pattern.compile("^\\s*case\\s+(FORWARD|LOSS|BACKWARD|UPDATE)\\s*->");

  /**
   * One line of the region.
   *
   * @param number its 1-based line number in {@code TrainingRun.java}
   * @param text the line without the region's common indentation
   */
  public record Line(int number, String text) {}

  /**
   * A phase's lines: from its {@code case} line to the end of its block, inclusive.
   *
   * @param first the {@code case} line's number
   * @param last the block's last line number
   */
  public record Block(Phase phase, int first, int last) {
    public boolean contains(int number) {
      return number >= first && number <= last;
    }
  }

  private final List<Line> lines;
  private final Map<Phase, Block> blocks;
  private final String problem;

  private TrainingStepSource(List<Line> lines, Map<Phase, Block> blocks, String problem) {
    this.lines = List.copyOf(lines);
    this.blocks = blocks;
    this.problem = problem;
  }

  /** The region from the copy on the classpath, or the reason it cannot be shown. */
  public static TrainingStepSource load() {
    return load(RESOURCE);
  }

  /** The region from the classpath resource {@code resource}, or the reason it cannot be shown. */
  static TrainingStepSource load(String resource) {
    try (InputStream in = TrainingStepSource.class.getResourceAsStream(resource)) {
      if (in == null) {
        return unavailable(
            "The training step's source is not in this build (" + resource + " is missing).");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return unavailable("The training step's source could not be read: " + e.getMessage());
    }
  }

  /** A source that shows nothing, for {@code why}. */
  static TrainingStepSource unavailable(String why) {
    return new TrainingStepSource(List.of(), Map.of(), why);
  }

  /** The region of {@code file}, the text of {@code TrainingRun.java}. */
  public static TrainingStepSource parse(String file) {
    String[] all = file.split("\\R", -1);
    int start = find(all, START, 0);
    int end = start < 0 ? -1 : find(all, END, start + 1);
    if (start < 0 || end < 0) {
      return unavailable(
          "TrainingRun.java has no region between " + START + " and " + END + " to show.");
    }
    int indent = Integer.MAX_VALUE;
    for (int i = start + 1; i < end; i++) {
      if (!all[i].isBlank()) {
        indent = Math.min(indent, leadingSpaces(all[i]));
      }
    }
    List<Line> lines = new ArrayList<>();
    for (int i = start + 1; i < end; i++) {
      String text = all[i].isBlank() ? "" : all[i].substring(indent).stripTrailing();
      lines.add(new Line(i + 1, text));
    }
    Map<Phase, Block> blocks = new EnumMap<>(Phase.class);
    for (int k = 0; k < lines.size(); k++) {
      Matcher m = CASE.matcher(lines.get(k).text());
      if (m.find()) {
        Phase phase = Phase.valueOf(m.group(1));
        blocks.putIfAbsent(phase, new Block(phase, lines.get(k).number(), blockEnd(lines, k)));
      }
    }
    for (Phase p : Phase.values()) {
      if (!blocks.containsKey(p)) {
        return unavailable("The training step in TrainingRun.java has no case for " + p + ".");
      }
    }
    return new TrainingStepSource(lines, blocks, null);
  }

  private static int find(String[] lines, String marker, int from) {
    for (int i = from; i < lines.length; i++) {
      if (lines[i].strip().startsWith(marker)) {
        return i;
      }
    }
    return -1;
  }

  private static int leadingSpaces(String s) {
    int n = 0;
    while (n < s.length() && Character.isWhitespace(s.charAt(n))) {
      n++;
    }
    return n;
  }

  /**
   * The last line number of the case starting at {@code lines[k]}: its block's closing brace, or,
   * for a case without braces, the line that ends its statement.
   */
  private static int blockEnd(List<Line> lines, int k) {
    int depth = 0;
    boolean braced = code(lines.get(k).text()).endsWith("{");
    for (int i = k; i < lines.size(); i++) {
      String code = code(lines.get(i).text());
      if (!braced) {
        if (code.endsWith(";")) {
          return lines.get(i).number();
        }
        continue;
      }
      for (char c : code.toCharArray()) {
        if (c == '{') {
          depth++;
        } else if (c == '}') {
          depth--;
        }
      }
      if (depth <= 0) {
        return lines.get(i).number();
      }
    }
    return lines.get(lines.size() - 1).number();
  }

  /** A line without its strings, characters and end-of-line comment, trimmed. */
  private static String code(String line) {
    StringBuilder out = new StringBuilder();
    for (JavaTokens.Token t : JavaTokens.of(line)) {
      if (t.kind() != JavaTokens.Kind.COMMENT && t.kind() != JavaTokens.Kind.STRING) {
        out.append(t.text());
      }
    }
    return out.toString().strip();
  }

  /** Whether there is a region to show. */
  public boolean isAvailable() {
    return problem == null;
  }

  /** Why there is nothing to show, as a sentence for the user; null when there is. */
  public String problem() {
    return problem;
  }

  /** The region's lines, in order; empty when unavailable. */
  public List<Line> lines() {
    return lines;
  }

  /** The lines of {@code phase}'s case; null when unavailable. */
  public Block block(Phase phase) {
    return blocks.get(phase);
  }

  /** The phase whose case holds line {@code number}, or null. */
  public Phase phaseAt(int number) {
    for (Block b : blocks.values()) {
      if (b.contains(number)) {
        return b.phase();
      }
    }
    return null;
  }
}
