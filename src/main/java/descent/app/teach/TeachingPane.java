package descent.app.teach;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;

/**
 * The base of the teaching views: it redraws at most once per frame, and only while shown. A change
 * of the feed (a new run, a snapshot, a step of the path) marks the view stale; the next layout
 * pass, which JavaFX runs once per pulse, redraws it if it is showing. A hidden view ignores every
 * change until it is shown again.
 */
public abstract class TeachingPane extends StackPane {
  private final TeachingFeed feed;
  private final BooleanProperty showing = new SimpleBooleanProperty(this, "showing", true);
  private boolean stale = true;
  private double pixelScale = 1;

  protected TeachingPane(TeachingFeed feed) {
    this.feed = feed;
    getStyleClass().add("teaching-view");
    // a view squeezed by the split pane is cut at its edges, never spills over the chart or window
    setMinSize(0, 0);
    Rectangle clip = new Rectangle();
    clip.widthProperty().bind(widthProperty());
    clip.heightProperty().bind(heightProperty());
    setClip(clip);
    feed.pictureProperty().addListener(this::invalidate);
    feed.snapshotProperty().addListener(this::invalidate);
    feed.pathRevisionProperty().addListener(this::invalidate);
    feed.otherPathsProperty().addListener(this::invalidate);
    showing.addListener(this::invalidate);
    widthProperty().addListener(this::invalidate);
    heightProperty().addListener(this::invalidate);
  }

  /** The view's title, as its tab shows it. */
  public abstract String title();

  /**
   * Draws the feed's current state; called on the FX thread at most once per frame, only while the
   * view is showing and only after something changed. The feed's picture and snapshot are never
   * null here.
   */
  protected abstract void redraw();

  protected TeachingFeed feed() {
    return feed;
  }

  /** Whether the view is on screen; a hidden view does no work. */
  public BooleanProperty showingProperty() {
    return showing;
  }

  /** Canvas pixels per layout unit: 1 on screen, 2 while an export renders the view at 2×. */
  protected final double pixelScale() {
    return pixelScale;
  }

  /**
   * Redraws the view at once, if it shows, with canvases of {@code scale} pixels per layout unit
   * ({@link CanvasPixels}), so that a picture rendered through a scale transform gets canvases as
   * sharp as its text; 1 gives back the screen's. Nothing moves: sizes and layout stay the same.
   */
  public final void setPixelScale(double scale) {
    if (scale == pixelScale) {
      return;
    }
    pixelScale = scale;
    stale = true;
    requestLayout();
    layout();
  }

  /**
   * Draws the view once while it is hidden, for nobody to see, so that its first showing does not
   * also load and link its drawing code, which made that frame several times longer than later
   * ones. It stays stale: shown, it draws again. Nothing if it shows, has no size yet or has
   * nothing to draw.
   */
  public final void warmUp() {
    if (!canDrawHidden(feed)) {
      return;
    }
    redraw();
    stale = true;
  }

  /**
   * Draws the view once while it is hidden as it would draw {@code stand}'s run, a run stepped for
   * nobody to see, then styles and lays it out in its place: the parts a real minibatch brings (the
   * rows' table cells, the graph's boxes) are made and styled now, so that the first showing during
   * a run only fills them in (ADR 0043). The view's own feed is neither read nor changed; the view
   * stays stale, so shown, it draws its own run again. Nothing if it shows or has no size yet.
   */
  public final void rehearse(TeachingFeed stand) {
    if (!canDrawHidden(stand)) {
      return;
    }
    feed.standIn(
        stand,
        () -> {
          redraw();
          applyCss();
          layout();
        });
    stale = true;
  }

  /** Whether the view is hidden, has a size, and {@code f} has a run for it to draw. */
  private boolean canDrawHidden(TeachingFeed f) {
    return !showing.get() && getWidth() > 0 && getHeight() > 0 && hasRun(f);
  }

  /** Whether {@code f} has a run to draw: {@link #redraw} may read its picture and snapshot. */
  private static boolean hasRun(TeachingFeed f) {
    return f.picture() != null && f.snapshot() != null;
  }

  /** Marks the view stale, e.g. when one of its own options changed. */
  protected final void invalidate(Observable ignored) {
    stale = true;
    if (showing.get()) {
      requestLayout();
    }
  }

  /** Marks the view stale. */
  protected final void invalidate() {
    invalidate(null);
  }

  @Override
  protected void layoutChildren() {
    if (stale && showing.get() && hasRun(feed)) {
      stale = false;
      redraw();
    }
    super.layoutChildren();
  }
}
