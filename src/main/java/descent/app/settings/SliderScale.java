package descent.app.settings;

import java.util.function.DoubleUnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableValue;

/**
 * How a slider's position maps to a setting's value and back. Dragging gives readable values (a few
 * significant digits, or a power of two); a typed value is kept exactly and only moves the thumb.
 *
 * @param toValue position → value, already snapped to a readable value
 * @param toPosition value → position, exact
 * @param maxPosition the slider's right end (it may follow another setting)
 * @param minPosition the slider's left end
 */
record SliderScale(
    DoubleUnaryOperator toValue,
    DoubleUnaryOperator toPosition,
    ObservableValue<Number> maxPosition,
    double minPosition) {

  /** Significant digits a log-scale slider gives: 0.031, 1.8. */
  static final int DIGITS = 2;

  /** How much of a decade, left of the log range, snaps to zero. */
  static final double ZERO_STRETCH = 0.25;

  /** Whole numbers from {@code min} to {@code max}, linearly (epochs). */
  static SliderScale linearIntegers(double min, double max) {
    return new SliderScale(Math::rint, v -> v, new SimpleDoubleProperty(max), min);
  }

  /** {@code min} to {@code max} on a log scale, two significant digits (the learning rate). */
  static SliderScale log10(double min, double max) {
    return new SliderScale(
        p -> Readable.significant(Math.pow(10, p), DIGITS),
        Math::log10,
        new SimpleDoubleProperty(Math.log10(max)),
        Math.log10(min));
  }

  /**
   * Zero at the left end, then {@code min} to {@code max} on a log scale (init σ: 0 starts every
   * weight at zero, and the chapter's 0.01 to 0.1 spans a fifth of the track). The track starts two
   * {@link #ZERO_STRETCH}es of a decade left of {@code min}: the first gives 0, the second {@code
   * min}. Values typed between 0 and {@code min} put the thumb at {@code min}.
   */
  static SliderScale zeroThenLog10(double min, double max) {
    double lo = Math.log10(min);
    double zeroAt = lo - 2 * ZERO_STRETCH;
    return new SliderScale(
        p ->
            p < lo - ZERO_STRETCH ? 0 : Readable.significant(Math.pow(10, Math.max(lo, p)), DIGITS),
        v -> v <= 0 ? zeroAt : Math.max(lo, Math.log10(v)),
        new SimpleDoubleProperty(Math.log10(max)),
        zeroAt);
  }

  /** Snaps through 1, 2, 4, … and ends exactly at the setting's maximum (numTrain). */
  static SliderScale powersOfTwo(NumberSetting s) {
    var max = Bindings.createDoubleBinding(() -> log2(s.max()), s.maxProperty());
    return new SliderScale(
        p -> p >= max.get() - 0.5 ? s.max() : Math.pow(2, Math.round(p)), v -> log2(v), max, 0);
  }

  private static double log2(double v) {
    return Math.log(v) / Math.log(2);
  }
}
