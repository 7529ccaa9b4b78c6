package descent.badinput;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command line that must be refused: exit 2, one line on stderr, nothing on stdout, no file
 * written or changed.
 *
 * <p>{@code command} is split on spaces; {@code ''} stands for an empty argument, and a word that
 * starts with {@code @} names a file in the test's own folder (created from {@code files} when
 * listed there; a name ending in {@code /} is a directory), shown without the {@code @} and the
 * folder, as a user who typed the name sees it.
 */
record CliCase(
    String id,
    String where,
    String command,
    Map<String, byte[]> files,
    String about,
    String message,
    String why) {

  static CliCase of(String id, String where, String command, String message, String why) {
    return new CliCase(id, where, command, Map.of(), "", message, why);
  }

  /** The same case, with {@code name} holding {@code text} (UTF-8) before it runs. */
  CliCase with(String name, String text, String about) {
    return with(name, text.getBytes(StandardCharsets.UTF_8), about);
  }

  CliCase with(String name, byte[] bytes, String about) {
    Map<String, byte[]> all = new LinkedHashMap<>(files);
    all.put(name, bytes);
    return new CliCase(
        id,
        where,
        command,
        all,
        this.about.isEmpty() ? about : this.about + "; " + about,
        message,
        why);
  }

  /** The same case, run as {@code command}. */
  CliCase withCommand(String command) {
    return new CliCase(id, where, command, files, about, message, why);
  }

  /** The words as given to the command line, files resolved in {@code dir}. */
  String[] args(java.nio.file.Path dir) {
    List<String> args = new ArrayList<>();
    for (String word : command.split(" ")) {
      if (word.equals("''")) {
        args.add("");
      } else if (word.startsWith("@")) {
        args.add(dir.resolve(word.substring(1)).toString());
      } else {
        args.add(word);
      }
    }
    return args.toArray(String[]::new);
  }

  Row row() {
    String shown = "`descent " + command.replace("@", "") + "`";
    return new Row(id, where, about.isEmpty() ? shown : shown + ", where " + about, message, why);
  }

  @Override
  public String toString() {
    return id;
  }
}
