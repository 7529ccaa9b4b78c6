package descent.cli;

/**
 * Names from the user's data, column names and file names, as the command line shows them. A name
 * can hold anything a CSV cell can: line breaks, control and invisible characters, megabytes of
 * text. Text output escapes the characters that would break a line or hide (a line break shows as
 * {@code \n}) and shortens column names to {@value #TEXT_LIMIT} characters plus {@code …}; JSON
 * output keeps names exact up to {@value #JSON_LIMIT} characters (Jackson escapes what JSON needs)
 * and cuts longer ones the same way.
 */
final class Names {
  /** The most characters of a column name that text output shows. */
  static final int TEXT_LIMIT = 40;

  /** The most characters of a column name that JSON output holds. */
  static final int JSON_LIMIT = 256;

  private Names() {}

  /** A column name for text output: escaped, at most {@value #TEXT_LIMIT} characters and … */
  static String column(String name) {
    return escape(name, TEXT_LIMIT);
  }

  /** A file name for text output: escaped, never shortened (the user typed it). */
  static String file(Object file) {
    return escape(String.valueOf(file), Integer.MAX_VALUE);
  }

  /** A column name for JSON: unescaped, at most {@value #JSON_LIMIT} characters and … */
  static String json(String name) {
    if (name.codePointCount(0, name.length()) <= JSON_LIMIT) {
      return name;
    }
    return name.substring(0, name.offsetByCodePoints(0, JSON_LIMIT)) + "…";
  }

  private static String escape(String text, int limit) {
    StringBuilder s = new StringBuilder();
    int count = 0;
    for (int i = 0; i < text.length(); ) {
      if (count == limit) {
        return s.append('…').toString();
      }
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      count++;
      switch (c) {
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        default -> {
          if (hides(c)) {
            s.append(String.format("\\u%04x", c));
          } else {
            s.appendCodePoint(c);
          }
        }
      }
    }
    return s.toString();
  }

  /**
   * Whether {@code c} would break the output's lines or not show as itself: control characters,
   * line and paragraph separators, invisible format characters (such as right-to-left overrides and
   * zero-width spaces) and lone surrogates.
   */
  private static boolean hides(int c) {
    return switch (Character.getType(c)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SURROGATE ->
          true;
      default -> false;
    };
  }
}
