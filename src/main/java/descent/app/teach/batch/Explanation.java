package descent.app.teach.batch;

import java.util.List;

/**
 * How one number of the Minibatch view was computed from the others, as its popover shows it: a
 * title naming the quantity and its formula, then the formula with the values, line by line, ending
 * in the value itself.
 *
 * @param title e.g. "ŷ₇ = x₇ · w + b"
 * @param lines e.g. "= 0.53000 × 2.0012 + 4.1900", "= 5.2507"
 */
public record Explanation(String title, List<String> lines) {
  public Explanation {
    lines = List.copyOf(lines);
  }

  public static Explanation of(String title, String... lines) {
    return new Explanation(title, List.of(lines));
  }

  /** The title and the lines, one per line, as a user reads them. */
  public String text() {
    return title + "\n" + String.join("\n", lines);
  }
}
