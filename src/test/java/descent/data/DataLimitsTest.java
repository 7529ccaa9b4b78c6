package descent.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limits that hold before memory runs out: a line longer than any row of numbers, a pipe or
 * device that sends nothing, and more rows than this Java's memory holds are each refused with a
 * message, at once, instead of hanging or filling the memory (docs/limits.md).
 */
class DataLimitsTest {
  private static final Duration SHORT_WAIT = Duration.ofMillis(300);

  @TempDir Path dir;

  private static DataFileException refused(CsvTableReader reader) {
    DataFileException e = catchThrowableOfType(DataFileException.class, () -> reader.read(null));
    assertThat(e).as("a DataFileException").isNotNull();
    return e;
  }

  private Path fifo(String name) throws Exception {
    Path fifo = dir.resolve(name);
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor(30, TimeUnit.SECONDS) && mkfifo.exitValue() == 0)
        .as("mkfifo made %s", fifo)
        .isTrue();
    return fifo;
  }

  // ---------------------------------------------------------------------------------------------
  // A line with no end

  /**
   * The old reader took 17 MB of x's as one cell and called it "not a number", after holding it.
   */
  @Test
  void aLineLongerThanSixteenMillionCharactersIsRefusedNamingItsLine() throws IOException {
    Path file = dir.resolve("endless.csv");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write("a,y\n1,2\n3,4\n".getBytes(StandardCharsets.US_ASCII));
      byte[] block = "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 17; i++) {
        out.write(block); // 17 MB and no line break
      }
    }

    DataFileException e = refused(new CsvTableReader(file));

    assertThat(e.getMessage())
        .isEqualTo(
            file
                + ":4: line 4 is longer than 16,000,000 characters (character 16,000,001 has no"
                + " line break before it); a CSV file has one row per line: is this a text file"
                + " of numbers?");
  }

  @Test
  void aLineOfExactlyTheLimitIsStillRead() throws Exception {
    Path file = dir.resolve("wide.csv");
    StringBuilder text = new StringBuilder("a,y\n1,2\n3,4");
    text.append(" ".repeat(Utf8LineReader.MAX_LINE - 3)).append('\n'); // spaces around cells
    Files.writeString(file, text);

    assertThat(new CsvTableReader(file).read(null).targets()).containsExactly(2, 4);
  }

  /** /dev/zero is an endless line of NUL characters: it used to fill 5.5 GB before failing. */
  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  @Timeout(30)
  void devZeroIsRefusedAtOnce() {
    Path zero = Path.of("/dev/zero");
    assertThat(zero).exists();

    DataFileException e = refused(new CsvTableReader(zero));

    assertThat(e.line()).isEqualTo(1);
    assertThat(e.reason()).startsWith("line 1 is longer than 16,000,000 characters");
  }

  // ---------------------------------------------------------------------------------------------
  // Pipes and devices that send nothing

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  @Timeout(30)
  void aFifoThatNoProgramWritesToIsRefusedAfterTheWait() throws Exception {
    Path fifo = fifo("silent.csv");
    CsvTableReader reader = new CsvTableReader(fifo, MemoryBudget.ofThisJava(), SHORT_WAIT);
    // other tests' pipe threads (one may still wait on a writer that holds its FIFO open) are not
    // this test's business
    java.util.Set<Thread> before = new java.util.HashSet<>(Thread.getAllStackTraces().keySet());

    DataFileException e = refused(reader);

    assertThat(e.getMessage())
        .isEqualTo(
            fifo
                + ": nothing came in 1 second: it is a pipe or device that no program writes to;"
                + " write the data to a regular file and use that");
    // the helper thread blocked in opening the FIFO is let out, not left behind
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().equals("descent-data-pipe") && !before.contains(thread)) {
        thread.join(10_000);
        assertThat(thread.isAlive()).as("the pipe's helper thread ended").isFalse();
      }
    }
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  @Timeout(30)
  void aPipeWhoseWriterFallsSilentIsRefusedAfterTheWait() throws Exception {
    Path fifo = fifo("stalled.csv");
    CountDownLatch refused = new CountDownLatch(1);
    Thread writer =
        new Thread(
            () -> {
              try (OutputStream out = Files.newOutputStream(fifo, StandardOpenOption.WRITE)) {
                out.write("a,y\n1,2\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                refused.await(20, TimeUnit.SECONDS); // holds the pipe open, sending nothing
              } catch (IOException | InterruptedException e) {
                // the reader closed its end
              }
            });
    writer.start();

    DataFileException e = refused(new CsvTableReader(fifo, MemoryBudget.ofThisJava(), SHORT_WAIT));
    refused.countDown();
    writer.join(10_000);

    assertThat(e.reason())
        .isEqualTo(
            "no more data came in 1 second: the pipe or device stopped sending; write the data to"
                + " a regular file and use that");
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  @Timeout(30)
  void aPipeThatSendsItsRowsStillLoads() throws Exception {
    Path fifo = fifo("rows.csv");
    Thread writer =
        new Thread(
            () -> {
              try {
                Files.writeString(fifo, "a,y\n1,2\n3,4\n5,6\n");
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    writer.start();

    CsvTableReader.Table table =
        new CsvTableReader(fifo, MemoryBudget.ofThisJava(), SHORT_WAIT).read(null);
    writer.join(10_000);

    assertThat(table.targets()).containsExactly(2, 4, 6);
    assertThat(table.lines()).containsExactly(2, 3, 4);
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  @Timeout(30)
  void thePreviewOfASilentFifoSaysSoWithoutWaitingTwice() throws Exception {
    Path fifo = fifo("preview.csv");
    long start = System.nanoTime();

    DataFileException e =
        catchThrowableOfType(DataFileException.class, () -> CsvPreview.read(fifo, 5));

    assertThat(e).isNotNull();
    assertThat(e.reason()).startsWith("nothing came in 10 seconds");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(19));
  }

  // ---------------------------------------------------------------------------------------------
  // Rows beyond the memory

  /**
   * 10,000 rows × 3 features need 2 × 10,000 × 36 bytes = 704 KB; a heap of 512 KB gives its data
   * 384 KB: 5,461 rows.
   */
  @Test
  void rowsBeyondTheMemoryBudgetAreRefusedWithTheEstimateAndTheLimit() throws Exception {
    Path file = dir.resolve("rows.csv");
    StringBuilder text = new StringBuilder("a,b,c,y\n");
    for (int i = 0; i < 10_000; i++) {
      text.append(i).append(",1,2,3\n");
    }
    Files.writeString(file, text);
    MemoryBudget budget = MemoryBudget.ofHeap(512 * 1024);

    DataFileException e = refused(new CsvTableReader(file, budget, SilenceLimit.WAIT));

    assertThat(e.getMessage())
        .isEqualTo(
            file
                + ":5463: too large for this Java's memory: more than 5,461 data rows; 5,462 rows"
                + " × 3 features need about 385 KB with the copies a run keeps, more than the 384"
                + " KB this Java gives its data (3/4 of its 512 KB heap); use a file with fewer"
                + " rows, or give Java more memory than its 512 KB (e.g. java -Xmx1g -jar"
                + " descent.jar …)");
    // and with room for them, the same file loads
    assertThat(
            new CsvTableReader(file, MemoryBudget.ofHeap(64L << 20), SilenceLimit.WAIT)
                .read(null)
                .targets())
        .hasSize(10_000);
  }

  @Test
  void rowsJoinedFromBlocksKeepTheirOrderAndLines() throws Exception {
    // 3 features: blocks of 43,690 rows, so 100,000 rows span three blocks
    Path file = dir.resolve("blocks.csv");
    StringBuilder text = new StringBuilder("a,b,c,y\n");
    for (int i = 0; i < 100_000; i++) {
      text.append(i).append(',').append(-i).append(",0.5,").append(2 * i).append('\n');
      if (i % 1000 == 0) {
        text.append('\n'); // a blank line now and then: lines differ from row numbers
      }
    }
    Files.writeString(file, text);

    CsvTableReader.Table table = new CsvTableReader(file).read(null);

    assertThat(table.targets()).hasSize(100_000);
    assertThat(table.features()).hasSize(300_000);
    for (int i : new int[] {0, 43_689, 43_690, 87_380, 99_999}) {
      assertThat(table.features()[3 * i]).isEqualTo(i);
      assertThat(table.features()[3 * i + 1]).isEqualTo(-i);
      assertThat(table.targets()[i]).isEqualTo(2 * i);
      assertThat(table.lines()[i]).isEqualTo(i + 2 + (i + 999) / 1000);
    }
  }

  @Test
  void theEstimateCountsEveryNumberOfARowAndItsLine() {
    // 2,000,000 rows × (10 features + 1 target) × 8 bytes + a 4-byte line each, twice
    assertThat(MemoryBudget.bytes(2_000_000, 10, 2)).isEqualTo(2_000_000L * 92 * 2);
    assertThat(MemoryBudget.ofHeap(64L << 20).problem(2_000_000, 10, 2))
        .isEqualTo(
            "2,000,000 rows × 10 features need about 351 MB with the copies a run keeps, more"
                + " than the 48 MB this Java gives its data (3/4 of its 64 MB heap)");
    assertThat(MemoryBudget.ofHeap(1L << 30).problem(2_000_000, 10, 2)).isNull();
  }

  // ---------------------------------------------------------------------------------------------
  // The decimal check without a regex matcher per cell

  @Test
  void theDecimalCheckAgreesWithThePattern() {
    for (String text :
        List.of(
            "0",
            "1",
            "-1",
            "+1",
            "1.",
            ".5",
            "-.5",
            "+.5e3",
            "1.5",
            "1e3",
            "1E-3",
            "1.e+3",
            "007",
            "",
            ".",
            "+",
            "-",
            "e3",
            "1e",
            "1e+",
            "1.5.2",
            "1,5",
            "0x10",
            "NaN",
            "Infinity",
            "1d",
            "1f",
            " 1",
            "1 ",
            "--1",
            "1e3.5",
            "١٢",
            "½",
            "1_000",
            ".e1",
            "12345678901234567890",
            "-0",
            "-0.0e-0")) {
      assertThat(!Double.isNaN(Decimals.parse(text.toCharArray(), 0, text.length())))
          .as("%s", text)
          .isEqualTo(Decimals.isDecimal(text));
    }
  }
}
