package descent.app.teach.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits one line of Java (or of the chapter's Python) into the pieces the Code view colours:
 * keywords, comments, strings, numbers, constants (names in capitals, such as the phases) and the
 * rest. Joined again, the pieces are the line, character for character.
 */
final class JavaTokens {
  private JavaTokens() {}

  /** What a piece of a line is, for its colour. */
  enum Kind {
    KEYWORD,
    COMMENT,
    STRING,
    NUMBER,
    CONSTANT,
    PLAIN
  }

  /** A piece of a line. */
  record Token(Kind kind, String text) {}

  private static final Set<String> KEYWORDS =
      Set.of(
          "switch",
          "case",
          "default",
          "if",
          "else",
          "for",
          "while",
          "do",
          "return",
          "new",
          "null",
          "true",
          "false",
          "this",
          "double",
          "int",
          "long",
          "boolean",
          "var",
          "final",
          "try",
          "catch",
          "throw",
          "break",
          "continue",
          "yield",
          "self",
          "def",
          "import",
          "from");

  /** The pieces of {@code line}, in order. */
  static List<Token> of(String line) {
    List<Token> out = new ArrayList<>();
    StringBuilder plain = new StringBuilder();
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      int end;
      Kind kind;
      if (line.startsWith("//", i) || c == '#') {
        end = n;
        kind = Kind.COMMENT;
      } else if (c == '"' || c == '\'') {
        end = closingQuote(line, i);
        kind = Kind.STRING;
      } else if (Character.isDigit(c) && !partOfName(line, i)) {
        end = i;
        while (end < n
            && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '.')) {
          end++;
        }
        kind = Kind.NUMBER;
      } else if (Character.isJavaIdentifierStart(c)) {
        end = i;
        while (end < n && Character.isJavaIdentifierPart(line.charAt(end))) {
          end++;
        }
        String word = line.substring(i, end);
        kind = KEYWORDS.contains(word) ? Kind.KEYWORD : isConstant(word) ? Kind.CONSTANT : null;
        if (kind == null) {
          plain.append(word);
          i = end;
          continue;
        }
      } else {
        plain.append(c);
        i++;
        continue;
      }
      flush(plain, out);
      out.add(new Token(kind, line.substring(i, end)));
      i = end;
    }
    flush(plain, out);
    return out;
  }

  private static void flush(StringBuilder plain, List<Token> out) {
    if (plain.length() > 0) {
      out.add(new Token(Kind.PLAIN, plain.toString()));
      plain.setLength(0);
    }
  }

  private static int closingQuote(String line, int open) {
    char quote = line.charAt(open);
    int i = open + 1;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == quote) {
        return i + 1;
      }
      i++;
    }
    return line.length();
  }

  private static boolean partOfName(String line, int i) {
    return i > 0 && Character.isJavaIdentifierPart(line.charAt(i - 1));
  }

  /** FORWARD, DIVERGENCE_FACTOR: at least two characters, capitals, digits and underscores. */
  private static boolean isConstant(String word) {
    return word.length() > 1
        && Character.isUpperCase(word.charAt(0))
        && word.chars()
            .allMatch(ch -> Character.isUpperCase(ch) || Character.isDigit(ch) || ch == '_');
  }
}
