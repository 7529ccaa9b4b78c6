package descent.app.export;

import descent.app.snapshot.PngFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;

/**
 * The export commands: a view or the window to a PNG (1× or a real 2× render), a picture to the
 * clipboard, the loss history and the parameter path to CSV. Each asks for a path with a {@link
 * SaveChooser} that starts in the folder last used (remembered while the app runs), writes the file
 * atomically (a temporary file, then a rename) and says in the status line what it did, or why it
 * could not. Runs on the FX thread; a PNG chosen from the menu is encoded and written on the
 * export's own thread (a 2× window takes over a second), and the status line says "Saving…" till
 * then.
 */
public final class Exporter {
  private final RunHistory history;
  private SaveChooser chooser;
  private final Consumer<String> status;
  private final Supplier<Window> owner;
  private Path lastFolder;
  private WritableImage lastCopied;
  private Executor writer = WRITER;

  /** One daemon thread for every window's PNG files, in the order they were asked for. */
  private static final Executor WRITER =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "descent-png-writer");
            t.setDaemon(true);
            return t;
          });

  public Exporter(
      RunHistory history, SaveChooser chooser, Consumer<String> status, Supplier<Window> owner) {
    this.history = history;
    this.chooser = chooser;
    this.status = status;
    this.owner = owner;
  }

  /**
   * Saves {@code target} as a PNG at {@code scale} (1 or 2) in a file the user picks. The picture
   * is taken first, as the window stands when the user asks: a full-screen window leaves full
   * screen while a file dialog is open on some systems (GTK), and the picture must not show that.
   */
  public void savePng(ExportTarget target, int scale) {
    WritableImage picture = ViewShot.render(target.node(), scale);
    String suffix = scale == 1 ? "" : "@" + scale + "x";
    Path out =
        choose(
            "Save " + target.name() + " as PNG" + (scale == 1 ? "" : " at " + scale + "×"),
            target.fileStem() + suffix + ".png",
            "PNG image",
            "png");
    if (out == null) {
      return;
    }
    String what =
        target.name() + " (" + (int) picture.getWidth() + "×" + (int) picture.getHeight() + " px)";
    status.accept("Saving " + what + " to " + out.toAbsolutePath() + "…");
    Path to = out;
    writer.execute(
        () -> {
          String said =
              attempt(
                  to, () -> PngFile.write(ViewShot.toRgb(picture), to), "Saved " + what + " to ");
          Platform.runLater(() -> status.accept(said));
        });
  }

  /** Encodes and writes menu PNGs with {@code writer} from now on (tests hold them back). */
  public void useWriter(Executor writer) {
    this.writer = writer;
  }

  /** Saves {@code target} to {@code out} as a PNG at {@code scale}; says how it went. */
  public boolean writePng(ExportTarget target, int scale, Path out) {
    return writePng(target, ViewShot.renderRgb(target.node(), scale), out);
  }

  private boolean writePng(ExportTarget target, BufferedImage image, Path out) {
    return write(
        out,
        () -> PngFile.write(image, out),
        "Saved " + target.name() + " (" + image.getWidth() + "×" + image.getHeight() + " px) to ");
  }

  /** Puts {@code target}, rendered at its on-screen size, on the clipboard as a picture. */
  public WritableImage copy(ExportTarget target) {
    WritableImage image = ViewShot.render(target.node(), 1);
    ClipboardContent content = new ClipboardContent();
    content.putImage(image);
    Clipboard.getSystemClipboard().setContent(content);
    lastCopied = image;
    status.accept(
        "Copied "
            + target.name()
            + " ("
            + (int) image.getWidth()
            + "×"
            + (int) image.getHeight()
            + " px) to the clipboard");
    return image;
  }

  /** The picture last handed to the clipboard, or null. */
  public WritableImage lastCopied() {
    return lastCopied;
  }

  /** Asks for a file and saves the loss history there as CSV. */
  public void saveLossHistory() {
    if (!hasRun()) {
      return;
    }
    Path out = choose("Save the loss history as CSV", "descent-loss-history.csv", "CSV", "csv");
    if (out != null) {
      writeCsv(HistoryCsv.lossHistory(history), out, "the loss history");
    }
  }

  /** Asks for a file and saves the parameter path there as CSV. */
  public void saveParameterPath() {
    if (!hasRun()) {
      return;
    }
    Path out = choose("Save the parameter path as CSV", "descent-parameter-path.csv", "CSV", "csv");
    if (out != null) {
      writeCsv(HistoryCsv.parameterPath(history), out, "the parameter path");
    }
  }

  /** Writes {@code csv} to {@code out} atomically; says how it went. */
  public boolean writeCsv(String csv, Path out, String what) {
    byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
    return write(
        out, () -> PngFile.writeAtomically(out, s -> s.write(bytes)), "Saved " + what + " to ");
  }

  private boolean hasRun() {
    if (!history.hasRun()) {
      status.accept("Nothing to export yet: the run is still being built");
      return false;
    }
    return true;
  }

  private interface Write {
    void run() throws IOException;
  }

  private boolean write(Path out, Write write, String done) {
    String said = attempt(out, write, done);
    status.accept(said);
    return said.startsWith(done);
  }

  /** Runs {@code write}; returns {@code done} and where, or why it could not. Any thread. */
  private static String attempt(Path out, Write write, String done) {
    try {
      write.run();
      return done + out.toAbsolutePath();
    } catch (IOException | RuntimeException e) {
      return "Could not save " + out.getFileName() + ": " + reason(e);
    }
  }

  /** One line a user can act on, never a stack trace. */
  static String reason(Exception e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied in " + parentOf(((FileSystemException) e).getFile());
    }
    if (e instanceof NoSuchFileException n) {
      return "no such folder: " + parentOf(n.getFile());
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason().toLowerCase(java.util.Locale.ROOT);
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private static String parentOf(String file) {
    if (file == null) {
      return "the folder";
    }
    Path parent = Path.of(file).toAbsolutePath().getParent();
    return parent == null ? file : parent.toString();
  }

  private Path choose(String title, String fileName, String kind, String extension) {
    Path out = chooser.choose(owner.get(), title, lastFolder, fileName, kind, extension);
    if (out == null) {
      return null;
    }
    if (!out.getFileName().toString().contains(".")) {
      out = out.resolveSibling(out.getFileName() + "." + extension);
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      lastFolder = parent;
    }
    return out;
  }

  /** Asks with {@code chooser} from now on (tests answer without a dialog). */
  public void useChooser(SaveChooser chooser) {
    this.chooser = chooser;
  }

  /** The folder the next dialog starts in: the one last saved to, or null before the first. */
  public Path lastFolder() {
    return lastFolder;
  }
}
