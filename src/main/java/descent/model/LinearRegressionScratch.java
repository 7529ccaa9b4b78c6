package descent.model;

import descent.engine.Shape;
import descent.engine.Tensor;
import java.util.List;
import java.util.Random;

/**
 * d2l's {@code LinearRegressionScratch}: w ~ N(0, σ²) of shape (d, 1), b = 0 of shape (1,), ŷ = Xw
 * + b, and the loss is the batch mean of (ŷ − y)²/2.
 *
 * <p>The learning rate lives in one place, the model's SGD: {@link #configureOptimizers()} hands
 * out that one optimizer every time, and {@link #learningRate()} reads it, so a rate changed
 * through a {@code TrainingRun} is the rate the model reports and the rate a later run starts from.
 */
public final class LinearRegressionScratch implements LinearModel {
  private final double sigma;
  private final Tensor w;
  private final Tensor b;
  private final List<Tensor> parameters;
  private final SGD optimizer;

  /**
   * @param numInputs d, the number of features
   * @param lr the learning rate handed to SGD
   * @param sigma the standard deviation of the initial weights; 0 starts w at exactly zero
   * @param random the source of the initial weights
   */
  public LinearRegressionScratch(int numInputs, double lr, double sigma, Random random) {
    if (numInputs < 1) {
      throw new IllegalArgumentException("numInputs must be at least 1, got " + numInputs);
    }
    if (!(sigma >= 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("sigma must be a finite number ≥ 0, got " + sigma);
    }
    this.sigma = sigma;
    this.w = Tensor.normal(0, sigma, Shape.of(numInputs, 1), random).requiresGrad(true).named("w");
    this.b = Tensor.zeros(1).requiresGrad(true).named("b");
    this.parameters = List.of(w, b);
    this.optimizer = new SGD(parameters, lr);
  }

  /** The chapter's default σ = 0.01. */
  public LinearRegressionScratch(int numInputs, double lr, Random random) {
    this(numInputs, lr, 0.01, random);
  }

  /** The weights w, shape (d, 1): the live parameter. */
  @Override
  public Tensor w() {
    return w;
  }

  /** The bias b, shape (1,): the live parameter. */
  @Override
  public Tensor b() {
    return b;
  }

  public double sigma() {
    return sigma;
  }

  /** The learning rate η of the model's SGD: the one value every run of this model uses. */
  public double learningRate() {
    return optimizer.learningRate();
  }

  @Override
  public List<Tensor> parameters() {
    return parameters;
  }

  @Override
  public Tensor forward(Tensor x) {
    return x.matmul(w).add(b);
  }

  @Override
  public Tensor loss(Tensor yHat, Tensor y) {
    return yHat.sub(y).square().div(2).mean();
  }

  /** The model's one SGD over w and b (the same instance on every call, holding the one η). */
  @Override
  public Optimizer configureOptimizers() {
    return optimizer;
  }
}
