package descent.app.export;

import javafx.scene.Node;

/**
 * Something that can be exported as a picture: a view or the whole window.
 *
 * @param name what the status line and the menus call it, e.g. "loss chart"
 * @param fileStem the suggested file name without extension, e.g. "descent-loss-chart"
 * @param node what is rendered
 */
public record ExportTarget(String name, String fileStem, Node node) {
  /** A target named {@code name}, with a file name made from it. */
  public static ExportTarget of(String name, Node node) {
    String stem =
        "descent-"
            + name.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
    return new ExportTarget(name, stem, node);
  }
}
