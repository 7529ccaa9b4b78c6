package descent.badinput;

/**
 * Text typed into one of the app's setting fields (then Enter) that must be refused: the field is
 * marked, {@code message} shows beside it, and no setting and no run changes.
 *
 * @param field the field's id without {@code -field}, e.g. {@code learning-rate}
 * @param label the field's label as the window shows it
 */
record FieldCase(String id, String field, String label, String text, String message, String why) {

  Row row() {
    String shown =
        text.length() > 40 ? text.substring(0, 20) + "… (" + text.length() + " characters)" : text;
    return new Row(
        id,
        "app: " + label + " field",
        shown.isEmpty() ? "(empty)" : "`" + shown + "`",
        message,
        why);
  }

  @Override
  public String toString() {
    return id;
  }
}
