package descent.train;

import descent.engine.Tensor;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A copy of the engine's computation graph behind one tensor (the minibatch's loss, or ŷ before the
 * loss exists), read from {@link Tensor#inputs()} on the training thread: plain records the graph
 * view can draw on any thread.
 *
 * @param nodes every tensor of the graph once, inputs before the ops that use them; the root last
 */
public record GraphSnapshot(List<Node> nodes) {
  /** How many values (and gradient values) of a tensor are copied for its summary. */
  public static final int HEAD = 4;

  /**
   * One tensor of the graph.
   *
   * @param op the op that made it, or null for a leaf (data, a parameter or a constant)
   * @param name its label ("X", "w", "b", "y"), or null
   * @param shape its dimensions
   * @param values its first {@value #HEAD} values (all of a scalar); read-only
   * @param size how many values it has
   * @param grad the first {@value #HEAD} values of its gradient, or null before backward reached
   *     it; read-only
   * @param requiresGrad whether backward walks into it (parameters and what is computed from them)
   * @param inputs the indices in {@link #nodes()} of its op's inputs, in order
   * @param depth its column from the leaves: 0 for a leaf, else one more than its deepest input
   */
  public record Node(
      String op,
      String name,
      int[] shape,
      double[] values,
      int size,
      double[] grad,
      boolean requiresGrad,
      int[] inputs,
      int depth) {

    public boolean isLeaf() {
      return op == null;
    }

    /** A leaf backward accumulates a gradient into: a parameter. */
    public boolean isParameter() {
      return op == null && requiresGrad;
    }
  }

  public GraphSnapshot {
    nodes = List.copyOf(nodes);
  }

  /** The node the graph ends in (the loss). */
  public Node root() {
    return nodes.get(nodes.size() - 1);
  }

  /** The deepest column, the root's. */
  public int depth() {
    return root().depth();
  }

  /**
   * Copies the graph behind {@code root}. Call it on the thread that owns the tensors.
   *
   * @param withGrad whether to copy gradients too (false before this minibatch's backward, when the
   *     parameters still hold the last minibatch's gradients)
   */
  public static GraphSnapshot of(Tensor root, boolean withGrad) {
    Map<Tensor, Integer> index = new IdentityHashMap<>();
    List<Node> nodes = new ArrayList<>();
    // post-order without recursion: inputs get their indices before the ops that use them
    List<Tensor> stack = new ArrayList<>();
    List<Integer> next = new ArrayList<>();
    stack.add(root);
    next.add(0);
    while (!stack.isEmpty()) {
      int top = stack.size() - 1;
      Tensor t = stack.get(top);
      int child = next.get(top);
      List<Tensor> in = t.inputs();
      if (child < in.size()) {
        next.set(top, child + 1);
        Tensor c = in.get(child);
        if (!index.containsKey(c) && !stack.contains(c)) {
          stack.add(c);
          next.add(0);
        }
      } else {
        stack.remove(top);
        next.remove(top);
        int[] inputs = new int[in.size()];
        int depth = 0;
        for (int i = 0; i < inputs.length; i++) {
          inputs[i] = index.get(in.get(i));
          depth = Math.max(depth, nodes.get(inputs[i]).depth() + 1);
        }
        index.put(t, nodes.size());
        nodes.add(node(t, inputs, depth, withGrad));
      }
    }
    return new GraphSnapshot(nodes);
  }

  private static Node node(Tensor t, int[] inputs, int depth, boolean withGrad) {
    Tensor g = withGrad ? t.grad() : null;
    return new Node(
        t.op(),
        t.name(),
        t.shape().dims(),
        head(t),
        t.size(),
        g == null ? null : head(g),
        t.requiresGrad(),
        inputs,
        depth);
  }

  private static double[] head(Tensor t) {
    double[] all = t.toArray();
    if (all.length <= HEAD) {
      return all;
    }
    double[] head = new double[HEAD];
    System.arraycopy(all, 0, head, 0, HEAD);
    return head;
  }
}
