package descent.app.teach;

import descent.app.teach.landscape.LandscapeView;
import java.util.List;
import javafx.scene.input.KeyCode;

/** The teaching views, in tab order, with their keys: the one list the window and snapshot use. */
public final class Views {
  private Views() {}

  /** Every teaching view, in tab order. */
  public static List<ViewSpec> all() {
    return List.of(new ViewSpec("Landscape", KeyCode.DIGIT4, LandscapeView::new));
  }
}
