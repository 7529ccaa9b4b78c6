package descent.app.teach.batch;

import descent.app.teach.TeachingFeed;
import descent.app.teach.TeachingPane;
import descent.train.RunPicture;
import descent.train.StepSnapshot;
import descent.train.TrainingRun.Phase;
import descent.train.TrainingRun.Status;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * The Minibatch view, the inspector: the current minibatch row by row and what each phase computed
 * from it — ŷ after FORWARD; the residuals, row losses and the batch loss after LOSS; ∂L/∂w, ∂L/∂b
 * and the gradient's norm (and clipping) after BACKWARD; each parameter before and after, with the
 * arithmetic, at UPDATE. Clicking a number shows how it was computed from the others. Everything
 * comes from the feed's {@link StepSnapshot}, the engine's numbers copied on the training thread.
 */
public final class MinibatchView extends TeachingPane {
  /** The least room, in ems, in which the view is legible; in less it says so instead. */
  static final double MIN_WIDTH_EM = 22;

  static final double MIN_HEIGHT_EM = 30;

  /** What the view says when the window leaves it too little room. */
  static final String TOO_SMALL =
      "Too little room for the minibatch: widen the window, or drag the divider to the left.";

  private final Label tooSmall = new Label(TOO_SMALL);
  private final VBox box;

  private final Label headline = new Label();
  private final List<Label> phases = new ArrayList<>();
  private final ExplainPopOver popOver = new ExplainPopOver();
  private final RowsTable rows = new RowsTable(popOver);
  private final Label count = new Label();
  private final Label loss = new Label();
  private final ParameterTable parameters = new ParameterTable(popOver);
  private final Label norm = new Label();
  private final GradientCheckPanel check = new GradientCheckPanel(popOver);
  private RunPicture picture;
  private StepSnapshot shown;
  private List<String> names = List.of();

  public MinibatchView(TeachingFeed feed) {
    super(feed);
    getStyleClass().add("minibatch-view");
    headline.setId("batch-headline");
    headline.getStyleClass().add("batch-headline");
    headline.setWrapText(true);
    headline.setMinHeight(Region.USE_PREF_SIZE);

    HBox strip = new HBox();
    strip.setMinWidth(0);
    strip.getStyleClass().add("batch-phases");
    for (Phase p : Phase.values()) {
      Label l = new Label(p.name());
      l.setId("batch-phase-" + p.name().toLowerCase(java.util.Locale.ROOT));
      l.getStyleClass().add("batch-phase");
      phases.add(l);
      strip.getChildren().add(l);
    }

    count.setId("batch-count");
    count.getStyleClass().add("batch-count");
    loss.setId("batch-loss");
    loss.getStyleClass().add("batch-sum");
    loss.setWrapText(true);
    loss.setMinHeight(Region.USE_PREF_SIZE);
    popOver.attach(loss, () -> shown == null ? null : explainer().batchLoss());
    norm.setId("batch-norm");
    norm.getStyleClass().add("batch-sum");
    norm.setWrapText(true);
    norm.setMinHeight(Region.USE_PREF_SIZE);
    popOver.attach(norm, () -> shown == null ? null : explainer().norm());

    Label parametersHeading = new Label("Parameters: gradient and update");
    parametersHeading.getStyleClass().add("batch-heading");
    rows.setMinHeight(0);
    rows.setMinWidth(0);
    parameters.setMinWidth(0);
    VBox.setVgrow(rows, Priority.ALWAYS);
    box = new VBox(headline, strip, rows, count, loss, parametersHeading, parameters, norm, check);
    box.getStyleClass().add("batch-box");
    box.setPadding(new Insets(6, 8, 6, 8));
    box.setSpacing(4);
    box.setFillWidth(true);
    box.setMinSize(0, 0);
    tooSmall.setId("batch-too-small");
    tooSmall.getStyleClass().add("batch-placeholder");
    tooSmall.setWrapText(true);
    tooSmall.setMinSize(0, 0);
    tooSmall.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE); // fills the view, never beyond
    tooSmall.setVisible(false);
    getChildren().addAll(box, tooSmall);
    // the view takes the width the window leaves it, however narrow, and draws nothing beyond
    setMinSize(0, 0);
    Rectangle clip = new Rectangle();
    clip.widthProperty().bind(widthProperty());
    clip.heightProperty().bind(heightProperty());
    setClip(clip);
  }

  @Override
  public String title() {
    return "Minibatch";
  }

  @Override
  protected void redraw() {
    StepSnapshot s = feed().snapshot();
    RunPicture p = feed().picture();
    if (p != picture) {
      picture = p;
      check.clear();
      popOver.hide();
    }
    shown = s;
    names = new ArrayList<>();
    for (int j = 0; j < s.numFeatures(); j++) {
      names.add(
          Numbers.featureName(
              j < p.featureNames().size() ? p.featureNames().get(j) : "x" + (j + 1)));
    }
    double font = headline.getFont().getSize();
    boolean cramped = getWidth() < MIN_WIDTH_EM * font || getHeight() < MIN_HEIGHT_EM * font;
    box.setVisible(!cramped);
    box.setManaged(!cramped);
    tooSmall.setVisible(cramped);
    if (cramped) {
      popOver.hide();
    }
    rows.show(s, names);
    rows.fitColumns(font);
    parameters.show(s, names);
    parameters.fit(font);

    headline.setText(BatchText.headline(s));
    BatchState state = BatchState.of(s);
    boolean over = s.status() == Status.DIVERGED || s.status() == Status.FINISHED;
    boolean[] done = {state.forward(), state.loss(), state.backward(), state.updated()};
    for (int k = 0; k < phases.size(); k++) {
      String mark =
          done[k]
              ? "done"
              : !state.updated() && !over && s.next() == Phase.values()[k] ? "next" : null;
      // a change of style classes restyles the label: only when its mark changes, not each frame
      List<String> styles = phases.get(k).getStyleClass();
      for (String other : List.of("done", "next")) {
        if (!other.equals(mark)) {
          styles.remove(other);
        }
      }
      if (mark != null && !styles.contains(mark)) {
        styles.add(mark);
      }
    }
    count.setText(BatchText.rowCount(s));
    count.setVisible(!state.ready());
    count.setManaged(!state.ready());
    loss.setText(BatchText.batchLoss(s));
    loss.setVisible(!state.ready());
    loss.setManaged(!state.ready());
    norm.setText(BatchText.norm(s));
    check.show(feed(), s);
  }

  private Explainer explainer() {
    return new Explainer(shown, names);
  }

  // ------------------------------------------------------------------ for tests

  /** What the popover shows now, or null when it is closed. */
  String popOverText() {
    return popOver.text();
  }

  /** The snapshot drawn last. */
  StepSnapshot shown() {
    return shown;
  }

  /** Whether the popover is open. */
  boolean isPopOverShowing() {
    return popOver.isShowing();
  }
}
