package descent.app.teach.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The combinatorial half of {@link GraphLayout}: each node's column and its slot (row) within the
 * column, with a dummy slot wherever an edge passes a column. Nodes are given as their inputs'
 * indices, inputs listed before the ops that use them.
 */
final class Layering {
  /** How many down-and-up barycentre sweeps to try. */
  private static final int SWEEPS = 8;

  /**
   * One edge of the graph and the dummy slots it passes through.
   *
   * @param from the input's index
   * @param to the op's index
   * @param operand which input of {@code to} it is
   * @param dummyRows the rows of the slots it passes in the columns between, left to right
   */
  record Chain(int from, int to, int operand, int[] dummyRows) {}

  private final int n;
  private final int[] column; // of every vertex: the n nodes, then the dummies
  private final int[] row;
  private final List<List<Integer>> order;
  private final List<Chain> chains;

  private Layering(int n, int[] column, int[] row, List<List<Integer>> order, List<Chain> chains) {
    this.n = n;
    this.column = column;
    this.row = row;
    this.order = order;
    this.chains = chains;
  }

  static Layering of(int[][] inputs) {
    int n = inputs.length;
    int[] col = columns(inputs);
    // vertices: the nodes, then one dummy per column an edge passes; chain k's vertices in order
    List<int[]> chainVertices = new ArrayList<>();
    List<int[]> chainEnds = new ArrayList<>(); // from, to, operand
    List<Integer> vertexColumn = new ArrayList<>();
    for (int v = 0; v < n; v++) {
      vertexColumn.add(col[v]);
    }
    int columns = 0;
    for (int v = 0; v < n; v++) {
      columns = Math.max(columns, col[v] + 1);
    }
    List<List<Integer>> order = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      order.add(new ArrayList<>());
    }
    // the first order: as the graph lists its nodes, each edge's dummies when its op comes
    for (int v = 0; v < n; v++) {
      for (int k = 0; k < inputs[v].length; k++) {
        int u = inputs[v][k];
        int span = col[v] - col[u];
        int[] vertices = new int[span + 1];
        vertices[0] = u;
        for (int d = 1; d < span; d++) {
          int dummy = vertexColumn.size();
          vertexColumn.add(col[u] + d);
          order.get(col[u] + d).add(dummy);
          vertices[d] = dummy;
        }
        vertices[span] = v;
        chainVertices.add(vertices);
        chainEnds.add(new int[] {u, v, k});
      }
      order.get(col[v]).add(v);
    }
    int total = vertexColumn.size();
    int[] vertexCol = new int[total];
    for (int i = 0; i < total; i++) {
      vertexCol[i] = vertexColumn.get(i);
    }
    List<List<Integer>> pred = new ArrayList<>();
    List<List<Integer>> succ = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      pred.add(new ArrayList<>());
      succ.add(new ArrayList<>());
    }
    for (int[] vertices : chainVertices) {
      for (int i = 0; i + 1 < vertices.length; i++) {
        succ.get(vertices[i]).add(vertices[i + 1]);
        pred.get(vertices[i + 1]).add(vertices[i]);
      }
    }
    List<List<Integer>> best = minimiseCrossings(order, pred, succ, total);
    int[] row = new int[total];
    for (List<Integer> slots : best) {
      for (int r = 0; r < slots.size(); r++) {
        row[slots.get(r)] = r;
      }
    }
    List<Chain> chains = new ArrayList<>();
    for (int e = 0; e < chainVertices.size(); e++) {
      int[] vertices = chainVertices.get(e);
      int[] dummyRows = new int[vertices.length - 2];
      for (int d = 0; d < dummyRows.length; d++) {
        dummyRows[d] = row[vertices[d + 1]];
      }
      int[] ends = chainEnds.get(e);
      chains.add(new Chain(ends[0], ends[1], ends[2], dummyRows));
    }
    return new Layering(n, vertexCol, row, best, chains);
  }

  /**
   * Longest-path columns: an op one right of its deepest input; a leaf one left of its leftmost
   * user (a leaf nobody uses, the root of a one-node graph, in column 0).
   */
  static int[] columns(int[][] inputs) {
    int n = inputs.length;
    int[] col = new int[n];
    boolean[] leaf = new boolean[n];
    for (int v = 0; v < n; v++) {
      leaf[v] = inputs[v].length == 0;
      for (int u : inputs[v]) {
        col[v] = Math.max(col[v], col[u] + 1);
      }
    }
    int[] firstUse = new int[n];
    Arrays.fill(firstUse, Integer.MAX_VALUE);
    for (int v = 0; v < n; v++) {
      for (int u : inputs[v]) {
        firstUse[u] = Math.min(firstUse[u], col[v]);
      }
    }
    int min = Integer.MAX_VALUE;
    for (int v = 0; v < n; v++) {
      if (leaf[v] && firstUse[v] != Integer.MAX_VALUE) {
        col[v] = firstUse[v] - 1;
      }
      min = Math.min(min, col[v]);
    }
    for (int v = 0; v < n; v++) {
      col[v] -= min;
    }
    return col;
  }

  private static List<List<Integer>> minimiseCrossings(
      List<List<Integer>> start, List<List<Integer>> pred, List<List<Integer>> succ, int total) {
    List<List<Integer>> current = copy(start);
    List<List<Integer>> best = copy(start);
    int fewest = crossings(best, succ, total);
    for (int sweep = 0; sweep < SWEEPS && fewest > 0; sweep++) {
      for (int c = 1; c < current.size(); c++) {
        sortByBarycentre(current.get(c), current.get(c - 1), pred, total);
      }
      for (int c = current.size() - 2; c >= 0; c--) {
        sortByBarycentre(current.get(c), current.get(c + 1), succ, total);
      }
      int count = crossings(current, succ, total);
      if (count < fewest) {
        fewest = count;
        best = copy(current);
      }
    }
    return best;
  }

  /** Stable sort of {@code slots} by the mean slot of their neighbours in {@code fixed}. */
  private static void sortByBarycentre(
      List<Integer> slots, List<Integer> fixed, List<List<Integer>> neighbours, int total) {
    int[] pos = positions(fixed, total);
    double[] key = new double[total];
    for (int i = 0; i < slots.size(); i++) {
      int v = slots.get(i);
      double sum = 0;
      int count = 0;
      for (int u : neighbours.get(v)) {
        if (pos[u] >= 0) {
          sum += pos[u];
          count++;
        }
      }
      key[v] = count == 0 ? i : sum / count; // a vertex with no neighbour there stays put
    }
    slots.sort(Comparator.comparingDouble(v -> key[v]));
  }

  private static int[] positions(List<Integer> slots, int total) {
    int[] pos = new int[total];
    Arrays.fill(pos, -1);
    for (int i = 0; i < slots.size(); i++) {
      pos[slots.get(i)] = i;
    }
    return pos;
  }

  /** Crossings between adjacent columns, counting edges that share an end as not crossing. */
  static int crossings(List<List<Integer>> order, List<List<Integer>> succ, int total) {
    int count = 0;
    for (int c = 0; c + 1 < order.size(); c++) {
      int[] left = positions(order.get(c), total);
      int[] right = positions(order.get(c + 1), total);
      List<int[]> segments = new ArrayList<>();
      for (int u : order.get(c)) {
        for (int v : succ.get(u)) {
          segments.add(new int[] {left[u], right[v]});
        }
      }
      for (int a = 0; a < segments.size(); a++) {
        for (int b = a + 1; b < segments.size(); b++) {
          int[] s = segments.get(a);
          int[] t = segments.get(b);
          if ((long) (s[0] - t[0]) * (s[1] - t[1]) < 0) {
            count++;
          }
        }
      }
    }
    return count;
  }

  private static List<List<Integer>> copy(List<List<Integer>> order) {
    List<List<Integer>> copy = new ArrayList<>();
    for (List<Integer> slots : order) {
      copy.add(new ArrayList<>(slots));
    }
    return copy;
  }

  int columns() {
    return order.size();
  }

  /** The column of node {@code v}. */
  int column(int v) {
    checkNode(v);
    return column[v];
  }

  /** The row (slot) of node {@code v} within its column. */
  int row(int v) {
    checkNode(v);
    return row[v];
  }

  /** Column {@code c}'s vertices, top to bottom: node indices below n, dummies from n up. */
  List<Integer> order(int c) {
    return order.get(c);
  }

  List<Chain> chains() {
    return chains;
  }

  private void checkNode(int v) {
    if (v < 0 || v >= n) {
      throw new IndexOutOfBoundsException("node " + v + " of " + n);
    }
  }
}
