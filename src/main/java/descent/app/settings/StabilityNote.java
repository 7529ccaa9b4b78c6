package descent.app.settings;

import descent.train.StabilityBound;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The stable learning-rate bound for the current data and batch size, shown beside the learning
 * rate: "stable below 1.8 for these data and batch 32" with a check mark, or, once η reaches the
 * bound, "too large: …" in red with a warning sign, so the cue needs no colour vision. Its height
 * is fixed at two lines, so a change of text never moves the controls below it.
 */
public final class StabilityNote extends Label {
  /** What the note says about the current learning rate. */
  public enum Verdict {
    STABLE,
    UNSTABLE,
    UNKNOWN
  }

  private final ObservableValue<StabilityBound> bound;
  private final NumberSetting learningRate;
  private Verdict verdict = Verdict.UNKNOWN;

  public StabilityNote(ObservableValue<StabilityBound> bound, NumberSetting learningRate) {
    this.bound = bound;
    this.learningRate = learningRate;
    setId("stability-note");
    getStyleClass().add("stability-note");
    setWrapText(true);
    // as wide as the rows above it, never wider: a longer text wraps into the second line
    setMinWidth(0);
    setPrefWidth(0);
    setMaxWidth(Double.MAX_VALUE);
    setTooltip(
        new Tooltip(
            "Above this learning rate, SGD on these data and this batch size grows the error"
                + " instead of shrinking it, and the loss explodes."));
    bound.addListener((obs, o, n) -> update());
    learningRate.valueProperty().addListener((obs, o, n) -> update());
    update();
  }

  public Verdict verdict() {
    return verdict;
  }

  private void update() {
    StabilityBound b = bound.getValue();
    double lr = learningRate.value();
    getStyleClass().removeAll("stable", "unstable", "unknown");
    if (b == null || !b.known()) {
      verdict = Verdict.UNKNOWN;
      setText(b == null ? "" : b.describe());
      setGraphic(b == null ? null : FontIcon.of(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
      getStyleClass().add("unknown");
    } else if (b.isStable(lr)) {
      verdict = Verdict.STABLE;
      setText(b.describe());
      setGraphic(FontIcon.of(MaterialDesignC.CHECK_CIRCLE_OUTLINE));
      getStyleClass().add("stable");
    } else {
      verdict = Verdict.UNSTABLE;
      setText("too large: " + b.describe() + "; try " + Setting.show(b.suggestedRate()));
      setGraphic(FontIcon.of(MaterialDesignA.ALERT));
      getStyleClass().add("unstable");
    }
  }
}
