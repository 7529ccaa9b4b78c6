package descent.app.teach.landscape;

import static org.assertj.core.api.Assertions.assertThat;

import descent.train.LossSurface.Window;
import javafx.geometry.Point2D;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The demos as a student sees them, one picture each in target/screenshots/landscape/ (looked at by
 * eye), with what each picture must show checked in pixels of the map. The numbers behind them are
 * in {@link SgdDemosTest}.
 */
@ExtendWith(ApplicationExtension.class)
class LandscapeDemoPicturesTest {
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  private Render render() throws Exception {
    return WaitForAsyncUtils.asyncFx(() -> new Render(stage, 760, 800)).get();
  }

  /** Path point k in scene pixels. */
  private static Point2D pixel(Render r, DemoRun run, int k) throws Exception {
    MapGeometry g = r.view.geometry();
    Point2D origin = WaitForAsyncUtils.asyncFx(() -> r.view.canvas().localToScene(0, 0)).get();
    return new Point2D(origin.getX() + g.x(run.p(k, 0)), origin.getY() + g.y(run.p(k, 1)));
  }

  private static Image save(Render r, DemoRun run, String name) throws Exception {
    Image image = r.show(run);
    Render.save(image, "demo-" + name + ".png");
    return image;
  }

  @Test
  void theZigZagCrossesTheValleyBackAndForth() throws Exception {
    Render r = render();
    DemoRun run = DemoRun.chapter(32, 0.95 * DemoRun.bound(32), 0, 3).steps(30);
    save(r, run, "zigzag");
    // the first steps land on alternate sides of the optimum's w₂, far apart on the screen
    double optimum =
        pixel(r, run, 0).getY() + (r.view.geometry().y(-3.4) - r.view.geometry().y(run.p(0, 1)));
    for (int k = 1; k <= 4; k++) {
      double a = pixel(r, run, k).getY() - optimum;
      double b = pixel(r, run, k + 1).getY() - optimum;
      assertThat(a * b).as("steps %d and %d", k, k + 1).isNegative();
    }
    assertThat(Math.abs(pixel(r, run, 1).getY() - pixel(r, run, 2).getY())).isGreaterThan(100);
  }

  @Test
  void aSmallRateCreepsAFullBatchGoesStraightBatchOneWanders() throws Exception {
    Render r = render();
    DemoRun creep = DemoRun.chapter(32, 0.003, 0, 4).steps(100);
    save(r, creep, "creep");
    double creepDistance = pixel(r, creep, 0).distance(pixel(r, creep, 100));
    Point2D goal =
        pixel(r, creep, 0)
            .add(
                new Point2D(
                    r.view.geometry().x(2) - r.view.geometry().x(creep.p(0, 0)),
                    r.view.geometry().y(-3.4) - r.view.geometry().y(creep.p(0, 1))));
    // a quarter of the way after 100 steps
    assertThat(creepDistance).isLessThan(0.4 * pixel(r, creep, 0).distance(goal));

    DemoRun full = DemoRun.chapter(1000, 0.03, 0, 100).steps(100);
    save(r, full, "full-batch");
    // every point within 2% of its length of the straight line from the start to the end
    Point2D a = pixel(r, full, 0);
    Point2D b = pixel(r, full, 100);
    for (int k = 1; k < 100; k++) {
      Point2D p = pixel(r, full, k);
      double off =
          Math.abs(
                  (b.getX() - a.getX()) * (a.getY() - p.getY())
                      - (a.getX() - p.getX()) * (b.getY() - a.getY()))
              / a.distance(b);
      assertThat(off).as("point %d", k).isLessThan(0.02 * a.distance(b));
    }

    DemoRun one = DemoRun.chapter(1, 0.03, 0, 1).steps(300);
    save(r, one, "batch-one");
    double widest = 0;
    for (int k = 1; k < 300; k++) {
      Point2D p = pixel(r, one, k);
      Point2D s = pixel(r, one, 0);
      Point2D e = pixel(r, one, 300);
      widest =
          Math.max(
              widest,
              Math.abs(
                      (e.getX() - s.getX()) * (s.getY() - p.getY())
                          - (s.getX() - p.getX()) * (e.getY() - s.getY()))
                  / s.distance(e));
    }
    double chord = pixel(r, one, 0).distance(pixel(r, one, 300));
    assertThat(widest).as("batch 1 strays from the straight line").isGreaterThan(0.05 * chord);
  }

  @Test
  void clippingShortensTheFirstSteps() throws Exception {
    Render r = render();
    DemoRun clipped = DemoRun.chapter(32, 0.03, 1, 3).steps(10);
    save(r, clipped, "clipped");
    double clippedReach = pixel(r, clipped, 0).distance(pixel(r, clipped, 10));
    var s = clipped.snapshot();
    assertThat(r.view.statusText())
        .startsWith(
            "Step 10 done: it moved the parameters by 0.03 (yellow), clipped: gradient norm ")
        .contains(LandscapeFormat.number(s.gradNorm()) + " → 1;");
    DemoRun free = DemoRun.chapter(32, 0.03, 0, 3).steps(10);
    save(r, free, "unclipped");
    double freeReach = pixel(r, free, 0).distance(pixel(r, free, 10));
    assertThat(clippedReach).isLessThan(0.3 * freeReach);
  }

  @Test
  void aboveTheBoundTheMapFollowsThePathOut() throws Exception {
    Render r = render();
    DemoRun ready = DemoRun.chapter(32, 1.3 * DemoRun.bound(32), 0, 3);
    r.show(ready);
    Window first = r.view.mapWindow().window();
    DemoRun wild = DemoRun.chapter(32, 1.3 * DemoRun.bound(32), 0, 3).steps(200);
    Image image = save(r, wild, "above-the-bound");
    Window last = r.view.mapWindow().window();
    assertThat(last.iMax() - last.iMin()).isGreaterThan(100 * (first.iMax() - first.iMin()));
    // the current point is still on the map, an orange disc
    Point2D now = pixel(r, wild, wild.path.size() - 1);
    double f = r.view.fontSize();
    assertThat(
            r.view
                .geometry()
                .inside(
                    now.getX() - r.view.canvas().localToScene(0, 0).getX(),
                    now.getY() - r.view.canvas().localToScene(0, 0).getY()))
        .isTrue();
    assertThat(
            Render.count(
                image, now.getX() - f, now.getY() - f, 2 * f, 2 * f, Color.web("#ff6f00"), 40))
        .isGreaterThan(20);
    assertThat(r.view.statusText()).startsWith("Diverged at step ");
  }
}
