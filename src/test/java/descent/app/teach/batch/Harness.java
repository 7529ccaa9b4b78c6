package descent.app.teach.batch;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.FxWait;
import descent.app.teach.TeachingFeed;
import descent.train.RunPicture;
import descent.train.StepSnapshot;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A Minibatch view alone in a window, fed by hand as the {@code snapshot} command would feed it, at
 * the size one view gets at 1366×768 (520×560, 14 px) or two at 1920×1080 (760×800, 20 px).
 */
final class Harness {
  static final Path OUT = Path.of("target", "screenshots", "minibatch");

  final TeachingFeed feed = new TeachingFeed();
  final MinibatchView view = new MinibatchView(feed);
  final StackPane root = new StackPane(view);
  private final Stage stage;
  private final FxRobot robot;

  Harness(Stage stage, FxRobot robot) {
    this.stage = stage;
    this.robot = robot;
  }

  /** Puts the view in {@code stage}; call it on the FX thread (from {@code @Start}). */
  static Harness start(Stage stage, FxRobot robot) {
    Harness h = new Harness(stage, robot);
    Scene scene = new Scene(h.root, 520, 560);
    scene
        .getStylesheets()
        .add(
            Objects.requireNonNull(Harness.class.getResource("/descent/app/descent.css"))
                .toExternalForm());
    h.root.setStyle("-fx-font-size: 14px;");
    stage.setMinWidth(0); // the stage may come from a test of the whole window, with its minimum
    stage.setMinHeight(0);
    stage.setScene(scene);
    stage.sizeToScene();
    stage.show();
    return h;
  }

  static void waitUntil(Callable<Boolean> condition) throws Exception {
    FxWait.until(20, condition);
  }

  /** Starts a run in the feed with its ready snapshot and waits until the view shows it. */
  void start(RunPicture picture, StepSnapshot ready) throws Exception {
    robot.interact(() -> feed.startRun(picture, ready));
    settle(ready);
  }

  /** Shows {@code s} and waits until the view drew it. */
  void show(StepSnapshot s) throws Exception {
    robot.interact(() -> feed.show(s));
    settle(s);
  }

  private void settle(StepSnapshot s) throws Exception {
    String expected = BatchText.headline(s);
    waitUntil(() -> expected.equals(text("batch-headline")));
    robot.interact(() -> root.layout());
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** The text of the labeled node {@code #id}, read on the FX thread. */
  String text(String id) throws Exception {
    return WaitForAsyncUtils.asyncFx(
            () -> {
              Node n = root.lookup("#" + id);
              return n == null ? null : ((Labeled) n).getText();
            })
        .get();
  }

  /** Whether {@code #id} is in the scene and visible. */
  boolean visible(String id) throws Exception {
    return WaitForAsyncUtils.asyncFx(
            () -> {
              Node n = root.lookup("#" + id);
              return n != null && n.isVisible();
            })
        .get();
  }

  /** Resizes the window to {@code w}×{@code h} with the given font size. */
  void size(double w, double h, int fontPx) throws Exception {
    robot.interact(
        () -> {
          root.setStyle("-fx-font-size: " + fontPx + "px;");
          stage.setMinWidth(0);
          stage.setMinHeight(0);
          stage.setWidth(w);
          stage.setHeight(h);
        });
    waitUntil(() -> stage.getScene().getWidth() == w && stage.getScene().getHeight() == h);
    robot.interact(() -> root.layout());
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> root.layout());
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Renders the view into target/screenshots/minibatch/{name}.png and returns the picture. */
  BufferedImage render(String name) throws Exception {
    WritableImage image = WaitForAsyncUtils.asyncFx(() -> root.snapshot(null, null)).get();
    BufferedImage picture = SwingFXUtils.fromFXImage(image, null);
    Files.createDirectories(OUT);
    ImageIO.write(picture, "png", OUT.resolve(name + ".png").toFile());
    assertThat(picture.getWidth()).isEqualTo((int) stage.getScene().getWidth());
    return picture;
  }
}
