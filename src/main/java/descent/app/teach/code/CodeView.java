package descent.app.teach.code;

import descent.app.teach.TeachingFeed;
import descent.app.teach.TeachingPane;
import descent.app.teach.code.TrainingStepSource.Block;
import descent.app.teach.code.TrainingStepSource.Line;
import descent.train.StepSnapshot;
import descent.train.TrainingRun.Phase;
import descent.train.TrainingRun.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The Code view: the project's real training step, the region of {@code TrainingRun.stepPhase()}
 * that the build copies as a resource, with its line numbers from the file. The lines of the phase
 * that just ran are highlighted, the phase about to run is marked ▶ in the gutter, and below, the
 * two lines d2l §3.5 writes instead show what the built-in loss and optimizer hide.
 */
public final class CodeView extends TeachingPane {
  static final PseudoClass RAN = PseudoClass.getPseudoClass("ran");
  static final PseudoClass NEXT = PseudoClass.getPseudoClass("next");
  static final PseudoClass STOPPED = PseudoClass.getPseudoClass("stopped");

  /** d2l §3.5's loss: PyTorch's built-in mean squared error. */
  static final String CONCISE_LOSS = "fn = nn.MSELoss()";

  /** d2l §3.5's optimizer: PyTorch's built-in SGD over the model's parameters. */
  static final String CONCISE_OPTIMIZER = "torch.optim.SGD(self.parameters(), self.lr)";

  private final TrainingStepSource source;
  private final Label caption = new Label();
  private final List<Row> rows = new ArrayList<>();
  private final VBox code = new VBox();
  private final ScrollPane scroll = new ScrollPane(code);
  private final BorderPane layout;
  private Label title;
  private VBox concise;
  private final VBox conciseLoss;
  private final VBox conciseOptimizer;
  private boolean scrollPending;

  /** One shown line: the gutter's marker, the line number and the code. */
  private record Row(Line line, HBox box, Text marker) {}

  public CodeView(TeachingFeed feed) {
    this(feed, TrainingStepSource.load());
  }

  CodeView(TeachingFeed feed, TrainingStepSource source) {
    super(feed);
    this.source = source;
    getStyleClass().add("code-view");
    setId("code-view");

    caption.setId("code-caption");
    caption.getStyleClass().add("code-caption");
    caption.setWrapText(true);

    conciseLoss = conciseLine(CONCISE_LOSS, "hides LOSS: the mean of (ŷ − y)², with no ½");
    conciseOptimizer =
        conciseLine(CONCISE_OPTIMIZER, "hides zeroGrad() and UPDATE: θ ← θ − η·∂L/∂θ");
    layout = new BorderPane();
    // however small the pane, the view fits it: the header clips and the code scrolls
    layout.setMinSize(0, 0);
    getChildren().add(layout);
    if (!source.isAvailable()) {
      Label missing =
          new Label(
              source.problem()
                  + " Build Descent with ./mvnw package, which copies it, to see the training"
                  + " step here.");
      missing.setId("code-missing");
      missing.getStyleClass().add("code-missing");
      missing.setWrapText(true);
      layout.setTop(missing);
      return;
    }

    List<Line> lines = source.lines();
    int first = lines.get(0).number();
    int last = lines.get(lines.size() - 1).number();
    title = new Label("TrainingRun.java, lines " + first + "–" + last + " (stepPhase)");
    title.getStyleClass().add("code-title");
    title.setWrapText(true);
    VBox top = new VBox(title, caption);
    top.setMinHeight(0);
    top.getStyleClass().add("code-header");

    int digits = String.valueOf(last).length();
    code.getStyleClass().add("code-lines");
    code.setMinWidth(Region.USE_PREF_SIZE);
    for (Line line : lines) {
      // the gutter is text, not labels: only the scroll pane and its bars are controls
      Text marker = new Text(" ");
      marker.getStyleClass().addAll("code-token", "code-marker");
      StackPane gutter = new StackPane(marker);
      gutter.getStyleClass().add("code-gutter");
      Text number = new Text(String.format(Locale.ROOT, "%" + digits + "d", line.number()));
      number.getStyleClass().addAll("code-token", "code-number");
      TextFlow text = flow(line.text(), true);
      TextFlow numberBox = new TextFlow(number);
      numberBox.getStyleClass().add("code-number-box");
      numberBox.setMinWidth(Region.USE_PREF_SIZE);
      HBox box = new HBox(gutter, numberBox, text);
      box.getStyleClass().add("code-line");
      box.setMinWidth(Region.USE_PREF_SIZE);
      HBox.setHgrow(text, Priority.ALWAYS);
      rows.add(new Row(line, box, marker));
      code.getChildren().add(box);
    }
    scroll.getStyleClass().add("code-scroll");
    scroll.setId("code-scroll");
    scroll.setFitToWidth(true);
    scroll.setMinSize(0, 0);
    scroll.setFocusTraversable(false);

    layout.setTop(top);
    layout.setCenter(scroll);
    concise = concise();
    layout.setBottom(concise);
  }

  /** The code of one line, in coloured pieces; {@code whole}: never wrapped (it scrolls). */
  private static TextFlow flow(String line, boolean whole) {
    TextFlow flow = new TextFlow();
    flow.getStyleClass().add("code-text");
    if (whole) {
      flow.setMinWidth(Region.USE_PREF_SIZE);
    }
    for (JavaTokens.Token t : JavaTokens.of(line)) {
      Text text = new Text(t.text());
      text.getStyleClass()
          .addAll("code-token", "code-tok-" + t.kind().name().toLowerCase(Locale.ROOT));
      flow.getChildren().add(text);
    }
    return flow;
  }

  private static VBox conciseLine(String pythonLine, String hides) {
    Label note = new Label(hides);
    note.getStyleClass().add("code-concise-note");
    note.setWrapText(true);
    VBox box = new VBox(flow(pythonLine, false), note);
    box.getStyleClass().add("code-concise-line");
    return box;
  }

  private VBox concise() {
    Label heading = new Label("d2l §3.5 writes two lines instead. They hide the code above:");
    heading.getStyleClass().add("code-concise-heading");
    heading.setWrapText(true);
    VBox box = new VBox(heading, conciseLoss, conciseOptimizer);
    box.setId("code-concise");
    box.getStyleClass().add("code-concise");
    return box;
  }

  @Override
  public String title() {
    return "Code";
  }

  @Override
  protected void redraw() {
    if (!source.isAvailable()) {
      return;
    }
    StepSnapshot s = feed().snapshot();
    caption.setText(StepCaption.of(s));
    boolean stopped = s.status() == Status.DIVERGED;
    caption.pseudoClassStateChanged(STOPPED, stopped);
    Block ran = s.ran() == null ? null : source.block(s.ran());
    Block next = StepCaption.marksNext(s) ? source.block(s.next()) : null;
    for (Row row : rows) {
      int n = row.line().number();
      boolean isRan = ran != null && ran.contains(n);
      boolean isNext = next != null && n == next.first();
      row.box().pseudoClassStateChanged(RAN, isRan);
      row.box().pseudoClassStateChanged(STOPPED, isRan && stopped);
      row.box().pseudoClassStateChanged(NEXT, isNext);
      row.marker().setText(isNext ? "▶" : isRan && stopped && n == ran.first() ? "■" : " ");
    }
    conciseLoss.pseudoClassStateChanged(RAN, s.ran() == Phase.LOSS);
    conciseLoss.pseudoClassStateChanged(STOPPED, s.ran() == Phase.LOSS && stopped);
    conciseOptimizer.pseudoClassStateChanged(RAN, s.ran() == Phase.UPDATE);
    conciseOptimizer.pseudoClassStateChanged(STOPPED, s.ran() == Phase.UPDATE && stopped);
    scrollPending = true;
  }

  /**
   * Below 28 em wide (the width of the optimizer's line) or 24 em high, e.g. beside the chart in
   * the smallest window, only the caption and the code show: nothing overflows, and the code
   * scrolls.
   */
  @Override
  protected void layoutChildren() {
    if (concise != null) {
      double em = caption.getFont().getSize();
      boolean roomy = getWidth() >= 28 * em && getHeight() >= 24 * em;
      for (Region r : new Region[] {title, concise}) {
        r.setVisible(roomy);
        r.setManaged(roomy);
      }
    }
    super.layoutChildren();
    if (scrollPending) {
      scrollPending = false;
      scrollToFocus();
    }
  }

  /**
   * Scrolls so that the highlighted lines and the ▶ line show, if they do not already; when both do
   * not fit, the highlighted lines.
   */
  private void scrollToFocus() {
    layout.layout(); // sizes the scroll pane to this frame's size, then lays out the code
    double[] ran = span(RAN);
    double[] next = span(NEXT);
    double[] focus = ran == null ? next : ran;
    if (focus == null) {
      return;
    }
    double view = scroll.getViewportBounds().getHeight();
    double room = code.getHeight() - view;
    if (room <= 0 || view <= 0) {
      return;
    }
    if (ran != null && next != null) {
      double[] both = {Math.min(ran[0], next[0]), Math.max(ran[1], next[1])};
      if (both[1] - both[0] <= view) {
        focus = both;
      }
    }
    double shownTop = scroll.getVvalue() * room;
    if (focus[0] >= shownTop && focus[1] <= shownTop + view) {
      return;
    }
    double wanted = focus[0] - Math.max(0, (view - (focus[1] - focus[0])) / 2);
    scroll.setVvalue(Math.max(0, Math.min(1, wanted / room)));
  }

  /** The top and bottom, in the code's coordinates, of the lines in {@code state}, or null. */
  private double[] span(PseudoClass state) {
    double[] span = null;
    for (Row row : rows) {
      if (row.box().getPseudoClassStates().contains(state)) {
        Bounds b = row.box().getBoundsInParent();
        span =
            span == null
                ? new double[] {b.getMinY(), b.getMaxY()}
                : new double[] {Math.min(span[0], b.getMinY()), Math.max(span[1], b.getMaxY())};
      }
    }
    return span;
  }
}
