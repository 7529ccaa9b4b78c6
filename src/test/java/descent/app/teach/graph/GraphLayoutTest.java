package descent.app.teach.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import descent.app.teach.graph.GraphLayout.Edge;
import descent.app.teach.graph.GraphLayout.Point;
import descent.app.teach.graph.GraphLayout.Spacing;
import descent.train.GraphSnapshot;
import descent.train.GraphSnapshot.Node;
import descent.train.StepSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The graph's layout on its own: the chapter's real graphs, and small graphs made by hand. */
class GraphLayoutTest {
  private static final Spacing SPACING = new Spacing(24, 16, 12, 14);

  /** Boxes of uneven sizes, as real text makes them. */
  private static GraphLayout layout(GraphSnapshot graph, long seed) {
    Random random = new Random(seed);
    int n = graph.nodes().size();
    double[] w = new double[n];
    double[] h = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = 40 + random.nextInt(80);
      h[i] = 30 + random.nextInt(170);
    }
    return GraphLayout.of(graph, w, h, SPACING);
  }

  /** Each node's column and row by its title (the chapter's titles are unique). */
  private static Map<String, int[]> cells(GraphSnapshot graph, GraphLayout layout) {
    Map<String, int[]> cells = new HashMap<>();
    for (int i = 0; i < graph.nodes().size(); i++) {
      int[] old =
          cells.put(
              GraphText.title(graph.nodes().get(i)), new int[] {layout.column(i), layout.row(i)});
      assertThat(old).as("titles are unique").isNull();
    }
    return cells;
  }

  private static void assertDrawnCleanly(GraphSnapshot graph, GraphLayout layout) {
    int n = graph.nodes().size();
    assertThat(layout.size()).isEqualTo(n);
    assertThat(layout.crossings()).isZero();
    for (int i = 0; i < n; i++) {
      // inside the drawing, and no two boxes overlap
      assertThat(layout.x(i)).isBetween(0.0, layout.width() - layout.width(i));
      assertThat(layout.y(i)).isBetween(0.0, layout.height() - layout.height(i));
      for (int j = i + 1; j < n; j++) {
        boolean apart =
            layout.x(i) + layout.width(i) <= layout.x(j)
                || layout.x(j) + layout.width(j) <= layout.x(i)
                || layout.y(i) + layout.height(i) <= layout.y(j)
                || layout.y(j) + layout.height(j) <= layout.y(i);
        assertThat(apart).as("boxes %d and %d overlap", i, j).isTrue();
      }
    }
    int edges = 0;
    for (Node node : graph.nodes()) {
      edges += node.inputs().length;
    }
    assertThat(layout.edges()).hasSize(edges);
    for (Edge e : layout.edges()) {
      // left to right: out of the input's right side, into the op's left side
      assertThat(layout.column(e.from())).isLessThan(layout.column(e.to()));
      assertThat(e.start().x()).isEqualTo(layout.x(e.from()) + layout.width(e.from()));
      assertThat(e.end().x()).isEqualTo(layout.x(e.to()));
      assertThat(e.start().y())
          .isBetween(layout.y(e.from()), layout.y(e.from()) + layout.height(e.from()));
      assertThat(e.end().y()).isBetween(layout.y(e.to()), layout.y(e.to()) + layout.height(e.to()));
      for (int k = 0; k + 1 < e.route().size(); k++) {
        assertThat(e.route().get(k + 1).x()).isGreaterThanOrEqualTo(e.route().get(k).x());
      }
      // no corner of a route lies inside a box
      for (Point p : e.route()) {
        for (int i = 0; i < n; i++) {
          boolean inside =
              p.x() > layout.x(i)
                  && p.x() < layout.x(i) + layout.width(i)
                  && p.y() > layout.y(i)
                  && p.y() < layout.y(i) + layout.height(i);
          assertThat(inside).as("edge %d→%d passes through box %d", e.from(), e.to(), i).isFalse();
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void theChaptersGraphReadsLeftToRightWithoutACrossing(int d) {
    ChapterRuns runs = ChapterRuns.chapter(d);
    StepSnapshot forward = runs.phases(1);
    StepSnapshot loss = runs.phases(1);
    StepSnapshot backward = runs.phases(1);
    StepSnapshot update = runs.phases(1);
    StepSnapshot later = runs.steps(40);

    for (StepSnapshot s : List.of(loss, backward, update, later)) {
      GraphSnapshot graph = s.graph();
      assertThat(graph.nodes()).hasSize(11);
      GraphLayout layout = layout(graph, d);
      assertDrawnCleanly(graph, layout);
      Map<String, int[]> cells = cells(graph, layout);
      // the chain from X to the loss on the top row, one column each
      String[] spine = {"X", "matmul", "add", "sub", "square", "div", "mean"};
      for (int c = 0; c < spine.length; c++) {
        assertThat(cells.get(spine[c])).as(spine[c]).containsExactly(c, 0);
      }
      // every other input just below and left of the op that uses it
      assertThat(cells.get("w")).containsExactly(0, 1);
      assertThat(cells.get("b")).containsExactly(1, 1);
      assertThat(cells.get("y")).containsExactly(2, 1);
      assertThat(cells.get("2")).containsExactly(4, 1);
      for (Edge e : layout.edges()) {
        assertThat(layout.column(e.to()) - layout.column(e.from())).isEqualTo(1);
      }
    }

    // before LOSS the graph ends at ŷ
    GraphSnapshot partial = forward.graph();
    assertThat(partial.nodes()).hasSize(5);
    GraphLayout layout = layout(partial, d);
    assertDrawnCleanly(partial, layout);
    Map<String, int[]> cells = cells(partial, layout);
    assertThat(cells.get("X")).containsExactly(0, 0);
    assertThat(cells.get("w")).containsExactly(0, 1);
    assertThat(cells.get("matmul")).containsExactly(1, 0);
    assertThat(cells.get("b")).containsExactly(1, 1);
    assertThat(cells.get("add")).containsExactly(2, 0);
  }

  private static Node leaf(String name) {
    return new Node(null, name, new int[] {2}, new double[] {1, 2}, 2, null, false, new int[0], 0);
  }

  private static Node op(String op, GraphSnapshot.Node[] all, int... inputs) {
    int depth = 0;
    for (int i : inputs) {
      depth = Math.max(depth, all[i].depth() + 1);
    }
    return new Node(op, null, new int[] {2}, new double[] {1, 2}, 2, null, true, inputs, depth);
  }

  private static GraphSnapshot graph(List<String> names, List<int[]> inputs) {
    Node[] nodes = new Node[names.size()];
    for (int i = 0; i < nodes.length; i++) {
      nodes[i] =
          inputs.get(i).length == 0 ? leaf(names.get(i)) : op(names.get(i), nodes, inputs.get(i));
    }
    return new GraphSnapshot(List.of(nodes));
  }

  @Test
  void theOrderWithinAColumnIsChangedWhenThatRemovesACrossing() {
    // m1 = a + b comes first, then m2 = exp(a): in the listed order b → m1 crosses a → m2
    GraphSnapshot g =
        graph(
            List.of("a", "b", "m1", "m2", "root"),
            List.of(new int[0], new int[0], new int[] {0, 1}, new int[] {0}, new int[] {2, 3}));
    GraphLayout layout = layout(g, 1);
    assertDrawnCleanly(g, layout);
    assertThat(layout.row(3)).as("m2 moved above m1").isLessThan(layout.row(2));
  }

  @Test
  void aCrossingThatCannotBeAvoidedIsCounted() {
    // p = a + b and q = b − a: two ops over the same two leaves always cross once
    GraphSnapshot g =
        graph(
            List.of("a", "b", "p", "q", "root"),
            List.of(new int[0], new int[0], new int[] {0, 1}, new int[] {1, 0}, new int[] {2, 3}));
    GraphLayout layout = layout(g, 2);
    assertThat(layout.crossings()).isEqualTo(1);
  }

  @Test
  void anEdgeOverSeveralColumnsPassesThroughAFreeSlot() {
    // x feeds e = exp(x), f = exp(e), and g = f · x: the edge x → g spans three columns
    GraphSnapshot g =
        graph(
            List.of("x", "e", "f", "g"),
            List.of(new int[0], new int[] {0}, new int[] {1}, new int[] {2, 0}));
    GraphLayout layout = layout(g, 3);
    assertDrawnCleanly(g, layout);
    assertThat(layout.column(0)).isZero();
    assertThat(layout.column(3)).isEqualTo(3);
    Edge longEdge =
        layout.edges().stream().filter(e -> e.from() == 0 && e.to() == 3).findFirst().orElseThrow();
    assertThat(longEdge.route().size()).isGreaterThanOrEqualTo(6);
  }

  @Test
  void crossingsAreCountedFromTheRoutes() {
    Edge down = new Edge(0, 1, List.of(new Point(0, 0), new Point(10, 10)));
    Edge up = new Edge(2, 3, List.of(new Point(0, 10), new Point(10, 0)));
    Edge level = new Edge(4, 5, List.of(new Point(0, 20), new Point(10, 20)));
    Edge sharedStart = new Edge(0, 6, List.of(new Point(0, 0), new Point(10, 30)));
    assertThat(GraphLayout.crossings(List.of(down, up))).isEqualTo(1);
    assertThat(GraphLayout.crossings(List.of(down, level, sharedStart))).isEqualTo(1);
    assertThat(GraphLayout.crossings(List.of(down, sharedStart))).isZero();
  }

  @Test
  void oneNodeAndWrongSizes() {
    GraphSnapshot one = graph(List.of("x"), List.of(new int[0]));
    GraphLayout layout = GraphLayout.of(one, new double[] {50}, new double[] {40}, SPACING);
    assertThat(layout.width()).isEqualTo(50);
    assertThat(layout.height()).isEqualTo(40);
    assertThat(layout.edges()).isEmpty();
    assertThatThrownBy(() -> GraphLayout.of(one, new double[2], new double[1], SPACING))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aWideGraphStaysFree() {
    List<String> names = new ArrayList<>();
    List<int[]> inputs = new ArrayList<>();
    Random random = new Random(11);
    for (int i = 0; i < 40; i++) {
      names.add("n" + i);
      if (i < 8) {
        inputs.add(new int[0]);
      } else {
        inputs.add(new int[] {random.nextInt(i), random.nextInt(i)});
      }
    }
    GraphSnapshot g = graph(names, inputs);
    GraphLayout layout = layout(g, 4);
    assertThat(layout.size()).isEqualTo(40);
    for (Edge e : layout.edges()) {
      assertThat(layout.column(e.from())).isLessThan(layout.column(e.to()));
    }
  }
}
