package descent.app.teach;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.transform.Scale;

/**
 * Sizes a canvas for {@code scale} pixels per layout unit: the canvas holds {@code w·scale ×
 * h·scale} pixels, is shown shrunk back to {@code w × h}, and its graphics context draws in layout
 * units. At scale 1 it is a plain canvas of {@code w × h}; at 2 a picture rendered at 2× gets the
 * canvas as sharp as the text around it (see {@link TeachingPane#setPixelScale}).
 */
public final class CanvasPixels {
  private CanvasPixels() {}

  /** Sizes {@code canvas} to {@code w × h} layout units at {@code scale}; returns its context. */
  public static GraphicsContext fit(Canvas canvas, double w, double h, double scale) {
    canvas.setWidth(w * scale);
    canvas.setHeight(h * scale);
    if (scale == 1) {
      canvas.getTransforms().clear();
    } else {
      canvas.getTransforms().setAll(new Scale(1 / scale, 1 / scale, 0, 0));
    }
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.setTransform(scale, 0, 0, scale, 0, 0);
    return g;
  }
}
