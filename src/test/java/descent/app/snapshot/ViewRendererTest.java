package descent.app.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import descent.app.teach.TeachingFeed;
import descent.app.teach.TeachingPane;
import descent.app.teach.ViewSpec;
import descent.train.TrainingRun.Phase;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** The renderer: what a teaching view's feed holds, the text size, the app's run, the file. */
class ViewRendererTest {
  @TempDir Path dir;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
    Platform.setImplicitExit(false);
  }

  /** What the probe view saw when it drew, on the FX thread. */
  private record Seen(
      long step, Phase ran, Phase next, int pathPoints, long lastPathStep, double fontSize) {}

  private static volatile Seen seen;

  /** A teaching view that notes what its feed holds and paints itself a colour no view uses. */
  private static final class Probe extends TeachingPane {
    private final Label label = new Label();

    Probe(TeachingFeed feed) {
      super(feed);
      setBackground(
          new Background(
              new BackgroundFill(Color.web("#c000c0"), CornerRadii.EMPTY, Insets.EMPTY)));
      getChildren().add(label);
    }

    @Override
    public String title() {
      return "Probe";
    }

    @Override
    protected void redraw() {
      var path = feed().path();
      label.setText("step " + feed().snapshot().step());
      seen =
          new Seen(
              feed().snapshot().step(),
              feed().snapshot().ran(),
              feed().snapshot().next(),
              path.size(),
              path.step(path.size() - 1),
              label.getFont().getSize());
    }
  }

  private static final List<ViewSpec> PROBE =
      List.of(new ViewSpec("Probe", KeyCode.DIGIT9, Probe::new));

  @Test
  void aTeachingViewReadsTheRunItsStepsAndItsStateMidStep() throws IOException {
    seen = null;
    Path out = dir.resolve("probe.png");
    // 7 steps, then step 8's forward and loss
    ViewRenderer.render(
        new Picture("probe", 520, 560, out), SteppedRuns.chapter(1, 7, 2), null, PROBE);

    assertThat(seen).isNotNull();
    assertThat(seen.step()).isEqualTo(8);
    assertThat(seen.ran()).isEqualTo(Phase.LOSS);
    assertThat(seen.next()).isEqualTo(Phase.BACKWARD);
    assertThat(seen.pathPoints()).isEqualTo(8); // before the first step, then after each of 7
    assertThat(seen.lastPathStep()).isEqualTo(7);
    assertThat(seen.fontSize()).isEqualTo(14); // one view beside the chart at 1366×768
    BufferedImage png = ImageIO.read(out.toFile());
    assertThat(png.getWidth()).isEqualTo(520);
    assertThat(png.getHeight()).isEqualTo(560);
    assertThat(png.getRGB(519, 559) & 0xffffff).isEqualTo(0xc000c0); // the view fills the picture
  }

  @Test
  void aViewDrawnAsLargeAsOneOfTwoOnAProjectorGetsTheProjectorsText() throws IOException {
    seen = null;
    ViewRenderer.render(
        new Picture("probe", 760, 800, dir.resolve("large.png")),
        SteppedRuns.chapter(1, 0, 0),
        null,
        PROBE);

    assertThat(seen.fontSize()).isEqualTo(20);
    assertThat(seen.ran()).isNull(); // ready: nothing ran yet
    assertThat(seen.pathPoints()).isEqualTo(1);
  }

  /**
   * A view with a bug: its first drawing asks for another, which fails, so the failure happens in a
   * pulse of JavaFX's, not in a call of the renderer's.
   */
  private static final class Broken extends TeachingPane {
    private int draws;

    Broken(TeachingFeed feed) {
      super(feed);
    }

    @Override
    public String title() {
      return "Broken";
    }

    @Override
    protected void redraw() {
      if (draws++ == 0) {
        // the next frame's animation step marks it stale, and that frame's layout draws it
        new AnimationTimer() {
          @Override
          public void handle(long now) {
            stop();
            invalidate();
          }
        }.start();
        return;
      }
      throw new IllegalStateException("a view's own bug");
    }
  }

  @Test
  void aViewThatFailsWhileDrawingFailsThePictureWithoutAStackTrace() {
    Path out = dir.resolve("broken.png");
    PrintStream stderr = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      assertThatThrownBy(
              () ->
                  ViewRenderer.render(
                      new Picture("broken", 300, 200, out),
                      SteppedRuns.chapter(1, 2, 0),
                      null,
                      List.of(new ViewSpec("Broken", KeyCode.DIGIT8, Broken::new))))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("a view's own bug");
    } finally {
      System.setErr(stderr);
    }
    assertThat(out).doesNotExist();
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void textGrowsWithThePictureFrom13To20Pixels() {
    assertThat(SingleViews.fontPixels(520, 560)).isEqualTo(14);
    assertThat(SingleViews.fontPixels(760, 800)).isEqualTo(20);
    assertThat(SingleViews.fontPixels(760, 560)).isEqualTo(14);
    assertThat(SingleViews.fontPixels(100, 100)).isEqualTo(13);
    assertThat(SingleViews.fontPixels(4000, 3000)).isEqualTo(20);
  }

  @Test
  void theAppMustReachTheCommandsRunOrNoPictureIsWritten() {
    Path out = dir.resolve("app.png");
    // the command stepped seed 1's run; the app is given seed 2's settings
    assertThatThrownBy(
            () ->
                ViewRenderer.render(
                    new Picture(ViewNames.APP, 1366, 768, out),
                    SteppedRuns.chapter(1, 5, 0),
                    SteppedRuns.chapterRecipe(2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the app's run differs from the command's: the app learned w1 = ");
    assertThat(out).doesNotExist();
  }

  @Test
  void theAppReachesTheCommandsRunPartwayThroughAStep() throws IOException {
    Path out = dir.resolve("app.png");
    ViewRenderer.render(
        new Picture(ViewNames.APP, 1366, 768, out),
        SteppedRuns.chapter(1, 40, 3), // epoch 2's 8th step, then step 41's backward
        SteppedRuns.chapterRecipe(1));

    assertThat(ImageIO.read(out.toFile()).getWidth()).isEqualTo(1366);
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path target = Files.createDirectories(dir.resolve("taken.png"));
    Files.writeString(target.resolve("inside"), "a directory that is not empty");
    BufferedImage image = new BufferedImage(120, 100, BufferedImage.TYPE_INT_RGB);

    assertThatThrownBy(() -> PngFile.write(image, target)).isInstanceOf(IOException.class);

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.toList()).containsExactly(target);
    }
  }

  @Test
  void aWriteReplacesTheFileWhole() throws IOException {
    Path target = Files.writeString(dir.resolve("old.png"), "not a picture");
    BufferedImage image = new BufferedImage(120, 100, BufferedImage.TYPE_INT_RGB);
    image.setRGB(5, 5, 0x123456);

    PngFile.write(image, target);

    BufferedImage read = ImageIO.read(target.toFile());
    assertThat(read.getRGB(5, 5) & 0xffffff).isEqualTo(0x123456);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.toList()).containsExactly(target);
    }
  }
}
