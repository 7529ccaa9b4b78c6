package descent.app.teach.landscape;

import descent.data.RegressionData;
import descent.train.LeastSquares;
import descent.train.LossSurface;
import descent.train.StepSnapshot;
import descent.train.TrainingRun.Phase;

/**
 * What the map marks besides the path, in the two chosen parameters: the current point, the true
 * parameters and the least-squares optimum (null when unknown), the negative full-batch gradient at
 * the current point as an arrow tip, and the minibatch's own step once BACKWARD has computed it
 * (dashed, still to come) or UPDATE has applied it (solid, done). Plain Java.
 *
 * @param now the current point (i, j), maybe non-finite
 * @param truth the true parameters, or null
 * @param optimum the least-squares optimum, or null
 * @param gradient −∂L/∂(i, j) at the held point, the full-batch loss's steepest descent
 * @param arrowTip where the −∇L arrow ends: the held point plus {@code scale} times {@code
 *     gradient}, or null when the gradient is not finite
 * @param stepFrom where the minibatch's step starts, or null when there is none to show
 * @param stepTo where it ends
 * @param stepDone whether the update has applied it (else it is the step about to be taken)
 */
record Overlay(
    double[] now,
    double[] truth,
    double[] optimum,
    double[] gradient,
    double[] arrowTip,
    double[] stepFrom,
    double[] stepTo,
    boolean stepDone) {

  /**
   * The marks for snapshot {@code s}, the map held at ({@code heldW}, {@code heldB}), and an arrow
   * {@code arrowScale} parameter units long per unit of gradient.
   */
  static Overlay of(
      LossSurface surface,
      RegressionData.Truth truth,
      StepSnapshot s,
      double[] heldW,
      double heldB,
      int axisI,
      int axisJ,
      double arrowScale) {
    double[] now = project(s.w(), s.b(), axisI, axisJ);
    double[] held = project(heldW, heldB, axisI, axisJ);
    double[] t = truth == null ? null : project(truth.w(), truth.b(), axisI, axisJ);
    LeastSquares.Fit fit = surface.optimum();
    double[] opt = fit != null && fit.available() ? project(fit.w(), fit.b(), axisI, axisJ) : null;
    double[] g = surface.gradient(heldW, heldB);
    double[] descent = {-g[axisI], -g[axisJ]};
    double[] tip = null;
    if (finite(descent) && Double.isFinite(arrowScale)) {
      tip = new double[] {held[0] + arrowScale * descent[0], held[1] + arrowScale * descent[1]};
    }
    double[] from = null;
    double[] to = null;
    boolean done = false;
    if (s.ran() == Phase.UPDATE && s.wBefore() != null) {
      from = project(s.wBefore(), s.bBefore(), axisI, axisJ);
      to = now;
      done = true;
    } else if (s.ran() == Phase.BACKWARD && s.gradW() != null) {
      double[] stepW = new double[s.w().length];
      for (int k = 0; k < stepW.length; k++) {
        stepW[k] = s.w()[k] - s.learningRate() * s.gradW()[k];
      }
      from = now;
      to = project(stepW, s.b() - s.learningRate() * s.gradB(), axisI, axisJ);
    }
    if (from != null && !(finite(from) && finite(to))) {
      from = null;
      to = null;
    }
    return new Overlay(
        now, t, opt != null && finite(opt) ? opt : null, descent, tip, from, to, done);
  }

  /** Parameters {@code axisI} and {@code axisJ} of (w, b): axis d is b. */
  static double[] project(double[] w, double b, int axisI, int axisJ) {
    int d = w.length;
    return new double[] {axisI == d ? b : w[axisI], axisJ == d ? b : w[axisJ]};
  }

  static boolean finite(double[] p) {
    return p != null && Double.isFinite(p[0]) && Double.isFinite(p[1]);
  }
}
