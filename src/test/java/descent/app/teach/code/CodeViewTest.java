package descent.app.teach.code;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.teach.TeachingFeed;
import descent.app.teach.ViewSpec;
import descent.app.teach.Views;
import descent.train.StepSnapshot;
import descent.train.TrainingRun.Phase;
import descent.train.TrainingRun.Status;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Code view on a real (headless) stage: the code it draws is the source file's region, line for
 * line; each phase's lines light up after it runs, the next phase is marked; it reads in every
 * state; and the pictures it renders are written to {@code target/code-view/} to be looked at.
 */
@ExtendWith(ApplicationExtension.class)
class CodeViewTest {
  private static final Path SOURCE = Path.of("src/main/java/descent/train/TrainingRun.java");
  private static final Path OUT = Path.of("target", "code-view");

  /** The highlight of the phase just run, as descent.css paints it. */
  private static final int RAN_YELLOW = 0xfff1b8;

  private static final int NEXT_BLUE = 0xe3ecfc;
  private static final int STOPPED_RED = 0xfdecea;

  /** What each phase's highlighted lines must contain. */
  private static final Map<Phase, String> CODE_OF =
      Map.of(
          Phase.FORWARD, "model.forward(batch.x())",
          Phase.LOSS, "model.loss(prediction, batch.y())",
          Phase.BACKWARD, "loss.backward()",
          Phase.UPDATE, "optimizer.step()");

  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    stage.setScene(new Scene(new StackPane(), 100, 100));
    stage.show();
  }

  // ------------------------------------------------------------------ helpers

  /** The region of the source file between the markers, by the test's own reading. */
  private static List<String[]> regionOfTheSourceFile() throws IOException {
    List<String> file = Files.readAllLines(SOURCE, StandardCharsets.UTF_8);
    int start = -1;
    int end = -1;
    for (int i = 0; i < file.size(); i++) {
      if (start < 0 && file.get(i).contains("// [training-step]")) {
        start = i;
      } else if (start >= 0 && file.get(i).contains("// [/training-step]")) {
        end = i;
        break;
      }
    }
    assertThat(start).as("start marker").isGreaterThan(0);
    assertThat(end).as("end marker").isGreaterThan(start + 4);
    int indent = Integer.MAX_VALUE;
    for (int i = start + 1; i < end; i++) {
      String line = file.get(i);
      if (!line.isBlank()) {
        indent = Math.min(indent, line.length() - line.stripLeading().length());
      }
    }
    List<String[]> region = new ArrayList<>();
    for (int i = start + 1; i < end; i++) {
      String line = file.get(i);
      region.add(
          new String[] {String.valueOf(i + 1), line.isBlank() ? "" : line.substring(indent)});
    }
    return region;
  }

  private record Mounted(CodeView view, TeachingFeed feed, StackPane root) {}

  /** A new view in a scene of {@code width}×{@code height} with the app's style at {@code px}. */
  private Mounted mount(
      FxRobot robot, SteppedRun run, StepSnapshot first, double width, double height, int px)
      throws Exception {
    TeachingFeed feed = new TeachingFeed();
    return mount(robot, feed, new CodeView(feed), run, first, width, height, px);
  }

  private Mounted mount(
      FxRobot robot,
      TeachingFeed feed,
      CodeView view,
      SteppedRun run,
      StepSnapshot first,
      double width,
      double height,
      int px)
      throws Exception {
    StackPane root = new StackPane(view);
    root.setStyle("-fx-font-size: " + px + "px;");
    robot.interact(
        () -> {
          Scene scene = new Scene(root, width, height);
          scene
              .getStylesheets()
              .add(CodeView.class.getResource("/descent/app/descent.css").toExternalForm());
          stage.setScene(scene);
          // the primary stage is shared across test classes: forget another test's minimum size
          stage.setMinWidth(0);
          stage.setMinHeight(0);
          stage.sizeToScene();
          feed.startRun(run.picture, first);
        });
    settle(robot, root);
    return new Mounted(view, feed, root);
  }

  private static void settle(FxRobot robot, StackPane root) {
    robot.interact(
        () -> {
          root.applyCss();
          root.layout();
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static void show(FxRobot robot, Mounted m, StepSnapshot s) {
    robot.interact(() -> m.feed().show(s));
    settle(robot, m.root());
  }

  private static <T> T fx(Callable<T> c) throws Exception {
    return WaitForAsyncUtils.asyncFx(c).get();
  }

  private static List<HBox> lines(Mounted m) throws Exception {
    return fx(
        () -> {
          List<HBox> out = new ArrayList<>();
          for (Node n : m.view().lookupAll(".code-line")) {
            out.add((HBox) n);
          }
          return out;
        });
  }

  /** A line's code as drawn: its text nodes, joined. */
  private static String codeOf(HBox line) {
    StringBuilder sb = new StringBuilder();
    for (Node n : ((TextFlow) line.getChildren().get(2)).getChildren()) {
      sb.append(((Text) n).getText());
    }
    return sb.toString();
  }

  private static String numberOf(HBox line) {
    return ((Text) line.lookup(".code-number")).getText().strip();
  }

  private static String markerOf(HBox line) {
    return ((Text) line.lookup(".code-marker")).getText().strip();
  }

  private static boolean is(HBox line, javafx.css.PseudoClass state) {
    return line.getPseudoClassStates().contains(state);
  }

  private static String joined(List<HBox> lines, Predicate<HBox> which) {
    StringBuilder sb = new StringBuilder();
    for (HBox l : lines) {
      if (which.test(l)) {
        sb.append(codeOf(l)).append('\n');
      }
    }
    return sb.toString();
  }

  private static String caption(Mounted m) throws Exception {
    return fx(() -> ((Label) m.view().lookup("#code-caption")).getText());
  }

  private static BufferedImage render(FxRobot robot, Mounted m, String name) throws Exception {
    BufferedImage image = SwingFXUtils.fromFXImage(fx(() -> m.root().snapshot(null, null)), null);
    Files.createDirectories(OUT);
    ImageIO.write(image, "png", OUT.resolve(name + ".png").toFile());
    return image;
  }

  /**
   * How many pixels of {@code node}'s box in the rendered scene, as far as the code's viewport
   * shows it, are within 6 steps of {@code rgb}.
   */
  private static int pixelsNear(BufferedImage image, Node node, int rgb) throws Exception {
    Bounds b =
        fx(
            () -> {
              Bounds box = node.localToScene(node.getBoundsInLocal());
              Node vp = node.getScene().lookup("#code-scroll .viewport");
              Bounds view = vp.localToScene(vp.getBoundsInLocal());
              double top = Math.max(box.getMinY(), view.getMinY());
              double bottom = Math.min(box.getMaxY(), view.getMaxY());
              return new javafx.geometry.BoundingBox(
                  box.getMinX(), top, box.getWidth(), Math.max(0, bottom - top));
            });
    int count = 0;
    for (int y = Math.max(0, (int) b.getMinY());
        y < Math.min(image.getHeight(), b.getMaxY());
        y++) {
      for (int x = Math.max(0, (int) b.getMinX());
          x < Math.min(image.getWidth(), b.getMaxX());
          x++) {
        int p = image.getRGB(x, y);
        int d =
            Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff))
                + Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff))
                + Math.abs((p & 0xff) - (rgb & 0xff));
        if (d <= 6) {
          count++;
        }
      }
    }
    return count;
  }

  // ------------------------------------------------------------------ tests

  @Test
  void theViewIsTheFifthAndLastOnKeyFive() {
    List<ViewSpec> all = Views.all();
    ViewSpec last = all.get(all.size() - 1);
    assertThat(last.title()).isEqualTo("Code");
    assertThat(last.key()).isEqualTo(KeyCode.DIGIT5);
  }

  @Test
  void showsTheSourceFilesRegionLineForLine(FxRobot robot) throws Exception {
    SteppedRun run = new SteppedRun(2, 0.03, 32, 1);
    Mounted m = mount(robot, run, run.snapshot(), 760, 800, 20);
    List<String[]> region = regionOfTheSourceFile();
    List<HBox> shown = lines(m);
    assertThat(shown).hasSameSizeAs(region);
    for (int i = 0; i < region.size(); i++) {
      assertThat(numberOf(shown.get(i))).as("line number").isEqualTo(region.get(i)[0]);
      assertThat(codeOf(shown.get(i))).as("line " + region.get(i)[0]).isEqualTo(region.get(i)[1]);
    }
    // and beside it, the two lines of d2l §3.5 that hide these
    String concise =
        fx(
            () -> {
              StringBuilder sb = new StringBuilder();
              for (Node n : m.view().lookup("#code-concise").lookupAll(".code-token")) {
                sb.append(((Text) n).getText());
              }
              return sb.toString();
            });
    assertThat(concise).isEqualTo("fn = nn.MSELoss()torch.optim.SGD(self.parameters(), self.lr)");
  }

  @Test
  void eachPhaseLightsUpItsOwnLinesAndMarksTheNext(FxRobot robot) throws Exception {
    SteppedRun run = new SteppedRun(1, 0.03, 32, 1);
    Mounted m = mount(robot, run, run.snapshot(), 520, 560, 14);

    // ready: nothing highlighted, FORWARD marked
    List<HBox> lines = lines(m);
    assertThat(joined(lines, l -> is(l, CodeView.RAN))).isEmpty();
    assertThat(joined(lines, l -> is(l, CodeView.NEXT))).contains("case FORWARD ->");
    assertThat(joined(lines, l -> markerOf(l).equals("▶"))).contains("case FORWARD ->");
    assertThat(caption(m)).isEqualTo("Ready: nothing has run yet. ▶ next: FORWARD.");
    render(robot, m, "d1-520-ready");

    Phase[] order = {Phase.FORWARD, Phase.LOSS, Phase.BACKWARD, Phase.UPDATE, Phase.FORWARD};
    for (int k = 0; k < order.length; k++) {
      Phase ran = order[k];
      Phase next = order[(k + 1) % 4];
      StepSnapshot s = run.phase();
      assertThat(s.ran()).isEqualTo(ran);
      show(robot, m, s);
      lines = lines(m);
      String highlighted = joined(lines, l -> is(l, CodeView.RAN));
      assertThat(highlighted).as("after " + ran).contains("case " + ran + " ->");
      assertThat(highlighted).as("after " + ran).contains(CODE_OF.get(ran));
      for (Phase other : Phase.values()) {
        if (other != ran) {
          assertThat(highlighted).as("after " + ran).doesNotContain(CODE_OF.get(other));
        }
      }
      assertThat(joined(lines, l -> markerOf(l).equals("▶")))
          .as("marked after " + ran)
          .isEqualTo("  case " + next + " -> {\n");
      assertThat(caption(m))
          .as("caption after " + ran)
          .contains(ran + " ran (highlighted)")
          .contains("▶ next: " + next);
      // the highlight is painted, inside the highlighted lines and nowhere else
      BufferedImage image = render(robot, m, "d1-520-after-" + (k + 1) + "-" + ran);
      for (HBox l : lines) {
        int yellow = pixelsNear(image, l, RAN_YELLOW);
        if (is(l, CodeView.RAN)) {
          assertThat(yellow).as("line " + numberOf(l) + " after " + ran).isGreaterThan(200);
        } else {
          assertThat(yellow).as("line " + numberOf(l) + " after " + ran).isZero();
        }
      }
      HBox marked = lines.stream().filter(l -> is(l, CodeView.NEXT)).findFirst().orElseThrow();
      if (ran != Phase.UPDATE) { // after UPDATE, FORWARD's line is at the top, scrolled away
        assertThat(pixelsNear(image, marked, NEXT_BLUE)).as("after " + ran).isGreaterThan(200);
      }
    }
    assertThat(caption(m))
        .isEqualTo("Step 2 (epoch 1, batch 2/32): FORWARD ran (highlighted). ▶ next: LOSS.");
  }

  @Test
  void betweenStepsTheUpdateIsLitAndTheNextForwardMarked(FxRobot robot) throws Exception {
    SteppedRun run = new SteppedRun(2, 0.03, 32, 3);
    Mounted m = mount(robot, run, run.steps(40), 760, 800, 20);
    assertThat(caption(m))
        .isEqualTo(
            "Step 40 (epoch 2, batch 8/32) done: UPDATE ran (highlighted). ▶ next: FORWARD of"
                + " step 41.");
    List<HBox> lines = lines(m);
    assertThat(joined(lines, l -> is(l, CodeView.RAN))).contains("optimizer.step()");
    assertThat(joined(lines, l -> is(l, CodeView.NEXT))).contains("case FORWARD ->");
    render(robot, m, "d2-760-40-steps");
  }

  @Test
  void theHighlightAndTheNextMarkScrollIntoView(FxRobot robot) throws Exception {
    for (int[] size : new int[][] {{520, 560, 14}, {760, 800, 20}}) {
      SteppedRun run = new SteppedRun(10, 0.01, 32, 1);
      Mounted m = mount(robot, run, run.snapshot(), size[0], size[1], size[2]);
      ScrollPane scroll = fx(() -> (ScrollPane) m.view().lookup("#code-scroll"));
      Bounds viewport =
          fx(
              () -> {
                Node vp = scroll.lookup(".viewport");
                return vp.localToScene(vp.getBoundsInLocal());
              });
      double codeHeight = fx(() -> scroll.getContent().getLayoutBounds().getHeight());
      // the code is taller than its viewport at these sizes, so following the phases must scroll
      assertThat(codeHeight).as("code at " + size[0]).isGreaterThan(viewport.getHeight());
      double lowest = 0;
      for (int k = 0; k < 4; k++) {
        show(robot, m, run.phase());
        for (HBox l : lines(m)) {
          // after UPDATE the next FORWARD is at the top, too far from the UPDATE to show both
          if (is(l, CodeView.RAN) || (is(l, CodeView.NEXT) && k < 3)) {
            Bounds line = fx(() -> l.localToScene(l.getBoundsInLocal()));
            String what = "line " + numberOf(l) + " after phase " + (k + 1) + " at " + size[0];
            assertThat(line.getMinY()).as(what).isGreaterThanOrEqualTo(viewport.getMinY() - 0.5);
            assertThat(line.getMaxY()).as(what).isLessThanOrEqualTo(viewport.getMaxY() + 0.5);
          }
        }
        lowest = Math.max(lowest, fx(scroll::getVvalue));
        render(robot, m, "d10-" + size[0] + "-phase-" + (k + 1));
      }
      assertThat(lowest).as("scrolled at " + size[0]).isGreaterThan(0);
    }
  }

  @Test
  void aSmallerWindowScrollsTheHighlightBackIntoView(FxRobot robot) throws Exception {
    SteppedRun run = new SteppedRun(2, 0.03, 32, 1);
    Mounted m = mount(robot, run, run.steps(1), 760, 900, 14);
    robot.interact(
        () -> {
          stage.setWidth(520);
          stage.setHeight(420);
        });
    WaitForAsyncUtils.waitFor(
        5,
        java.util.concurrent.TimeUnit.SECONDS,
        () -> fx(() -> m.root().getHeight() < 500 && m.root().getWidth() < 600));
    settle(robot, m.root());
    Bounds viewport =
        fx(
            () -> {
              Node vp = m.view().lookup("#code-scroll .viewport");
              return vp.localToScene(vp.getBoundsInLocal());
            });
    List<HBox> ran = lines(m).stream().filter(l -> is(l, CodeView.RAN)).toList();
    assertThat(joined(ran, l -> true)).contains("optimizer.step()");
    for (HBox l : ran) {
      Bounds line = fx(() -> l.localToScene(l.getBoundsInLocal()));
      assertThat(line.getMinY())
          .as("line " + numberOf(l))
          .isGreaterThanOrEqualTo(viewport.getMinY() - 0.5);
      assertThat(line.getMaxY())
          .as("line " + numberOf(l))
          .isLessThanOrEqualTo(viewport.getMaxY() + 0.5);
    }
    render(robot, m, "d2-520x420-after-resize");
  }

  @Test
  void finishedSaysSoAndMarksNothingNext(FxRobot robot) throws Exception {
    SteppedRun run = new SteppedRun(2, 0.03, 100, 2);
    StepSnapshot end = run.toEnd();
    assertThat(end.status()).isEqualTo(Status.FINISHED);
    Mounted m = mount(robot, run, end, 760, 800, 20);
    assertThat(caption(m))
        .isEqualTo("Finished: every epoch ran, 20 steps. The last phase, UPDATE, is highlighted.");
    List<HBox> lines = lines(m);
    assertThat(joined(lines, l -> is(l, CodeView.NEXT))).isEmpty();
    assertThat(joined(lines, l -> markerOf(l).equals("▶"))).isEmpty();
    assertThat(joined(lines, l -> is(l, CodeView.RAN))).contains("optimizer.step()");
    render(robot, m, "d2-760-finished");
  }

  @Test
  void divergedSaysWhereItStopped(FxRobot robot) throws Exception {
    SteppedRun run = new SteppedRun(2, 5, 32, 3);
    StepSnapshot end = run.toEnd();
    assertThat(end.status()).isEqualTo(Status.DIVERGED);
    assertThat(end.ran()).isEqualTo(Phase.LOSS);
    for (int[] size : new int[][] {{520, 560, 14}, {760, 800, 20}}) {
      Mounted m = mount(robot, run, end, size[0], size[1], size[2]);
      String caption = caption(m);
      assertThat(caption)
          .startsWith(
              "Diverged in step "
                  + run.run.divergence().step()
                  + " (epoch 1, batch "
                  + (run.run.divergence().batchIndex() + 1)
                  + "/32), in LOSS: ");
      assertThat(caption).contains(run.run.divergence().reason());
      assertThat(caption).endsWith("The run stopped after the highlighted lines.");
      List<HBox> lines = lines(m);
      assertThat(joined(lines, l -> is(l, CodeView.STOPPED))).contains(CODE_OF.get(Phase.LOSS));
      assertThat(joined(lines, l -> is(l, CodeView.NEXT))).isEmpty();
      assertThat(joined(lines, l -> markerOf(l).equals("■"))).contains("case LOSS ->");
      BufferedImage image = render(robot, m, "d2-" + size[0] + "-diverged");
      HBox stopped = lines.stream().filter(l -> is(l, CodeView.STOPPED)).findFirst().orElseThrow();
      assertThat(pixelsNear(image, stopped, STOPPED_RED)).isGreaterThan(200);
    }
  }

  @Test
  void divergedInAnUpdateStopsThere(FxRobot robot) throws Exception {
    // the full batch with a rate of 1e308: the first update overflows w
    SteppedRun run = new SteppedRun(2, 1e308, 1000, 1);
    StepSnapshot end = run.toEnd();
    assertThat(end.ran()).isEqualTo(Phase.UPDATE);
    Mounted m = mount(robot, run, end, 520, 560, 14);
    assertThat(caption(m))
        .isEqualTo(
            "Diverged in step 1 (epoch 1, batch 1/1), in UPDATE: "
                + run.run.divergence().reason()
                + ". The run stopped after the highlighted lines.");
    List<HBox> lines = lines(m);
    assertThat(joined(lines, l -> is(l, CodeView.STOPPED))).contains(CODE_OF.get(Phase.UPDATE));
    assertThat(joined(lines, l -> markerOf(l).equals("■"))).contains("case UPDATE ->");
    render(robot, m, "d2-520-diverged-in-update");
  }

  @Test
  void aMissingSourceIsSaidPlainly(FxRobot robot) throws Exception {
    SteppedRun run = new SteppedRun(1, 0.03, 32, 1);
    TeachingFeed feed = new TeachingFeed();
    CodeView view =
        fx(() -> new CodeView(feed, TrainingStepSource.load("/descent/app/teach/code/Nope.java")));
    Mounted m = mount(robot, feed, view, run, run.snapshot(), 520, 560, 14);
    show(robot, m, run.phase());
    String message = fx(() -> ((Label) m.view().lookup("#code-missing")).getText());
    assertThat(message)
        .startsWith(
            "The training step's source is not in this build (/descent/app/teach/code/Nope.java is"
                + " missing).");
    assertThat(lines(m)).isEmpty();
    render(robot, m, "d1-520-missing");
  }

  @Test
  void picturesForEveryWidthFeatureCountAndState(FxRobot robot) throws Exception {
    for (int d : new int[] {1, 2, 10}) {
      for (int[] size : new int[][] {{520, 560, 14}, {760, 800, 20}}) {
        SteppedRun run = new SteppedRun(d, 0.03, 32, 1);
        Mounted m = mount(robot, run, run.snapshot(), size[0], size[1], size[2]);
        String at = "d" + d + "-" + size[0];
        render(robot, m, at + "-0-ready");
        show(robot, m, run.phase());
        render(robot, m, at + "-1-forward");
        show(robot, m, run.phase());
        show(robot, m, run.phase());
        render(robot, m, at + "-3-backward");
        show(robot, m, run.steps(5));
        BufferedImage image = render(robot, m, at + "-5-steps");
        assertThat(image.getWidth()).isEqualTo(size[0]);
        assertThat(image.getHeight()).isEqualTo(size[1]);
        // the code is readable: every shown line's text lies inside the view's width, or scrolls
        assertThat(caption(m)).startsWith("Step 5 ");
      }
    }
  }
}
