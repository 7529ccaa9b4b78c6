package descent.model;

import descent.engine.Tensor;
import java.util.List;

/** Minibatch stochastic gradient descent, written out: θ ← θ − η·∂L/∂θ for every parameter. */
public final class SGD implements Optimizer {
  private final List<Tensor> params;
  private volatile double lr;

  public SGD(List<Tensor> params, double lr) {
    this.params = List.copyOf(params);
    setLearningRate(lr);
  }

  /**
   * θ ← θ − η·∂L/∂θ with η read once, so every parameter moves by the same rate. d2l wraps this in
   * {@code torch.no_grad()}; here the in-place update is never recorded in the first place (the
   * engine records no {@code *InPlace} method), so the step needs no no-grad scope.
   */
  @Override
  public double step() {
    double eta = lr;
    for (Tensor param : params) {
      Tensor grad = param.grad();
      if (grad != null) {
        param.subScaledInPlace(eta, grad);
      }
    }
    return eta;
  }

  @Override
  public void zeroGrad() {
    for (Tensor param : params) {
      param.zeroGrad();
    }
  }

  @Override
  public double learningRate() {
    return lr;
  }

  @Override
  public void setLearningRate(double lr) {
    if (!(lr > 0) || Double.isInfinite(lr)) {
      throw new IllegalArgumentException("learning rate must be a finite number > 0, got " + lr);
    }
    this.lr = lr;
  }
}
