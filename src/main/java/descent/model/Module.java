package descent.model;

import descent.engine.Tensor;
import java.util.List;

/**
 * d2l's {@code Module}: parameters, a forward pass, a loss, an optimizer, and the steps the Trainer
 * calls once per minibatch.
 */
public interface Module {
  /** The tensors the optimizer updates, each marked to require grad. */
  List<Tensor> parameters();

  /** The model's prediction for features {@code x} of shape (m, d). */
  Tensor forward(Tensor x);

  /** The loss of predictions {@code yHat} against targets {@code y}, as a scalar. */
  Tensor loss(Tensor yHat, Tensor y);

  /**
   * The optimizer over {@link #parameters()}. It holds the learning rate, so a module returns the
   * same optimizer on every call rather than a fresh one with a stale rate.
   */
  Optimizer configureOptimizers();

  /** The training loss of one minibatch: loss(forward(X), y). */
  default Tensor trainingStep(Tensor x, Tensor y) {
    return loss(forward(x), y);
  }

  /** The validation loss of one minibatch; the Trainer calls it in a no-grad scope. */
  default Tensor validationStep(Tensor x, Tensor y) {
    return loss(forward(x), y);
  }
}
