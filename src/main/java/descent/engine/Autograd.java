package descent.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reverse-mode automatic differentiation: the no-grad scope and the backward walk.
 *
 * <pre>{@code
 * try (var g = Autograd.noGrad()) {
 *   w.subScaledInPlace(lr, w.grad()); // not recorded
 * }
 * }</pre>
 */
public final class Autograd {
  private static final ThreadLocal<int[]> NO_GRAD_DEPTH = ThreadLocal.withInitial(() -> new int[1]);
  private static final AtomicLong WALKS = new AtomicLong();

  private Autograd() {}

  /**
   * A scope, closed by try-with-resources, inside which no op is recorded on this thread. It must
   * be closed once, on the thread that opened it, and after any scope opened inside it: anything
   * else throws {@link IllegalStateException} and leaves every thread's recording state as it was.
   */
  public static final class Scope implements AutoCloseable {
    private final Thread owner = Thread.currentThread();
    private final int depth; // the number of open scopes on the owner thread, this one included
    private boolean open = true;

    private Scope() {
      depth = ++NO_GRAD_DEPTH.get()[0];
    }

    @Override
    public void close() {
      Thread current = Thread.currentThread();
      if (current != owner) {
        throw new IllegalStateException(
            "noGrad: a scope opened on thread '"
                + owner.getName()
                + "' cannot be closed on thread '"
                + current.getName()
                + "'; close it on the thread that opened it, e.g. with try-with-resources");
      }
      if (!open) {
        throw new IllegalStateException(
            "noGrad: this scope is already closed; close each scope once"
                + " (try-with-resources closes it for you)");
      }
      int[] counter = NO_GRAD_DEPTH.get();
      if (counter[0] != depth) {
        throw new IllegalStateException(
            "noGrad: scopes must close in the reverse order they were opened; this one was opened"
                + " at depth "
                + depth
                + " but "
                + counter[0]
                + " are open. Close the inner scopes first");
      }
      open = false;
      counter[0]--;
    }
  }

  /** Opens a no-grad scope on the calling thread. Scopes nest. */
  public static Scope noGrad() {
    return new Scope();
  }

  /** Whether ops on the calling thread are being recorded for backward. */
  public static boolean isGradEnabled() {
    return NO_GRAD_DEPTH.get()[0] == 0;
  }

  /**
   * Propagates {@code seed} (the gradient of the final result with respect to {@code root}) back
   * through the graph, visiting nodes in reverse topological order with an explicit stack.
   */
  static void backward(Tensor root, double[] seed) {
    List<Tensor> order = topologicalOrder(root);
    // Refuse before touching any gradient if an op's saved values were modified in place since.
    for (Tensor t : order) {
      Saved.check(t);
    }
    // Intermediate gradients belong to this walk alone; leaves accumulate across walks.
    for (Tensor t : order) {
      if (!t.isLeaf() && t.grad != null) {
        java.util.Arrays.fill(t.grad, 0.0);
      }
    }
    double[] g = root.gradBuffer();
    for (int i = 0; i < seed.length; i++) {
      g[i] += seed[i];
    }
    for (int i = order.size() - 1; i >= 0; i--) {
      order.get(i).propagate();
    }
    // The walk wrote into these gradients in place: an op that read one of them is now stale.
    for (Tensor t : order) {
      t.gradModified("backward");
    }
  }

  /** Post-order depth-first search, written as a loop so deep graphs cannot overflow the stack. */
  private static List<Tensor> topologicalOrder(Tensor root) {
    long walk = WALKS.incrementAndGet();
    List<Tensor> order = new ArrayList<>();
    ArrayList<Tensor> stack = new ArrayList<>();
    ArrayList<Integer> next = new ArrayList<>();
    root.visited = walk;
    stack.add(root);
    next.add(0);
    while (!stack.isEmpty()) {
      int top = stack.size() - 1;
      Tensor t = stack.get(top);
      int child = next.get(top);
      Tensor[] in = t.inputs;
      if (child < in.length) {
        next.set(top, child + 1);
        Tensor c = in[child];
        if (c.requiresGrad && c.visited != walk) {
          c.visited = walk;
          stack.add(c);
          next.add(0);
        }
      } else {
        stack.remove(top);
        next.remove(top);
        order.add(t);
      }
    }
    return order;
  }
}
