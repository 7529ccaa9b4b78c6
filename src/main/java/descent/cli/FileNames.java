package descent.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Why a file named on the command line cannot be opened when the cause is its name's encoding, not
 * its absence. Java reads the command line in the system's file-name encoding ({@code
 * sun.jnu.encoding}, UTF-8 under a UTF-8 locale) and replaces bytes that are not valid in it by
 * U+FFFD. A file whose name has such bytes (say Latin-1 {@code é}, byte 0xE9) then cannot be opened
 * by the name Java was given: it looks for a file with U+FFFD in its name instead and finds none.
 * "No such file" would send the user looking for a typo; this says what is wrong.
 */
final class FileNames {
  /** What Java puts in place of bytes it cannot decode. */
  static final char REPLACEMENT = '\uFFFD';

  private FileNames() {}

  /**
   * Why {@code given} (which Java made {@code path}) cannot be opened, when its name's encoding is
   * to blame; null when the file exists or the name holds no replaced bytes.
   */
  static String encodingProblem(String given, Path path) {
    if (given.indexOf(REPLACEMENT) < 0 || Files.exists(path)) {
      return null;
    }
    String encoding = System.getProperty("sun.jnu.encoding", "the file-name encoding");
    String bytes =
        "bytes that are not valid "
            + encoding
            + " (this system's file-name encoding; Java shows them as "
            + REPLACEMENT
            + ")";
    if (hasLookAlike(path)) {
      return "the file exists, but its name has "
          + bytes
          + ", so Java cannot open it by name; rename the file, e.g. to plain letters and digits";
    }
    return "no such file; note that the name as given has " + bytes;
  }

  /**
   * Whether {@code path}'s directory holds a file that Java lists under the same name: a name with
   * bytes it decodes to U+FFFD, which it can open through the listing but not by the name.
   */
  private static boolean hasLookAlike(Path path) {
    Path name = path.getFileName();
    Path parent = path.toAbsolutePath().getParent();
    if (name == null || parent == null) {
      return false;
    }
    String wanted = name.toString();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
      for (Path entry : entries) {
        if (entry.getFileName().toString().equals(wanted) && Files.exists(entry)) {
          return true;
        }
      }
    } catch (IOException | UncheckedIOException | SecurityException e) {
      return false; // cannot look: say only what is known
    }
    return false;
  }
}
