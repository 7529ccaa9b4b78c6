package descent.app.runfile;

import java.io.File;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/**
 * A run file dropped onto the window opens as "Open run…" would. It takes only files whose name
 * ends in {@code .json}; other drops (a {@code .csv}) are left to their own handlers.
 */
public final class RunFileDrop {
  private RunFileDrop() {}

  /** Makes {@code target} accept dropped run files and open them with {@code menu}. */
  public static void install(Node target, RunFileMenu menu) {
    target.addEventHandler(
        DragEvent.DRAG_OVER,
        e -> {
          if (runFile(e).isPresent()) {
            e.acceptTransferModes(TransferMode.COPY);
            e.consume();
          }
        });
    target.addEventHandler(
        DragEvent.DRAG_DROPPED,
        e -> {
          Optional<File> file = runFile(e);
          if (file.isPresent()) {
            e.setDropCompleted(menu.open(file.get().toPath()));
            e.consume();
          }
        });
  }

  private static Optional<File> runFile(DragEvent e) {
    if (!e.getDragboard().hasFiles()) {
      return Optional.empty();
    }
    return e.getDragboard().getFiles().stream()
        .filter(f -> f.getName().toLowerCase(Locale.ROOT).endsWith(".json"))
        .findFirst();
  }
}
