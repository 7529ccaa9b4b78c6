package descent.engine;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
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
  // The scopes open on all threads together. While it is 0, which it is whenever a training step
  // records its ops, no op needs to look up its thread's own count (a ThreadLocal) to know that
  // recording is on. A thread with a scope open counted itself here, so it always sees 1 or more.
  private static final AtomicInteger OPEN_SCOPES = new AtomicInteger();
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
      OPEN_SCOPES.incrementAndGet();
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
      OPEN_SCOPES.decrementAndGet();
    }
  }

  /** Opens a no-grad scope on the calling thread. Scopes nest. */
  public static Scope noGrad() {
    return new Scope();
  }

  /** Whether ops on the calling thread are being recorded for backward. */
  public static boolean isGradEnabled() {
    return OPEN_SCOPES.get() == 0 || NO_GRAD_DEPTH.get()[0] == 0;
  }

  /**
   * Propagates {@code seed} (the gradient of the final result with respect to {@code root}) back
   * through the graph, visiting nodes in reverse topological order with an explicit stack.
   */
  static void backward(Tensor root, double[] seed) {
    Walk walk = topologicalOrder(root);
    Tensor[] order = walk.order();
    int nodes = walk.count();
    // Refuse before touching any gradient if an op's saved values were modified in place since.
    for (int i = 0; i < nodes; i++) {
      Saved.check(order[i]);
    }
    // Intermediate gradients belong to this walk alone; leaves accumulate across walks.
    for (int i = 0; i < nodes; i++) {
      Tensor t = order[i];
      if (!t.isLeaf() && t.grad != null) {
        Arrays.fill(t.grad, 0.0);
      }
    }
    double[] g = root.gradBuffer();
    for (int i = 0; i < seed.length; i++) {
      g[i] += seed[i];
    }
    for (int i = nodes - 1; i >= 0; i--) {
      order[i].propagate();
    }
    // The walk wrote into these gradients in place: an op that read one of them is now stale.
    for (int i = 0; i < nodes; i++) {
      order[i].gradModified("backward");
    }
  }

  /**
   * Post-order depth-first search, written as a loop so deep graphs cannot overflow the stack.
   * Plain arrays, not lists of boxed indices: a training step walks its graph once per minibatch.
   */
  private static Walk topologicalOrder(Tensor root) {
    long walk = WALKS.incrementAndGet();
    Tensor[] order = new Tensor[16];
    int count = 0;
    Tensor[] stack = new Tensor[16];
    int[] next = new int[16]; // for each node on the stack, the index of its next input to visit
    int top = 0;
    root.visited = walk;
    stack[0] = root;
    while (top >= 0) {
      Tensor t = stack[top];
      int child = next[top];
      if (child < t.arity()) {
        next[top] = child + 1;
        Tensor c = child == 0 ? t.input0 : t.input1;
        if (c.requiresGrad && c.visited != walk) {
          c.visited = walk;
          if (++top == stack.length) {
            stack = Arrays.copyOf(stack, 2 * top);
            next = Arrays.copyOf(next, 2 * top);
          }
          stack[top] = c;
          next[top] = 0;
        }
      } else {
        stack[top--] = null;
        if (count == order.length) {
          order = Arrays.copyOf(order, 2 * count);
        }
        order[count++] = t;
      }
    }
    return new Walk(order, count);
  }

  /** The nodes of one backward walk, {@code order[0 .. count)}, inputs before their results. */
  private record Walk(Tensor[] order, int count) {}
}
