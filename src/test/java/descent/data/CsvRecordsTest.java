package descent.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The reader's own record splitter gives what Commons CSV gives with the same format: the same
 * cells, the same physical line count after each record, and an error at the same record.
 */
class CsvRecordsTest {
  /** What a parser made of a text: each record's cells and line count, then the error if any. */
  private static List<String> commons(String text, char delimiter) {
    List<String> out = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), CsvDialect.format(delimiter))) {
      var records = parser.iterator();
      while (true) {
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException e) {
          out.add(error(e.getCause().getMessage()));
          break;
        }
        out.add(record.toList() + " @" + parser.getCurrentLineNumber());
      }
    } catch (IOException e) {
      out.add("open: " + e.getMessage());
    }
    return out;
  }

  private static List<String> ours(String text, char delimiter) {
    List<String> out = new ArrayList<>();
    CsvRecords records = new CsvRecords(new StringReader(text), delimiter);
    while (true) {
      try {
        if (!records.next()) {
          break;
        }
      } catch (CsvRecords.UnclosedQuote | CsvRecords.TextAfterQuote e) {
        out.add(error(e.getMessage()));
        break;
      } catch (IOException e) {
        out.add("io: " + e.getMessage());
        break;
      }
      out.add(records.toList() + " @" + records.linesRead());
    }
    return out;
  }

  /** The kind of a parse error, as the reader tells them apart. */
  private static String error(String message) {
    if (message.contains("EOF reached before encapsulated token finished")) {
      return "error: unclosed quote";
    }
    if (message.contains("Invalid character between encapsulated token and delimiter")) {
      return "error: text after quote";
    }
    return "error: " + message;
  }

  private static void assertSame(String text, char delimiter) {
    List<String> expected = commons(text, delimiter);
    // Commons CSV counts one more line at the end of a text without a final line break
    List<String> actual = ours(text, delimiter);
    assertThat(withoutLastCount(actual))
        .as("%s with %s", CsvRegressionData.quote(text), CsvDialect.delimiterName(delimiter))
        .isEqualTo(withoutLastCount(expected));
  }

  private static List<String> withoutLastCount(List<String> records) {
    List<String> all = new ArrayList<>(records);
    if (!all.isEmpty() && !all.get(all.size() - 1).startsWith("error")) {
      String last = all.get(all.size() - 1);
      all.set(all.size() - 1, last.substring(0, last.lastIndexOf(" @")));
    }
    return all;
  }

  @Test
  void theCasesTheReaderKnowsSplitAsCommonsCsvSplitsThem() {
    for (String text :
        List.of(
            "",
            "a,b\n1,2\n",
            "a,b\r\n1,2\r\n",
            "a,b\r1,2\r",
            "a,b\n\n\n1,2",
            "\n\na,b\n1,2\n\n",
            "a,b\n1,2,",
            "a,b\n1,2,\n",
            "a,b\n,\n,,\n",
            "  a , b \n 1 ,\t2\t\n",
            "a,b\n\"1,5\",2\n",
            "a,b\n\"x\ny\",2\n",
            "a,b\n\"x\"\"y\",2\n",
            "a,b\n\"x\" ,2\n",
            "a,b\n\"x\" y,2\n",
            "a,b\n\"x,2\n",
            "a,b\n  \"x\"  \n",
            "a,b\n\"\"\n",
            "a,b\n\"\n",
            "a,b\n x\u3000,\u0001y\u0001\n",
            "\u2003\n",
            " \n \n",
            "a,b\n1,2\n   ",
            "a;b\n1;2",
            "a\tb\n1\t2\n\t\n")) {
      for (char delimiter : CsvDialect.DELIMITERS) {
        assertSame(text, delimiter);
      }
    }
  }

  @Test
  void randomTextsSplitAsCommonsCsvSplitsThem() {
    String alphabet = "ab1.-,,;;\t\"\"\"  \r\n\n\u3000\u0001e";
    Random random = new Random(12);
    for (int t = 0; t < 50_000; t++) {
      int length = random.nextInt(t < 10_000 ? 8 : 40);
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertSame(text.toString(), CsvDialect.DELIMITERS[t % 3]);
    }
  }

  /** A text longer than the splitter's buffer, read through a reader that gives one char a time. */
  @Test
  void recordsAcrossBufferBoundariesAreWhole() throws IOException {
    StringBuilder text = new StringBuilder("a,b\n");
    for (int i = 0; i < 20_000; i++) {
      text.append(i).append(",\"").append(i % 7 == 0 ? "x\r\ny" : "z").append("\"\r\n");
    }
    assertSame(text.toString(), ',');
    CsvRecords records =
        new CsvRecords(
            new StringReader(text.toString()) {
              @Override
              public int read(char[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.min(length, 1));
              }
            },
            ',');
    int count = 0;
    while (records.next()) {
      count++;
    }
    assertThat(count).isEqualTo(20_001);
  }
}
