package descent.app.teach.landscape;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class LandscapeLookTest {
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @Test
  void look() throws Exception {
    for (double[] size : new double[][] {{520, 560}, {760, 800}}) {
      Render r = WaitForAsyncUtils.asyncFx(() -> new Render(stage, size[0], size[1])).get();
      String s = (int) size[0] + "";
      Render.save(r.show(DemoRun.chapter(32, 0.03, 0, 3)), "ready-" + s + ".png");
      Render.save(r.show(DemoRun.chapter(32, 0.03, 0, 3).steps(20)), "20-" + s + ".png");
      Render.save(
          r.show(DemoRun.chapter(32, 0.03, 0, 3).steps(20).phase().phase().phase()),
          "backward-" + s + ".png");
      Render.save(
          r.show(DemoRun.chapter(new double[] {2}, 32, 0.03, 0, 3).steps(20)), "d1-" + s + ".png");
      Render.save(
          r.show(
              DemoRun.chapter(new double[] {1, -2, 3, -4, 5, -6, 7, -8, 9, -10}, 32, 0.03, 0, 3)
                  .steps(20)),
          "d10-" + s + ".png");
      Render.save(
          r.show(DemoRun.chapter(32, 0.95 * DemoRun.bound(32), 0, 3).steps(30)),
          "zigzag-" + s + ".png");
      Render.save(
          r.show(DemoRun.chapter(32, 1.3 * DemoRun.bound(32), 0, 3).steps(100)),
          "diverged-" + s + ".png");
      assertThat(r.view.redraws()).isPositive();
    }
  }
}
