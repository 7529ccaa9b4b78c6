package descent.run;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file whole or not at all: the bytes go to a temporary file in the same folder, which is
 * then renamed over the target (atomically where the file system can, else replacing it). A failed
 * write leaves no partial file, and an older file of the same name as it was.
 */
public final class AtomicFile {
  /** A step that may fail, run between writing the temporary file and renaming it (tests). */
  interface Step {
    void run(Path temp) throws IOException;
  }

  /** What goes into the file, written to a stream. */
  public interface Body {
    void writeTo(java.io.OutputStream out) throws IOException;
  }

  private AtomicFile() {}

  /**
   * Writes {@code bytes} to {@code target}.
   *
   * @throws IOException if the folder cannot be written, the disk is full, …; nothing changed
   */
  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes), temp -> {});
  }

  /** Writes what {@code body} writes to {@code target}, whole or not at all. */
  public static void write(Path target, Body body) throws IOException {
    write(target, body, temp -> {});
  }

  static void write(Path target, byte[] bytes, Step beforeRename) throws IOException {
    write(target, out -> out.write(bytes), beforeRename);
  }

  static void write(Path target, Body body, Step beforeRename) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Path temp =
        dir.resolve(
            "."
                + absolute.getFileName()
                + "."
                + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong())
                + ".tmp");
    try {
      // created like any new file (not 0600 as createTempFile would), so the file a teacher hands
      // out gets the usual permissions once renamed
      try (java.io.OutputStream out =
          Files.newOutputStream(
              temp,
              java.nio.file.StandardOpenOption.CREATE_NEW,
              java.nio.file.StandardOpenOption.WRITE)) {
        body.writeTo(out);
      }
      beforeRename.run(temp);
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp); // gone already after a rename
    }
  }

  /** Why {@code e} happened, in a few words: "permission denied", "no such folder", … */
  public static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
