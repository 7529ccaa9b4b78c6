package descent.app.runfile;

import descent.app.session.TrainingSession;
import descent.run.RunConfig;
import descent.run.RunFile;
import descent.run.RunFileException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The last session's settings, kept between launches as a run file ({@value #FILE_NAME}) beside the
 * preferences: the app saves its settings when its window closes and restores them at the next
 * launch, seed included, so the same run comes back. A file that cannot be used (corrupt, from
 * another version, a CSV that changed or moved) is refused with one line in the status bar, and the
 * app starts with the chapter's defaults.
 */
public final class LastRun {
  public static final String FILE_NAME = "last-run.json";

  private LastRun() {}

  /**
   * What {@link #read} found: the saved settings, or why they cannot be used. Neither when there is
   * no file.
   */
  public record Stored(Path file, RunConfig config, RunFileException refused) {
    /** No file: nothing to restore and nothing to say. */
    boolean isNone() {
      return config == null && refused == null;
    }
  }

  /**
   * Reads the settings saved in {@code file}, with the run files' rules. Touches no JavaFX, so the
   * app reads it on a thread of its own while JavaFX starts ({@code descent.app.LaunchFiles}).
   */
  public static Stored read(Path file) {
    if (!Files.isRegularFile(file)) {
      return new Stored(file, null, null);
    }
    try {
      return new Stored(file, RunFile.read(file), null);
    } catch (RunFileException e) {
      return new Stored(file, null, e);
    }
  }

  /** Shows the settings saved in {@code file}, if there is one; call on the FX thread. */
  public static void restore(Path file, TrainingSession session) {
    restore(read(file), session);
  }

  /**
   * Shows the settings {@link #read} found, if it found a file: the run file's own rules were
   * checked there, the app's ranges are checked here. Call on the FX thread.
   */
  public static void restore(Stored stored, TrainingSession session) {
    if (stored.isNone()) {
      return;
    }
    if (stored.refused() != null) {
      session.say(notRestored(stored.refused().getMessage()));
      return;
    }
    RunConfig config;
    try {
      config = RunFileMenu.forApp(stored.file(), stored.config(), session);
    } catch (RunFileException e) {
      session.say(notRestored(e.getMessage()));
      return;
    }
    session.load(config, "Restored the last session's settings");
  }

  /** Saves the current settings to {@code file}, atomically; call on the FX thread. */
  public static void save(Path file, TrainingSession session) {
    try {
      RunFile.write(file, session.settings().config());
    } catch (RunFileException e) {
      // the window is closing: nobody reads the status bar any more
      System.err.println("descent: the settings were not kept for next time: " + e.getMessage());
    }
  }

  private static String notRestored(String why) {
    return "The last session's settings were not restored (" + why + "): these are the defaults";
  }
}
