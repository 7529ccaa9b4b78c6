package descent.app.teach.batch;

import static org.assertj.core.api.Assertions.assertThat;

import descent.train.StepSnapshot;
import descent.train.TrainingRun.Status;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
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
        h.show(e.getValue());
        for (int[] size : new int[][] {{520, 560, 14}, {760, 800, 20}}) {
          h.size(size[0], size[1], size[2]);
          BufferedImage img = h.render("d" + d + "-" + e.getKey() + "-" + size[0]);
          assertThat(img.getHeight()).isEqualTo(size[1]);
        }
      }
    }
  }
}
