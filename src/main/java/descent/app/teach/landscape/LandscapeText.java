package descent.app.teach.landscape;

import descent.train.StepSnapshot;
import descent.train.TrainingRun.Phase;
import descent.train.TrainingRun.Status;

/** The landscape's sentences: what the map holds fixed, and what the marks show now. Plain Java. */
final class LandscapeText {
  private LandscapeText() {}

  /**
   * Which parameters the map holds and at what values: "b held at its current value, 4.187", "w₂
   * and b held at their current values, −3.4 and 4.187", or "the other 9 parameters …".
   *
   * @param finite whether the current point is finite (else the map holds the last finite one)
   * @param lastStep the step of the last finite point, when {@code finite} is false
   */
  static String held(int axisI, int axisJ, double[] w, double b, boolean finite, long lastStep) {
    int d = w.length;
    StringBuilder names = new StringBuilder();
    StringBuilder values = new StringBuilder();
    int count = 0;
    for (int k = 0; k <= d; k++) {
      if (k == axisI || k == axisJ) {
        continue;
      }
      count++;
      if (count > 1) {
        names.append(" and ");
        values.append(" and ");
      }
      names.append(LandscapeFormat.parameter(k, d));
      values.append(LandscapeFormat.number(k == d ? b : w[k]));
    }
    if (count == 0) {
      return "The full training loss over both parameters.";
    }
    String value = finite ? "current value" : "last finite value";
    String after = finite ? "." : " (step " + lastStep + ").";
    if (count == 1) {
      return names + " held at its " + value + ", " + values + after;
    }
    if (count == 2) {
      return names + " held at their " + value + "s, " + values + after;
    }
    return "The other " + count + " parameters held at their " + value + "s" + after;
  }

  /**
   * What the marks show for snapshot {@code s}, with the full training loss {@code loss} at the
   * current point, after {@code pathSteps} steps.
   */
  static String status(StepSnapshot s, double loss, long pathSteps) {
    String at = "full training loss here " + LandscapeFormat.number(loss);
    String params = s.w().length == 1 ? "(w, b)" : "the parameters";
    if (s.status() == Status.DIVERGED) {
      String where =
          Double.isFinite(loss)
              ? "the map has followed the path out to here; " + at
              : "w and b are no longer numbers, the map holds the last finite ones";
      return "Diverged at step " + s.step() + ": " + where + ".";
    }
    if (s.status() == Status.FINISHED) {
      return "Finished after " + pathSteps + " steps; " + at + ".";
    }
    if (s.ran() == null || s.step() == 0) {
      return "Before the first step; " + at + ". The arrow −∇L points the steepest way down.";
    }
    if (s.ran() == Phase.UPDATE) {
      String moved =
          s.wBefore() == null
              ? ""
              : ": it moved "
                  + params
                  + " by "
                  + LandscapeFormat.number(stepLength(s))
                  + " (yellow)"
                  + clipped(s);
      return "Step " + s.step() + " done" + moved + "; " + at + ".";
    }
    if (s.ran() == Phase.BACKWARD) {
      return "Step "
          + s.step()
          + ", after BACKWARD: UPDATE will move "
          + params
          + " by "
          + LandscapeFormat.number(stepLength(s))
          + ", η × this minibatch's gradient (dashed yellow)"
          + clipped(s)
          + ".";
    }
    return "Step " + s.step() + ", after " + s.ran() + ": w and b move only at UPDATE; " + at + ".";
  }

  /**
   * The length of the minibatch's step over all parameters: the one UPDATE applied (after it) or η
   * × the gradient as UPDATE will apply it (after BACKWARD).
   */
  static double stepLength(StepSnapshot s) {
    double sum = 0;
    if (s.ran() == Phase.UPDATE && s.wBefore() != null) {
      for (int k = 0; k < s.w().length; k++) {
        sum += sq(s.w()[k] - s.wBefore()[k]);
      }
      return Math.sqrt(sum + sq(s.b() - s.bBefore()));
    }
    if (s.gradW() == null) {
      return Double.NaN;
    }
    for (double g : s.gradW()) {
      sum += g * g;
    }
    return s.learningRate() * Math.sqrt(sum + s.gradB() * s.gradB());
  }

  /** ", clipped: gradient norm 5.8 → 1" when clipping shortened the step, else "". */
  static String clipped(StepSnapshot s) {
    if (!(s.clipValue() > 0) || !(s.clipFactor() < 1)) {
      return "";
    }
    return ", clipped: gradient norm "
        + LandscapeFormat.number(s.gradNorm())
        + " → "
        + LandscapeFormat.number(s.clipValue());
  }

  private static double sq(double v) {
    return v * v;
  }
}
