package descent.app.prefs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreferencesStoreTest {
  @TempDir Path dir;

  private PreferencesStore store() {
    return new PreferencesStore(dir);
  }

  private PreferencesStore.Loaded loadText(String text) throws IOException {
    Files.writeString(dir.resolve(PreferencesStore.FILE_NAME), text);
    return store().load();
  }

  @Test
  void roundTripKeepsEveryValue() throws IOException {
    Preferences p = new Preferences("dark", 1.5, new Preferences.Bounds(10, 20, 1200, 800), true);
    store().save(p);
    PreferencesStore.Loaded loaded = store().load();
    assertThat(loaded.notice()).isNull();
    assertThat(loaded.preferences()).isEqualTo(p);
    // nothing but the file is left in the folder: the temporary file was renamed over it
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("preferences.json");
    }
  }

  @Test
  void aSecondSaveReplacesTheFirst() throws IOException {
    store().save(Preferences.defaults().withTheme("dark"));
    store().save(Preferences.defaults().withFontScale(1.25));
    Preferences p = store().load().preferences();
    assertThat(p.theme()).isEqualTo("light");
    assertThat(p.fontScale()).isEqualTo(1.25);
  }

  @Test
  void noFileGivesTheDefaultsSilently() {
    PreferencesStore.Loaded loaded = store().load();
    assertThat(loaded.preferences()).isEqualTo(Preferences.defaults());
    assertThat(loaded.notice()).isNull();
  }

  @Test
  void corruptEmptyOrGarbageFilesGiveTheDefaultsWithANotice() throws IOException {
    for (String text :
        new String[] {
          "{\"theme\": \"dark\", ", "", "   \n", "\u0000\u00ff garbage", "[1, 2]", "42"
        }) {
      PreferencesStore.Loaded loaded = loadText(text);
      assertThat(loaded.preferences()).as(text).isEqualTo(Preferences.defaults());
      assertThat(loaded.notice())
          .as(text)
          .startsWith("Preferences file " + dir.resolve("preferences.json"))
          .endsWith(": using the defaults")
          .doesNotContain("\n");
    }
  }

  @Test
  void unknownKeysAreIgnoredAndBadValuesDroppedOrClampedWithANotice() throws IOException {
    PreferencesStore.Loaded loaded =
        loadText(
            "{\"version\": 7, \"colour\": \"pink\", \"theme\": \"dark\", \"fontScale\": 50,"
                + " \"window\": {\"x\": 0, \"y\": 0, \"width\": -3, \"height\": 700},"
                + " \"maximized\": \"yes\", \"lastRun\": 12}");
    Preferences p = loaded.preferences();
    assertThat(loaded.notice())
        .isEqualTo(
            "Preferences file "
                + dir.resolve("preferences.json")
                + ": font scale 50 is not between 0.8 and 2: using 2 (and 2 more)");
    assertThat(p.theme()).isEqualTo("dark");
    assertThat(p.fontScale()).isEqualTo(Preferences.MAX_SCALE);
    assertThat(p.window()).isNull();
    assertThat(p.maximized()).isFalse();

    p = loadText("{\"theme\": \"neon\", \"fontScale\": 0.1}").preferences();
    assertThat(p.theme()).isEqualTo("light");
    assertThat(p.fontScale()).isEqualTo(Preferences.MIN_SCALE);
    p = loadText("{\"fontScale\": \"big\"}").preferences();
    assertThat(p.fontScale()).isEqualTo(1);
  }

  @Test
  void anUnreadableFileGivesTheDefaultsWithANotice() throws IOException {
    Files.createDirectory(dir.resolve(PreferencesStore.FILE_NAME)); // a folder where the file goes
    PreferencesStore.Loaded loaded = store().load();
    assertThat(loaded.preferences()).isEqualTo(Preferences.defaults());
    assertThat(loaded.notice()).contains("cannot be read");
  }

  @Test
  void anUnwritableFolderFailsTheSaveAndLeavesTheOldFile() throws IOException {
    // a file where the config folder should be: no user, root included, can write into it
    Path blocked = dir.resolve("blocked");
    Files.writeString(blocked, "not a folder");
    assertThatThrownBy(
            () -> new PreferencesStore(blocked.resolve("descent")).save(Preferences.defaults()))
        .isInstanceOf(IOException.class);
    assertThat(Files.readString(blocked)).isEqualTo("not a folder");
  }

  @Test
  void theConfigFolderCanBeMovedBySystemProperty() {
    String was = System.getProperty(PreferencesStore.DIR_PROPERTY);
    try {
      System.setProperty(PreferencesStore.DIR_PROPERTY, dir.toString());
      assertThat(PreferencesStore.forUser().file()).isEqualTo(dir.resolve("preferences.json"));
    } finally {
      if (was == null) {
        System.clearProperty(PreferencesStore.DIR_PROPERTY);
      } else {
        System.setProperty(PreferencesStore.DIR_PROPERTY, was);
      }
    }
  }
}
