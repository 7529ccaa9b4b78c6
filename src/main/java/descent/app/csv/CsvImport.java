package descent.app.csv;

import descent.app.session.TrainingSession;
import descent.app.settings.SettingsModel;
import descent.run.RunConfig;
import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * Opening a CSV file in the app: a file chooser (or a dropped file), then the {@link
 * CsvImportDialog}; on OK one fresh run on the file's rows with the choices made, through {@link
 * TrainingSession#load}. Cancel, or a file the dialog refuses, changes nothing: the session is
 * touched only on OK.
 */
public final class CsvImport {
  private final TrainingSession session;
  private final Executor reader;
  private final ReadOnlyObjectWrapper<CsvImportDialog> dialog = new ReadOnlyObjectWrapper<>();
  private Function<Window, File> chooser = CsvImport::choose;
  private static File lastFolder;

  public CsvImport(TrainingSession session) {
    this.session = session;
    this.reader =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "csv-reader");
              t.setDaemon(true);
              return t;
            });
  }

  /** Replaces the file chooser, e.g. by one that returns a given file (tests). */
  public void setChooser(Function<Window, File> chooser) {
    this.chooser = chooser;
  }

  /** Asks for a file with the chooser and opens it; nothing happens if none is chosen. */
  public void chooseAndOpen(Window owner) {
    File file = chooser.apply(owner);
    if (file != null) {
      open(file.toPath(), owner);
    }
  }

  /** Shows the import dialog for {@code file}; it reads the file off the FX thread. */
  public CsvImportDialog open(Path file, Window owner) {
    CsvImportDialog d = new CsvImportDialog(file, reader, session.settings().standardize.get());
    if (owner != null) {
      d.initOwner(owner);
      d.initModality(Modality.WINDOW_MODAL);
    }
    d.setOnHidden(
        e -> {
          CsvChoice choice = d.getResult();
          if (dialog.get() == d) {
            dialog.set(null);
          }
          if (choice != null) {
            use(choice);
          }
        });
    dialog.set(d);
    d.show();
    return d;
  }

  /** The dialog showing now, or null. */
  public ReadOnlyObjectProperty<CsvImportDialog> dialogProperty() {
    return dialog.getReadOnlyProperty();
  }

  /**
   * Starts one fresh run on the chosen rows, with the other settings as they are; the batch size is
   * lowered to the training rows if it is larger.
   */
  void use(CsvChoice choice) {
    SettingsModel settings = session.settings();
    RunConfig config =
        settings
            .config()
            .withData(choice.source())
            .withStandardize(choice.standardize())
            .withBatchSize(Math.min(settings.batchSize.intValue(), choice.numTrain()));
    session.load(config, "Data from " + choice.file().getFileName());
  }

  private static File choose(Window owner) {
    FileChooser fc = new FileChooser();
    fc.setTitle("Open CSV");
    fc.getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter("CSV files", "*.csv", "*.tsv", "*.txt"),
            new FileChooser.ExtensionFilter("All files", "*.*"));
    if (lastFolder != null && lastFolder.isDirectory()) {
      fc.setInitialDirectory(lastFolder);
    }
    File file = fc.showOpenDialog(owner);
    if (file != null) {
      lastFolder = file.getParentFile();
    }
    return file;
  }
}
