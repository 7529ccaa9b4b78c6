package descent.app;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.prefs.Preferences;
import descent.app.prefs.PreferencesStore;
import descent.app.runfile.LastRun;
import descent.run.RunConfig;
import descent.run.RunFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files read at launch, read ahead on a thread of their own while JavaFX starts: what the
 * window gets is what reading them in place gives, good files and bad ones alike.
 */
class LaunchFilesTest {
  @TempDir Path dir;

  private LaunchFiles readAhead() throws Exception {
    return LaunchFiles.readAhead(new PreferencesStore(dir)).get(20, TimeUnit.SECONDS);
  }

  @Test
  void goodFilesGiveThePreferencesAndTheLastRun() throws Exception {
    Preferences saved =
        new Preferences("dark", 1.25, new Preferences.Bounds(10, 20, 1200, 800), false);
    new PreferencesStore(dir).save(saved);
    RunConfig last = RunConfig.chapter(7).withLr(0.3);
    RunFile.write(dir.resolve(LastRun.FILE_NAME), last);

    LaunchFiles files = readAhead();
    assertThat(files.preferences().preferences()).isEqualTo(saved);
    assertThat(files.preferences().notice()).isNull();
    assertThat(files.lastRun().config()).isEqualTo(last);
    assertThat(files.lastRun().refused()).isNull();
  }

  @Test
  void noFilesGiveTheDefaultsAndNothingToRestore() throws Exception {
    LaunchFiles files = readAhead();
    assertThat(files.preferences().preferences()).isEqualTo(Preferences.defaults());
    assertThat(files.preferences().notice()).isNull();
    assertThat(files.lastRun().config()).isNull();
    assertThat(files.lastRun().refused()).isNull();
  }

  @Test
  void badFilesGiveTheDefaultsAndTheSameReasonsAsReadingThemInPlace() throws Exception {
    Files.writeString(dir.resolve(PreferencesStore.FILE_NAME), "{ not json");
    Files.writeString(dir.resolve(LastRun.FILE_NAME), "{\"format\": \"descent-run\"");

    LaunchFiles ahead = readAhead();
    LaunchFiles inPlace = LaunchFiles.read(new PreferencesStore(dir));
    assertThat(ahead.preferences()).isEqualTo(inPlace.preferences());
    assertThat(ahead.preferences().notice()).contains("is not valid JSON");
    assertThat(ahead.lastRun().config()).isNull();
    assertThat(ahead.lastRun().refused())
        .hasMessage(inPlace.lastRun().refused().getMessage())
        .hasMessageContaining(LastRun.FILE_NAME);
  }
}
