package descent.app;

import descent.app.prefs.Preferences;
import descent.app.prefs.PreferencesStore;
import descent.app.runfile.LastRun;
import descent.run.RunConfig;
import descent.run.RunFile;
import descent.run.RunFileException;
import java.io.IOException;

/**
 * Writes the preferences and the last run's text once, into nothing, on a daemon thread soon after
 * launch. The window saves both when it closes, on the FX thread; the first use of the JSON
 * library's writers loads and links a few hundred classes, which made a close take half a second
 * longer. Warm, the two saves take a few milliseconds (ADR 0037).
 */
final class SaveWarmUp {
  private SaveWarmUp() {}

  /**
   * Starts the warm-up for {@code store}'s files. It writes the chapter's synthetic run, not the
   * current one, which may name a large CSV whose hash a run file holds.
   */
  static void start(PreferencesStore store) {
    Thread t =
        new Thread(
            () -> {
              try {
                PreferencesStore.json(Preferences.defaults());
                RunFile.json(store.file().resolveSibling(LastRun.FILE_NAME), RunConfig.chapter(42));
              } catch (IOException | RunFileException | RuntimeException e) {
                // only a warm-up: the real save reports its own failure
              }
            },
            "descent-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }
}
