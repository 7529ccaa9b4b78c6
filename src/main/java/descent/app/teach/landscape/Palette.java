package descent.app.teach.landscape;

import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Shape;

/**
 * The colours the canvas draws the marks in, read from the legend's shapes, which descent.css
 * styles (its "Landscape view" block): the stylesheet is the one place they are set.
 */
record Palette(Color path, Color now, Color gradient, Color step, Color truth, Color optimum) {
  /** The colours until the stylesheet has been applied. */
  static final Palette DEFAULT =
      new Palette(
          Color.WHITE,
          Color.web("#ff6f00"),
          Color.web("#e0115f"),
          Color.web("#ffd54f"),
          Color.web("#ffffff"),
          Color.web("#ff8a80"));

  /** The fills of the legend's shapes, in the order of the record's components. */
  static Palette of(Shape path, Shape now, Shape gradient, Shape step, Shape truth, Shape optimum) {
    return new Palette(
        colour(path.getStroke(), DEFAULT.path),
        colour(now.getFill(), DEFAULT.now),
        colour(gradient.getFill(), DEFAULT.gradient),
        colour(step.getStroke(), DEFAULT.step),
        colour(truth.getStroke(), DEFAULT.truth),
        colour(optimum.getFill(), DEFAULT.optimum));
  }

  private static Color colour(Paint p, Color fallback) {
    return p instanceof Color c ? c : fallback;
  }

  /** The dark edge drawn around light marks, so they read on every colour of the map. */
  static final Color EDGE = Color.web("#1f2a44");
}
