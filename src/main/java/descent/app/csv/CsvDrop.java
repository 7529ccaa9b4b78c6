package descent.app.csv;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Pane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/**
 * Dropping a {@code .csv} file anywhere on the window opens it; while one is dragged over the
 * window a "Drop to open" cue covers it. Other files (a run file's {@code .json}, say) are left to
 * whoever accepts them: this neither accepts nor consumes their drag.
 */
public final class CsvDrop {
  private final Label cue = new Label();

  private CsvDrop(Pane root, Consumer<Path> open) {
    cue.setId("csv-drop-cue");
    cue.getStyleClass().add("drop-cue");
    cue.setAlignment(Pos.CENTER);
    cue.setMouseTransparent(true);
    cue.setManaged(false);
    cue.setVisible(false);
    root.getChildren().add(cue);
    Runnable fit = () -> cue.resizeRelocate(0, 0, root.getWidth(), root.getHeight());
    root.widthProperty().addListener((obs, o, n) -> fit.run());
    root.heightProperty().addListener((obs, o, n) -> fit.run());

    root.addEventHandler(
        DragEvent.DRAG_OVER,
        e -> {
          File csv = e.getDragboard() == null ? null : csvOf(e.getDragboard().getFiles());
          if (csv != null) {
            e.acceptTransferModes(TransferMode.COPY);
            if (!cue.isVisible()) {
              cue.setText("Drop to open " + csv.getName());
              cue.setGraphic(FontIcon.of(MaterialDesignF.FILE_DELIMITED_OUTLINE));
              fit.run();
              cue.toFront();
              cue.setVisible(true);
            }
            e.consume();
          }
        });
    root.addEventHandler(DragEvent.DRAG_EXITED, e -> cue.setVisible(false));
    root.addEventHandler(
        DragEvent.DRAG_DROPPED,
        e -> {
          File csv = e.getDragboard() == null ? null : csvOf(e.getDragboard().getFiles());
          if (csv == null) {
            return;
          }
          cue.setVisible(false);
          e.setDropCompleted(true);
          e.consume();
          open.accept(csv.toPath());
        });
  }

  /**
   * Makes all of {@code root} a drop target for CSV files, with the cue as its topmost child.
   *
   * @param open called on the FX thread with the dropped file
   */
  public static CsvDrop install(Pane root, Consumer<Path> open) {
    return new CsvDrop(root, open);
  }

  /** The cue shown while a CSV file is dragged over the window. */
  public Label cue() {
    return cue;
  }

  /** The first {@code .csv} of {@code files} (any case), or null. */
  static File csvOf(List<File> files) {
    if (files == null) {
      return null;
    }
    for (File f : files) {
      if (f.getName().toLowerCase(Locale.ROOT).endsWith(".csv")) {
        return f;
      }
    }
    return null;
  }
}
