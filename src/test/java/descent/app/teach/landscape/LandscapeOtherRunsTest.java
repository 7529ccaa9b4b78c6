package descent.app.teach.landscape;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.teach.OtherPath;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Another run's path over the landscape (run comparison): drawn in its colour when it trained on
 * the same rows, left out with a word why when it did not, gone when the comparison drops it. The
 * pictures land in target/screenshots/landscape/.
 */
@ExtendWith(ApplicationExtension.class)
class LandscapeOtherRunsTest {
  private static final String MAGENTA = "#ee3377";
  private static final String TEAL = "#009988";

  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  private static OtherPath other(String label, String colour, DemoRun run, boolean sameData) {
    int d = run.path.numFeatures();
    double[][] points = new double[run.path.size()][d + 1];
    for (int k = 0; k < run.path.size(); k++) {
      for (int j = 0; j <= d; j++) {
        points[k][j] = run.p(k, j);
      }
    }
    return new OtherPath(label, colour, points, sameData);
  }

  private static void setOthers(Render r, List<OtherPath> others) throws Exception {
    WaitForAsyncUtils.asyncFx(() -> r.feed.otherPathsProperty().set(others)).get();
  }

  /** Pixels of {@code colour} on the map (the key's line below it is not counted). */
  private static int onMap(Render r, Image image, String colour) throws Exception {
    MapGeometry g = r.view.geometry();
    Point2D o = WaitForAsyncUtils.asyncFx(() -> r.view.canvas().localToScene(0, 0)).get();
    return Render.count(
        image,
        o.getX() + g.left(),
        o.getY() + g.top(),
        g.width(),
        g.height(),
        Color.web(colour),
        12);
  }

  private static String keyText(Render r) throws Exception {
    return WaitForAsyncUtils.asyncFx(
            () ->
                r.view.otherPathsKey().getChildren().stream()
                    .map(n -> ((Label) n).getText())
                    .reduce("", (a, b) -> a + "|" + b))
        .get();
  }

  @Test
  void aRunOnTheSameDataIsDrawnInItsColourAndOneOnOtherDataIsNot() throws Exception {
    for (double[] size : new double[][] {{760, 800}, {520, 560}}) {
      Render r = WaitForAsyncUtils.asyncFx(() -> new Render(stage, size[0], size[1])).get();
      DemoRun now = DemoRun.chapter(32, 0.03, 0, 3).steps(96);
      DemoRun fast = DemoRun.chapter(32, 0.3, 0, 3).steps(96);
      DemoRun noisy = DemoRun.chapter(1, 0.02, 0, 3).steps(96);
      r.show(now);
      Image alone = r.snapshot();
      assertThat(onMap(r, alone, MAGENTA)).as("nothing magenta before").isZero();

      setOthers(
          r, List.of(other("lr 0.3", MAGENTA, fast, true), other("batch 1", TEAL, noisy, true)));
      Image both = r.snapshot();
      Render.save(both, "compare-two-runs-" + (int) size[0] + ".png");
      assertThat(onMap(r, both, MAGENTA)).as("lr 0.3's path").isGreaterThan(60);
      assertThat(onMap(r, both, TEAL)).as("batch 1's path").isGreaterThan(60);
      assertThat(keyText(r)).isEqualTo("|lr 0.3|batch 1");

      setOthers(
          r, List.of(other("lr 0.3", MAGENTA, fast, true), other("noise 1", TEAL, noisy, false)));
      Image otherData = r.snapshot();
      Render.save(otherData, "compare-other-data-" + (int) size[0] + ".png");
      assertThat(onMap(r, otherData, MAGENTA)).isGreaterThan(60);
      assertThat(onMap(r, otherData, TEAL)).as("other data: not drawn").isZero();
      assertThat(keyText(r)).isEqualTo("|lr 0.3|noise 1: other data, path not drawn");

      setOthers(r, List.of());
      Image none = r.snapshot();
      assertThat(onMap(r, none, MAGENTA)).as("removed: gone from the map").isZero();
      assertThat(WaitForAsyncUtils.asyncFx(() -> r.view.otherPathsKey().isVisible()).get())
          .isFalse();
    }
  }

  @Test
  void aPathWithOtherFeaturesIsNotDrawnEvenIfMarkedSameData() throws Exception {
    Render r = WaitForAsyncUtils.asyncFx(() -> new Render(stage, 760, 800)).get();
    DemoRun now = DemoRun.chapter(32, 0.03, 0, 3).steps(30);
    DemoRun one = DemoRun.chapter(new double[] {2}, 32, 0.3, 0, 3).steps(30);
    r.show(now);
    setOthers(r, List.of(other("d = 1", MAGENTA, one, true)));
    Image image = r.snapshot();
    assertThat(onMap(r, image, MAGENTA)).isZero();
    assertThat(keyText(r)).isEqualTo("|d = 1: other data, path not drawn");
  }
}
