package descent.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.prefs.PreferencesStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The preferences half of the bad-input table (docs/bad-inputs.md): the app starts with the
 * defaults for whatever it cannot use, says so in one line (the status bar's notice), and leaves
 * the file as it was until it saves its own.
 */
class PreferencesBadInputTest {
  @TempDir Path dir;

  static Stream<PrefsCase> cases() {
    return BadInputTable.preferences().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void givesTheDefaultsAndANoticeAndLeavesTheFile(PrefsCase c) throws IOException {
    Path file = dir.resolve(PreferencesStore.FILE_NAME);
    Files.write(file, c.bytes());

    PreferencesStore.Loaded loaded = new PreferencesStore(dir).load();

    assertThat(loaded.notice())
        .isNotNull()
        .doesNotContain("\n")
        .isEqualTo(c.message().replace(PrefsCase.FOLDER, dir.toString()));
    assertThat(loaded.preferences()).isEqualTo(c.expected());
    assertThat(Files.readAllBytes(file)).isEqualTo(c.bytes());
  }
}
