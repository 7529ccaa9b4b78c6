package descent.app.teach.batch;

import descent.app.teach.TeachingFeed;
import descent.app.teach.TeachingFeed.GradientChecker;
import descent.train.GradientCheck;
import descent.train.StepSnapshot;
import descent.train.TrainingRun.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The "Check gradient" button: the autograd gradient of a minibatch beside central finite
 * differences ({@link GradientCheck}, run on the training thread through the feed's {@link
 * GradientChecker}), with the largest relative error and whether it is below {@link
 * GradientCheck#TOLERANCE}; each parameter's numbers on demand. It says which minibatch it checked:
 * mid-step the one shown, between two steps the next one (see {@link GradientCheck#batchOf}).
 */
final class GradientCheckPanel extends HBox {
  /** What the button says where no live run is attached (a picture made by {@code snapshot}). */
  static final String NO_RUN = "No live run here: the gradient check needs one.";

  static final String OVER = "The run is over: no minibatch left to check.";

  private final Button button = new Button("Check gradient");
  private final Label result = new Label();
  private final Hyperlink details = new Hyperlink("per parameter");
  private final ExplainPopOver popOver;
  private GradientChecker checker;
  private StepSnapshot shown;
  private GradientCheck last;
  private boolean checking;

  GradientCheckPanel(ExplainPopOver popOver) {
    this.popOver = popOver;
    getStyleClass().add("batch-check");
    setAlignment(Pos.CENTER_LEFT);
    setSpacing(8);
    setMinWidth(0);
    button.setId("batch-check-gradient");
    button.setFocusTraversable(false);
    button.setTooltip(
        new Tooltip(
            "Compare backward's gradient with central finite differences on a copy of the model;"
                + " the run is not changed"));
    button.setOnAction(e -> check());
    result.setId("batch-check-result");
    result.setWrapText(true);
    result.setMaxWidth(Double.MAX_VALUE);
    result.setMinWidth(0);
    HBox.setHgrow(result, Priority.ALWAYS);
    details.setId("batch-check-details");
    details.setFocusTraversable(false);
    details.setVisible(false);
    details.setManaged(false);
    details.setOnAction(e -> popOver.show(details, perParameter()));
    getChildren().addAll(button, result, details);
  }

  /** Follows the feed: its checker (null disables the button, with the reason) and snapshot. */
  void show(TeachingFeed feed, StepSnapshot s) {
    checker = feed.gradientChecker();
    shown = s;
    boolean over = s.status() == Status.FINISHED;
    button.setDisable(checker == null || over || checking);
    if (checker == null) {
      say(NO_RUN, null);
    } else if (over && last == null) {
      say(OVER, null);
    }
  }

  /** Forgets the last result (a new run began). */
  void clear() {
    last = null;
    say("", null);
  }

  private void check() {
    if (checker == null || checking) {
      return;
    }
    checking = true;
    button.setDisable(true);
    say("Checking…", null);
    checker.check(
        c -> {
          checking = false;
          button.setDisable(shown != null && shown.status() == Status.FINISHED);
          last = c;
          say(describe(c) + " Checked " + which(c) + ".", c);
        },
        why -> {
          checking = false;
          button.setDisable(shown != null && shown.status() == Status.FINISHED);
          say("No check: " + why, null);
        });
  }

  private void say(String text, GradientCheck c) {
    result.setText(text);
    result.getStyleClass().removeAll("agrees", "disagrees");
    if (c != null) {
      result.getStyleClass().add(c.agrees() ? "agrees" : "disagrees");
    }
    details.setVisible(c != null);
    details.setManaged(c != null);
  }

  /** The largest relative error and the verdict. */
  static String describe(GradientCheck c) {
    if (!c.isFinite()) {
      return "The loss or a gradient is not finite (NaN or ∞): nothing to compare.";
    }
    String tol = Numbers.error(GradientCheck.TOLERANCE);
    String worst = "∂L/∂" + name(c.worst().name());
    String error = "Largest relative error " + Numbers.error(c.largestError()) + " (" + worst + ")";
    return c.agrees()
        ? error + " < " + tol + ": backward agrees with finite differences."
        : error + " ≥ " + tol + ": backward and finite differences DISAGREE.";
  }

  /** Which minibatch {@code c} checked, against the one shown. */
  private String which(GradientCheck c) {
    StepSnapshot s = shown;
    if (s == null) {
      return "a minibatch of " + Numbers.count(c.batch().size()) + " rows";
    }
    if (BatchState.of(s).ready()) {
      return "the first minibatch (step 1), which the first FORWARD will read";
    }
    boolean same = sameRows(c, s);
    if (same && s.status() == Status.DIVERGED) {
      return "this minibatch (step " + s.step() + "), at the diverged parameters";
    }
    if (BatchState.between(s)) {
      return "the next minibatch (step "
          + (s.step() + 1)
          + ": rows "
          + rows(c)
          + "), which the next FORWARD reads, at the current w and b";
    }
    if (same) {
      return "this minibatch (step " + s.step() + ")";
    }
    return "the minibatch of rows " + rows(c) + " (the run moved on while the check waited)";
  }

  private static boolean sameRows(GradientCheck c, StepSnapshot s) {
    int[] rows = c.batch().rows();
    if (rows.length != s.batchSize()) {
      return false;
    }
    return Arrays.equals(rows, 0, s.rows().length, s.rows(), 0, s.rows().length);
  }

  private static String rows(GradientCheck c) {
    int[] rows = c.batch().rows();
    List<String> first = new ArrayList<>();
    for (int i = 0; i < Math.min(3, rows.length); i++) {
      first.add(Integer.toString(rows[i]));
    }
    return String.join(", ", first) + (rows.length > 3 ? ", …" : "");
  }

  private Explanation perParameter() {
    GradientCheck c = last;
    if (c == null) {
      return Explanation.of("Gradient check", "No check yet.");
    }
    List<String> lines = new ArrayList<>();
    for (GradientCheck.Entry e : c.entries()) {
      lines.add(
          "∂L/∂"
              + name(e.name())
              + ": backward "
              + Numbers.format(e.autograd())
              + ", numeric "
              + Numbers.format(e.numeric())
              + ", relative error "
              + Numbers.error(e.relativeError()));
    }
    lines.add(
        "relative error = |a − n| / max(|a| + |n|, 1e−8); agree below "
            + Numbers.error(GradientCheck.TOLERANCE));
    return new Explanation("Backward (a) against central differences (n)", lines);
  }

  /** w1 → w₁, b → b. */
  private static String name(String entry) {
    return entry.startsWith("w") ? "w" + Numbers.sub(Long.parseLong(entry.substring(1))) : entry;
  }

  Label result() {
    return result;
  }
}
