package descent.app.teach.data;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.teach.TeachingFeed;
import descent.train.StepSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the Data view to {@code target/screenshots/data-*.png} at one view's size (520×560, 14 px
 * text) and at half a projector (760×800, 20 px), for 1, 2 and 10 features, before the first step,
 * mid-minibatch, after many steps and diverged, in both modes: pictures to look at by eye, each
 * checked to show its points and to render without an exception.
 */
@ExtendWith(ApplicationExtension.class)
class DataViewScreenshotTest {
  private static final Path OUT = Path.of("target", "screenshots");
  private final List<Throwable> errors = new CopyOnWriteArrayList<>();
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    Thread.currentThread().setUncaughtExceptionHandler((t, e) -> errors.add(e));
    DataViewTest.fresh(stage);
    stage.show();
  }

  private record State(String name, StepSnapshot snapshot) {}

  private static List<State> states(TestRun r) {
    List<State> states = new ArrayList<>();
    states.add(new State("ready", r.snapshot()));
    r.phase();
    states.add(new State("mid", r.phase())); // after LOSS
    r.step();
    states.add(new State("after-1-step", r.snapshot()));
    states.add(new State("many", r.steps(120)));
    return states;
  }

  @Test
  void everyStateAtBothSizesRendersItsPointsWithoutAnException(FxRobot robot) throws Exception {
    Files.createDirectories(OUT);
    for (int d : new int[] {1, 2, 10}) {
      TestRun r = TestRun.chapter(d, 1000, 32, 0.03);
      List<State> states = states(r);
      TestRun wild = TestRun.chapter(d, 1000, 32, 2.5);
      states.add(new State("diverged", wild.diverge()));
      for (State state : states) {
        TestRun source = state.name().equals("diverged") ? wild : r;
        for (boolean predictions : new boolean[] {false, true}) {
          render(robot, source, state, d, 520, 560, 14, predictions);
          render(robot, source, state, d, 760, 800, 20, predictions);
        }
      }
    }
    assertThat(errors).isEmpty();
  }

  private void render(
      FxRobot robot,
      TestRun r,
      State state,
      int d,
      int width,
      int height,
      int font,
      boolean predictions)
      throws Exception {
    TeachingFeed feed = new TeachingFeed();
    DataView view = new DataView(feed);
    Scene scene = DataViewTest.scene(view, width, height, font);
    robot.interact(
        () -> {
          stage.setScene(scene);
          stage.sizeToScene();
          view.predictionsToggle().setSelected(predictions);
          view.leastSquaresToggle().setSelected(d == 2 && state.name().equals("many"));
          feed.startRun(r.picture, state.snapshot());
        });
    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> view.plot().paints() > 0).get());
    Image image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
    String name =
        String.format(
            "data-d%d-%s-%s-%dx%d.png",
            d, state.name(), predictions ? "yhat" : "scatter", width, height);
    ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", OUT.resolve(name).toFile());
    assertThat(image.getWidth()).isEqualTo(width);
    assertThat(view.plot().area()).as(name).isNotNull();
    if (!(predictions && state.name().equals("diverged"))) {
      assertThat(Pixels.countGreyPoints(image)).as(name).isGreaterThan(1000);
    }
  }
}
