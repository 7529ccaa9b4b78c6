package descent.app.teach;

import descent.app.teach.batch.MinibatchView;
import descent.app.teach.code.CodeView;
import descent.app.teach.data.DataView;
import descent.app.teach.graph.GraphView;
import descent.app.teach.landscape.LandscapeView;
import java.util.List;
import javafx.scene.input.KeyCode;

/** The teaching views, in tab order, with their keys: the one list the window and snapshot use. */
public final class Views {
  private Views() {}

  /** Every teaching view, in tab order. */
  public static List<ViewSpec> all() {
    return List.of(
        new ViewSpec("Data", KeyCode.DIGIT1, DataView::new),
        new ViewSpec("Minibatch", KeyCode.DIGIT2, MinibatchView::new),
        new ViewSpec("Graph", KeyCode.DIGIT3, GraphView::new),
        new ViewSpec("Landscape", KeyCode.DIGIT4, LandscapeView::new),
        new ViewSpec("Code", KeyCode.DIGIT5, CodeView::new));
  }
}
