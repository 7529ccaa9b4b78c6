package descent.app.export;

import java.io.File;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks where to save a file; null when the user cancels. */
@FunctionalInterface
public interface SaveChooser {
  /**
   * @param owner the window the dialog belongs to (may be null)
   * @param title the dialog's title
   * @param folder the folder to start in, or null
   * @param fileName the suggested name
   * @param kind what the file is, e.g. "PNG image"
   * @param extension the extension without its dot, e.g. "png"
   */
  Path choose(
      Window owner, String title, Path folder, String fileName, String kind, String extension);

  /** JavaFX's save dialog. */
  static SaveChooser dialog() {
    return (owner, title, folder, fileName, kind, extension) -> {
      FileChooser chooser = new FileChooser();
      chooser.setTitle(title);
      if (folder != null && folder.toFile().isDirectory()) {
        chooser.setInitialDirectory(folder.toFile());
      }
      chooser.setInitialFileName(fileName);
      chooser
          .getExtensionFilters()
          .add(new FileChooser.ExtensionFilter(kind + " (*." + extension + ")", "*." + extension));
      File f = chooser.showSaveDialog(owner);
      return f == null ? null : f.toPath();
    };
  }
}
