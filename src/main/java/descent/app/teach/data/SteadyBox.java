package descent.app.teach.data;

import javafx.scene.Node;
import javafx.scene.layout.VBox;

/**
 * A column whose height only grows while its width stays the same: text that changes with every
 * phase (a caption one line longer after UPDATE, a legend entry that comes and goes) then never
 * makes the plot beside it jump up and down from frame to frame. A new width, or {@link #reset},
 * lets it fit its content again.
 */
final class SteadyBox extends VBox {
  private double width = Double.NaN;
  private double tallest;

  SteadyBox(Node... children) {
    super(children);
  }

  /** Forgets the tallest height seen, e.g. for a new run. */
  void reset() {
    tallest = 0;
    requestLayout();
  }

  @Override
  protected double computePrefHeight(double w) {
    double h = super.computePrefHeight(w);
    double now = getWidth();
    if (now != width) {
      width = now;
      tallest = 0;
    }
    tallest = Math.max(tallest, h);
    return tallest;
  }

  @Override
  protected double computeMinHeight(double w) {
    return computePrefHeight(w);
  }
}
