package descent.app.teach.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import descent.app.teach.TeachingFeed;
import descent.app.teach.TeachingPane;
import descent.app.teach.ViewSpec;
import descent.app.teach.Views;
import descent.train.GraphSnapshot;
import descent.train.StepSnapshot;
import descent.train.TrainingRun.Status;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Graph view on a headless stage, fed by real runs of the chapter's model phase by phase: what
 * its boxes say and what its edges look like, read from the scene and from rendered pixels. Writes
 * {@code target/screenshots/graph-*.png}.
 */
@ExtendWith(ApplicationExtension.class)
class GraphViewTest {
  private static final Path OUT = Path.of("target", "screenshots");
  private static final Color GRADIENT = Color.web("#c2185b");

  private Stage stage;
  private TeachingFeed feed;
  private GraphView view;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    stage.show();
  }

  /** A fresh view at {@code width}×{@code height} with the app's stylesheet and font size. */
  private void open(FxRobot robot, double width, double height, int fontPx) {
    robot.interact(
        () -> {
          feed = new TeachingFeed();
          view = new GraphView(feed);
          StackPane root = new StackPane(view);
          root.setStyle("-fx-font-size: " + fontPx + "px;");
          Scene scene = new Scene(root, width, height);
          scene
              .getStylesheets()
              .add(GraphView.class.getResource("/descent/app/descent.css").toExternalForm());
          stage.setScene(scene);
          stage.sizeToScene();
        });
  }

  private void show(FxRobot robot, ChapterRuns runs, StepSnapshot s) {
    robot.interact(
        () -> {
          if (feed.picture() == null) {
            feed.startRun(runs.picture, s);
          } else {
            feed.show(s);
          }
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  private Image render(String name) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    Image image = WaitForAsyncUtils.asyncFx(() -> view.getScene().snapshot(null)).get();
    Files.createDirectories(OUT);
    File file = OUT.resolve("graph-" + name + ".png").toFile();
    ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file);
    return image;
  }

  /** The text of every label a user can see in the view. */
  private List<String> visibleTexts() throws Exception {
    return texts(".label");
  }

  /** The text of every label a user can see in the graph's boxes. */
  private List<String> boxTexts() throws Exception {
    return texts(".graph-node .label");
  }

  private List<String> texts(String selector) throws Exception {
    return WaitForAsyncUtils.asyncFx(
            () -> {
              List<String> texts = new ArrayList<>();
              for (Node n : view.lookupAll(selector)) {
                if (n instanceof Label l && shown(l) && !l.getText().isEmpty()) {
                  texts.add(l.getText());
                }
              }
              return texts;
            })
        .get();
  }

  private static boolean shown(Node n) {
    for (Node p = n; p != null; p = p.getParent()) {
      if (!p.isVisible()) {
        return false;
      }
    }
    return true;
  }

  private NodeBox box(String title) throws Exception {
    return WaitForAsyncUtils.asyncFx(
            () ->
                view.boxes().stream()
                    .filter(b -> b.titleText().equals(title))
                    .findFirst()
                    .orElseThrow())
        .get();
  }

  /** The texts of a box's visible labels, by style class ("graph-values" → its text). */
  private String text(String title, String style) throws Exception {
    NodeBox box = box(title);
    return WaitForAsyncUtils.asyncFx(
            () -> {
              Node n = box.lookup("." + style);
              return n instanceof Label l && l.isVisible() ? l.getText() : null;
            })
        .get();
  }

  private static String joined(double[] values, int count) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < Math.min(count, values.length); i++) {
      lines.add(GraphText.number(values[i], GraphText.ENTRY_DIGITS));
    }
    if (values.length > count) {
      lines.add("…");
    }
    return String.join("\n", lines);
  }

  /** Whether pixels near the colour lie within a few pixels of the scene point {@code p}. */
  private static boolean colourNear(Image image, Point2D p, Color colour) {
    PixelReader reader = image.getPixelReader();
    for (int dy = -3; dy <= 3; dy++) {
      for (int dx = -3; dx <= 3; dx++) {
        int x = (int) Math.round(p.getX()) + dx;
        int y = (int) Math.round(p.getY()) + dy;
        if (x < 0 || y < 0 || x >= image.getWidth() || y >= image.getHeight()) {
          continue;
        }
        Color c = reader.getColor(x, y);
        double d =
            Math.abs(c.getRed() - colour.getRed())
                + Math.abs(c.getGreen() - colour.getGreen())
                + Math.abs(c.getBlue() - colour.getBlue());
        if (d < 0.12) {
          return true;
        }
      }
    }
    return false;
  }

  /** The middle of the curve an edge makes across the gap before its op, in scene coordinates. */
  private Point2D gapMiddle(EdgeShape shape, GraphLayout.Edge e) throws Exception {
    var route = e.route();
    var a = route.get(route.size() - 2);
    var b = route.get(route.size() - 1);
    return WaitForAsyncUtils.asyncFx(
            () -> shape.localToScene((a.x() + b.x()) / 2, (a.y() + b.y()) / 2))
        .get();
  }

  /** The drawing lies inside the view, and its text is at least {@code px} pixels high. */
  private void assertFitsAndReadable(double px) throws Exception {
    String at = stage.getScene().getWidth() + "×" + stage.getScene().getHeight();
    Bounds viewBounds =
        WaitForAsyncUtils.asyncFx(() -> view.localToScene(view.getLayoutBounds())).get();
    for (NodeBox b : view.boxes()) {
      Bounds inScene = WaitForAsyncUtils.asyncFx(() -> b.localToScene(b.getLayoutBounds())).get();
      assertThat(viewBounds.contains(inScene)).as(b.titleText() + " inside the view").isTrue();
    }
    double em = WaitForAsyncUtils.asyncFx(() -> view.boxes().get(0).em() * view.scale()).get();
    assertThat(em).as("title font on screen at " + at).isGreaterThanOrEqualTo(px);
  }

  @Test
  void theGraphIsTheViewOnKeyThree(FxRobot robot) throws Exception {
    ViewSpec spec =
        Views.all().stream().filter(v -> v.title().equals("Graph")).findFirst().orElseThrow();
    assertThat(spec.key()).isEqualTo(KeyCode.DIGIT3);
    TeachingPane made =
        WaitForAsyncUtils.asyncFx(() -> spec.make().apply(new TeachingFeed())).get();
    assertThat(made).isInstanceOf(GraphView.class);
    assertThat(made.title()).isEqualTo("Graph");
  }

  @Test
  void beforeTheFirstForwardItSaysHowToBuildTheGraph(FxRobot robot) throws Exception {
    open(robot, 520, 560, 14);
    ChapterRuns runs = ChapterRuns.chapter(2);
    show(robot, runs, runs.snapshot());
    render("ready-d2-520");
    assertThat(visibleTexts()).containsExactly(GraphCaption.NO_GRAPH);
    assertThat(view.boxes()).isEmpty();
  }

  @Test
  void aMinibatchPhaseByPhase(FxRobot robot) throws Exception {
    open(robot, 520, 560, 14);
    ChapterRuns runs = ChapterRuns.chapter(2);
    show(robot, runs, runs.snapshot());

    // FORWARD: the graph ends at ŷ
    show(robot, runs, runs.phases(1));
    render("forward-d2-520");
    List<String> texts = visibleTexts();
    assertThat(texts).contains("X", "w", "matmul", "b", "add", "= ŷ", "32×2", "2×1", "32×1");
    assertThat(texts).doesNotContain("mean", "sub", GraphCaption.NO_GRAPH);
    assertThat(boxTexts()).doesNotContain("grad");
    assertThat(text("add", "graph-values"))
        .isEqualTo(joined(runs.run.currentPrediction().toArray(), 3));
    assertThat(view.edges()).hasSize(4).noneMatch(EdgeShape::isBackward);
    assertFitsAndReadable(12);

    // LOSS: the loss, equal to the engine's
    show(robot, runs, runs.phases(1));
    render("loss-d2-520");
    double loss = runs.run.currentLoss().item();
    texts = visibleTexts();
    assertThat(texts).contains("sub", "square", "2", "constant", "div", "mean", "= loss", "scalar");
    assertThat(text("mean", "graph-values")).isEqualTo(GraphText.number(loss, 6));
    assertThat(texts)
        .anyMatch(t -> t.startsWith("Step 1. LOSS") && t.contains(GraphText.number(loss, 6)));
    assertThat(Double.parseDouble(text("mean", "graph-values")))
        .isCloseTo(loss, within(1e-5 * loss));
    assertThat(boxTexts()).doesNotContain("grad");
    assertThat(view.edges()).hasSize(10).noneMatch(EdgeShape::isBackward);
    assertFitsAndReadable(12);

    // BACKWARD: every node that requires grad shows its gradient; backward's edges light up
    show(robot, runs, runs.phases(1));
    Image image = render("backward-d2-520");
    assertThat(text("w", "graph-grad")).isEqualTo(joined(runs.run.model().w().grad().toArray(), 3));
    assertThat(text("b", "graph-grad"))
        .isEqualTo(GraphText.number(runs.run.model().b().grad().item(), 4));
    assertThat(text("mean", "graph-grad")).isEqualTo("1");
    assertThat(text("X", "graph-grad")).isNull();
    assertThat(boxTexts().stream().filter("grad"::equals)).hasSize(8);
    assertThat(boxTexts().stream().filter(NodeBox.BADGE::equals)).hasSize(2);
    GraphSnapshot graph = runs.snapshot().graph();
    int walked = 0;
    for (int k = 0; k < view.edges().size(); k++) {
      EdgeShape shape = view.edges().get(k);
      GraphLayout.Edge e = view.graphLayout().edges().get(k);
      boolean intoGrad = graph.nodes().get(e.from()).requiresGrad();
      assertThat(shape.isBackward()).isEqualTo(intoGrad);
      assertThat(shape.lookup(".graph-edge").getStyleClass().contains("backward"))
          .isEqualTo(intoGrad);
      assertThat(colourNear(image, gapMiddle(shape, e), GRADIENT))
          .as("edge %s → %s in the gradient colour", e.from(), e.to())
          .isEqualTo(intoGrad);
      walked += intoGrad ? 1 : 0;
    }
    assertThat(walked).isEqualTo(7); // all but X → matmul, y → sub and 2 → div
    assertFitsAndReadable(12);

    // UPDATE: the gradients stay, w and b show their new values, no edge lit
    double[] wBefore = runs.run.model().w().toArray();
    show(robot, runs, runs.phases(1));
    image = render("update-d2-520");
    double[] wAfter = runs.run.model().w().toArray();
    assertThat(wAfter).isNotEqualTo(wBefore);
    assertThat(text("w", "graph-values")).isEqualTo(joined(wAfter, 3));
    assertThat(text("w", "graph-note")).isEqualTo("after update");
    assertThat(text("X", "graph-note")).isNull();
    assertThat(boxTexts().stream().filter("grad"::equals)).hasSize(8);
    assertThat(view.edges()).noneMatch(EdgeShape::isBackward);
    for (int k = 0; k < view.edges().size(); k++) {
      assertThat(
              colourNear(
                  image,
                  gapMiddle(view.edges().get(k), view.graphLayout().edges().get(k)),
                  GRADIENT))
          .isFalse();
    }
  }

  @Test
  void aPlayingRunRedrawsTheSameGraphWithoutMakingOrRestylingItsParts(FxRobot robot)
      throws Exception {
    // while a run plays the view shows a new minibatch every frame: the same graph with new
    // numbers. Making its edges again and restyling its boxes each time (CSS) took much of a frame
    open(robot, 520, 560, 14);
    ChapterRuns runs = ChapterRuns.chapter(2);
    show(robot, runs, runs.snapshot());
    show(robot, runs, runs.steps(1));
    List<EdgeShape> edges = view.edges();
    assertThat(edges).hasSize(10);
    int[] restyles = {0};
    robot.interact(
        () -> {
          for (NodeBox b : view.boxes()) {
            b.getStyleClass()
                .addListener((javafx.collections.ListChangeListener<String>) c -> restyles[0]++);
          }
        });
    String lossBefore = text("mean", "graph-values");
    show(robot, runs, runs.steps(1));
    assertThat(text("mean", "graph-values"))
        .isEqualTo(GraphText.number(runs.run.currentLoss().item(), 6))
        .isNotEqualTo(lossBefore);
    assertThat(view.edges()).hasSize(10);
    for (int k = 0; k < edges.size(); k++) {
      assertThat(view.edges().get(k)).as("edge " + k).isSameAs(edges.get(k));
    }
    assertThat(restyles[0]).as("boxes restyled though their kinds stayed").isZero();
    // a playing run's snapshot may land after any phase: the graph shrinks and grows back from
    // frame to frame, drawn by the same boxes and edges
    List<NodeBox> boxes = view.boxes();
    show(robot, runs, runs.phases(1));
    assertThat(view.edges()).hasSize(4).noneMatch(EdgeShape::isBackward);
    assertThat(boxTexts()).doesNotContain("mean");
    show(robot, runs, runs.steps(1));
    assertThat(view.boxes()).hasSize(boxes.size());
    for (int k = 0; k < boxes.size(); k++) {
      assertThat(view.boxes().get(k)).as("box " + k).isSameAs(boxes.get(k));
    }
    for (int k = 0; k < edges.size(); k++) {
      assertThat(view.edges().get(k)).as("edge " + k).isSameAs(edges.get(k));
    }
    assertThat(text("mean", "graph-values"))
        .isEqualTo(GraphText.number(runs.run.currentLoss().item(), 6));
    // only the root's mark moved, to ŷ's box and back off it
    assertThat(restyles[0]).isEqualTo(2);
  }

  @Test
  void manyStepsFinishedAndOneRowBatches(FxRobot robot) throws Exception {
    open(robot, 520, 560, 14);
    ChapterRuns runs = new ChapterRuns(2, 1, 0.03, 1);
    show(robot, runs, runs.snapshot());
    show(robot, runs, runs.steps(200));
    render("many-steps-batch1-520");
    assertThat(visibleTexts()).contains("1×2", "1×1", "mean");
    assertThat(text("mean", "graph-values"))
        .isEqualTo(GraphText.number(runs.run.currentLoss().item(), 6));
    StepSnapshot end = runs.untilOver();
    assertThat(end.status()).isEqualTo(Status.FINISHED);
    show(robot, runs, end);
    render("finished-520");
    assertThat(visibleTexts()).anyMatch(t -> t.contains("finished"));
  }

  @Test
  void aDivergedRunReadsNaNAndInfinity(FxRobot robot) throws Exception {
    open(robot, 520, 560, 14);
    ChapterRuns runs = new ChapterRuns(2, 32, 1e155, 3);
    show(robot, runs, runs.snapshot());
    StepSnapshot s = runs.untilOver();
    assertThat(s.status()).isEqualTo(Status.DIVERGED);
    show(robot, runs, s);
    render("diverged-520");
    List<String> texts = visibleTexts();
    assertThat(texts).anyMatch(t -> t.startsWith("Diverged at step"));
    assertThat(texts).anyMatch(t -> t.contains("∞") || t.contains("NaN"));
    assertThat(view.boxes()).hasSize(11);
    assertFitsAndReadable(10);
  }

  @Test
  void oneTenAndTwoFeaturesOnALaptopAndAProjector(FxRobot robot) throws Exception {
    for (int d : new int[] {1, 2, 10}) {
      for (int[] size : new int[][] {{520, 560, 14}, {760, 800, 20}}) {
        open(robot, size[0], size[1], size[2]);
        ChapterRuns runs = ChapterRuns.chapter(d);
        show(robot, runs, runs.snapshot());
        show(robot, runs, runs.phases(3));
        render("backward-d" + d + "-" + size[0]);
        List<String> texts = visibleTexts();
        assertThat(texts).contains("32×" + d, d + "×1", "matmul", "mean");
        assertThat(view.boxes()).hasSize(11);
        assertFitsAndReadable(size[2] == 14 ? 12 : 16);
      }
    }
  }
}
