package descent.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows kept in blocks come out in one array, whatever the number of rows expected. */
class RowBlocksTest {
  @TempDir Path dir;

  private static RowBlocks filled(int d, long expected, int n) {
    RowBlocks rows = new RowBlocks(d, expected);
    for (int i = 0; i < n; i++) {
      if (rows.full()) {
        rows.addBlock(Long.MAX_VALUE);
      }
      rows.target(-i);
      for (int k = 0; k < d; k++) {
        rows.feature(k, i * 10 + k);
      }
      rows.keep(i + 2);
    }
    return rows;
  }

  private static void assertRows(RowBlocks rows, int d, int n) {
    double[] x = rows.joinFeatures();
    double[] y = rows.joinTargets();
    int[] lines = rows.joinLines();
    assertThat(x).hasSize(n * d);
    assertThat(y).hasSize(n);
    assertThat(lines).hasSize(n);
    for (int i = 0; i < n; i++) {
      assertThat(y[i]).isEqualTo(-i);
      assertThat(lines[i]).isEqualTo(i + 2);
      for (int k = 0; k < d; k++) {
        assertThat(x[i * d + k]).isEqualTo(i * 10 + k);
      }
    }
  }

  @Test
  void asManyRowsAsExpectedFillOneBlock() {
    RowBlocks rows = filled(3, 1000, 1000);
    assertThat(rows.lineOf(999)).isEqualTo(1001);
    assertRows(rows, 3, 1000);
  }

  @Test
  void fewerRowsThanExpectedAreTrimmed() {
    assertRows(filled(3, 1000, 7), 3, 7);
  }

  @Test
  void moreRowsThanExpectedGoOnInMoreBlocks() {
    RowBlocks rows = filled(50, 10, 30_000);
    assertThat(rows.lineOf(10)).isEqualTo(12);
    assertThat(rows.lineOf(29_999)).isEqualTo(30_001);
    assertRows(rows, 50, 30_000);
  }

  @Test
  void unknownRowsGoInBlocks() {
    assertRows(filled(1, 0, 600_000), 1, 600_000);
  }

  @Test
  void theLinesWithTextAfterTheHeaderBoundTheRows() throws Exception {
    Path file = dir.resolve("data.csv");
    Files.writeString(file, "a,b\r\n1,2\r\n\r\n3,4\r5,6\n\n \n7,8", StandardCharsets.UTF_8);

    assertThat(LineCount.textLinesAfter(file, 1, 100)).isEqualTo(5); // " " is a line of text
    assertThat(LineCount.textLinesAfter(file, 0, 100)).isEqualTo(6);
    assertThat(LineCount.textLinesAfter(file, 1, 3)).isEqualTo(4); // more than 3: stops counting
    assertThat(LineCount.textLinesAfter(dir.resolve("none.csv"), 1, 100)).isZero();
  }

  /**
   * A line longer than the reader takes is left to the reader to refuse, not counted to its end.
   */
  @Test
  void aLineTooLongForTheReaderStopsTheCount() throws Exception {
    Path file = dir.resolve("binary.csv");
    Files.writeString(file, "a,b\n1,2\n" + "x".repeat(100) + "\n3,4\n", StandardCharsets.UTF_8);

    assertThat(LineCount.textLinesAfter(file, 1, 100, 100)).isEqualTo(3);
    assertThat(LineCount.textLinesAfter(file, 1, 100, 99)).isZero();
  }
}
