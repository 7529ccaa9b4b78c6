package descent.app.teach.graph;

import descent.train.GraphSnapshot.Node;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * One node of the graph as a box: its title (op or name), its role (ŷ, loss), its shape, its values
 * and, once backward reached it, its gradient. A leaf that requires grad (a parameter) has a badge
 * and its own border. The title comes first in every box, so that edges attach at the same height
 * in all of them. The box is reused from frame to frame; {@link #show} rewrites it.
 */
final class NodeBox extends VBox {
  private static final List<String> KINDS =
      List.of("graph-op", "graph-leaf", "graph-param", "graph-constant", "graph-root");

  /** The mark of a parameter, on two lines to keep its box narrow. */
  static final String BADGE = "requires\ngrad";

  private final Label badge = label("graph-badge");
  private final Label title = label("graph-title");
  private final Label role = label("graph-role");
  private final Label kind = label("graph-kind");
  private final Label shape = label("graph-shape");
  private final Label values = label("graph-values");
  private final Label note = label("graph-note");
  private final Label gradHead = label("graph-grad-head");
  private final Label grad = label("graph-grad");

  NodeBox() {
    getStyleClass().add("graph-node");
    gradHead.setText("grad");
    getChildren().addAll(title, role, badge, kind, shape, values, note, gradHead, grad);
  }

  private static Label label(String style) {
    Label l = new Label();
    l.getStyleClass().add(style);
    l.setMinWidth(USE_PREF_SIZE);
    l.setMinHeight(USE_PREF_SIZE);
    return l;
  }

  /**
   * Shows {@code n}.
   *
   * @param roleText "ŷ", "loss" or null
   * @param root whether it is the node the graph ends in
   * @param updated whether it is a parameter the last UPDATE changed after the graph was built
   */
  void show(Node n, String roleText, boolean root, boolean updated) {
    String kindStyle =
        !n.isLeaf()
            ? "graph-op"
            : n.isParameter() ? "graph-param" : n.name() == null ? "graph-constant" : "graph-leaf";
    // the box is shown anew every frame while a run plays: its style classes change (and the box
    // is styled again by CSS) only when its kind does
    for (String k : KINDS) {
      boolean wanted = k.equals(kindStyle) || (root && k.equals("graph-root"));
      if (!wanted) {
        getStyleClass().remove(k);
      } else if (!getStyleClass().contains(k)) {
        getStyleClass().add(k);
      }
    }
    set(badge, n.isParameter() ? BADGE : null);
    set(title, GraphText.title(n));
    set(role, roleText == null ? null : "= " + roleText);
    set(kind, GraphText.kind(n));
    set(shape, GraphText.shape(n.shape()));
    // a constant's title is its value already
    set(values, GraphText.kind(n) != null ? null : String.join("\n", GraphText.values(n)));
    set(note, updated ? "after update" : null);
    List<String> g = GraphText.grad(n);
    set(gradHead, g.isEmpty() ? null : "grad");
    set(grad, g.isEmpty() ? null : String.join("\n", g));
  }

  private static void set(Label l, String text) {
    boolean on = text != null && !text.isEmpty();
    l.setText(on ? text : "");
    l.setVisible(on);
    l.setManaged(on);
  }

  /** How far below the box's top its edges attach: the middle of its title. */
  double portTop() {
    return snappedTopInset() + title.prefHeight(-1) / 2;
  }

  /** The size of the title's font, the unit of the drawing's gaps. */
  double em() {
    return title.getFont().getSize();
  }

  String titleText() {
    return title.getText();
  }
}
