package descent.app.errors;

import static org.assertj.core.api.Assertions.assertThat;

import descent.testing.HeldThread;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The error log: an entry per error, written off the caller's thread, rotated at its bound. */
class ErrorLogTest {
  @TempDir Path dir;

  private static long totalSize(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.mapToLong(p -> p.toFile().length()).sum();
    }
  }

  @Test
  void anErrorIsLoggedWithItsThreadAndStackTrace() throws Exception {
    ErrorLog log = new ErrorLog(dir);
    log.log("JavaFX Application Thread", new IllegalStateException("boom"));
    assertThat(log.flush(5000)).isTrue();

    String text = Files.readString(dir.resolve(ErrorLog.FILE_NAME));
    assertThat(text)
        .matches("(?s)\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z on JavaFX Application Thread\n.*")
        .contains("java.lang.IllegalStateException: boom\n\tat descent.app.errors.ErrorLogTest.")
        .endsWith("\n\n");
  }

  @Test
  void theLogRotatesAtItsBoundAndKeepsThreeFiles() throws Exception {
    long max = 4096;
    ErrorLog log = new ErrorLog(dir, max, 3);
    // in bursts the queue holds (a longer burst drops what does not fit, by design)
    for (int i = 0; i < 200; i++) {
      log.log("worker " + i, new RuntimeException("error number " + i));
      if (i % 50 == 49) {
        assertThat(log.flush(10_000)).isTrue();
      }
    }

    assertThat(dir.resolve("descent-errors.log")).exists();
    assertThat(dir.resolve("descent-errors.log.1")).exists();
    assertThat(dir.resolve("descent-errors.log.2")).exists();
    assertThat(dir.resolve("descent-errors.log.3")).doesNotExist();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).hasSize(3);
    }
    for (String name : new String[] {"descent-errors.log", "descent-errors.log.1"}) {
      assertThat(Files.size(dir.resolve(name))).isLessThanOrEqualTo(max);
    }
    assertThat(totalSize(dir)).isLessThanOrEqualTo(3 * max);
    // the newest entry is in the log itself, older ones in .1 and .2
    assertThat(Files.readString(dir.resolve("descent-errors.log"))).contains("error number 199");
    assertThat(Files.readString(dir.resolve("descent-errors.log.2")))
        .doesNotContain("error number 199");
  }

  /**
   * An error storm fills the queue, and what does not fit is dropped; waiting for the queue to
   * drain still works then (its marker used to be dropped with the entries, and the wait ran out).
   */
  @Test
  void aFullQueueDropsEntriesButNotTheWaitForIt() throws Exception {
    ErrorLog log = new ErrorLog(dir, 1 << 20, 3);
    // hold the writer, then fill its queue and more
    log.log("main", new RuntimeException("first"));
    assertThat(log.flush(5000)).isTrue();
    HeldThread writer = new HeldThread();
    log.onWriter(writer);
    assertThat(writer.awaitHeld()).isTrue();
    for (int i = 0; i < 150; i++) {
      log.log("worker " + i, new RuntimeException("error number " + i));
    }
    // the queue is full: the wait below must wait for room; the writer goes on only once it does
    Thread waiting = Thread.currentThread();
    Thread releaser =
        new Thread(
            () -> {
              while (waiting.getState() != Thread.State.TIMED_WAITING) {
                Thread.onSpinWait();
              }
              writer.release();
            });
    releaser.start();

    assertThat(log.flush(10_000)).isTrue();
    String text = Files.readString(dir.resolve(ErrorLog.FILE_NAME));
    assertThat(text).contains("error number 0").doesNotContain("error number 149");
  }

  @Test
  void oneHugeErrorIsCutToAQuarterOfTheBound() throws Exception {
    long max = 4096;
    ErrorLog log = new ErrorLog(dir, max, 3);
    log.log("main", new RuntimeException("x".repeat(100_000)));
    assertThat(log.flush(5000)).isTrue();

    String text = Files.readString(dir.resolve(ErrorLog.FILE_NAME));
    assertThat(text.length()).isLessThan((int) max / 4 + 100);
    assertThat(text).contains("(cut at 1024 characters)");
  }

  @Test
  void aFolderThatCannotBeWrittenIsGivenUpQuietly() throws Exception {
    Path notADir = Files.writeString(dir.resolve("a-file"), "x");
    ErrorLog log = new ErrorLog(notADir);
    log.log("main", new RuntimeException("lost"));
    assertThat(log.flush(5000)).isTrue(); // no exception, and the writer still works
    log.log("main", new RuntimeException("lost too"));
    assertThat(log.flush(5000)).isTrue();
  }
}
