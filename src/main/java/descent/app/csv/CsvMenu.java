package descent.app.csv;

import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.MenuItem;
import javafx.stage.Window;

/** File ▸ Open CSV…: the chooser, then the import dialog. */
public final class CsvMenu {
  private final MenuItem openCsv = new MenuItem("Open CSV…");

  public CsvMenu(CsvImport csv, Supplier<Window> owner) {
    openCsv.setId("open-csv");
    openCsv.setOnAction(e -> csv.chooseAndOpen(owner.get()));
  }

  /** This feature's items, in menu order. */
  public List<MenuItem> items() {
    return List.of(openCsv);
  }
}
