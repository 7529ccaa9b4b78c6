package descent.app.teach.batch;

import static descent.app.teach.batch.Numbers.PENDING;
import static descent.app.teach.batch.Numbers.count;
import static descent.app.teach.batch.Numbers.format;
import static descent.app.teach.batch.Numbers.setting;
import static descent.app.teach.batch.Numbers.term;

import descent.train.StepSnapshot;
import descent.train.TrainingRun.Phase;
import descent.train.TrainingRun.Status;

/**
 * The Minibatch view's lines of text, from a snapshot only: where the run stands, the row count,
 * the batch loss with its mean written out, the gradient's norm and clipping, and each parameter's
 * update. Numbers not computed yet read {@link Numbers#PENDING}.
 */
final class BatchText {
  /** What the view says before the first minibatch. */
  static final String READY =
      "No minibatch yet: press . (Step phase) to start the first minibatch.";

  /** The headline before the first minibatch. */
  static final String READY_HEADLINE = "Ready: no minibatch has run yet.";

  private BatchText() {}

  /** Where the run stands: the minibatch shown, the phase that ran and the next one. */
  static String headline(StepSnapshot s) {
    BatchState state = BatchState.of(s);
    if (state.ready()) {
      return s.status() == Status.READY ? READY_HEADLINE : "No minibatch to show.";
    }
    String where =
        "epoch "
            + (s.epoch() + 1)
            + ", minibatch "
            + (s.batchIndex() + 1)
            + " of "
            + count(s.batchesPerEpoch())
            + ", m = "
            + count(s.batchSize());
    if (s.status() == Status.DIVERGED) {
      return "Diverged at step "
          + s.step()
          + " ("
          + where
          + "), after "
          + s.ran()
          + ": "
          + whyDiverged(s)
          + ". Reset (R) to start again.";
    }
    if (s.status() == Status.FINISHED) {
      return "Finished. Its last minibatch: step " + s.step() + " (" + where + ").";
    }
    if (s.ran() == Phase.UPDATE) {
      return "Step "
          + s.step()
          + " done ("
          + where
          + ") · next: FORWARD of step "
          + (s.step() + 1)
          + " (.)";
    }
    return "Step "
        + s.step()
        + " ("
        + where
        + ") · ran "
        + s.ran()
        + " · next: "
        + s.next()
        + " (.)";
  }

  /** What blew up, as far as the snapshot tells. */
  private static String whyDiverged(StepSnapshot s) {
    if (!Double.isFinite(s.loss())) {
      return "the loss is " + format(s.loss());
    }
    for (int j = 0; j < s.w().length; j++) {
      if (!Double.isFinite(s.w()[j])) {
        return "w" + Numbers.sub(j + 1) + " became " + format(s.w()[j]);
      }
    }
    if (!Double.isFinite(s.b())) {
      return "b became " + format(s.b());
    }
    return "the loss exploded";
  }

  /** How many rows the table holds: "32 rows", or "showing 500 of 1,000 rows". */
  static String rowCount(StepSnapshot s) {
    int m = s.batchSize();
    if (m == 0) {
      return "";
    }
    if (s.isTruncated()) {
      return "showing " + count(s.rows().length) + " of " + count(m) + " rows";
    }
    return m == 1 ? "1 row" : count(m) + " rows";
  }

  /** The batch loss with the mean written out: (sum of the row losses) / m = L. */
  static String batchLoss(StepSnapshot s) {
    BatchState state = BatchState.of(s);
    int m = s.batchSize();
    if (m == 1) {
      return oneRow(s, state);
    }
    String formula = "L = (sum of the row losses) / m";
    if (!state.loss()) {
      return formula + " = " + PENDING + " (LOSS computes it)";
    }
    if (s.isTruncated()) {
      return "L = (sum of the "
          + count(m)
          + " row losses) / "
          + count(m)
          + " = "
          + format(s.loss());
    }
    return formula
        + " = "
        + format(Explainer.rowLossSum(s))
        + " / "
        + count(m)
        + " = "
        + format(s.loss());
  }

  /** A minibatch of one row as one line of arithmetic, filled in phase by phase. */
  private static String oneRow(StepSnapshot s, BatchState state) {
    double[] w = state.updated() ? s.wBefore() : s.w();
    double b = state.updated() ? s.bBefore() : s.b();
    StringBuilder line = new StringBuilder("ŷ = x · w + b = ");
    if (state.forward() && w != null && w.length <= 3) {
      for (int j = 0; j < w.length; j++) {
        line.append(term(s.x()[0][j])).append(" × ").append(term(w[j])).append(" + ");
      }
      line.append(term(b)).append(" = ");
    }
    line.append(state.forward() ? format(s.yHat()[0]) : PENDING);
    line.append(",   ŷ − y = ");
    if (state.loss()) {
      double r = Explainer.residual(s, 0);
      line.append(format(s.yHat()[0])).append(" − ").append(term(s.y()[0])).append(" = ");
      line.append(format(r)).append(",   L = ½ × ").append(term(r)).append("² = ");
      line.append(format(s.loss()));
    } else {
      line.append(PENDING).append(",   L = ½(ŷ − y)² = ").append(PENDING);
    }
    return line.toString();
  }

  /** The gradient's norm, and whether clipping scaled it. */
  static String norm(StepSnapshot s) {
    BatchState state = BatchState.of(s);
    String clip = s.clipValue() > 0 ? "clipping at " + setting(s.clipValue()) : "no clipping";
    if (!state.backward()) {
      return "‖g‖ = " + PENDING + " (BACKWARD computes it) · " + clip;
    }
    String norm = "‖g‖ = " + format(s.gradNorm());
    if (s.clipValue() <= 0) {
      return norm + " · no clipping";
    }
    if (s.clipFactor() < 1) {
      return norm
          + " > "
          + setting(s.clipValue())
          + ": clipped, gradient × "
          + format(s.clipFactor());
    }
    return norm + " ≤ " + setting(s.clipValue()) + ": not clipped";
  }

  /** Parameter p's update, θ − η × ∂L/∂θ = θ′, with what is known so far. */
  static String update(StepSnapshot s, int p) {
    BatchState state = BatchState.of(s);
    int d = s.numFeatures();
    double now = p == d ? s.b() : s.w()[p];
    String eta = setting(s.learningRate());
    if (!state.updated()) {
      String grad = state.backward() ? term(p == d ? s.gradB() : s.gradW()[p]) : PENDING;
      return format(now) + " − " + eta + " × " + grad + " = " + PENDING;
    }
    double grad = p == d ? s.gradB() : s.gradW()[p];
    if (s.wBefore() == null) {
      return "(before: not recorded) − " + eta + " × " + term(grad) + " = " + format(now);
    }
    double before = p == d ? s.bBefore() : s.wBefore()[p];
    return format(before) + " − " + eta + " × " + term(grad) + " = " + format(now);
  }

  /** ∂L/∂θ of parameter p, or pending. */
  static String gradient(StepSnapshot s, int p) {
    if (!BatchState.of(s).backward()) {
      return PENDING;
    }
    return format(p == s.numFeatures() ? s.gradB() : s.gradW()[p]);
  }
}
