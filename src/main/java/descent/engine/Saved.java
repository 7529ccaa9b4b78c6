package descent.engine;

/**
 * Which tensors an op's backward rule reads the values of, and the check that they have not changed
 * since the op ran (docs/decisions/0006-version-counter.md).
 *
 * <p>A backward rule keeps its inputs' arrays by reference; it does not copy them. Every {@code
 * *InPlace} method bumps the version of the tensor it modifies, so a node records the versions of
 * the tensors it saved and {@link Autograd} compares them before it walks the graph. A mismatch
 * means the gradient would come from values the op never saw: backward refuses, as PyTorch does.
 */
final class Saved {
  private Saved() {}

  /** The backward rule reads no values: add, sub, neg, sum, mean, reshape, transpose. */
  static final int NOTHING = 0;

  /** The backward rule reads the values of the op's first input. */
  static final int FIRST = 1;

  /** The backward rule reads the values of the op's second input. */
  static final int SECOND = 1 << 1;

  /** The backward rule reads the op's own result (sqrt, exp). */
  static final int RESULT = 1 << 30;

  /**
   * For a product a·b (elementwise or matrix): dA reads B's values and dB reads A's, so each is
   * saved only if the other needs a gradient.
   */
  static int crosswise(Tensor a, Tensor b) {
    return (a.requiresGrad ? SECOND : NOTHING) | (b.requiresGrad ? FIRST : NOTHING);
  }

  /**
   * Records on {@code node}, just created by an op, which values its backward rule reads ({@code
   * saves}) and their versions now: input i's in {@code savedVersion}i, the result's in {@code
   * savedResultVersion}. Ops have at most two inputs.
   */
  static void record(Tensor node, int saves) {
    node.saves = saves;
    if (saves == NOTHING) {
      return;
    }
    if ((saves & FIRST) != 0) {
      node.savedVersion0 = node.input0.version();
    }
    if ((saves & SECOND) != 0) {
      node.savedVersion1 = node.input1.version();
    }
    node.savedResultVersion = node.version();
  }

  /** Throws if a tensor {@code node}'s backward rule reads was modified in place since. */
  static void check(Tensor node) {
    int saves = node.saves;
    if (saves == NOTHING) {
      return;
    }
    Tensor first = node.input0;
    Tensor second = node.input1;
    if ((saves & FIRST) != 0 && first.version() != node.savedVersion0) {
      throw modified(node, first, node.savedVersion0, describe(first), "used it");
    }
    if ((saves & SECOND) != 0 && second.version() != node.savedVersion1) {
      throw modified(node, second, node.savedVersion1, describe(second), "used it");
    }
    if ((saves & RESULT) != 0 && node.version() != node.savedResultVersion) {
      String named = node.name() == null ? "" : " '" + node.name() + "'";
      String what = "the result" + named + " of " + node.op + ", of shape " + node.shape + ",";
      throw modified(node, node, node.savedResultVersion, what, "computed it");
    }
  }

  private static IllegalStateException modified(
      Tensor node, Tensor t, int savedVersion, String what, String when) {
    int changes = t.version() - savedVersion;
    String by =
        changes == 1
            ? "by " + t.lastInPlaceOp()
            : changes + " times (last by " + t.lastInPlaceOp() + ")";
    return new IllegalStateException(
        "backward through "
            + node.op
            + ": "
            + what
            + " was modified in place "
            + by
            + " after "
            + node.op
            + " "
            + when
            + ", and "
            + node.op
            + "'s gradient needs the old values. Call backward() before modifying it,"
            + " or run the forward pass again after the change");
  }

  private static String describe(Tensor t) {
    if (t.name() != null) {
      return "tensor '" + t.name() + "' of shape " + t.shape;
    }
    String base = t.base == null ? null : t.base.name();
    return base != null
        ? "a detached view of '" + base + "' of shape " + t.shape
        : "an unnamed tensor of shape " + t.shape;
  }
}
