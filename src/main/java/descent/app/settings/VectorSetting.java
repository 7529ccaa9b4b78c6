package descent.app.settings;

import java.util.StringJoiner;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** A comma-separated list of 1 to {@code maxLength} finite numbers, such as the true w. */
public final class VectorSetting extends Setting {
  private final ReadOnlyObjectWrapper<double[]> value;
  private final int maxLength;
  private final double bound;
  private final boolean positive;

  /** Numbers from −bound to bound. */
  public VectorSetting(
      String label, String tooltip, double[] initial, int maxLength, double bound) {
    this(label, tooltip, initial, maxLength, bound, false);
  }

  /**
   * @param positive whether the numbers must be &gt; 0 (up to bound) instead of from −bound
   */
  public VectorSetting(
      String label,
      String tooltip,
      double[] initial,
      int maxLength,
      double bound,
      boolean positive) {
    super(label, tooltip);
    this.maxLength = maxLength;
    this.bound = bound;
    this.positive = positive;
    this.value = new ReadOnlyObjectWrapper<>(this, "value", initial.clone());
    textProperty().set(format());
  }

  /** The largest magnitude an entry may have. */
  public double bound() {
    return bound;
  }

  /** Whether the entries must be &gt; 0. */
  public boolean positive() {
    return positive;
  }

  /** The values; a new array on each change, never mutated. */
  public ReadOnlyObjectProperty<double[]> valueProperty() {
    return value.getReadOnlyProperty();
  }

  public double[] value() {
    return value.get().clone();
  }

  @Override
  public javafx.beans.value.ObservableValue<?> observableValue() {
    return value.getReadOnlyProperty();
  }

  @Override
  protected String tryApply(String s) {
    if (s.isEmpty()) {
      return label() + " needs at least one number";
    }
    String[] parts = s.split("[,;]", -1);
    if (parts.length > maxLength) {
      return label() + " takes at most " + maxLength + " numbers, got " + parts.length;
    }
    double[] v = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i].trim().replace('−', '-');
      try {
        v[i] = Double.parseDouble(p);
      } catch (NumberFormatException e) {
        return "entry " + (i + 1) + ", “" + Readable.echo(p) + "”, is not a number";
      }
      if (Double.isFinite(v[i]) && !Readable.isDecimal(p)) {
        return "entry " + (i + 1) + ", “" + Readable.echo(p) + "”, is not a number";
      }
      if (positive && !(v[i] > 0 && v[i] <= bound)) {
        return "entry " + (i + 1) + " must be > 0 and at most " + show(bound);
      }
      if (!Double.isFinite(v[i]) || Math.abs(v[i]) > bound) {
        return "entry " + (i + 1) + " must be between " + show(-bound) + " and " + show(bound);
      }
    }
    if (!java.util.Arrays.equals(v, value.get())) {
      value.set(v);
    }
    return null;
  }

  @Override
  protected String format() {
    StringJoiner j = new StringJoiner(", ");
    for (double x : value.get()) {
      j.add(show(x));
    }
    return j.toString();
  }
}
