package descent.app;

import descent.app.prefs.PreferencesStore;
import descent.app.runfile.LastRun;
import java.util.concurrent.CompletableFuture;

/**
 * The files the app reads at launch: the preferences and the last session's settings. Reading them
 * loads the JSON library, which takes a noticeable part of a cold start; {@link #readAhead} does it
 * on a thread of its own while JavaFX starts its toolkit, so the window's first frame does not wait
 * for it (docs/performance.md).
 *
 * @param preferences the preferences, or the defaults and a notice
 * @param lastRun the last session's settings, or why they cannot be used, or nothing
 */
record LaunchFiles(PreferencesStore.Loaded preferences, LastRun.Stored lastRun) {

  /** Reads both files of {@code store}'s folder, on the calling thread. */
  static LaunchFiles read(PreferencesStore store) {
    return new LaunchFiles(
        store.load(), LastRun.read(store.file().resolveSibling(LastRun.FILE_NAME)));
  }

  /**
   * Starts reading both files of {@code store}'s folder on a daemon thread and returns at once.
   * Reading never fails (a bad file gives the defaults and a notice), so the future always
   * completes normally.
   */
  static CompletableFuture<LaunchFiles> readAhead(PreferencesStore store) {
    CompletableFuture<LaunchFiles> files = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                files.complete(read(store));
              } catch (RuntimeException | Error e) {
                files.completeExceptionally(e);
              }
            },
            "descent-launch-files");
    reader.setDaemon(true);
    reader.start();
    return files;
  }
}
