package descent.app.presenter;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Makes the app's copies of AtlantaFX's Primer stylesheets (ADR 0034): the same rules in the same
 * order, less the selectors that name a style class no code the app runs can give a node. Such a
 * selector matches nothing in the app, so dropping it changes no pixel; it only spares JavaFX from
 * trying it against every node, which is most of the theme's cost at start-up.
 *
 * <p>Which style classes a node can get: every string constant in the class files of JavaFX,
 * ControlsFX, Ikonli and the app (style classes are string literals there, e.g. {@code "button"} or
 * {@code "stable"}), and a constant followed by digits, as JavaFX's charts and progress indicator
 * number theirs ({@code "default-color" + i}). That keeps every rule of every control the app could
 * show, used or not; what goes are AtlantaFX's own controls and variants ({@code .card}, {@code
 * .button.accent}, {@code .title-1}...), which only AtlantaFX's classes or the app would add.
 */
final class ThemeTrimmer {
  private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
  private static final Pattern STYLE_CLASS = Pattern.compile("\\.([A-Za-z_][\\w-]*)");

  private ThemeTrimmer() {}

  /**
   * {@code css} without its comments and without the selectors that name a style class {@code
   * mayAppear} refuses; a rule left with no selector goes. Declarations are copied as they are.
   */
  static String trim(String css, Predicate<String> mayAppear) {
    String text = COMMENT.matcher(css).replaceAll("");
    StringBuilder out = new StringBuilder();
    int depth = 0;
    int start = 0;
    int open = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        if (depth == 0) {
          open = i;
        }
        depth++;
      } else if (c == '}') {
        depth--;
        if (depth == 0) {
          List<String> kept = new ArrayList<>();
          for (String selector : text.substring(start, open).split(",")) {
            String s = selector.strip();
            if (!s.isEmpty() && styleClasses(s).stream().allMatch(mayAppear)) {
              kept.add(s);
            }
          }
          if (!kept.isEmpty()) {
            out.append(String.join(",\n", kept))
                .append(" {")
                .append(text.substring(open + 1, i).stripTrailing())
                .append("\n}\n");
          }
          start = i + 1;
        }
      }
    }
    if (depth != 0 || !text.substring(start).isBlank()) {
      throw new IllegalArgumentException("unbalanced braces or text after the last rule");
    }
    return out.toString();
  }

  /**
   * The style classes a selector names, e.g. {@code button} and {@code accent} in {@code
   * .button.accent:hover}.
   */
  static List<String> styleClasses(String selector) {
    List<String> classes = new ArrayList<>();
    Matcher m = STYLE_CLASS.matcher(selector);
    while (m.find()) {
      classes.add(m.group(1));
    }
    return classes;
  }

  /** Whether a node can carry {@code styleClass}, given the string constants of the code. */
  static boolean mayAppear(String styleClass, Set<String> constants) {
    return constants.contains(styleClass)
        || constants.contains(styleClass.replaceFirst("\\d+$", ""));
  }

  /** The string constants of the class files in {@code places}, jars or folders. */
  static Set<String> stringConstants(List<Path> places) throws IOException {
    Set<String> out = new TreeSet<>();
    for (Path place : places) {
      if (Files.isDirectory(place)) {
        try (Stream<Path> files = Files.walk(place)) {
          for (Path f : (Iterable<Path>) files::iterator) {
            if (f.toString().endsWith(".class")) {
              constants(Files.readAllBytes(f), out);
            }
          }
        }
      } else {
        try (JarFile jar = new JarFile(place.toFile())) {
          for (var entry : Collections.list(jar.entries())) {
            if (entry.getName().endsWith(".class")) {
              try (InputStream in = jar.getInputStream(entry)) {
                constants(in.readAllBytes(), out);
              }
            }
          }
        }
      }
    }
    return out;
  }

  /** Where {@code type}'s class file was loaded from: its jar, or the classes folder. */
  static Path home(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Adds the UTF-8 entries of a class file's constant pool (JVMS §4.4) to {@code out}. */
  private static void constants(byte[] classFile, Set<String> out) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
    in.readInt(); // magic
    in.readUnsignedShort(); // minor
    in.readUnsignedShort(); // major
    int count = in.readUnsignedShort();
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> out.add(in.readUTF());
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++; // longs and doubles take two entries
        }
        case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
        case 15 -> {
          in.readUnsignedByte();
          in.readUnsignedShort();
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
  }
}
