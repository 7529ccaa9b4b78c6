package descent.app.teach.graph;

import descent.train.GraphSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Where the graph view puts each node and edge: a layered drawing, left to right from the leaves to
 * the root. No JavaFX: it works on the boxes' sizes alone, so it is tested on its own.
 *
 * <ul>
 *   <li><b>Columns.</b> An op sits one column right of its deepest input (a longest-path layering);
 *       a leaf sits one column left of its first user, so X, w, b, y and a constant each enter
 *       right where they are used. An edge that spans several columns passes through a free slot of
 *       each column between (a dummy).
 *   <li><b>Order within a column.</b> First as the graph lists its nodes (inputs before users, each
 *       op's inputs in operand order), which puts the chain from the first leaf to the root on the
 *       top row and each other input below its user; then barycentre sweeps, kept only when they
 *       remove crossings.
 *   <li><b>Coordinates.</b> Slot k of every column is on row k; boxes are top-aligned in their row
 *       and left-aligned in their column. An edge leaves its source's right side at {@code
 *       portTop}, runs right to the column's edge, crosses the gap as a curve with horizontal ends,
 *       and enters its target's left side at one port per input, in the order the edges arrive.
 * </ul>
 *
 * Because every gap crossing spans the same x-interval with the same horizontal tangents, two edges
 * cross exactly when their heights swap order across a gap, which {@link #crossings} counts.
 */
public final class GraphLayout {
  /**
   * Distances of the drawing, in the boxes' units.
   *
   * @param hgap the gap between two columns, where edges cross
   * @param vgap the gap between two rows
   * @param portTop how far below a box's top its edges attach (the middle of its title)
   * @param portStep how far apart a box's input ports are
   */
  public record Spacing(double hgap, double vgap, double portTop, double portStep) {}

  /** A point of the drawing. */
  public record Point(double x, double y) {}

  /**
   * One edge, from the input {@code from} to the op {@code to}, as a route: consecutive points are
   * joined by a curve leaving and arriving horizontally (a straight line when both are level).
   */
  public record Edge(int from, int to, List<Point> route) {
    public Edge {
      route = List.copyOf(route);
    }

    public Point start() {
      return route.get(0);
    }

    public Point end() {
      return route.get(route.size() - 1);
    }
  }

  private final int[] column;
  private final int[] row;
  private final double[] x;
  private final double[] y;
  private final double[] w;
  private final double[] h;
  private final double width;
  private final double height;
  private final List<Edge> edges;

  private GraphLayout(
      int[] column,
      int[] row,
      double[] x,
      double[] y,
      double[] w,
      double[] h,
      double width,
      double height,
      List<Edge> edges) {
    this.column = column;
    this.row = row;
    this.x = x;
    this.y = y;
    this.w = w;
    this.h = h;
    this.width = width;
    this.height = height;
    this.edges = List.copyOf(edges);
  }

  /**
   * Lays out {@code graph} with box {@code i} of size {@code widths[i]} × {@code heights[i]}.
   *
   * @throws IllegalArgumentException if the sizes do not match the nodes
   */
  public static GraphLayout of(
      GraphSnapshot graph, double[] widths, double[] heights, Spacing spacing) {
    int n = graph.nodes().size();
    if (widths.length != n || heights.length != n) {
      throw new IllegalArgumentException(
          n + " nodes but " + widths.length + " widths and " + heights.length + " heights");
    }
    int[][] inputs = new int[n][];
    for (int i = 0; i < n; i++) {
      inputs[i] = graph.nodes().get(i).inputs();
    }
    Layering layers = Layering.of(inputs);
    return place(layers, widths.clone(), heights.clone(), spacing);
  }

  private static GraphLayout place(Layering l, double[] w, double[] h, Spacing s) {
    int n = w.length;
    int columns = l.columns();
    // column widths and row heights from the real boxes (dummies take no room of their own)
    double[] colWidth = new double[columns];
    int rows = 0;
    for (int c = 0; c < columns; c++) {
      rows = Math.max(rows, l.order(c).size());
    }
    double[] rowHeight = new double[rows];
    // a row may hold only dummies: room for an edge at its port height
    Arrays.fill(rowHeight, 2 * s.portTop());
    for (int v = 0; v < n; v++) {
      colWidth[l.column(v)] = Math.max(colWidth[l.column(v)], w[v]);
      rowHeight[l.row(v)] = Math.max(rowHeight[l.row(v)], h[v]);
    }
    double[] colLeft = new double[columns];
    for (int c = 1; c < columns; c++) {
      colLeft[c] = colLeft[c - 1] + colWidth[c - 1] + s.hgap();
    }
    double[] rowTop = new double[rows];
    for (int r = 1; r < rows; r++) {
      rowTop[r] = rowTop[r - 1] + rowHeight[r - 1] + s.vgap();
    }
    int[] column = new int[n];
    int[] row = new int[n];
    double[] x = new double[n];
    double[] y = new double[n];
    for (int v = 0; v < n; v++) {
      column[v] = l.column(v);
      row[v] = l.row(v);
      x[v] = colLeft[column[v]];
      y[v] = rowTop[row[v]];
    }
    // each edge's heights at each column it passes: the source's port, then dummies' rows
    List<double[]> heights = new ArrayList<>();
    for (Layering.Chain chain : l.chains()) {
      double[] ys = new double[chain.dummyRows().length + 1];
      ys[0] = y[chain.from()] + port(s.portTop(), h[chain.from()]);
      for (int k = 0; k < chain.dummyRows().length; k++) {
        ys[k + 1] = rowTop[chain.dummyRows()[k]] + s.portTop();
      }
      heights.add(ys);
    }
    // each target's ports, in the order its edges arrive (top first): no crossing at a box
    double[] arrival = new double[l.chains().size()];
    for (int v = 0; v < n; v++) {
      List<Integer> into = new ArrayList<>();
      for (int e = 0; e < l.chains().size(); e++) {
        if (l.chains().get(e).to() == v) {
          into.add(e);
        }
      }
      into.sort(
          Comparator.<Integer>comparingDouble(e -> last(heights.get(e)))
              .thenComparingInt(e -> l.chains().get(e).operand()));
      double first = port(s.portTop(), h[v]);
      double step =
          into.size() < 2
              ? 0
              : Math.max(0, Math.min(s.portStep(), (h[v] - 2 * first) / (into.size() - 1)));
      for (int k = 0; k < into.size(); k++) {
        arrival[into.get(k)] = y[v] + first + k * step;
      }
    }
    List<Edge> edges = new ArrayList<>();
    for (int e = 0; e < l.chains().size(); e++) {
      Layering.Chain chain = l.chains().get(e);
      double[] ys = heights.get(e);
      List<Point> route = new ArrayList<>();
      int c = column[chain.from()];
      route.add(new Point(x[chain.from()] + w[chain.from()], ys[0]));
      addIfMoved(route, new Point(colLeft[c] + colWidth[c], ys[0]));
      for (int k = 1; k < ys.length; k++) {
        c++;
        route.add(new Point(colLeft[c], ys[k]));
        route.add(new Point(colLeft[c] + colWidth[c], ys[k]));
      }
      route.add(new Point(colLeft[c + 1], arrival[e]));
      edges.add(new Edge(chain.from(), chain.to(), route));
    }
    double width = columns == 0 ? 0 : colLeft[columns - 1] + colWidth[columns - 1];
    double height = rows == 0 ? 0 : rowTop[rows - 1] + rowHeight[rows - 1];
    return new GraphLayout(column, row, x, y, w, h, width, height, edges);
  }

  private static double port(double portTop, double boxHeight) {
    return Math.min(portTop, boxHeight / 2);
  }

  private static double last(double[] a) {
    return a[a.length - 1];
  }

  private static void addIfMoved(List<Point> route, Point p) {
    if (!route.get(route.size() - 1).equals(p)) {
      route.add(p);
    }
  }

  /**
   * How many pairs of edges cross. Two pieces of route cross when they span the same x-interval and
   * their heights swap order across it (strictly: edges that share an end do not cross there), or
   * when two pieces over overlapping but different intervals intersect as straight lines.
   */
  public static int crossings(List<Edge> edges) {
    int count = 0;
    for (int a = 0; a < edges.size(); a++) {
      for (int b = a + 1; b < edges.size(); b++) {
        if (cross(edges.get(a).route(), edges.get(b).route())) {
          count++;
        }
      }
    }
    return count;
  }

  private static boolean cross(List<Point> p, List<Point> q) {
    for (int i = 0; i + 1 < p.size(); i++) {
      for (int j = 0; j + 1 < q.size(); j++) {
        if (cross(p.get(i), p.get(i + 1), q.get(j), q.get(j + 1))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean cross(Point a0, Point a1, Point b0, Point b1) {
    if (a0.x() == b0.x() && a1.x() == b1.x()) {
      return (a0.y() - b0.y()) * (a1.y() - b1.y()) < 0;
    }
    double lo = Math.max(a0.x(), b0.x());
    double hi = Math.min(a1.x(), b1.x());
    if (!(lo < hi)) {
      return false;
    }
    // straight pieces over the common interval: they cross if their order swaps inside it
    double da = at(a0, a1, lo) - at(b0, b1, lo);
    double db = at(a0, a1, hi) - at(b0, b1, hi);
    return da * db < 0;
  }

  private static double at(Point p0, Point p1, double x) {
    if (p1.x() == p0.x()) {
      return p0.y();
    }
    return p0.y() + (p1.y() - p0.y()) * (x - p0.x()) / (p1.x() - p0.x());
  }

  /** How many pairs of edges of this layout cross. */
  public int crossings() {
    return crossings(edges);
  }

  public int size() {
    return x.length;
  }

  /** Node {@code i}'s column, from 0 at the left. */
  public int column(int i) {
    return column[i];
  }

  /** Node {@code i}'s row, from 0 at the top. */
  public int row(int i) {
    return row[i];
  }

  /** The left of node {@code i}'s box. */
  public double x(int i) {
    return x[i];
  }

  /** The top of node {@code i}'s box. */
  public double y(int i) {
    return y[i];
  }

  public double width(int i) {
    return w[i];
  }

  public double height(int i) {
    return h[i];
  }

  /** The width of the whole drawing. */
  public double width() {
    return width;
  }

  /** The height of the whole drawing. */
  public double height() {
    return height;
  }

  public List<Edge> edges() {
    return edges;
  }

  @Override
  public String toString() {
    return "GraphLayout" + Arrays.toString(column) + Arrays.toString(row);
  }
}
