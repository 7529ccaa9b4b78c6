package descent.app.teach.landscape;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * "Map over [w₁ ▾] and [w₂ ▾]": the two parameters of the map, w₁ and w₂ by default and b among
 * them; taking the other box's parameter swaps the two. With one feature there is nothing to
 * choose: "Map over w and b".
 */
final class AxisChoice extends HBox {
  private final ComboBox<String> across = new ComboBox<>();
  private final ComboBox<String> up = new ComboBox<>();
  private final Label fixed = new Label("Map over w and b");
  private final Runnable changed;
  private int features = -1;
  private boolean choosing;

  /**
   * @param changed hears every change of the chosen parameters
   */
  AxisChoice(Runnable changed) {
    super(8);
    this.changed = changed;
    getStyleClass().add("landscape-choice");
    setAlignment(Pos.CENTER_LEFT);
    across.setId("landscape-across");
    up.setId("landscape-up");
    across.setTooltip(new Tooltip("The parameter along the map's horizontal axis"));
    up.setTooltip(new Tooltip("The parameter along the map's vertical axis"));
    across.setFocusTraversable(false);
    up.setFocusTraversable(false);
    across
        .getSelectionModel()
        .selectedIndexProperty()
        .addListener((o, was, now) -> chose(across, up, was));
    up.getSelectionModel()
        .selectedIndexProperty()
        .addListener((o, was, now) -> chose(up, across, was));
    fixed.getStyleClass().add("landscape-axes");
    fixed.setId("landscape-fixed-axes");
    getChildren().addAll(new Label("Map over"), across, new Label("and"), up, fixed);
  }

  /** Lists the parameters of a model with {@code d} features, if it has not already. */
  void setFeatures(int d) {
    if (d == features) {
      return;
    }
    features = d;
    List<String> names = new ArrayList<>();
    for (int k = 0; k <= d; k++) {
      names.add(LandscapeFormat.parameter(k, d));
    }
    choosing = true;
    across.getItems().setAll(names);
    up.getItems().setAll(names);
    across.getSelectionModel().select(0);
    up.getSelectionModel().select(1); // w₂, or b with one feature
    choosing = false;
    boolean pick = d > 1;
    for (Node n : getChildren()) {
      boolean shown = pick != (n == fixed);
      n.setVisible(shown);
      n.setManaged(shown);
    }
  }

  /** Chooses parameters {@code i} (across) and {@code j} (up); axis d is b. */
  void set(int i, int j) {
    choosing = true;
    across.getSelectionModel().select(i);
    up.getSelectionModel().select(j);
    choosing = false;
    changed.run();
  }

  /** When one box takes the other's parameter, the other takes the one given up. */
  private void chose(ComboBox<String> box, ComboBox<String> other, Number was) {
    if (choosing) {
      return;
    }
    choosing = true;
    int now = box.getSelectionModel().getSelectedIndex();
    if (now >= 0 && now == other.getSelectionModel().getSelectedIndex() && was.intValue() >= 0) {
      other.getSelectionModel().select(was.intValue());
    }
    choosing = false;
    changed.run();
  }

  /** The parameter across the map. */
  int across() {
    return across.getSelectionModel().getSelectedIndex();
  }

  /** The parameter up the map. */
  int up() {
    return up.getSelectionModel().getSelectedIndex();
  }

  ComboBox<String> acrossBox() {
    return across;
  }

  ComboBox<String> upBox() {
    return up;
  }
}
