package descent.app.settings;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One user-editable setting: a label, a one-sentence tooltip in the chapter's terms, the text the
 * user typed, and the error message shown beside the field when that text is refused. A refused
 * text never changes the value, so the current run is not disturbed.
 */
public abstract class Setting {
  private final String label;
  private final String tooltip;
  private final StringProperty text = new SimpleStringProperty(this, "text", "");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", null);

  protected Setting(String label, String tooltip) {
    this.label = label;
    this.tooltip = tooltip;
  }

  public String label() {
    return label;
  }

  public String tooltip() {
    return tooltip;
  }

  /** The text shown in the field; views bind to it bidirectionally. */
  public StringProperty textProperty() {
    return text;
  }

  /** The reason the last submitted text was refused, or null when the field is valid. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  public String error() {
    return error.get();
  }

  /**
   * Parses and validates the field's current text. On success the value changes (if different) and
   * the text is normalised; on failure the error is set and the value stays.
   *
   * @return whether the text was accepted
   */
  public final boolean submit() {
    String typed = text.get() == null ? "" : text.get().trim();
    if (typed.equals(format())) {
      // the field still shows the current value (perhaps rounded for display): nothing changed
      error.set(null);
      return true;
    }
    String message = tryApply(typed);
    error.set(message);
    if (message == null) {
      text.set(format());
    }
    return message == null;
  }

  /** Submits {@code newText} as if typed into the field. */
  public final boolean submit(String newText) {
    text.set(newText);
    return submit();
  }

  /** Clears a pending error and shows the current value again, e.g. on Escape. */
  public void revert() {
    error.set(null);
    text.set(format());
  }

  protected void clearError() {
    error.set(null);
  }

  /** The setting's value, for listeners that only need to hear that it changed. */
  public abstract javafx.beans.value.ObservableValue<?> observableValue();

  /**
   * How a field shows a number: whole numbers as integers, others to six significant digits, never
   * in E notation.
   */
  public static String show(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return new java.math.BigDecimal(v)
        .round(new java.math.MathContext(6))
        .stripTrailingZeros()
        .toPlainString();
  }

  /** Applies {@code s} if valid; returns null on success, or the reason it was refused. */
  protected abstract String tryApply(String s);

  /** The current value as the field shows it. */
  protected abstract String format();
}
