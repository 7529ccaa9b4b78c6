package descent.app.teach.data;

import descent.app.teach.TeachingFeed;
import descent.app.teach.TeachingPane;
import descent.train.LeastSquares;
import descent.train.RunPicture;
import descent.train.StepSnapshot;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * The Data view, the first a newcomer sees: the training points, y against one feature with the
 * model's current line (the other features held at their training means), the true line thin, the
 * least-squares line on request, and the current minibatch highlighted with each row's residual to
 * the engine's ŷ. Its second mode plots ŷ against y with the diagonal ŷ = y. Drawn on a canvas
 * ({@link DataPlot}) from copies only; above 5,000 rows it draws the run's seeded sample and says
 * so.
 */
public final class DataView extends TeachingPane {
  /** The smallest width and height, in lines of text, at which the view draws its plot. */
  static final double MIN_SIZE_EM = 15;

  private final ToggleGroup modes = new ToggleGroup();
  private final ToggleButton scatterMode = new ToggleButton("y against");
  private final ToggleButton predictionsMode = new ToggleButton("ŷ against y");
  private final ComboBox<String> feature = new ComboBox<>();
  private final CheckBox leastSquares = new CheckBox("least squares");
  private final DataLegend legend = new DataLegend();
  private final DataPlot plot = new DataPlot();
  private final Label slice = caption("data-slice");
  private final Label count = caption("data-count");
  private final Label batch = caption("data-batch");
  private final Label warning = caption("data-warning");
  private final BorderPane layout;
  private final SteadyBox top;
  private final SteadyBox bottom;
  private RunPicture sizedFor; // the run and mode the steady boxes were sized for
  private boolean sizedForPredictions;
  private final Text tooSmall = new Text("Widen this pane to see the data.");
  private List<String> names = List.of();
  private boolean syncing; // the view itself is changing its controls: not the user

  public DataView(TeachingFeed feed) {
    super(feed);
    getStyleClass().add("data-view");
    scatterMode.setId("data-mode-scatter");
    predictionsMode.setId("data-mode-predictions");
    scatterMode.setTooltip(new Tooltip("The data: y against one feature, with the model's line"));
    predictionsMode.setTooltip(
        new Tooltip("Each point's prediction ŷ against its target y: a perfect fit is ŷ = y"));
    for (ToggleButton b : List.of(scatterMode, predictionsMode)) {
      b.setToggleGroup(modes);
      b.setFocusTraversable(false);
    }
    scatterMode.setSelected(true);
    modes
        .selectedToggleProperty()
        .addListener(
            (obs, old, now) -> {
              if (now == null) {
                old.setSelected(true); // one mode is always on
              } else {
                invalidate();
              }
            });
    feature.setId("data-feature");
    feature.setFocusTraversable(false);
    feature.setTooltip(new Tooltip("The feature along the horizontal axis"));
    feature
        .getSelectionModel()
        .selectedIndexProperty()
        .addListener(
            (obs, o, n) -> {
              if (!syncing) {
                invalidate();
              }
            });
    leastSquares.setId("data-least-squares");
    leastSquares.setFocusTraversable(false);
    leastSquares.selectedProperty().addListener(this::invalidate);
    warning.getStyleClass().add("data-warning");

    // the controls wrap onto a second line rather than push the view wider than its pane
    FlowPane bar = new FlowPane(new HBox(4, scatterMode, feature), predictionsMode, leastSquares);
    bar.getStyleClass().add("data-bar");
    bar.setAlignment(Pos.CENTER_LEFT);
    top = new SteadyBox(bar, legend);
    top.getStyleClass().add("data-top");
    bottom = new SteadyBox(slice, count, batch, warning);
    bottom.getStyleClass().add("data-captions");
    layout = new BorderPane(plot, top, null, bottom, null);
    layout.setMinSize(0, 0);
    tooSmall.getStyleClass().add("data-too-small");
    tooSmall.setVisible(false);
    tooSmall.setManaged(false); // placed by hand: its width must never widen the view
    getChildren().addAll(layout, tooSmall);
    // in a small window, what does not fit is cut at the view's edge, never drawn over its
    // neighbours
    Rectangle clip = new Rectangle();
    clip.widthProperty().bind(widthProperty());
    clip.heightProperty().bind(heightProperty());
    setClip(clip);
  }

  private static Label caption(String id) {
    Label label = new Label();
    label.setId(id);
    label.getStyleClass().add("data-caption");
    label.setWrapText(true);
    label.setMinHeight(Label.USE_PREF_SIZE);
    return label;
  }

  @Override
  public String title() {
    return "Data";
  }

  /**
   * Whether the pane is large enough for a plot: at least {@link #MIN_SIZE_EM} lines of text each
   * way. A smaller pane (the narrowest windows leave the views a sliver beside the chart) shows a
   * one-line hint instead of controls squeezed past its edges.
   */
  private boolean fits() {
    double em = count.getFont().getSize();
    return getWidth() >= MIN_SIZE_EM * em && getHeight() >= MIN_SIZE_EM * em;
  }

  @Override
  protected void layoutChildren() {
    boolean fits = fits();
    layout.setVisible(fits);
    tooSmall.setVisible(!fits);
    tooSmall.setWrappingWidth(Math.max(10, getWidth() - 8));
    tooSmall.relocate(4, 4);
    super.layoutChildren();
  }

  @Override
  protected void redraw() {
    if (!fits()) {
      return; // hidden; a change of size redraws it
    }
    RunPicture p = feed().picture();
    StepSnapshot s = feed().snapshot();
    if (s.numFeatures() != p.numFeatures()) {
      return; // a snapshot of the run before; the new run's own comes next
    }
    syncFeatures(p);
    if (p != sizedFor || predictionsMode.isSelected() != sizedForPredictions) {
      sizedFor = p;
      sizedForPredictions = predictionsMode.isSelected();
      top.reset();
      bottom.reset();
    }
    int d = p.numFeatures();
    int j = feature.getSelectionModel().getSelectedIndex();
    if (j < 0 || j >= d) {
      j = 0;
    }
    boolean predictions = predictionsMode.isSelected();
    LeastSquares.Fit fit = p.optimum();
    feature.setDisable(predictions);
    leastSquares.setDisable(predictions || !fit.available());
    if (!fit.available()) {
      leastSquares.setTooltip(new Tooltip("No least-squares fit: " + fit.unavailableReason()));
    } else if (leastSquares.getTooltip() == null
        || !leastSquares.getTooltip().getText().startsWith("The")) {
      leastSquares.setTooltip(new Tooltip("The least-squares line, the best any w, b can do"));
    }
    PlotContent c =
        predictions
            ? DataContent.predictions(p, s)
            : DataContent.scatter(p, s, j, leastSquares.isSelected() && fit.available(), names);
    double fontSize = count.getFont().getSize();
    plot.setPixelScale(pixelScale());
    plot.show(c, fontSize);
    legend.update(c, fontSize);

    setText(
        slice,
        predictions
            ? "Each point at (y, ŷ), with ŷ = x·w + b from the current w and b."
            : DataCaptions.held(names, j));
    setText(count, DataCaptions.count(p.sample()));
    setText(batch, DataCaptions.batch(s, predictions));
    setText(warning, DataCaptions.warning(c, s, predictions));
  }

  /** The features' names in the menu, kept when the run changes but the names do not. */
  private void syncFeatures(RunPicture p) {
    List<String> shown = p.featureNames().stream().map(DataCaptions::display).toList();
    if (shown.equals(names)) {
      return;
    }
    syncing = true;
    try {
      int keep = feature.getSelectionModel().getSelectedIndex();
      names = shown;
      feature.getItems().setAll(shown);
      feature.getSelectionModel().select(keep >= 0 && keep < shown.size() ? keep : 0);
      boolean several = shown.size() > 1;
      show(feature, several);
      scatterMode.setText(several ? "y against" : "y against " + shown.get(0));
    } finally {
      syncing = false;
    }
  }

  private static void setText(Label label, String text) {
    label.setText(text);
    show(label, !text.isEmpty());
  }

  private static void show(Node node, boolean on) {
    node.setVisible(on);
    node.setManaged(on);
  }

  // for tests

  /** Whether the plot and its controls show (else the hint to widen the pane). */
  boolean showsPlot() {
    return layout.isVisible() && !tooSmall.isVisible();
  }

  DataPlot plot() {
    return plot;
  }

  DataLegend legend() {
    return legend;
  }

  ComboBox<String> featureChoice() {
    return feature;
  }

  ToggleButton scatterToggle() {
    return scatterMode;
  }

  ToggleButton predictionsToggle() {
    return predictionsMode;
  }

  CheckBox leastSquaresToggle() {
    return leastSquares;
  }
}
