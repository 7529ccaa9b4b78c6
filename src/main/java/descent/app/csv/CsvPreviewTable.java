package descent.app.csv;

import descent.data.CsvPreview;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The first rows of a CSV file under its header, as text, before anything is loaded. */
final class CsvPreviewTable extends TableView<List<String>> {
  CsvPreviewTable() {
    getStyleClass().add("csv-preview");
    setPlaceholder(new Label("reading…"));
    setPrefHeight(300);
    setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
  }

  void show(CsvPreview preview) {
    getColumns().clear();
    List<String> header = preview.header();
    for (int j = 0; j < header.size(); j++) {
      int column = j;
      TableColumn<List<String>, String> c = new TableColumn<>(header.get(j));
      c.setSortable(false);
      c.setReorderable(false);
      c.setCellValueFactory(
          row ->
              new ReadOnlyStringWrapper(
                  column < row.getValue().size() ? row.getValue().get(column) : ""));
      c.setPrefWidth(Math.max(70, 10 * header.get(j).length() + 24));
      getColumns().add(c);
    }
    getItems().setAll(preview.rows());
    setPlaceholder(new Label("no data rows"));
  }
}
