package descent.model;

import descent.engine.Tensor;

/** A module whose parameters are a weight column w of shape (d, 1) and a bias b of shape (1,). */
public interface LinearModel extends Module {
  Tensor w();

  Tensor b();
}
