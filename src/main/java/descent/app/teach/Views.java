package descent.app.teach;

import java.util.List;

/** The teaching views, in tab order, with their keys: the one list the window and snapshot use. */
public final class Views {
  private Views() {}

  /** Every teaching view, in tab order. */
  public static List<ViewSpec> all() {
    return List.of();
  }
}
