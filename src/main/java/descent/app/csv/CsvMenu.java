package descent.app.csv;

import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Window;

/** File ▸ Open CSV…: the chooser, then the import dialog. */
public final class CsvMenu {
  /** The File menu's id, shared by every feature that adds to it. */
  public static final String FILE_MENU_ID = "file-menu";

  private final MenuItem openCsv = new MenuItem("Open CSV…");

  public CsvMenu(CsvImport csv, Supplier<Window> owner) {
    openCsv.setId("open-csv");
    openCsv.setOnAction(e -> csv.chooseAndOpen(owner.get()));
  }

  /** This feature's items, in menu order. */
  public List<MenuItem> items() {
    return List.of(openCsv);
  }

  /** Adds the items at the top of {@code bar}'s File menu, creating that menu first if needed. */
  public void addTo(MenuBar bar) {
    fileMenu(bar).getItems().addAll(0, items());
  }

  /** {@code bar}'s File menu ({@link #FILE_MENU_ID}), created as the first menu if missing. */
  public static Menu fileMenu(MenuBar bar) {
    for (Menu m : bar.getMenus()) {
      if (FILE_MENU_ID.equals(m.getId())) {
        return m;
      }
    }
    Menu file = new Menu("File");
    file.setId(FILE_MENU_ID);
    bar.getMenus().add(0, file);
    return file;
  }
}
