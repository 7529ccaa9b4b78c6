package descent.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The file {@code snapshot --out} names, checked before any training: a file name (not a
 * directory), in a directory that exists and can be written, and not a read-only file.
 */
final class OutFile {
  private OutFile() {}

  /** {@code out} as a path, or one line naming --out and what is wrong. */
  static Path check(String out) {
    if (out == null || out.isBlank()) {
      throw new TrainCommand.BadInput("--out: needs a file name for the PNG, e.g. --out view.png");
    }
    Path path;
    try {
      path = Path.of(out);
    } catch (InvalidPathException e) {
      throw new TrainCommand.BadInput(
          "--out: cannot use " + Values.quote(out) + " as a file name: " + e.getReason());
    }
    Path target = path.toAbsolutePath().normalize();
    Path dir = target.getParent();
    if (dir == null || Files.isDirectory(target)) {
      throw new TrainCommand.BadInput(
          "--out: " + Names.file(out) + " is a directory; name a file in it, e.g. view.png");
    }
    if (!Files.exists(dir)) {
      throw new TrainCommand.BadInput(
          "--out: the directory " + Names.file(dir) + " does not exist; create it first");
    }
    if (!Files.isDirectory(dir)) {
      throw new TrainCommand.BadInput(
          "--out: "
              + Names.file(dir)
              + " is not a directory, so it cannot hold "
              + Names.file(out));
    }
    if (!Files.isWritable(dir)) {
      throw new TrainCommand.BadInput(
          "--out: cannot write in the directory " + Names.file(dir) + " (no permission)");
    }
    if (Files.exists(target) && !Files.isWritable(target)) {
      throw new TrainCommand.BadInput("--out: " + Names.file(out) + " is read-only");
    }
    return path;
  }
}
