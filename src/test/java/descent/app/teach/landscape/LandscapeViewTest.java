package descent.app.teach.landscape;

import static org.assertj.core.api.Assertions.assertThat;

import descent.train.StepSnapshot;
import descent.train.TrainingRun.Status;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The view on a headless stage, in every state of a run (ready, one phase, one step, many steps,
 * diverged, diverged to ∞), for 1, 2 and 10 features, at one view of a 1366-wide window (520 × 560,
 * 14 px text) and two views of a 1920-wide one (760 × 800, 20 px): its words and its pixels. The
 * pictures land in target/screenshots/landscape/.
 */
@ExtendWith(ApplicationExtension.class)
class LandscapeViewTest {
  private static final Color NOW = Color.web("#ff6f00");
  private static final double[][] FEATURES = {{2}, {2, -3.4}, {1, -2, 3, -4, 5, -6, 7, -8, 9, -10}};

  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  private Render render(double width, double height) throws Exception {
    return WaitForAsyncUtils.asyncFx(() -> new Render(stage, width, height)).get();
  }

  @Test
  void aSettledPathIsDrawnAsOneLineWithoutItsSubPixelSteps() throws Exception {
    // a long run's path holds 4,096 points, most settled within a pixel of each other; each was
    // stroked as a line of its own, twice, which took much of the renderer's frame
    MapGeometry g = new MapGeometry(null, 0, 0, 400, 400);
    int n = descent.app.teach.ParameterPath.CAPACITY;
    double[] xs = new double[n];
    double[] ys = new double[n];
    xs[0] = 20;
    ys[0] = 380;
    for (int k = 1; k < n - 1; k++) {
      xs[k] = 200 + 0.2 * Math.sin(k);
      ys[k] = 200 + 0.2 * Math.cos(k);
    }
    xs[n - 1] = 201;
    ys[n - 1] = 199;
    double[] spreadX = new double[100];
    double[] spreadY = new double[100];
    for (int k = 0; k < 100; k++) {
      spreadX[k] = 10 + 3 * k;
      spreadY[k] = 10 + k;
    }
    double[] broken = {10, 20, Double.NaN, 40, 50};
    double[] brokenY = {10, 20, 30, 40, 50};
    int[] drawn =
        WaitForAsyncUtils.asyncFx(
                () -> {
                  var gc = new javafx.scene.canvas.Canvas(400, 400).getGraphicsContext2D();
                  return new int[] {
                    PathPainter.polyline(gc, g, xs, ys),
                    PathPainter.polyline(gc, g, spreadX, spreadY),
                    PathPainter.polyline(gc, g, broken, brokenY)
                  };
                })
            .get();
    // into the settled cluster, and from there to the newest point
    assertThat(drawn[0]).as("segments of the settled path").isEqualTo(2);
    assertThat(drawn[1]).as("a path whose steps are pixels apart loses none").isEqualTo(99);
    assertThat(drawn[2]).as("a NaN point breaks the line").isEqualTo(2);
  }

  /** The runs of every state for true w {@code w}: name → run. */
  /** The runs of every state for true w {@code w}: name → run. */
  private static List<Object[]> states(double[] w) {
    List<Object[]> out = new ArrayList<>();
    out.add(new Object[] {"ready", DemoRun.chapter(w, 32, 0.03, 0, 3)});
    out.add(new Object[] {"phase", DemoRun.chapter(w, 32, 0.03, 0, 3).phase()});
    out.add(new Object[] {"step", DemoRun.chapter(w, 32, 0.03, 0, 3).steps(1)});
    out.add(new Object[] {"many", DemoRun.chapter(w, 32, 0.03, 0, 3).steps(60)});
    out.add(
        new Object[] {
          "backward", DemoRun.chapter(w, 32, 0.03, 0, 3).steps(60).phase().phase().phase()
        });
    out.add(
        new Object[] {
          "diverged", DemoRun.chapter(w, 32, 1.3 * DemoRun.bound(w, 32), 0, 3).steps(500)
        });
    out.add(new Object[] {"infinite", DemoRun.chapter(w, 32, 1e308, 0, 3).steps(5)});
    return out;
  }

  private static String expectedStatus(String state, StepSnapshot s) {
    return switch (state) {
      case "ready" -> "Before the first step; full training loss here ";
      case "phase" -> "Step 1, after FORWARD: w and b move only at UPDATE; ";
      case "step" -> "Step 1 done: it moved " + params(s) + " by " + moved(s) + " (yellow); full";
      case "many" -> "Step 60 done: it moved " + params(s) + " by " + moved(s) + " (yellow); ";
      case "backward" ->
          "Step 61, after BACKWARD: UPDATE will move " + params(s) + " by " + moved(s);
      case "diverged" ->
          "Diverged at step " + s.step() + ": the map has followed the path out to here";
      case "infinite" -> "Diverged at step 1: w and b are no longer numbers";
      default -> throw new IllegalArgumentException(state);
    };
  }

  private static String params(StepSnapshot s) {
    return s.w().length == 1 ? "(w, b)" : "the parameters";
  }

  /** The step's length, worked out here from the snapshot's numbers. */
  private static String moved(StepSnapshot s) {
    double sum = 0;
    if (s.wBefore() != null) {
      for (int k = 0; k < s.w().length; k++) {
        sum += Math.pow(s.w()[k] - s.wBefore()[k], 2);
      }
      sum += Math.pow(s.b() - s.bBefore(), 2);
      return LandscapeFormat.number(Math.sqrt(sum));
    }
    for (double g : s.gradW()) {
      sum += g * g;
    }
    sum += s.gradB() * s.gradB();
    return LandscapeFormat.number(s.learningRate() * Math.sqrt(sum));
  }

  @Test
  void everyStateRendersForOneTwoAndTenFeaturesAtBothSizes() throws Exception {
    for (double[] size : new double[][] {{520, 560}, {760, 800}}) {
      Render r = render(size[0], size[1]);
      for (double[] w : FEATURES) {
        for (Object[] state : states(w)) {
          String name = (String) state[0];
          DemoRun run = (DemoRun) state[1];
          String at = name + " d=" + w.length + " " + (int) size[0];
          Image image = r.show(run);
          Render.save(image, "state-" + name + "-d" + w.length + "-" + (int) size[0] + ".png");
          LandscapeView view = r.view;
          StepSnapshot s = run.snapshot();
          assertThat(view.statusText()).as(at).startsWith(expectedStatus(name, s));
          assertThat(view.fontSize()).as(at).isEqualTo(size[0] >= 700 ? 20 : 14);
          MapGeometry g = view.geometry();
          assertThat(g).as(at).isNotNull();
          Point2D origin = WaitForAsyncUtils.asyncFx(() -> view.canvas().localToScene(0, 0)).get();
          double x0 = origin.getX() + g.left();
          double y0 = origin.getY() + g.top();
          // the plot is a map: nearly every pixel coloured, not blank
          int plot = (int) (g.width() * g.height());
          int white = Render.count(image, x0, y0, g.width(), g.height(), Color.WHITE, 10);
          assertThat(white).as(at + ": white pixels").isLessThan(plot / 10);
          // and several bands of colour
          assertThat(colours(image, x0, y0, g.width(), g.height())).as(at).isGreaterThan(3);
          double f = view.fontSize();
          double[] now = view.overlay().now();
          if (!name.equals("infinite")) {
            // the current point, an orange disc where its w and b are (no other mark and no
            // colour of the map is near this orange; the minibatch's step may cross the disc)
            double x = x0 - g.left() + g.x(now[0]);
            double y = y0 - g.top() + g.y(now[1]);
            assertThat(Render.count(image, x - f, y - f, 2 * f, 2 * f, NOW, 40))
                .as(at)
                .isGreaterThan(10);
            assertThat(view.heldText()).as(at).isEqualTo(held(w.length, s.w(), s.b()));
          } else {
            // the parameters overflowed: an orange marker on the map, the values in words
            assertThat(s.status()).isEqualTo(Status.DIVERGED);
            assertThat(Render.count(image, x0, y0, g.width(), g.height(), NOW, 40))
                .as(at)
                .isGreaterThan(20);
            if (w.length > 1) {
              assertThat(view.heldText())
                  .as(at)
                  .contains("last finite value")
                  .endsWith("(step 0).");
            }
          }
          if (name.equals("many") || name.equals("diverged")) {
            // the path: its light core is drawn between the start and now
            int core = Render.count(image, x0, y0, g.width(), g.height(), Color.WHITE, 10);
            assertThat(core).as(at + ": path pixels").isGreaterThan(40);
          }
        }
      }
    }
  }

  private static String held(int d, double[] w, double b) {
    if (d == 1) {
      return "The full training loss over both parameters.";
    }
    if (d == 2) {
      return "b held at its current value, " + LandscapeFormat.number(b) + ".";
    }
    return "The other 9 parameters held at their current values.";
  }

  private static int colours(Image image, double x0, double y0, double w, double h) {
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    var reader = image.getPixelReader();
    for (int y = (int) y0 + 2; y < y0 + h - 2; y += 3) {
      for (int x = (int) x0 + 2; x < x0 + w - 2; x += 3) {
        seen.add(reader.getArgb(x, y) & 0xf0f0f0);
      }
    }
    return seen.size();
  }

  @Test
  void thePickedParametersSpanTheMapAndTheOthersAreHeld(FxRobot robot) throws Exception {
    Render r = render(520, 560);
    DemoRun run = DemoRun.chapter(DemoRun.TRUE_W, 32, 0.03, 0, 3).steps(10);
    r.show(run);
    LandscapeView view = r.view;
    assertThat(view.axes().across()).isZero();
    assertThat(view.axes().up()).isEqualTo(1);
    assertThat(view.axes().acrossBox().getItems()).containsExactly("w₁", "w₂", "b");
    assertThat(view.axes().acrossBox().isVisible()).isTrue();
    // b across: the map's horizontal range is b's, w₁ is held
    robot.interact(() -> view.axes().acrossBox().getSelectionModel().select(2));
    r.snapshot();
    assertThat(view.geometry().window().iMax()).isGreaterThan(4.2);
    assertThat(view.heldText()).startsWith("w₁ held at its current value, ");
    // taking the other box's parameter swaps the two
    robot.interact(() -> view.axes().acrossBox().getSelectionModel().select(1));
    r.snapshot();
    assertThat(view.axes().across()).isEqualTo(1); // w₂ across
    assertThat(view.axes().up()).isEqualTo(2); // b, which across gave up
    assertThat(view.heldText()).startsWith("w₁ held at its current value, ");

    // one feature: no choice, the map is over w and b
    r.show(DemoRun.chapter(new double[] {2}, 32, 0.03, 0, 3));
    assertThat(view.axes().acrossBox().isVisible()).isFalse();
    assertThat(robot.lookup("#landscape-fixed-axes").queryLabeled().getText())
        .isEqualTo("Map over w and b");
    assertThat(view.geometry().window().jMax()).isGreaterThan(4.2); // b up the side
  }

  @Test
  void theLandscapeIsTheFourthViewOnKeyFour() {
    var spec =
        descent.app.teach.Views.all().stream()
            .filter(v -> v.title().equals("Landscape"))
            .findFirst()
            .orElseThrow();
    assertThat(spec.key()).isEqualTo(javafx.scene.input.KeyCode.DIGIT4);
    assertThat(spec.make().apply(new descent.app.teach.TeachingFeed()))
        .isInstanceOf(LandscapeView.class)
        .extracting(v -> v.title())
        .isEqualTo("Landscape");
  }

  @Test
  void theWindowStaysPutWhileThePathStaysInside() throws Exception {
    Render r = render(520, 560);
    DemoRun run = DemoRun.chapter(DemoRun.TRUE_W, 32, 0.03, 0, 3);
    r.show(run);
    var first = r.view.geometry().window();
    for (int i = 0; i < 10; i++) {
      run.steps(9);
      r.more(run);
      assertThat(r.view.geometry().window()).isEqualTo(first);
    }
    assertThat(r.view.mapWindow().changes()).isEqualTo(1);
  }

  @Test
  void aHiddenViewDoesNoWork(FxRobot robot) throws Exception {
    Render r = render(520, 560);
    DemoRun run = DemoRun.chapter(DemoRun.TRUE_W, 32, 0.03, 0, 3);
    r.show(run);
    robot.interact(() -> r.view.showingProperty().set(false));
    long before = r.view.redraws();
    run.steps(5);
    r.more(run);
    assertThat(r.view.redraws()).isEqualTo(before);
    robot.interact(() -> r.view.showingProperty().set(true));
    r.snapshot();
    assertThat(r.view.redraws()).isEqualTo(before + 1);
    assertThat(r.view.statusText()).startsWith("Step 5 done: it moved the parameters by ");
  }
}
