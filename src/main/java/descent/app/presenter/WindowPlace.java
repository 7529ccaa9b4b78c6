package descent.app.presenter;

import descent.app.prefs.Preferences;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;

/** Whether a saved window place can be used on the screens there are now. */
public final class WindowPlace {
  /** How far a frame or its shadow may lie outside a screen's usable area and still count. */
  static final double SLACK = 16;

  private WindowPlace() {}

  /**
   * The saved bounds, if they fit inside the usable area of one of {@code screens} (give or take
   * {@value #SLACK} px for the frame) and are at least the minimum size; otherwise empty, and the
   * app places the window as on a first launch. A window saved on a projector that is gone, or on a
   * larger screen than this one, is therefore not restored half off screen.
   */
  public static Optional<Rectangle2D> restored(
      Preferences.Bounds saved, List<Rectangle2D> screens, double minWidth, double minHeight) {
    if (saved == null || saved.width() < minWidth || saved.height() < minHeight) {
      return Optional.empty();
    }
    Rectangle2D r = new Rectangle2D(saved.x(), saved.y(), saved.width(), saved.height());
    for (Rectangle2D s : screens) {
      Rectangle2D roomy =
          new Rectangle2D(
              s.getMinX() - SLACK,
              s.getMinY() - SLACK,
              s.getWidth() + 2 * SLACK,
              s.getHeight() + 2 * SLACK);
      if (roomy.contains(r)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
