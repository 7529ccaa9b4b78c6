package descent.app.teach.graph;

import descent.app.teach.TeachingFeed;
import descent.app.teach.TeachingPane;
import descent.app.teach.graph.GraphLayout.Spacing;
import descent.train.GraphSnapshot;
import descent.train.StepSnapshot;
import descent.train.TrainingRun.Phase;
import descent.train.TrainingRun.Status;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * The Graph view: the engine's computation graph of the current minibatch, as the training thread
 * copied it, laid out left to right from the leaves (X, w, b, y, constants) to the loss. Each node
 * shows its op or name, shape, first values and, once backward ran, its gradient; the parameters
 * are marked, and right after BACKWARD the edges it walked are drawn in the gradient colour with
 * their arrows pointing back. The drawing is scaled down to fit the view.
 */
public final class GraphView extends TeachingPane {
  private final Label caption = new Label();
  private final Label placeholder = new Label(GraphCaption.NO_GRAPH);
  private final FitPane canvas = new FitPane();
  private final VBox legend = legend();
  private final Group edgeLayer = new Group();
  private final Group boxLayer = new Group();
  // Every box and edge made so far, all in their layers; the first few show the current graph and
  // the rest wait hidden. A playing run's snapshot lands after any of the four phases, so the graph
  // grows and shrinks from frame to frame: making nodes anew each time (and styling them by CSS)
  // took much of a frame.
  private final List<NodeBox> boxes = new ArrayList<>();
  private final List<EdgeShape> edges = new ArrayList<>();
  private int shownBoxes;
  private int shownEdges;
  private GraphLayout layout;

  public GraphView(TeachingFeed feed) {
    super(feed);
    getStyleClass().add("graph-view");
    caption.getStyleClass().add("graph-caption");
    caption.setWrapText(true);
    caption.setMaxWidth(Double.MAX_VALUE);
    caption.setMinSize(0, 0);
    placeholder.getStyleClass().add("graph-placeholder");
    placeholder.setWrapText(true);
    placeholder.setMinSize(0, 0);
    boxLayer.setAutoSizeChildren(false);
    canvas.content().getChildren().addAll(edgeLayer, boxLayer); // edges under the boxes
    StackPane center = new StackPane(canvas, placeholder);
    StackPane.setAlignment(placeholder, Pos.CENTER);
    center.setMinSize(0, 0);
    BorderPane frame = new BorderPane(center);
    frame.setTop(caption);
    frame.setBottom(legend);
    frame.setMinSize(0, 0);
    getChildren().add(frame);
    setMinSize(0, 0);
    // nothing drawn outside the view, however narrow the window makes it
    Rectangle clip = new Rectangle();
    clip.widthProperty().bind(widthProperty());
    clip.heightProperty().bind(heightProperty());
    setClip(clip);
  }

  /** What the marks mean: the parameters' badge, the gradient's colour, backward's edges. */
  private static VBox legend() {
    VBox legend =
        new VBox(
            item(mark("requires grad", "graph-badge"), "a parameter"),
            item(mark("grad", "graph-grad-head"), "= ∂loss/∂node, after BACKWARD"),
            item(mark("⟵", "graph-grad-head"), "edges BACKWARD walks"));
    legend.getStyleClass().add("graph-legend");
    legend.setMinSize(0, 0);
    return legend;
  }

  private static Label mark(String text, String style) {
    Label mark = shrinking(text);
    mark.getStyleClass().add(style);
    return mark;
  }

  private static HBox item(Label mark, String text) {
    Label words = shrinking(text);
    HBox item = new HBox(mark, words);
    item.setSpacing(4);
    item.setAlignment(Pos.CENTER_LEFT);
    item.setMinSize(0, 0);
    return item;
  }

  /** A label that gives way (with "…") in a view narrower than its text. */
  private static Label shrinking(String text) {
    Label l = new Label(text);
    l.setMinSize(0, 0);
    return l;
  }

  @Override
  public String title() {
    return "Graph";
  }

  @Override
  protected void redraw() {
    StepSnapshot s = feed().snapshot();
    caption.setText(GraphCaption.of(s));
    caption.getStyleClass().remove("diverged");
    if (s.status() == Status.DIVERGED) {
      caption.getStyleClass().add("diverged");
    }
    GraphSnapshot graph = s.graph();
    boolean empty = graph == null || graph.nodes().isEmpty();
    placeholder.setVisible(empty);
    legend.setVisible(!empty);
    caption.setVisible(!empty); // the placeholder says it, larger
    caption.setManaged(!empty);
    canvas.setVisible(!empty);
    if (empty) {
      boxLayer.getChildren().clear();
      edgeLayer.getChildren().clear();
      boxes.clear();
      edges.clear();
      shownBoxes = 0;
      shownEdges = 0;
      layout = null;
      return;
    }
    draw(s, graph);
  }

  private void draw(StepSnapshot s, GraphSnapshot graph) {
    int n = graph.nodes().size();
    while (boxes.size() < n) {
      NodeBox box = new NodeBox();
      boxes.add(box);
      boxLayer.getChildren().add(box);
    }
    shownBoxes = n;
    for (int i = 0; i < boxes.size(); i++) {
      boxes.get(i).setVisible(i < n);
    }
    boolean updated = s.ran() == Phase.UPDATE;
    for (int i = 0; i < n; i++) {
      GraphSnapshot.Node node = graph.nodes().get(i);
      boxes.get(i).show(node, GraphText.role(graph, i), i == n - 1, updated && node.isParameter());
    }
    // measure the boxes with their styles applied, then lay them out
    double[] w = new double[n];
    double[] h = new double[n];
    double portTop = 0;
    for (int i = 0; i < n; i++) {
      NodeBox box = boxes.get(i);
      box.applyCss();
      w[i] = Math.ceil(box.prefWidth(-1));
      h[i] = Math.ceil(box.prefHeight(w[i]));
      portTop = Math.max(portTop, box.portTop());
    }
    double em = boxes.get(0).em();
    Spacing spacing = new Spacing(1.2 * em, 1.3 * em, portTop, 1.1 * em);
    layout = GraphLayout.of(graph, w, h, spacing);
    double margin = 0.4 * em;
    for (int i = 0; i < n; i++) {
      boxes.get(i).resizeRelocate(layout.x(i) + margin, layout.y(i) + margin, w[i], h[i]);
    }
    boolean backward = GraphCaption.backwardShown(s);
    int m = layout.edges().size();
    for (int k = 0; k < m; k++) {
      GraphLayout.Edge e = layout.edges().get(k);
      boolean walked = backward && graph.nodes().get(e.from()).requiresGrad();
      if (k < edges.size()) {
        edges.get(k).draw(e, 0.7 * em, walked); // moved, not made anew
      } else {
        EdgeShape shape = new EdgeShape(e, 0.7 * em, walked);
        edges.add(shape);
        edgeLayer.getChildren().add(shape);
      }
      edges.get(k).setLayoutX(margin);
      edges.get(k).setLayoutY(margin);
    }
    shownEdges = m;
    for (int k = 0; k < edges.size(); k++) {
      edges.get(k).setVisible(k < m);
    }
    canvas.setContentSize(layout.width() + 2 * margin, layout.height() + 2 * margin);
  }

  /** The boxes drawn, one per node in the graph's order (for tests). */
  List<NodeBox> boxes() {
    return List.copyOf(boxes.subList(0, shownBoxes));
  }

  /** The edges drawn (for tests). */
  List<EdgeShape> edges() {
    return List.copyOf(edges.subList(0, shownEdges));
  }

  /** The layout last drawn, or null when there is no graph (for tests). */
  GraphLayout graphLayout() {
    return layout;
  }

  /** The scale the drawing is shown at (for tests). */
  double scale() {
    return canvas.scale();
  }

  FitPane canvas() {
    return canvas;
  }
}
