package descent.app;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;

/**
 * Keeps a two-pane split's divider in the middle whenever the split is resized, until the user
 * moves it. A window manager that opens the window at its minimum size and resizes it a moment
 * later (Openbox does) would otherwise leave the first, squeezed split in place: the panes keep
 * their minimum widths at the small size and then share the extra width in proportion, so the
 * teaching views end up a narrow strip on a wide screen. Once the user has pressed the divider, its
 * place is theirs: resizes share the width as JavaFX does by default.
 */
final class CentredDivider {
  private boolean moved;

  private CentredDivider() {}

  /** Installs the behaviour on {@code split}; it acts only while the split holds two panes. */
  static void keepCentredUntilMoved(SplitPane split) {
    CentredDivider divider = new CentredDivider();
    split.addEventFilter(
        MouseEvent.MOUSE_PRESSED,
        e -> {
          if (e.getTarget() instanceof Node n && onDivider(n, split)) {
            divider.moved = true;
          }
        });
    split
        .widthProperty()
        .addListener(
            (obs, was, now) -> {
              if (!divider.moved && split.getItems().size() == 2) {
                split.setDividerPositions(0.5);
                // the split lays out its panes after this change: centre again once it has
                Platform.runLater(
                    () -> {
                      if (!divider.moved && split.getItems().size() == 2) {
                        split.setDividerPositions(0.5);
                      }
                    });
              }
            });
  }

  private static boolean onDivider(Node node, SplitPane split) {
    for (Node n = node; n != null && n != split; n = n.getParent()) {
      if (n.getStyleClass().contains("split-pane-divider")) {
        return true;
      }
    }
    return false;
  }
}
