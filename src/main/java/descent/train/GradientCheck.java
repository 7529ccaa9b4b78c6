package descent.train;

import descent.data.Batch;
import descent.engine.Autograd;
import descent.engine.Tensor;
import descent.model.LinearModel;
import descent.model.LinearRegressionScratch;
import descent.train.TrainingRun.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The gradient check: the autograd gradient of one minibatch's loss beside central finite
 * differences, for every element of w and for b.
 *
 * <p>Both sides run on a copy of the model (a {@link LinearRegressionScratch} holding the same w
 * and b), so the run being checked is left exactly as it was: its parameters, their gradients (even
 * a gradient that was still null), their in-place version counts and the run's phase, counters and
 * current loss graph. The autograd side is the engine's real pass, {@code loss(forward(X),
 * y).backward()}; the numeric side evaluates the same loss in a no-grad scope at θ ± h for one
 * element θ at a time:
 *
 * <pre>
 *   numeric = (L(θ + h) − L(θ − h)) / ((θ + h) − (θ − h)),   h = ∛ε · max(1, |θ|) ≈ 6.1e-6 · max(1, |θ|)
 * </pre>
 *
 * ∛ε (ε the double's machine epsilon) is the step that balances rounding against truncation for
 * central differences; the chapter's loss is quadratic in θ, so its truncation error is in fact
 * zero and only rounding, about ε·L/h, remains. Dividing by the step actually represented, {@code
 * (θ + h) − (θ − h)}, rather than by 2h removes the rounding of θ ± h itself.
 *
 * <p>The two are compared by the relative error
 *
 * <pre>
 *   |a − n| / max(|a| + |n|, 1e-8)
 * </pre>
 *
 * which is 0 when they agree exactly, at most 1 whatever they are, and well defined when both are
 * 0: for gradients below 10⁻⁸ it measures the absolute difference against 10⁻⁸ instead, since the
 * relative difference of two values that are both zero for practical purposes means nothing. The
 * gradients agree when every relative error is below {@link #TOLERANCE}.
 *
 * @param batch the minibatch checked
 * @param loss the loss of that minibatch at the current parameters
 * @param entries one per parameter element: w1 … wd, then b
 */
public record GradientCheck(Batch batch, double loss, List<Entry> entries) {
  /** Gradients agree when every relative error is below this. */
  public static final double TOLERANCE = 1e-6;

  /** Below this, |a| + |n| counts as zero and the difference is measured against it. */
  public static final double TINY = 1e-8;

  /** ∛ε, the relative step of the central differences. */
  public static final double RELATIVE_STEP = Math.cbrt(Math.ulp(1.0));

  /**
   * One parameter element.
   *
   * @param name {@code w1} … {@code wd} or {@code b}
   * @param autograd the gradient backward() computed
   * @param numeric the central-difference gradient
   * @param relativeError {@link #relativeError(double, double)} of the two
   */
  public record Entry(String name, double autograd, double numeric, double relativeError) {}

  public GradientCheck {
    entries = List.copyOf(entries);
  }

  /**
   * Checks the gradient of the run's current minibatch: the one in progress when a step has begun
   * (its forward phase ran), otherwise the one its next {@link TrainingRun#step()} will use. The
   * run is not advanced or changed in any way.
   *
   * @throws IllegalStateException if the run has no minibatch left (it finished)
   */
  public static GradientCheck of(TrainingRun run) {
    return of(run.model(), batchOf(run));
  }

  /**
   * The minibatch {@link #of(TrainingRun)} checks: {@link TrainingRun#currentBatch()} while a step
   * is under way, else the next one, read from the same loader the run reads ({@code
   * trainLoader(epoch)}, which is a pure function of the seed and the epoch).
   *
   * @throws IllegalStateException if the run has no minibatch left (it finished)
   */
  public static Batch batchOf(TrainingRun run) {
    if (run.nextPhase() != Phase.FORWARD) {
      return run.currentBatch();
    }
    if (run.status() == TrainingRun.Status.DIVERGED) {
      return run.currentBatch(); // a parameter became non-finite after this batch's update
    }
    if (run.isOver() || (run.batchIndex() == 0 && run.epoch() >= run.maxEpochs())) {
      throw new IllegalStateException("the run is over: it has no minibatch left to check");
    }
    return run.data().trainLoader(run.epoch()).get(run.batchIndex());
  }

  /** Checks the gradient of {@code model}'s loss on {@code batch}; {@code model} is not changed. */
  public static GradientCheck of(LinearModel model, Batch batch) {
    LinearRegressionScratch copy = copyOf(model);
    Tensor w = copy.w();
    Tensor b = copy.b();
    Tensor lossTensor = copy.loss(copy.forward(batch.x()), batch.y());
    double loss = lossTensor.item();
    lossTensor.backward();
    int d = w.size();
    double[] autograd = new double[d + 1];
    System.arraycopy(w.grad().toArray(), 0, autograd, 0, d);
    autograd[d] = b.grad().item();

    double[] numeric = new double[d + 1];
    try (var g = Autograd.noGrad()) {
      for (int i = 0; i <= d; i++) {
        Tensor p = i < d ? w : b;
        numeric[i] = centralDifference(copy, p, i < d ? i : 0, batch);
      }
    }
    return compare(batch, loss, autograd, numeric);
  }

  /**
   * Compares an autograd gradient with a numeric one, element by element (w1 … wd, then b). {@link
   * #of} uses it; it is public so that a deliberately wrong gradient can be shown to be caught.
   */
  public static GradientCheck compare(
      Batch batch, double loss, double[] autograd, double[] numeric) {
    if (autograd.length != numeric.length || autograd.length < 2) {
      throw new IllegalArgumentException(
          "autograd and numeric need the same d + 1 ≥ 2 elements, got "
              + autograd.length
              + " and "
              + numeric.length);
    }
    int d = autograd.length - 1;
    List<Entry> entries = new ArrayList<>(d + 1);
    for (int i = 0; i <= d; i++) {
      String name = i < d ? "w" + (i + 1) : "b";
      entries.add(new Entry(name, autograd[i], numeric[i], relativeError(autograd[i], numeric[i])));
    }
    return new GradientCheck(batch, loss, entries);
  }

  /**
   * |a − n| / max(|a| + |n|, {@link #TINY}); NaN if either is not finite, so that a non-finite
   * gradient never counts as agreeing.
   */
  public static double relativeError(double a, double n) {
    if (!Double.isFinite(a) || !Double.isFinite(n)) {
      return Double.NaN;
    }
    return Math.abs(a - n) / Math.max(Math.abs(a) + Math.abs(n), TINY);
  }

  /** The entry with the largest relative error (a non-finite one first). */
  public Entry worst() {
    Entry worst = entries.get(0);
    for (Entry e : entries) {
      if ((Double.isNaN(e.relativeError()) && !Double.isNaN(worst.relativeError()))
          || e.relativeError() > worst.relativeError()) {
        worst = e;
      }
    }
    return worst;
  }

  /** The largest relative error; NaN if some gradient or the loss is not finite. */
  public double largestError() {
    return isFinite() ? worst().relativeError() : Double.NaN;
  }

  /** Whether the loss and both gradients are finite numbers. */
  public boolean isFinite() {
    if (!Double.isFinite(loss)) {
      return false;
    }
    for (Entry e : entries) {
      if (!Double.isFinite(e.autograd()) || !Double.isFinite(e.numeric())) {
        return false;
      }
    }
    return true;
  }

  /** Whether every relative error is below {@link #TOLERANCE} (and everything is finite). */
  public boolean agrees() {
    return isFinite() && largestError() < TOLERANCE;
  }

  private static double centralDifference(
      LinearRegressionScratch model, Tensor p, int index, Batch batch) {
    double[] values = p.toArray();
    double theta = values[index];
    double h = RELATIVE_STEP * Math.max(1, Math.abs(theta));
    double up = theta + h;
    double down = theta - h;
    values[index] = up;
    p.setInPlace(values);
    double lossUp = model.loss(model.forward(batch.x()), batch.y()).item();
    values[index] = down;
    p.setInPlace(values);
    double lossDown = model.loss(model.forward(batch.x()), batch.y()).item();
    values[index] = theta;
    p.setInPlace(values);
    return (lossUp - lossDown) / (up - down);
  }

  /**
   * A {@link LinearRegressionScratch} with {@code model}'s w and b, so nothing done to it reaches
   * the model. Only that class is copied: it is the model the chapter, the app and the command line
   * train.
   */
  private static LinearRegressionScratch copyOf(LinearModel model) {
    if (!(model instanceof LinearRegressionScratch original)) {
      throw new IllegalArgumentException(
          "the gradient check copies a LinearRegressionScratch, not a "
              + model.getClass().getSimpleName());
    }
    int d = original.w().size();
    LinearRegressionScratch copy =
        new LinearRegressionScratch(d, original.learningRate(), 0, new Random(0));
    try (var g = Autograd.noGrad()) {
      copy.w().setInPlace(original.w().toArray());
      copy.b().setInPlace(original.b().toArray());
    }
    return copy;
  }
}
