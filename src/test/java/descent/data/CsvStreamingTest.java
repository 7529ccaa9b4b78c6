package descent.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader streams the file, and takes its locations from the parser's position and its own line
 * count, not from the parser's messages: so they hold at buffer boundaries, on rows that span
 * lines, and whatever a Commons CSV upgrade says in its messages.
 */
class CsvStreamingTest {
  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  private static DataFileException refused(Path file) {
    DataFileException e =
        catchThrowableOfType(
            DataFileException.class, () -> CsvRegressionData.load(file, null, null, 2, false, 0));
    assertThat(e).as("a DataFileException").isNotNull();
    return e;
  }

  // ---------------------------------------------------------------------------------------------
  // Memory

  /**
   * Loads an 11.5 MB file (200,000 rows of three numbers of about 19 digits) in a JVM of 24 MB.
   * Reading the file whole, as bytes, characters and a String, needs about four times the file (46
   * MB) before a number is parsed; streamed, only the numbers are held (5.6 MB, and their arrays
   * while they grow). The whole-file reader needed 64 MB here, the streaming one 16 MB.
   */
  @Test
  void aFileFourTimesLargerThanTheHeapAllowsForItsTextLoads() throws Exception {
    Path file = dir.resolve("wide.csv");
    Random random = new Random(1);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("a,b,y\n");
      for (int i = 0; i < 200_000; i++) {
        out.write(
            random.nextDouble() + "," + random.nextDouble() + "," + random.nextDouble() + "\n");
      }
    }
    assertThat(Files.size(file)).isGreaterThan(11_000_000);

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx24m", "-XX:+UseSerialGC", "-cp"));
    command.add(System.getProperty("java.class.path"));
    command.add(LoadMain.class.getName());
    command.add(file.toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(output.strip()).isEqualTo("200000 rows");
    assertThat(process.exitValue()).isZero();
  }

  /** Loads the file named by its argument and prints how many rows it has. */
  static final class LoadMain {
    public static void main(String[] args) throws Exception {
      CsvRegressionData data = CsvRegressionData.load(Path.of(args[0]), null, null, 32, false, 0);
      System.out.println(data.numRows() + " rows");
    }
  }

  /** A pipe can be read once: the delimiter is sniffed and the rows parsed from one stream. */
  @Test
  @Timeout(60)
  void aNamedPipeLoads() throws Exception {
    Path fifo = dir.resolve("pipe.csv");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mkfifo.waitFor(30, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo");
    StringBuilder text = new StringBuilder("a;b;y\n");
    for (int i = 0; i < 3000; i++) { // past the first buffer
      text.append(i).append(';').append(2 * i).append(';').append(3 * i).append('\n');
    }
    Thread writer =
        new Thread(
            () -> {
              try {
                Files.writeString(fifo, text); // blocks until the loader opens the pipe
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    writer.start();

    CsvRegressionData data = load(fifo);
    writer.join(30_000);

    assertThat(data.delimiter()).isEqualTo(';');
    assertThat(data.numRows()).isEqualTo(3000);
    assertThat(data.featuresOf(2999)).containsExactly(2999, 5998);
    assertThat(data.lineOf(2999)).isEqualTo(3001);
  }

  // ---------------------------------------------------------------------------------------------
  // Buffer boundaries

  @Test
  void aCrlfSplitAcrossBuffersIsOneLineBreak() throws IOException {
    // rows of 5 characters: over 5 paddings one CRLF straddles any buffer boundary
    for (int pad = 0; pad < 5; pad++) {
      StringBuilder text = new StringBuilder("x,y" + " ".repeat(pad) + "\r\n");
      int rows = 4000; // 20,000 characters: past two buffers of 8,192
      for (int i = 0; i < rows; i++) {
        text.append("1,2\r\n");
      }
      text.append("3,z\r\n");

      DataFileException e = refused(write("crlf" + pad + ".csv", text.toString()));

      assertThat(e.line()).as("pad %d", pad).isEqualTo(rows + 2);
      assertThat(e.column()).isEqualTo(2);
    }
  }

  @Test
  void aCharacterSplitAcrossBuffersDecodes() throws IOException {
    for (int pad = 0; pad < 3; pad++) {
      // é is two bytes; somewhere over three paddings it straddles byte 8,192
      String name = "x".repeat(8191 - pad) + "é";
      Path file = write("wide" + pad + ".csv", name + ",y\n1,2\n3,4\n");

      CsvRegressionData data = load(file);

      assertThat(data.featureNames()).containsExactly(name);
    }
  }

  private static CsvRegressionData load(Path file) {
    try {
      return CsvRegressionData.load(file, null, null, 2, false, 0);
    } catch (DataFileException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  @Test
  void aBadByteFarIntoTheFileIsFoundOnItsLine() throws IOException {
    StringBuilder text = new StringBuilder("x,y\n");
    for (int i = 0; i < 5000; i++) {
      text.append("1,2\n");
    }
    byte[] bytes = (text + "3,4\n").getBytes(StandardCharsets.UTF_8);
    int at = bytes.length - 2; // the 4 on line 5,002
    bytes[at] = (byte) 0xE9;
    Path file = dir.resolve("latin1.csv");
    Files.write(file, bytes);

    DataFileException e = refused(file);

    assertThat(e.line()).isEqualTo(5002);
    assertThat(e.reason())
        .isEqualTo("byte 0xE9 at offset " + at + " is not UTF-8; save the file as UTF-8");
  }

  @Test
  void aByteOrderMarkIsNotCountedAsText() throws IOException {
    CsvRegressionData data = load(write("bom.csv", "\uFEFF\n\nx,y\n1,2\n3,4\n"));

    assertThat(data.featureNames()).containsExactly("x");
    assertThat(data.lineOf(0)).isEqualTo(4);
  }

  // ---------------------------------------------------------------------------------------------
  // Rows that span lines: reported where they start

  @Test
  void textAfterAClosingQuoteOnARowsSecondLineIsReportedWhereTheRowStarts() throws IOException {
    // the row starts on line 4; Commons CSV's own message names line 5, where the stray x is
    DataFileException e = refused(write("data.csv", "x,y\n1,2\n\n\"3\n4\"x,5\n6,7\n"));

    assertThat(e.line()).isEqualTo(4);
    assertThat(e.column()).isZero();
    assertThat(e.reason()).contains("after the closing");
  }

  @Test
  void anUnclosedQuoteAfterBlankLinesIsReportedWhereTheRowStarts() throws IOException {
    DataFileException e = refused(write("data.csv", "x,y\r\n1,2\r\n\r\n\r\n3,\"4\r\n5,6\r\n"));

    assertThat(e.line()).isEqualTo(5);
    assertThat(e.reason()).contains("never closed");
  }

  @Test
  void aBadCellAfterARowSpanningLinesHasItsOwnLine() throws IOException {
    DataFileException e = refused(write("data.csv", "x,y\n\"1\n\n\",2\n\n3,4\n5,z\n"));

    assertThat(e.line()).isEqualTo(7);
    assertThat(e.column()).isEqualTo(2);
  }
}
