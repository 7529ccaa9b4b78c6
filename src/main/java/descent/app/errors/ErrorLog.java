package descent.app.errors;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The unexpected errors, appended to {@value #FILE_NAME} in the user's data folder (beside the
 * preferences), on a thread of its own so the FX thread never waits for the disk. The log is
 * bounded: when the next entry would take the file past {@link #maxBytes}, the file becomes {@code
 * descent-errors.log.1} (the older {@code .1} becoming {@code .2}, and so on up to {@link #files}
 * files in all; the oldest is dropped). One entry is capped at a quarter of the bound, so no single
 * error can fill it. A log that cannot be written is given up silently: the dialog still shows.
 *
 * <p>An entry:
 *
 * <pre>
 * 2026-11-29T06:20:13.123Z on JavaFX Application Thread
 * java.lang.IllegalStateException: boom
 * 	at descent.app...
 * </pre>
 *
 * followed by a blank line.
 */
public final class ErrorLog {
  public static final String FILE_NAME = "descent-errors.log";

  /** The default bound of one file: 1 MB. */
  public static final long MAX_BYTES = 1 << 20;

  /** The default number of files kept: the log and two older ones. */
  public static final int FILES = 3;

  /** At most this many entries wait for the disk; more are dropped (a storm of errors). */
  private static final int QUEUE = 100;

  private final Path file;
  private final long maxBytes;
  private final int files;
  private final ThreadPoolExecutor writer;

  /** A log of {@value #FILE_NAME} in {@code dir}, 1 MB a file, 3 files. */
  public ErrorLog(Path dir) {
    this(dir, MAX_BYTES, FILES);
  }

  /** A log of {@value #FILE_NAME} in {@code dir} of at most {@code files} files of {@code max}. */
  public ErrorLog(Path dir, long maxBytes, int files) {
    this.file = dir.resolve(FILE_NAME);
    this.maxBytes = maxBytes;
    this.files = Math.max(1, files);
    this.writer =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(QUEUE),
            r -> {
              Thread t = new Thread(r, "descent-error-log");
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.DiscardPolicy());
  }

  public Path file() {
    return file;
  }

  /** Queues {@code error}, thrown on {@code thread}, for the file; returns at once. */
  public void log(String thread, Throwable error) {
    String entry = entry(Instant.now(), thread, error);
    try {
      writer.execute(() -> append(entry));
    } catch (RuntimeException e) {
      // the writer is gone (the app is ending): the entry is dropped
    }
  }

  /**
   * Waits up to {@code millis} ms for the queued entries to reach the file (for tests). Its marker
   * waits for room in the queue: given to {@code execute} while the queue is full, it would be
   * dropped as an entry is, and the wait would never end.
   */
  boolean flush(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    CountDownLatch done = new CountDownLatch(1);
    writer.prestartCoreThread(); // the queue is read only by a thread that has started
    return writer.getQueue().offer(done::countDown, millis, TimeUnit.MILLISECONDS)
        && done.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
  }

  /** Runs {@code task} on the writer thread, after what is queued; dropped if the queue is full. */
  void onWriter(Runnable task) {
    writer.execute(task);
  }

  /** The text of one entry, capped at a quarter of the bound. */
  String entry(Instant when, String thread, Throwable error) {
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    String text = when + " on " + thread + "\n" + trace.toString().stripTrailing() + "\n\n";
    int cap = (int) Math.min(Integer.MAX_VALUE, Math.max(256, maxBytes / 4));
    if (text.length() > cap) {
      text = text.substring(0, cap) + "\n\t... (cut at " + cap + " characters)\n\n";
    }
    return text;
  }

  /** Appends {@code entry}, rolling the files first if it would not fit; on the writer thread. */
  private void append(String entry) {
    byte[] bytes = entry.getBytes(StandardCharsets.UTF_8);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      if (Files.exists(file) && Files.size(file) + bytes.length > maxBytes) {
        roll();
      }
      Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException | RuntimeException e) {
      // a log that cannot be written is given up: the dialog has told the user already
    }
  }

  private void roll() throws IOException {
    Files.deleteIfExists(numbered(files - 1));
    for (int i = files - 2; i >= 1; i--) {
      if (Files.exists(numbered(i))) {
        Files.move(numbered(i), numbered(i + 1), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    if (files > 1) {
      Files.move(file, numbered(1), StandardCopyOption.REPLACE_EXISTING);
    } else {
      Files.delete(file);
    }
  }

  /** {@code descent-errors.log.N}; 0 is the log itself. */
  Path numbered(int n) {
    return n == 0 ? file : file.resolveSibling(FILE_NAME + "." + n);
  }
}
