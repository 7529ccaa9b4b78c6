package descent.app.teach.batch;

import java.util.Objects;
import java.util.function.Supplier;
import javafx.geometry.Bounds;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PopOver;
import org.controlsfx.control.PopOver.ArrowLocation;

/**
 * The popover that shows how a clicked number was computed (ControlsFX's {@link PopOver}): its
 * formula as a title, then the formula with the values, line by line. One per view, reused; a click
 * elsewhere closes it. It opens above a number in the lower half of the window and below one in the
 * upper half, so it stays on screen.
 */
final class ExplainPopOver {
  private static final String CSS =
      Objects.requireNonNull(ExplainPopOver.class.getResource("/descent/app/descent.css"))
          .toExternalForm();

  private final PopOver popOver = new PopOver();
  private final VBox box = new VBox();
  private Explanation shown;

  ExplainPopOver() {
    box.getStyleClass().add("batch-explain");
    box.getStylesheets().add(CSS);
    box.setId("batch-explain");
    popOver.setContentNode(box);
    popOver.setDetachable(false);
    popOver.setAnimated(false);
    popOver.setAutoHide(true);
    popOver.setHideOnEscape(true);
    popOver.setConsumeAutoHidingEvents(false); // a click on another number opens its own at once
  }

  /** Makes {@code node} open the explanation {@code what} supplies when clicked. */
  void attach(Node node, Supplier<Explanation> what) {
    node.getStyleClass().add("batch-link");
    node.setCursor(Cursor.HAND);
    node.setOnMouseClicked(
        e -> {
          Explanation x = what.get();
          if (x != null) {
            show(node, x);
          }
        });
  }

  /** Shows {@code e} beside {@code owner}, in the font size of {@code owner}'s scene. */
  void show(Node owner, Explanation e) {
    if (owner.getScene() == null || owner.getScene().getWindow() == null) {
      return;
    }
    shown = e;
    box.getChildren().clear();
    Label title = new Label(e.title());
    title.getStyleClass().add("batch-explain-title");
    box.getChildren().add(title);
    for (String line : e.lines()) {
      Label l = new Label(line);
      l.getStyleClass().add("batch-explain-line");
      l.setWrapText(true);
      box.getChildren().add(l);
    }
    double font = fontSize(owner);
    box.setStyle("-fx-font-size: " + font + "px;");
    box.setMaxWidth(font * 36);
    box.setPrefWidth(Region.USE_COMPUTED_SIZE);
    Bounds b = owner.localToScene(owner.getLayoutBounds());
    double w = owner.getScene().getWidth();
    double h = owner.getScene().getHeight();
    boolean below = b.getCenterY() < h / 2;
    double x = b.getCenterX();
    ArrowLocation at;
    if (x < w / 3) {
      at = below ? ArrowLocation.TOP_LEFT : ArrowLocation.BOTTOM_LEFT;
    } else if (x > 2 * w / 3) {
      at = below ? ArrowLocation.TOP_RIGHT : ArrowLocation.BOTTOM_RIGHT;
    } else {
      at = below ? ArrowLocation.TOP_CENTER : ArrowLocation.BOTTOM_CENTER;
    }
    popOver.setArrowLocation(at);
    if (popOver.isShowing()) {
      popOver.hide(javafx.util.Duration.ZERO);
    }
    popOver.show(owner);
  }

  private static double fontSize(Node owner) {
    if (owner instanceof javafx.scene.control.Labeled l) {
      return l.getFont().getSize();
    }
    return javafx.scene.text.Font.getDefault().getSize();
  }

  boolean isShowing() {
    return popOver.isShowing();
  }

  /** What the popover shows now, as a user reads it; null if it shows nothing. */
  String text() {
    if (!popOver.isShowing() || shown == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (Node n : box.getChildren()) {
      out.append(out.length() == 0 ? "" : "\n").append(((Label) n).getText());
    }
    return out.toString();
  }

  void hide() {
    if (popOver.isShowing()) {
      popOver.hide(javafx.util.Duration.ZERO);
    }
  }
}
