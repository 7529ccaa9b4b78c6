package descent.engine;

/**
 * Operands whose shapes do not fit an op. The message names the op and both shapes, e.g. {@code
 * matmul: (32, 3) @ (2, 1): inner dimensions 3 and 2 differ}.
 */
public final class ShapeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ShapeException(String message) {
    super(message);
  }
}
