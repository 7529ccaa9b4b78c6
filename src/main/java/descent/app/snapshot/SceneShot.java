package descent.app.snapshot;

import java.awt.image.BufferedImage;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

/**
 * A scene shown in a window of its own (on Monocle's headless screen, so nothing appears anywhere)
 * and rendered with {@link Scene#snapshot} once it has settled: after each pulse the scene is
 * rendered again, until two pictures in a row are the same, so a chart redrawn on a pulse or a
 * banner sliding in is drawn where it comes to rest.
 */
final class SceneShot implements AutoCloseable {
  /** At most this many pulses are waited for a picture to settle; then the latest is taken. */
  static final int MAX_PULSES = 240;

  /** A picture counts as settled when this many pulses in a row left it the same. */
  static final int STILL_PULSES = 2;

  private final HeadlessFx fx;
  private final Stage stage;
  private final Scene scene;
  private final Phaser pulses = new Phaser(1);

  private SceneShot(HeadlessFx fx, Scene scene) {
    this.fx = fx;
    this.scene = scene;
    scene.addPostLayoutPulseListener(pulses::arrive);
    stage = new Stage();
    stage.setScene(scene);
    stage.show();
  }

  /** Builds a scene on the FX thread with {@code build} and shows it. */
  static SceneShot show(HeadlessFx fx, Supplier<Scene> build) {
    return fx.call(() -> new SceneShot(fx, build.get()));
  }

  Scene scene() {
    return scene;
  }

  /** Waits until JavaFX has run a pulse (CSS, layout and the scene's pulse listeners) after now. */
  void awaitPulse() {
    int phase = pulses.getPhase();
    Platform.requestNextPulse();
    try {
      pulses.awaitAdvanceInterruptibly(phase, HeadlessFx.TIMEOUT_SECONDS, TimeUnit.SECONDS);
      fx.checkFailure();
    } catch (TimeoutException e) {
      throw new IllegalStateException("JavaFX ran no frame within a while");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a frame");
    }
  }

  /**
   * The scene rendered once it stopped changing: the same picture after {@link #STILL_PULSES}
   * pulses in a row (or the latest after {@link #MAX_PULSES}, should something never stop moving).
   */
  BufferedImage settledImage() {
    long previous = 0;
    int still = 0;
    Rendered shot = null;
    for (int i = 0; i < MAX_PULSES && still < STILL_PULSES; i++) {
      awaitPulse();
      shot = fx.call(this::render);
      still = i > 0 && shot.hash() == previous ? still + 1 : 0;
      previous = shot.hash();
    }
    return shot.image();
  }

  private record Rendered(BufferedImage image, long hash) {}

  /** Renders the scene as an opaque RGB picture, with a hash of its pixels. */
  private Rendered render() {
    WritableImage image = scene.snapshot(null);
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    PixelReader reader = image.getPixelReader();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] row = new int[w];
    long hash = 1125899906842597L;
    for (int y = 0; y < h; y++) {
      reader.getPixels(0, y, w, 1, PixelFormat.getIntArgbInstance(), row, 0, w);
      out.setRGB(0, y, w, 1, row, 0, w);
      for (int p : row) {
        hash = 31 * hash + p;
      }
    }
    return new Rendered(out, hash);
  }

  /** Hides the window. */
  @Override
  public void close() {
    fx.run(stage::hide);
  }
}
