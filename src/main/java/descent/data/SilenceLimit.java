package descent.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The bytes of a file that is not a regular file (a pipe such as {@code <(command)} or a FIFO, a
 * device), read on a helper thread, so that waiting for them is bounded: when no bytes come for
 * {@link #WAIT}, reading fails with a {@link Silent} that says so, instead of hanging. Opening a
 * FIFO that no program writes to blocks in the system until a writer comes, so the helper opens it
 * too. The helper hands at most four buffers ahead: memory stays small however fast the writer.
 */
final class SilenceLimit extends InputStream {
  /** How long a pipe or device may stay silent: before its first bytes, or between two reads. */
  static final Duration WAIT = Duration.ofSeconds(10);

  private static final int BUFFER = 65536;
  private static final byte[] END = new byte[0];

  /** No bytes came for the wait: what a pipe with no writer, or a silent device, does. */
  static final class Silent extends IOException {
    private static final long serialVersionUID = 1L;

    Silent(String message) {
      super(message);
    }
  }

  private final Path file;
  private final Duration wait;
  private final BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(4);
  private final Thread helper;
  private volatile boolean opening = true;
  private volatile boolean closed;
  private byte[] current = new byte[0];
  private int position;
  private IOException failure; // sticky: every read after it fails the same way

  private SilenceLimit(Path file, Duration wait) {
    this.file = file;
    this.wait = wait;
    this.helper = new Thread(this::pump, "descent-data-pipe");
    helper.setDaemon(true);
  }

  /** Opens {@code file} on a helper thread; reads wait at most {@code wait} for bytes. */
  static InputStream open(Path file, Duration wait) {
    SilenceLimit in = new SilenceLimit(Objects.requireNonNull(file, "file"), wait);
    in.helper.start();
    return in;
  }

  /** The helper: opens the file and hands its bytes over, then the end, or what went wrong. */
  private void pump() {
    try (InputStream in = Files.newInputStream(file)) {
      opening = false;
      while (!closed) {
        byte[] buffer = new byte[BUFFER];
        int n = in.read(buffer);
        if (n < 0) {
          chunks.put(END);
          return;
        }
        if (n > 0) {
          chunks.put(n == BUFFER ? buffer : Arrays.copyOf(buffer, n));
        }
      }
    } catch (IOException e) {
      if (!closed) {
        offer(e);
      }
    } catch (InterruptedException e) {
      // closed: nobody reads on
    } finally {
      opening = false;
    }
  }

  private void offer(Object item) {
    try {
      chunks.put(item);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    if (length == 0) {
      return 0;
    }
    if (failure != null) {
      throw failure;
    }
    if (current == END) {
      return -1;
    }
    if (position == current.length) {
      Object next;
      try {
        next = chunks.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for " + file);
      }
      if (next == null) {
        failure = new Silent(silence());
        throw failure;
      }
      if (next instanceof IOException e) {
        failure = e;
        throw e;
      }
      current = (byte[]) next;
      position = 0;
      if (current == END) {
        return -1;
      }
    }
    int n = Math.min(length, current.length - position);
    System.arraycopy(current, position, buffer, offset, n);
    position += n;
    return n;
  }

  /** What the silence means: nothing opened the other end, or the writer stopped writing. */
  private String silence() {
    long seconds = Math.max(1, wait.toSeconds());
    String waited = seconds + (seconds == 1 ? " second" : " seconds");
    return opening
        ? "nothing came in "
            + waited
            + ": it is a pipe or device that no program writes to; write the data to a regular"
            + " file and use that"
        : "no more data came in "
            + waited
            + ": the pipe or device stopped sending; write the data to a regular file and use"
            + " that";
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    helper.interrupt(); // ends a read of a pipe, and a wait to hand a buffer over
    if (opening && helper.isAlive()) {
      releaseOpen();
    }
  }

  /**
   * Lets the helper out of opening a FIFO that no program writes to: opening its other end for
   * writing (and writing nothing) completes both opens, and the helper then reads the end of it.
   * Done on a thread of its own, so closing never waits for it.
   */
  private void releaseOpen() {
    Thread releaser =
        new Thread(
            () -> {
              if (!helper.isAlive() || !opening || !isFifo(file)) {
                return;
              }
              try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
                // nothing to write: the open alone lets the reader's open return
              } catch (IOException | UnsupportedOperationException e) {
                // the helper stays blocked; it is a daemon and ends with the program
              }
            },
            "descent-data-pipe-release");
    releaser.setDaemon(true);
    releaser.start();
  }

  /** Whether {@code file} is a FIFO (a named pipe), from its Unix mode; false where none. */
  private static boolean isFifo(Path file) {
    try {
      Object mode = Files.getAttribute(file, "unix:mode");
      return mode instanceof Integer m && (m & 0170000) == 0010000;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }
}
