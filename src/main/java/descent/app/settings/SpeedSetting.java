package descent.app.settings;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The play speed, as a slider position from 0 ("up to 1 step/s") to {@link #MAX_POSITION} ("as fast
 * as possible"). Positions in between are log-spaced and snap to 1, 2 or 5 times a power of ten
 * steps per second. The speed is a target, an upper limit: the status bar shows what is delivered.
 */
public final class SpeedSetting {
  public static final double MAX_POSITION = 4;

  /** 20 steps per second: the chapter's 32 minibatches take a little over 1.5 s. */
  public static final double DEFAULT_POSITION = Math.log10(20);

  private final DoubleProperty position =
      new SimpleDoubleProperty(this, "position", DEFAULT_POSITION);
  // the training thread reads the speed every step: give it a volatile copy, not the property
  private volatile double stepsPerSecond = stepsPerSecond(position.get());

  public SpeedSetting() {
    position.addListener((obs, o, p) -> stepsPerSecond = stepsPerSecond(p.doubleValue()));
  }

  /** The slider position; views bind to it. */
  public DoubleProperty positionProperty() {
    return position;
  }

  /** The target steps per second at the current position, infinite at the top; any thread. */
  public double stepsPerSecond() {
    return stepsPerSecond;
  }

  /** 10^position, snapped to 1, 2 or 5 times a power of ten; infinite at the top. */
  static double stepsPerSecond(double pos) {
    if (pos >= MAX_POSITION - 1e-9) {
      return Double.POSITIVE_INFINITY;
    }
    return Readable.oneTwoFive(Math.pow(10, Math.max(0, pos)));
  }

  /** "up to 1 step/s", "up to 2,000 steps/s", or "as fast as possible". */
  public StringBinding labelBinding() {
    return Bindings.createStringBinding(() -> describe(position.get()), position);
  }

  static String describe(double pos) {
    double s = stepsPerSecond(pos);
    if (Double.isInfinite(s)) {
      return "as fast as possible";
    }
    return "up to " + Readable.grouped(s) + (s == 1 ? " step/s" : " steps/s");
  }
}
