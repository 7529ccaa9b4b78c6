package descent.app.settings;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleDoubleProperty;

/** A number in a closed range, optionally an integer, whose maximum may follow another value. */
public final class NumberSetting extends Setting {
  private final ReadOnlyDoubleWrapper value;
  private final double min;
  private final DoubleProperty max;
  private final boolean integer;

  public NumberSetting(
      String label, String tooltip, double initial, double min, double max, boolean integer) {
    super(label, tooltip);
    this.min = min;
    this.max = new SimpleDoubleProperty(this, "max", max);
    this.integer = integer;
    this.value = new ReadOnlyDoubleWrapper(this, "value", initial);
    textProperty().set(format());
  }

  public ReadOnlyDoubleProperty valueProperty() {
    return value.getReadOnlyProperty();
  }

  public double value() {
    return value.get();
  }

  public int intValue() {
    return (int) Math.round(value.get());
  }

  public double min() {
    return min;
  }

  public double max() {
    return max.get();
  }

  /** The upper bound; the batch size's follows numTrain. */
  public DoubleProperty maxProperty() {
    return max;
  }

  public boolean isInteger() {
    return integer;
  }

  /** Sets the value from a slider or a button: clamped into range and rounded if an integer. */
  public void set(double v) {
    double x = Math.max(min, Math.min(max.get(), integer ? Math.rint(v) : v));
    clearError();
    value.set(x);
    textProperty().set(format());
  }

  /** Shows {@code v} (clamped and rounded as {@link #set} would) without applying it. */
  public void preview(double v) {
    textProperty().set(show(Math.max(min, Math.min(max.get(), integer ? Math.rint(v) : v))));
  }

  @Override
  public javafx.beans.value.ObservableValue<?> observableValue() {
    return value.getReadOnlyProperty();
  }

  @Override
  protected String tryApply(String s) {
    if (s.isEmpty()) {
      return label() + " needs a number";
    }
    String t = s.replace('−', '-');
    double v;
    try {
      v = Double.parseDouble(t);
    } catch (NumberFormatException e) {
      return "“" + Readable.echo(s) + "” is not a number";
    }
    if (!Double.isFinite(v)) {
      return "“" + Readable.echo(s) + "” is not a finite number";
    }
    if (!Readable.isDecimal(t)) {
      return "“" + Readable.echo(s) + "” is not a number";
    }
    if (integer && v != Math.rint(v)) {
      return label() + " must be a whole number";
    }
    if (v < min || v > max.get()) {
      return label() + " must be between " + show(min) + " and " + show(max.get());
    }
    value.set(v);
    return null;
  }

  @Override
  protected String format() {
    return show(value.get());
  }
}
