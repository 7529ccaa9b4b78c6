package descent.app.runfile;

import descent.app.session.TrainingSession;
import descent.run.RunConfig;
import descent.run.RunFile;
import descent.run.RunFileException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The File menu's "Open run…" and "Save run…" (ADR 0023). Opening restores every setting of a run
 * file through {@link TrainingSession#load} and says so in the status line; a refused file shows
 * its one-line reason there and changes nothing. Saving writes the current settings. The items are
 * handed out by {@link #items()}, so that they can share one File menu with the other File items.
 */
public final class RunFileMenu {
  /** Asks for a file: to open, or to save under ({@code save}); null when the user cancels. */
  public interface Chooser {
    Path choose(boolean save, Path folder);
  }

  private final TrainingSession session;
  private Chooser chooser;
  private final MenuItem open = new MenuItem("Open run…");
  private final MenuItem save = new MenuItem("Save run…");
  private Path folder;

  /** Items that ask with the system's file chooser over {@code owner}'s window. */
  public RunFileMenu(TrainingSession session, Supplier<Window> owner) {
    this(session, (saving, folder) -> choose(owner.get(), saving, folder));
  }

  public RunFileMenu(TrainingSession session, Chooser chooser) {
    this.session = session;
    this.chooser = chooser;
    open.setId("open-run-item");
    save.setId("save-run-item");
    open.setOnAction(e -> ask(false));
    save.setOnAction(e -> ask(true));
  }

  /** Asks with {@code chooser} from now on (tests answer without the system's dialog). */
  public void useChooser(Chooser chooser) {
    this.chooser = chooser;
  }

  /** "Open run…" and "Save run…", for the File menu. */
  public List<MenuItem> items() {
    return List.of(open, save);
  }

  private void ask(boolean saving) {
    Path file = chooser.choose(saving, folder);
    if (file == null) {
      return;
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      folder = parent;
    }
    if (saving) {
      save(file);
    } else {
      open(file);
    }
  }

  /**
   * Shows {@code file}'s settings and starts a fresh run from them; a refused file changes nothing
   * and the status line says why. Call on the FX thread.
   *
   * @return whether the file was opened
   */
  public boolean open(Path file) {
    RunConfig config;
    try {
      config = readForApp(file, session);
    } catch (RunFileException e) {
      session.say("Not opened: " + e.getMessage());
      return false;
    }
    session.load(config, "Opened run file " + file.getFileName());
    return true;
  }

  /**
   * Reads {@code file} with the run files' rules, then refuses values the app's settings cannot
   * show (rather than clamp them into a different run).
   */
  static RunConfig readForApp(Path file, TrainingSession session) throws RunFileException {
    return forApp(file, RunFile.read(file), session);
  }

  /** {@code config}, read from {@code file}, unless the app's settings cannot show its values. */
  static RunConfig forApp(Path file, RunConfig config, TrainingSession session)
      throws RunFileException {
    String outside = AppRanges.refusal(session.settings(), config);
    if (outside != null) {
      throw new RunFileException(
          file
              + ": "
              + outside
              + " (the command line takes it: descent train --run "
              + file.getFileName()
              + ")");
    }
    return config;
  }

  /**
   * Writes the current settings to {@code file}; the status line says where, or why not. Call on
   * the FX thread.
   *
   * @return whether the file was written
   */
  public boolean save(Path file) {
    try {
      RunFile.write(file, session.settings().config());
    } catch (RunFileException e) {
      session.say("Not saved: " + e.getMessage());
      return false;
    }
    session.say("Saved run file " + file + ": Open run… or descent train --run repeats this run");
    return true;
  }

  private static Path choose(Window owner, boolean saving, Path folder) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(saving ? "Save run" : "Open run");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Run files", "*.json"));
    if (folder != null && Files.isDirectory(folder)) {
      chooser.setInitialDirectory(folder.toFile());
    }
    if (saving) {
      chooser.setInitialFileName("run.json");
    }
    File file = saving ? chooser.showSaveDialog(owner) : chooser.showOpenDialog(owner);
    return file == null ? null : file.toPath();
  }
}
