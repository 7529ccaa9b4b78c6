package descent.badinput;

/**
 * One line of the bad-input table in {@code docs/bad-inputs.md}: a stable id, where the input goes,
 * the input, what the user sees (the message exactly as printed or shown) and why it is refused.
 */
record Row(String id, String where, String input, String seen, String why) {

  /** The row as a Markdown table row; a {@code |} inside a cell is escaped. */
  String markdown() {
    return "| "
        + String.join(
            " | ",
            cell("`" + id + "`"),
            cell(where),
            cell(input),
            cell("`" + seen.replace("`", "'") + "`"),
            cell(why))
        + " |";
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
