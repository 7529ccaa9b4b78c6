package descent.app.teach.landscape;

import descent.app.teach.CanvasPixels;
import descent.app.teach.OtherPath;
import descent.app.teach.ParameterPath;
import descent.app.teach.TeachingFeed;
import descent.app.teach.TeachingPane;
import descent.train.LossSurface;
import descent.train.LossSurface.Window;
import descent.train.RunPicture;
import descent.train.StepSnapshot;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;

/**
 * The loss landscape: filled contours of the full training loss over two parameters the user picks
 * (w₁ and w₂ by default; w and b with one feature), the others held at their current values, with
 * the SGD path, the current point, the true parameters, the least-squares optimum, the −∇L arrow
 * and the minibatch's step. The map's window stays put for a run and grows only when the path
 * leaves it (ADR 0018).
 */
public final class LandscapeView extends TeachingPane {
  private final AxisChoice choice = new AxisChoice(this::invalidate);
  private final Label held = new Label();
  private final Label status = new Label();
  private final Canvas canvas = new Canvas();
  private final VBox header;
  private final VBox footer;
  private final BorderPane content;
  private final Label narrow = new Label("Widen this pane to see the landscape.");
  private final Legend legend = new Legend();
  private final OtherPaths others = new OtherPaths();
  private final MapWindow mapWindow = new MapWindow();
  private final LandscapeMap map = new LandscapeMap();
  private final MapPainter painter = new MapPainter();
  private ColourScale scale;
  private long arrowStamp = -1;
  private double arrowScale;
  private MapGeometry geometry;
  private Overlay overlay;
  private ContourLevels levels;
  private long redraws;
  private List<Object> areaKey;
  private double[] area;
  private double fontSize;

  public LandscapeView(TeachingFeed feed) {
    super(feed);
    getStyleClass().add("landscape-view");
    held.setId("landscape-held");
    held.setWrapText(false); // one line, so the map never changes size with the words
    held.getStyleClass().add("landscape-note");
    header = new VBox(4, choice, held);
    header.setPadding(new Insets(6, 10, 4, 10));
    status.setId("landscape-status");
    status.setWrapText(true);
    status.getStyleClass().add("landscape-status");
    footer = new VBox(4, legend, others, status);
    footer.setPadding(new Insets(4, 10, 6, 10));
    Pane mapPane = new Pane(canvas);
    mapPane.setMinSize(0, 0);
    mapPane.setPrefSize(0, 0);
    canvas.setManaged(false);
    content = new BorderPane(mapPane, header, null, footer, null);
    narrow.setId("landscape-narrow");
    narrow.setWrapText(true);
    narrow.getStyleClass().add("landscape-note");
    narrow.setVisible(false);
    getChildren().addAll(content, narrow);
  }

  /** The view may be squeezed to nothing beside the chart; it then asks for room instead. */
  @Override
  protected double computeMinWidth(double height) {
    return 0;
  }

  @Override
  protected double computeMinHeight(double width) {
    return 0;
  }

  @Override
  protected void layoutChildren() {
    double em = status.getFont().getSize();
    boolean room =
        getWidth() >= content.minWidth(-1) && getHeight() >= content.minHeight(-1) + 8 * em;
    content.setVisible(room);
    narrow.setVisible(!room);
    super.layoutChildren();
  }

  @Override
  public String title() {
    return "Landscape";
  }

  /** Shows the map over parameters {@code i} (across) and {@code j} (up); axis d is b. */
  public void setAxes(int i, int j) {
    choice.set(i, j);
  }

  @Override
  protected void redraw() {
    RunPicture picture = feed().picture();
    StepSnapshot s = feed().snapshot();
    ParameterPath path = feed().path();
    int d = picture.numFeatures();
    redraws++;
    GraphicsContext gc = canvas.getGraphicsContext2D();
    gc.setTransform(1, 0, 0, 1, 0, 0);
    gc.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
    if (s.w().length != d || path.numFeatures() != d || path.size() == 0) {
      status.setText("Waiting for the run to start.");
      return;
    }
    choice.setFeatures(d);
    int ai = choice.across();
    int aj = choice.up();
    LossSurface surface = picture.surface();
    double[] w = s.w();
    double b = s.b();
    boolean finite = allFinite(w, b);
    int last = path.size() - 1;
    double[] hw = finite ? w : new double[d];
    double hb = finite ? b : path.b(last);
    if (!finite) {
      for (int k = 0; k < d; k++) {
        hw[k] = path.w(last, k);
      }
    }
    Window window = mapWindow.update(surface, picture.truth(), path, ai, aj, w, b);
    if (mapWindow.changes() != arrowStamp) {
      arrowScale = arrowScale(surface, path, ai, aj, window);
      arrowStamp = mapWindow.changes();
    }
    overlay = Overlay.of(surface, picture.truth(), s, hw, hb, ai, aj, arrowScale);
    double loss = finite ? surface.loss(w, b) : Double.NaN;
    held.setText(LandscapeText.held(ai, aj, hw, hb, finite, path.step(last)));
    status.setText(LandscapeText.status(s, loss, path.step(last)));
    legend.show(overlay.truth() != null, overlay.optimum() != null, overlay.stepFrom() != null);
    List<OtherPath> otherPaths = feed().otherPaths();
    others.show(otherPaths, d);

    Insets in = getInsets();
    double width = Math.max(0, getWidth() - in.getLeft() - in.getRight());
    double height = Math.max(0, getHeight() - in.getTop() - in.getBottom());
    double mapHeight = Math.max(0, height - header.prefHeight(width) - footer.prefHeight(width));
    double cw = Math.floor(width);
    double ch = Math.floor(mapHeight);
    CanvasPixels.fit(canvas, cw, ch, pixelScale());
    Font font = Font.font(status.getFont().getFamily(), status.getFont().getSize());
    double f = font.getSize();
    fontSize = f;
    if (width < 10 * f || mapHeight < 8 * f) {
      geometry = null;
      return; // too small to draw a readable map
    }
    List<Object> areaKey = List.of(window, f, cw, ch);
    if (!areaKey.equals(this.areaKey)) { // measuring the tick labels costs; the window rarely moves
      area = MapPainter.plotArea(cw, ch, font, window);
      this.areaKey = areaKey;
    }
    geometry = MapGeometry.fit(window, area[0], area[1], area[2], area[3]);
    map.compute(surface, ai, aj, hw, hb, geometry.window());
    scale = ColourScale.of(map.min(), map.max());
    levels = ContourLevels.of(map.min(), map.max());
    map.paint(levels, scale);
    String[] names = {LandscapeFormat.parameter(ai, d), LandscapeFormat.parameter(aj, d)};
    Palette palette = legend.palette();
    painter.draw(gc, map, geometry, levels, scale, names[0], names[1], font, loss, palette.now());
    OtherPaths.draw(gc, geometry, otherPaths, d, ai, aj);
    PathPainter.draw(gc, geometry, path, ai, aj, overlay, palette, font, names);
  }

  private static boolean allFinite(double[] w, double b) {
    for (double x : w) {
      if (!Double.isFinite(x)) {
        return false;
      }
    }
    return Double.isFinite(b);
  }

  /**
   * Parameter units per unit of gradient for the −∇L arrow, fixed while the window is: the arrow at
   * the path's start is 30% of the window's shorter side, so arrows compare across steps.
   */
  static double arrowScale(LossSurface surface, ParameterPath path, int ai, int aj, Window window) {
    int d = path.numFeatures();
    double[] w0 = new double[d];
    for (int k = 0; k < d; k++) {
      w0[k] = path.w(0, k);
    }
    double[] g = surface.gradient(w0, path.b(0));
    double norm = Math.hypot(g[ai], g[aj]);
    double side = Math.min(window.iMax() - window.iMin(), window.jMax() - window.jMin());
    return norm > 0 && Double.isFinite(norm) ? 0.3 * side / norm : 0.3 * side;
  }

  // ---------------------------------------------------------------- what tests read

  /** The map of the last redraw (its grid, colours and contours). */
  LandscapeMap map() {
    return map;
  }

  /** Where the last redraw put the plot, or null if the view was too small to draw one. */
  MapGeometry geometry() {
    return geometry;
  }

  Overlay overlay() {
    return overlay;
  }

  ColourScale colourScale() {
    return scale;
  }

  ContourLevels levels() {
    return levels;
  }

  MapWindow mapWindow() {
    return mapWindow;
  }

  Canvas canvas() {
    return canvas;
  }

  /** The font size the last redraw drew the canvas's text in (the scene's, from CSS). */
  double fontSize() {
    return fontSize;
  }

  /** How many times the view has redrawn. */
  long redraws() {
    return redraws;
  }

  /** The texts of the note on the held parameters and of the status line. */
  String heldText() {
    return held.getText();
  }

  String statusText() {
    return status.getText();
  }

  Legend legend() {
    return legend;
  }

  /** The key of other runs' paths below the map. */
  OtherPaths otherPathsKey() {
    return others;
  }

  AxisChoice axes() {
    return choice;
  }
}
