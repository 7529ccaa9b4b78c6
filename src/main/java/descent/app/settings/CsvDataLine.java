package descent.app.settings;

import descent.run.DataSource;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/**
 * While the rows come from a CSV file, this line stands in the Data group in place of the synthetic
 * data's settings: it names the file, the target, the features and the training rows, and offers to
 * go back to synthetic data. Hidden otherwise.
 */
final class CsvDataLine extends VBox {
  CsvDataLine(SettingsModel model) {
    setId("csv-data-line");
    getStyleClass().add("csv-data-line");
    setSpacing(4);
    setAlignment(Pos.CENTER_LEFT);
    setMinWidth(0);
    setPrefWidth(0);
    setMaxWidth(Double.MAX_VALUE);
    Label text = new Label();
    text.setId("csv-data-text");
    text.setWrapText(true);
    text.setMinWidth(0);
    text.setMaxWidth(Double.MAX_VALUE);
    text.setGraphic(FontIcon.of(MaterialDesignF.FILE_DELIMITED_OUTLINE));
    Button back = new Button("Use synthetic data");
    back.setId("use-synthetic");
    back.setFocusTraversable(false);
    back.setMinWidth(Region.USE_PREF_SIZE);
    back.setOnAction(e -> model.csvData.set(null));
    getChildren().addAll(text, back);
    Runnable show =
        () -> {
          DataSource.CsvFile csv = model.csvData.get();
          setVisible(csv != null);
          setManaged(csv != null);
          text.setText(csv == null ? "" : describe(csv));
        };
    show.run();
    model.csvData.addListener((obs, o, n) -> show.run());
  }

  /** {@code linear.csv: target "y", features a, b; the first 80 rows train, the rest validate}. */
  static String describe(DataSource.CsvFile csv) {
    List<String> features = csv.features();
    return csv.file().getFileName()
        + ": target "
        + (csv.target() == null ? "the last column" : "\"" + csv.target() + "\"")
        + (features.isEmpty()
            ? ", every other column a feature"
            : ", "
                + (features.size() == 1 ? "feature " : "features ")
                + String.join(", ", features))
        + "; "
        + (csv.numTrain() == null
            ? "the first 80 % of the rows train"
            : "the first " + csv.numTrain() + (csv.numTrain() == 1 ? " row trains" : " rows train"))
        + ", the rest validate";
  }
}
