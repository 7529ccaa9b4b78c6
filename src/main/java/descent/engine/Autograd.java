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

  /** A scope, closed by try-with-resources, inside which no op is recorded on this thread. */
  public static final class Scope implements AutoCloseable {
    private boolean open = true;

    private Scope() {
      NO_GRAD_DEPTH.get()[0]++;
    }

    @Override
    public void close() {
      if (open) {
        open = false;
        NO_GRAD_DEPTH.get()[0]--;
      }
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
