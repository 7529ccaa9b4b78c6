package descent.app.teach.batch;

import static org.assertj.core.api.Assertions.assertThat;

import descent.train.StepSnapshot;
import descent.train.TrainingRun.Status;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders the Minibatch view for d = 1, 2 and 10 before, during and after a step, after many and
 * diverged, at one view's size at 1366×768 (520×560, 14 px) and at two views' size at 1920×1080
 * (760×800, 20 px), into {@code target/screenshots/minibatch/} to be looked at; each picture must
 * show the headline's dark text and the table's rows.
 */
@ExtendWith(ApplicationExtension.class)
class MinibatchPicturesTest {
  private Harness h;

  @Start
  void start(Stage stage) {
    h = Harness.start(stage, new FxRobot());
  }

  private static Map<String, StepSnapshot> states(int d) {
    Map<String, StepSnapshot> out = new LinkedHashMap<>();
    BatchRun r = new BatchRun(d, 1000, 32, 0.03, 0, 7);
    out.put("ready", r.snapshot());
    out.put("forward", r.phase());
    out.put("loss", r.phase());
    out.put("backward", r.phase());
    out.put("update", r.phase());
    out.put("many", r.steps(40));
    BatchRun wild = new BatchRun(d, 1000, 32, 3.0, 0, 7);
    StepSnapshot s = wild.snapshot();
    for (int k = 0; k < 500 && s.status() != Status.DIVERGED; k++) {
      s = wild.phase();
    }
    assertThat(s.status()).isEqualTo(Status.DIVERGED);
    out.put("diverged", s);
    return out;
  }

  @Test
  void everyStateRendersAtBothSizes(FxRobot robot) throws Exception {
    for (int d : new int[] {1, 2, 10}) {
      BatchRun r = new BatchRun(d, 1000, 32, 0.03, 0, 7);
      h.start(r.picture, r.snapshot());
      for (Map.Entry<String, StepSnapshot> e : states(d).entrySet()) {
        if (d != 2 && !List.of("ready", "loss", "update", "diverged").contains(e.getKey())) {
          continue;
        }
        h.show(e.getValue());
        for (int[] size : new int[][] {{520, 560, 14}, {760, 800, 20}}) {
          h.size(size[0], size[1], size[2]);
          BufferedImage img = h.render("d" + d + "-" + e.getKey() + "-" + size[0]);
          assertThat(img.getHeight()).isEqualTo(size[1]);
          assertDrawn(img);
        }
      }
    }
  }

  @Test
  void oneRowClippingAndALargeBatchRender(FxRobot robot) throws Exception {
    BatchRun one = new BatchRun(2, 100, 1, 0.03, 0, 5);
    h.start(one.picture, one.snapshot());
    one.phase();
    h.show(one.phase());
    h.size(520, 560, 14);
    assertDrawn(h.render("d2-one-row-loss-520"));
    BatchRun clip = new BatchRun(2, 1000, 32, 0.03, 0.5, 42);
    h.start(clip.picture, clip.snapshot());
    clip.phase();
    clip.phase();
    clip.phase();
    h.show(clip.phase());
    assertDrawn(h.render("d2-clipped-update-520"));
    BatchRun large = new BatchRun(3, 1000, 1000, 0.03, 0, 3);
    h.start(large.picture, large.snapshot());
    large.phase();
    h.show(large.phase());
    assertDrawn(h.render("d3-large-loss-520"));
  }

  @Test
  void aPopOverRendersBesideItsNumber(FxRobot robot) throws Exception {
    BatchRun r = BatchRun.chapter();
    h.start(r.picture, r.snapshot());
    r.phase();
    r.phase();
    h.show(r.phase());
    for (int[] size : new int[][] {{520, 560, 14}, {760, 800, 20}}) {
      h.size(size[0], size[1], size[2]);
      for (String id : new String[] {"batch-yhat-3", "batch-update-w1"}) {
        robot.clickOn("#" + id);
        Harness.waitUntil(h.view::isPopOverShowing);
        javafx.scene.Scene popup = robot.lookup("#batch-explain").query().getScene();
        javafx.scene.image.WritableImage image =
            org.testfx.util.WaitForAsyncUtils.asyncFx(() -> popup.getRoot().snapshot(null, null))
                .get();
        java.nio.file.Files.createDirectories(Harness.OUT);
        javax.imageio.ImageIO.write(
            javafx.embed.swing.SwingFXUtils.fromFXImage(image, null),
            "png",
            Harness.OUT.resolve("popover-" + id + "-" + size[0] + ".png").toFile());
        assertDrawn(h.render("with-popover-" + id + "-" + size[0]));
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        Harness.waitUntil(() -> !h.view.isPopOverShowing());
      }
    }
  }

  /** The headline's dark text in the top rows, and the table's grid lines below it. */
  private static void assertDrawn(BufferedImage img) {
    int dark = 0;
    for (int y = 0; y < 30; y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y) & 0xffffff;
        if (((rgb >> 16) & 0xff) < 90 && ((rgb >> 8) & 0xff) < 90 && (rgb & 0xff) < 120) {
          dark++;
        }
      }
    }
    assertThat(dark).as("dark headline pixels").isGreaterThan(100);
    int distinct =
        (int)
            java.util.stream.IntStream.range(0, img.getHeight())
                .map(y -> img.getRGB(img.getWidth() / 2, y))
                .distinct()
                .count();
    assertThat(distinct).as("colours down the middle").isGreaterThan(5);
  }
}
