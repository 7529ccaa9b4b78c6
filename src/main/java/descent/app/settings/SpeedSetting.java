package descent.app.settings;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The play speed, as a slider position from 0 ("1 step per second") to {@link #MAX_POSITION} ("as
 * fast as possible"); positions in between are log-spaced, 10^position steps per second.
 */
public final class SpeedSetting {
  public static final double MAX_POSITION = 4;
  private final DoubleProperty position = new SimpleDoubleProperty(this, "position", 1.5);
  // the training thread reads the speed every step: give it a volatile copy, not the property
  private volatile double stepsPerSecond = stepsPerSecond(position.get());

  public SpeedSetting() {
    position.addListener((obs, o, p) -> stepsPerSecond = stepsPerSecond(p.doubleValue()));
  }

  /** The slider position; views bind to it. */
  public DoubleProperty positionProperty() {
    return position;
  }

  /** Steps per second at the current position, infinite at the top; safe from any thread. */
  public double stepsPerSecond() {
    return stepsPerSecond;
  }

  static double stepsPerSecond(double pos) {
    return pos >= MAX_POSITION - 1e-9 ? Double.POSITIVE_INFINITY : Math.pow(10, pos);
  }

  /** "1 step/s", "32 steps/s", or "as fast as possible". */
  public StringBinding labelBinding() {
    return Bindings.createStringBinding(() -> describe(position.get()), position);
  }

  static String describe(double pos) {
    double s = stepsPerSecond(pos);
    if (Double.isInfinite(s)) {
      return "as fast as possible";
    }
    long r = Math.round(s);
    return r + (r == 1 ? " step/s" : " steps/s");
  }
}
