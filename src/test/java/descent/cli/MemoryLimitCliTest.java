package descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import descent.data.CsvRegressionData;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's limits, in a Java of a given heap: requests that would not fit are refused
 * before anything is allocated, with the estimate and the limit (exit 2, one line), and a 74 MB
 * file that does fit trains in a 256 MB heap (docs/limits.md).
 */
class MemoryLimitCliTest {
  @TempDir Path dir;

  /**
   * Runs the command line in a fresh Java with {@code -Xmx<heap>} (the default heap if null): exit
   * code, then stderr.
   */
  private static List<String> inJava(String heap, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (heap != null) {
      command.add("-Xmx" + heap);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(BoundedHeapMain.class.getName());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
    return output.lines().toList();
  }

  /**
   * Runs {@code descent} with its arguments and prints the exit code, then stderr. With {@code
   * --heap-after-load <file>} first, it loads the file, collects the garbage and prints the heap in
   * use (MB) before. With {@code --peak-resident} first, it prints last the most memory the process
   * ever had resident (MB, Linux's {@code VmHWM}), the Java itself included.
   */
  static final class BoundedHeapMain {
    public static void main(String[] args) throws Exception {
      int from = 0;
      boolean peak = args[0].equals("--peak-resident");
      if (peak) {
        from = 1;
      } else if (args[0].equals("--heap-after-load")) {
        CsvRegressionData data = CsvRegressionData.load(Path.of(args[1]), null, null, 32, true, 0);
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.println("heap " + (used >> 20) + " MB for " + data.numRows() + " rows");
        data = null;
        from = 2;
      }
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      String[] rest = java.util.Arrays.copyOfRange(args, from, args.length);
      int code = DescentCli.run(rest, new PrintWriter(out), new PrintWriter(err));
      System.out.println("exit " + code);
      System.out.print(err);
      if (peak) {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
          if (line.startsWith("VmHWM:")) {
            long kilobytes = Long.parseLong(line.replaceAll("[^0-9]", ""));
            System.out.println("peak " + (kilobytes >> 10) + " MB");
          }
        }
      }
    }
  }

  /** 200,000 rows × 50 columns of numbers such as -3.1415: 74 MB of text, 80 MB of numbers. */
  static Path seventyFourMegabytes(Path dir) throws Exception {
    Path file = dir.resolve("big.csv");
    Random random = new Random(5);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
      StringBuilder row = new StringBuilder();
      for (int j = 1; j < 50; j++) {
        row.append('x').append(j).append(',');
      }
      out.write(row.append("y\n").toString());
      for (int i = 0; i < 200_000; i++) {
        row.setLength(0);
        for (int j = 0; j < 50; j++) {
          int k = random.nextInt(200_000) - 100_000; // -9.9999 to 9.9999
          row.append(k < 0 ? "-" : "").append(Math.abs(k) / 10_000).append('.');
          String fraction = Integer.toString(Math.abs(k) % 10_000);
          row.append("0000", fraction.length(), 4).append(fraction).append(j < 49 ? ',' : '\n');
        }
        out.write(row.toString());
      }
    }
    assertThat(Files.size(file)).isBetween(70_000_000L, 80_000_000L);
    return file;
  }

  /**
   * With no {@code -Xmx}, Java sizes its heap from the machine (on a 24 GB machine a heap of 6 GB,
   * starting at 388 MB), and the collector grows the young generation as fast as garbage comes: a
   * reader that made a string per cell (10 million) and a record per row peaked at 588–834 MB
   * resident for this run. Reading the numbers from the characters, into one array, it peaks at
   * 276–290 MB (docs/limits.md); the bound leaves room for a busy machine.
   */
  @Test
  @EnabledOnOs(OS.LINUX)
  @Timeout(600)
  void aSeventyFourMegabyteFilePeaksBelow400MegabytesWithTheDefaultHeap() throws Exception {
    Path file = seventyFourMegabytes(dir);

    List<String> lines = inJava(null, withTraining(file, "--peak-resident"));

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).isEqualTo("exit 0");
    String peak = lines.get(1);
    assertThat(peak).startsWith("peak ").endsWith(" MB");
    int megabytes = Integer.parseInt(peak.substring("peak ".length(), peak.indexOf(" MB")));
    assertThat(megabytes).isBetween(50, 399);
  }

  /**
   * Reading the 74 MB file allocates little more than its 80 MB of numbers, once: a string per cell
   * and a record per row allocated 1,478 MB, and joining blocks of rows into one array at the end
   * another copy of the numbers (155 MB in all). A thread's allocation is counted exactly, so this
   * holds on a busy machine too.
   */
  @Test
  @Timeout(600)
  void readingTheSeventyFourMegabyteFileAllocatesItsNumbersOnce() throws Exception {
    Path file = seventyFourMegabytes(dir);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();

    long before = threads.getThreadAllocatedBytes(thread);
    CsvRegressionData data = CsvRegressionData.load(file, null, null, 32, true, 0);
    long allocated = threads.getThreadAllocatedBytes(thread) - before;

    assertThat(data.numRows()).isEqualTo(200_000);
    long numbers = 200_000L * 50 * Double.BYTES; // 76 MB, and 0.8 MB of line numbers
    assertThat(allocated).isBetween(numbers, numbers * 3 / 2);
  }

  /** Two million rows of ten features used to run out of memory in a 64 MB heap (exit 1). */
  @Test
  @Timeout(120)
  void syntheticRowsBeyondTheHeapAreRefusedBeforeTheyAreBuilt() throws Exception {
    List<String> lines =
        inJava(
            "64m",
            "train",
            "--num-train",
            "1000000",
            "--num-val",
            "1000000",
            "--true-w",
            "1,1,1,1,1,1,1,1,1,1");

    assertThat(lines)
        .containsExactly(
            "exit 2",
            "--num-train, --num-val: 2,000,000 rows × 10 features need about 351 MB with the"
                + " copies a run keeps, more than the 48 MB this Java gives its data (3/4 of its"
                + " 64 MB heap); use fewer rows, or give Java more memory (java -Xmx1g -jar"
                + " descent.jar …)");
  }

  /** 400,000 rows × 10 features: 70 MB for the rows and a copy, 105 MB with the z-scores. */
  @Test
  @Timeout(120)
  void theStandardisedCopyIsCountedToo() throws Exception {
    String[] rows = {
      "train", "--num-train", "200000", "--num-val", "200000", "--true-w", "1,1,1,1,1,1,1,1,1,1"
    };

    List<String> plain = inJava("128m", rows);
    List<String> standardised = inJava("128m", concat(rows, "--standardize"));

    assertThat(plain).containsExactly("exit 0");
    assertThat(standardised)
        .containsExactly(
            "exit 2",
            "--num-train, --num-val: 400,000 rows × 10 features need about 106 MB with the"
                + " copies a run keeps, more than the 96 MB this Java gives its data (3/4 of its"
                + " 128 MB heap); use fewer rows, or give Java more memory (java -Xmx1g -jar"
                + " descent.jar …)");
  }

  /**
   * {@code before}, then one epoch of training on {@code file}: the command both 74 MB tests run.
   */
  private static String[] withTraining(Path file, String... before) {
    String[] train = {
      "train", "--data", file.toString(), "--epochs", "1", "--lr", "0.001", "--seed", "1"
    };
    String[] all = java.util.Arrays.copyOf(before, before.length + train.length);
    System.arraycopy(train, 0, all, before.length, train.length);
    return all;
  }

  private static String[] concat(String[] args, String more) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = more;
    return all;
  }

  /**
   * 200,000 rows × 50 columns, 74 MB of text: the numbers are 80 MB. The reader that grew one array
   * by half needed 2.5 copies at its peak and failed in a 256 MB heap; in blocks it needs 2, and
   * the run trains.
   */
  @Test
  @Timeout(600)
  void aSeventyFourMegabyteFileTrainsInA256MegabyteHeap() throws Exception {
    Path file = seventyFourMegabytes(dir);

    List<String> lines = inJava("256m", withTraining(file, "--heap-after-load", file.toString()));

    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).isEqualTo("exit 0");
    // the rows' numbers are 200,000 × 50 × 8 bytes = 76 MB, and a line number each
    String heap = lines.get(0);
    assertThat(heap).endsWith(" MB for 200000 rows");
    int megabytes = Integer.parseInt(heap.substring("heap ".length(), heap.indexOf(" MB")));
    assertThat(megabytes).isBetween(76, 100);
  }

  /** /dev/zero used to run for 12 s and fill 5.5 GB before it failed. */
  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  @Timeout(60)
  void devZeroIsOneLineAndExitTwo() {
    assertThat(Path.of("/dev/zero")).exists();

    Cli run = Cli.run("train", "--data", "/dev/zero");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            "/dev/zero:1: line 1 is longer than 16,000,000 characters (character 16,000,001 has no"
                + " line break before it); a CSV file has one row per line: is this a text file"
                + " of numbers?");
  }
}
