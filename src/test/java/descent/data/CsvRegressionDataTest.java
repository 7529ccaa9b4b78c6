package descent.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import descent.engine.Shape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvRegressionDataTest {
  @TempDir Path dir;

  /** Five rows, two features and a target: row i is (3i+1, 3i+2, 3i+3). */
  private static final String FIVE_ROWS = "x1,x2,y\n1,2,3\n4,5,6\n7,8,9\n10,11,12\n13,14,15\n";

  private Path write(String name, String content) throws IOException {
    return write(name, content.getBytes(StandardCharsets.UTF_8));
  }

  private Path write(String name, byte[] content) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, content);
    return file;
  }

  private static CsvRegressionData load(Path file) throws DataFileException {
    return CsvRegressionData.load(file, null, null, 2, false, 0);
  }

  private static int[] rows(Loader loader) {
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < loader.size(); i++) {
      for (int row : loader.get(i).rows()) {
        rows.add(row);
      }
    }
    return rows.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Loads {@code content} and returns the refusal, checking the message's general form. */
  private DataFileException refused(String content, String target, Integer numTrain)
      throws IOException {
    return refused(write("data.csv", content), target, numTrain);
  }

  private DataFileException refused(String content) throws IOException {
    return refused(content, null, null);
  }

  private static DataFileException refused(Path file, String target, Integer numTrain) {
    DataFileException e =
        catchThrowableOfType(
            DataFileException.class,
            () -> CsvRegressionData.load(file, target, numTrain, 2, true, 0));
    assertThat(e).as("a DataFileException").isNotNull();
    assertThat(e.getMessage()).startsWith(file.toString() + ":").doesNotContain("\n", "\r");
    assertThat(e.file()).isEqualTo(file);
    return e;
  }

  private static void assertAt(DataFileException e, int line, int column) {
    assertThat(e.line()).as("line of: %s", e.getMessage()).isEqualTo(line);
    assertThat(e.column()).as("column of: %s", e.getMessage()).isEqualTo(column);
    String where =
        line == 0 ? ": " : column == 0 ? ":" + line + ": " : ":" + line + ":" + column + ": ";
    assertThat(e.getMessage()).isEqualTo(e.file() + where + e.reason());
  }

  // ---------------------------------------------------------------------------------------------
  // Accepted

  @Test
  void loadsAPlainCommaFile() throws Exception {
    CsvRegressionData data = load(write("data.csv", FIVE_ROWS));

    assertThat(data.featureNames()).containsExactly("x1", "x2");
    assertThat(data.targetName()).isEqualTo("y");
    assertThat(data.numFeatures()).isEqualTo(2);
    assertThat(data.numTrain()).isEqualTo(4);
    assertThat(data.numVal()).isEqualTo(1);
    assertThat(data.delimiter()).isEqualTo(',');
    assertThat(data.truth()).isEmpty();
    for (int i = 0; i < 5; i++) {
      assertThat(data.featuresOf(i)).containsExactly(3 * i + 1, 3 * i + 2);
      assertThat(data.targetOf(i)).isEqualTo(3 * i + 3);
      assertThat(data.lineOf(i)).isEqualTo(i + 2);
    }
    assertThat(data.trainFeatures()).containsExactly(1, 2, 4, 5, 7, 8, 10, 11);
    assertThat(data.trainTargets()).containsExactly(3, 6, 9, 12);
  }

  @Test
  void loadersSplitTrainAndValidationInFileOrder() throws Exception {
    Path file = write("data.csv", "a,b\n" + rowsOf(10));
    CsvRegressionData data = CsvRegressionData.load(file, null, 7, 3, false, 0);

    Loader train = data.trainLoader(0);
    assertThat(train.size()).isEqualTo(3);
    assertThat(train.numExamples()).isEqualTo(7);
    assertThat(rows(train)).containsExactly(0, 1, 2, 3, 4, 5, 6);
    assertThat(train.get(2).size()).isEqualTo(1);

    Loader val = data.valLoader();
    assertThat(val.size()).isEqualTo(1);
    Batch batch = val.get(0);
    assertThat(batch.rows()).containsExactly(7, 8, 9);
    assertThat(batch.x().shape()).isEqualTo(Shape.of(3, 1));
    assertThat(batch.y().shape()).isEqualTo(Shape.of(3, 1));
    assertThat(batch.x().toArray()).containsExactly(7, 8, 9);
    assertThat(batch.y().toArray()).containsExactly(70, 80, 90);
  }

  @Test
  void shuffledTrainingIsAReproduciblePermutation() throws Exception {
    Path file = write("data.csv", "a,b\n" + rowsOf(50));
    CsvRegressionData data = CsvRegressionData.load(file, null, null, 8, true, 3);

    int[] epoch0 = rows(data.trainLoader(0));
    assertThat(data.numTrain()).isEqualTo(40);
    assertThat(data.trainLoader(0).size()).isEqualTo(5);
    assertThat(Arrays.stream(epoch0).sorted().toArray())
        .containsExactly(IntStream.range(0, 40).toArray());
    assertThat(epoch0).isNotEqualTo(IntStream.range(0, 40).toArray());
    assertThat(rows(data.trainLoader(1))).isNotEqualTo(epoch0);
    assertThat(rows(CsvRegressionData.load(file, null, null, 8, true, 3).trainLoader(0)))
        .containsExactly(epoch0);
    assertThat(rows(data.valLoader())).containsExactly(IntStream.range(40, 50).toArray());
  }

  /** Rows "i,10i" for i in 0 … n−1, LF-terminated. */
  private static String rowsOf(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> i + "," + 10 * i + "\n")
        .collect(Collectors.joining());
  }

  @Test
  void semicolonsCrlfBomQuotedHeaderAndTrailingBlankLines() throws Exception {
    String text =
        "\uFEFF\"x1\";\"x2\";\"y\"\r\n1;2;3\r\n4;5;6\r\n7;8;9\r\n10;11;12\r\n13;14;15\r\n\r\n\r\n";
    CsvRegressionData data = load(write("data.csv", text));

    assertThat(data.delimiter()).isEqualTo(';');
    assertThat(data.featureNames()).containsExactly("x1", "x2");
    assertThat(data.targetName()).isEqualTo("y");
    assertThat(data.numTrain()).isEqualTo(4);
    assertThat(data.numVal()).isEqualTo(1);
    assertThat(data.featuresOf(4)).containsExactly(13, 14);
    assertThat(data.targetOf(4)).isEqualTo(15);
    assertThat(data.lineOf(4)).isEqualTo(6);
  }

  @Test
  void tabs() throws Exception {
    CsvRegressionData data = load(write("data.tsv", FIVE_ROWS.replace(',', '\t')));

    assertThat(data.delimiter()).isEqualTo('\t');
    assertThat(data.featureNames()).containsExactly("x1", "x2");
    assertThat(data.featuresOf(1)).containsExactly(4, 5);
  }

  @Test
  void aByteOrderMarkAloneBeforeTheHeaderIsNotPartOfTheFirstName() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = FIVE_ROWS.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, bytes, 0, 3);
    System.arraycopy(body, 0, bytes, 3, body.length);

    CsvRegressionData data =
        CsvRegressionData.load(write("bom.csv", bytes), "x1", null, 2, false, 0);

    assertThat(data.targetName()).isEqualTo("x1");
    assertThat(data.featureNames()).containsExactly("x2", "y");
  }

  @Test
  void oldMacLineEndings() throws Exception {
    CsvRegressionData data = load(write("data.csv", FIVE_ROWS.replace('\n', '\r')));

    assertThat(data.numTrain() + data.numVal()).isEqualTo(5);
    assertThat(data.lineOf(3)).isEqualTo(5);
  }

  @Test
  void blankAndSpaceOnlyLinesAreSkippedButCounted() throws Exception {
    String text = "\n\nx,y\r\n1,2\r\n\r\n   \r\n3,4\r\n5,6\n\n  \n\t\n";
    CsvRegressionData data = load(write("data.csv", text));

    assertThat(data.numTrain() + data.numVal()).isEqualTo(3);
    assertThat(data.lineOf(0)).isEqualTo(4);
    assertThat(data.lineOf(1)).isEqualTo(7);
    assertThat(data.lineOf(2)).isEqualTo(8);
    assertThat(data.targetOf(2)).isEqualTo(6);
  }

  @Test
  void linesOfDelimitersOnlyAreBlankToo() throws Exception {
    CsvRegressionData data = load(write("sheet.csv", "x,y\r\n1,2\r\n,\r\n3,4\r\n,\r\n , \r\n"));

    assertThat(data.numTrain() + data.numVal()).isEqualTo(2);
    assertThat(data.lineOf(1)).isEqualTo(4);
  }

  @Test
  void aTabFileEndingInALineOfTabs() throws Exception {
    CsvRegressionData data = load(write("data.tsv", "x\ty\n1\t2\n3\t4\n\t\n"));

    assertThat(data.delimiter()).isEqualTo('\t');
    assertThat(data.numTrain() + data.numVal()).isEqualTo(2);
  }

  @Test
  void numbersInEveryUsualSpelling() throws Exception {
    String text =
        "a,b,c,d,y\n" + "1e-3, -2.5 , 3 ,+4,.5\n" + "\" 7 \",1.,1E2,-0,1e-400\n" + "0,0,0,0,0\n";
    CsvRegressionData data = load(write("data.csv", text));

    assertThat(data.featuresOf(0)).containsExactly(1e-3, -2.5, 3, 4);
    assertThat(data.targetOf(0)).isEqualTo(0.5);
    assertThat(data.featuresOf(1)).containsExactly(7, 1, 100, -0.0);
    assertThat(data.targetOf(1)).isEqualTo(0);
    assertThat(data.numTrain()).isEqualTo(2);
  }

  @Test
  void targetChosenByNameLeavesTheOtherColumnsAsFeaturesInFileOrder() throws Exception {
    CsvRegressionData data =
        CsvRegressionData.load(write("data.csv", FIVE_ROWS), "x2", 2, 1, false, 0);

    assertThat(data.targetName()).isEqualTo("x2");
    assertThat(data.featureNames()).containsExactly("x1", "y");
    assertThat(data.featuresOf(0)).containsExactly(1, 3);
    assertThat(data.targetOf(0)).isEqualTo(2);
    assertThat(data.numTrain()).isEqualTo(2);
    assertThat(data.numVal()).isEqualTo(3);
    assertThat(data.trainLoader(0).size()).isEqualTo(2);
    assertThat(rows(data.valLoader())).containsExactly(2, 3, 4);
  }

  @Test
  void spacesAroundHeaderNamesAreTrimmed() throws Exception {
    CsvRegressionData data = load(write("data.csv", " x1 , \"x2\" ,y \n1,2,3\n4,5,6\n"));

    assertThat(data.featureNames()).containsExactly("x1", "x2");
    assertThat(data.targetName()).isEqualTo("y");
    assertThat(data.numTrain()).isEqualTo(1);
    assertThat(data.numVal()).isEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource({"2,1", "3,2", "4,3", "5,4", "6,4", "9,7", "10,8", "11,8", "1000,800", "1001,800"})
  void defaultSplitIsEightyPercentRoundedDown(int rows, int numTrain) throws Exception {
    assertThat(CsvRegressionData.defaultNumTrain(rows)).isEqualTo(numTrain);

    CsvRegressionData data = load(write("data.csv", "a,b\n" + rowsOf(rows)));
    assertThat(data.numTrain()).isEqualTo(numTrain);
    assertThat(data.numVal()).isEqualTo(rows - numTrain);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a,b,c|comma",
        "a;b;c|semicolon",
        "a<TAB>b<TAB>c|tab",
        "a,b;c|comma", // a tie: comma first
        "a;b<TAB>c|semicolon", // a tie: semicolon before tab
        "a;b;c,d|semicolon",
        "a,b<TAB>c<TAB>d|tab",
        "'\"a,b\";c;d'|semicolon", // the quoted comma is not a delimiter
        "'\"x;1\",\"x;2\",y'|comma",
        "one|comma"
      })
  void delimiterIsSniffedFromTheHeader(String header, String delimiter) {
    char expected = delimiter.equals("comma") ? ',' : delimiter.equals("semicolon") ? ';' : '\t';

    assertThat(CsvRegressionData.sniff(header.replace("<TAB>", "\t") + "\n1,2,3\n"))
        .isEqualTo(expected);
  }

  @Test
  void theHeaderIsTheFirstNonBlankLine() {
    assertThat(CsvRegressionData.sniff("\n  \r\na;b\n1,2,3,4\n")).isEqualTo(';');
  }

  @Test
  void aQuotedHeaderNameMaySpanLines() {
    assertThat(CsvRegressionData.sniff("\"a\nb\";c;d\n1;2;3\n")).isEqualTo(';');
  }

  @Test
  void aSemicolonFileWithDecimalPointsAndCommasInNames() throws Exception {
    CsvRegressionData data = load(write("data.csv", "\"a,b\";\"c,d\";y\n1.5;2;3\n4;5;6.25\n"));

    assertThat(data.featureNames()).containsExactly("a,b", "c,d");
    assertThat(data.featuresOf(0)).containsExactly(1.5, 2);
    assertThat(data.targetOf(1)).isEqualTo(6.25);
  }

  // ---------------------------------------------------------------------------------------------
  // Refused

  @ParameterizedTest
  @ValueSource(strings = {"", "\uFEFF", "\n\n", "  \r\n \t \n"})
  void anEmptyFile(String content) throws Exception {
    DataFileException e = refused(content);

    assertAt(e, 0, 0);
    assertThat(e.reason()).isEqualTo("the file is empty");
  }

  @Test
  void aHeaderWithoutData() throws Exception {
    DataFileException e = refused("x,y\n\n");

    assertAt(e, 0, 0);
    assertThat(e.reason()).contains("no data rows", "line 1");
  }

  @Test
  void oneDataRow() throws Exception {
    DataFileException e = refused("\nx,y\n1,2\n");

    assertAt(e, 0, 0);
    assertThat(e.reason()).contains("only one data row (line 3)", "at least two");
  }

  @Test
  void aRowWithTooFewCells() throws Exception {
    DataFileException e = refused("x1,x2,y\n1,2,3\n4,5\n7,8,9\n");

    assertAt(e, 3, 3);
    assertThat(e.reason()).contains("2 cells", "3 columns", "\"y\" is missing");
  }

  @Test
  void aRowWithTooManyCells() throws Exception {
    DataFileException e = refused("x1,x2,y\n1,2,3\n4,5,6\n7,8,9,10,11\n");

    assertAt(e, 4, 4);
    assertThat(e.reason()).contains("5 cells", "only 3 columns");
  }

  @Test
  void aTrailingDelimiterMakesAnExtraCell() throws Exception {
    DataFileException e = refused("x,y\n1,2,\n3,4\n");

    assertAt(e, 2, 3);
  }

  @Test
  void aRowWithTheWrongDelimiterSaysWhichOneIsExpected() throws Exception {
    DataFileException e = refused("x;y\n1;2\n3,4\n");

    assertAt(e, 3, 2);
    assertThat(e.reason()).contains("semicolon");
  }

  @Test
  void aWordWhereANumberBelongs() throws Exception {
    Path file =
        write("data.csv", "a,b,x2,y\n1,2,3,4\n1,2,3,4\n1,2,3,4\n1,2,3,4\n1,2,3,4\n1,2,abc,4\n");
    DataFileException e = refused(file, null, null);

    assertAt(e, 7, 3);
    assertThat(e.getMessage())
        .isEqualTo(file + ":7:3: cell \"abc\" in column \"x2\" is not a number");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "NaN|is not a finite number",
        "nan|is not a finite number",
        "Infinity|is not a finite number",
        "-Infinity|is not a finite number",
        "-inf|is not a finite number",
        "1e999|too large",
        "-1e400|too large",
        "0x10|is not a number",
        "0x1p3|is not a number",
        "1.5d|is not a number",
        "2f|is not a number",
        "1_000|is not a number",
        "1e|is not a number",
        "--1|is not a number",
        "1 2|is not a number",
        "١|is not a number"
      })
  void cellsThatAreNotFiniteDecimals(String cell, String reason) throws Exception {
    DataFileException e = refused("x,y\n1,2\n3," + cell + "\n5,6\n");

    assertAt(e, 3, 2);
    assertThat(e.reason()).startsWith("cell \"" + cell + "\" in column \"y\"").contains(reason);
  }

  @Test
  void anEmptyCell() throws Exception {
    DataFileException e = refused("x1,x2,y\n1,2,3\n4, ,6\n");

    assertAt(e, 3, 2);
    assertThat(e.reason()).isEqualTo("cell in column \"x2\" is empty");
  }

  @Test
  void aDecimalCommaGetsAHint() throws Exception {
    DataFileException e = refused("x;y\n1;2\n\"1,5\";3\n");

    assertAt(e, 3, 1);
    assertThat(e.reason()).contains("\"1,5\"", "\"x\"", "with a point");
  }

  @Test
  void lineNumbersCountBomCrlfAndSkippedBlankLines() throws Exception {
    DataFileException e = refused("\uFEFFx,y\r\n1,2\r\n\r\n\r\n3,oops\r\n\r\n");

    assertAt(e, 5, 2);
    assertThat(e.reason()).contains("\"oops\"");
  }

  @Test
  void lineNumbersAfterAQuotedCellSpanningLines() throws Exception {
    DataFileException e = refused("x,y\n\"1\n\",2\n3,4\n5,z\n");

    assertAt(e, 5, 2);
  }

  @Test
  void aCellWithALineBreakStaysOnOneMessageLine() throws Exception {
    DataFileException e = refused("x,y\n1,2\n3,\"4\n5\"\n");

    assertAt(e, 3, 2);
    assertThat(e.reason()).contains("\"4\\n5\"");
  }

  @Test
  void anUnknownTargetListsTheColumns() throws Exception {
    DataFileException e = refused(FIVE_ROWS, "z", null);

    assertAt(e, 1, 0);
    assertThat(e.reason())
        .isEqualTo(
            "no column named \"z\" to use as the target; the columns are \"x1\", \"x2\", \"y\"");
  }

  @Test
  void anUnknownTargetAmongManyColumnsListsTheFirstTen() throws Exception {
    String header =
        IntStream.rangeClosed(1, 15).mapToObj(i -> "c" + i).collect(Collectors.joining(","));
    String row = IntStream.rangeClosed(1, 15).mapToObj(i -> "1").collect(Collectors.joining(","));
    DataFileException e = refused(header + "\n" + row + "\n" + row + "\n", "z", null);

    assertAt(e, 1, 0);
    assertThat(e.reason()).endsWith("\"c9\", \"c10\" and 5 more").doesNotContain("c11");
  }

  @Test
  void targetNamesAreCaseSensitive() throws Exception {
    DataFileException e = refused(FIVE_ROWS, "Y", null);

    assertAt(e, 1, 0);
  }

  @Test
  void duplicateColumnNamesNameBothColumns() throws Exception {
    DataFileException e = refused("x,y,x\n1,2,3\n4,5,6\n");

    assertAt(e, 1, 3);
    assertThat(e.reason()).contains("column 3", "\"x\"", "column 1", "unique");
  }

  @Test
  void duplicatesAfterTrimmingAndUnquotingToo() throws Exception {
    DataFileException e = refused("\n\"a\", a ,y\n1,2,3\n4,5,6\n");

    assertAt(e, 2, 2);
  }

  @Test
  void anUnnamedColumn() throws Exception {
    DataFileException e = refused("x,,y\n1,2,3\n4,5,6\n");

    assertAt(e, 1, 2);
    assertThat(e.reason()).contains("column 2 has no name");
  }

  @Test
  void aTrailingDelimiterInTheHeader() throws Exception {
    DataFileException e = refused("x,y,\n1,2\n3,4\n");

    assertAt(e, 1, 3);
    assertThat(e.reason()).contains("no name", "comma at the end");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "',,\nx1,x2,y\n1,2,3\n4,5,6\n7,8,9\n'|1|commas",
        "'\n;;\nx1;x2;y\n1;2;3\n4;5;6\n7;8;9\n'|2|semicolons",
        "' , \nx,y\n1,2\n3,4\n'|1|commas",
      })
  void aHeaderOfDelimitersOnlyIsRefusedNotSkipped(String content, int line, String delimiters)
      throws Exception {
    DataFileException e = refused(content.replace("\\n", "\n"));

    assertAt(e, line, 0);
    assertThat(e.reason())
        .isEqualTo(
            "the header has empty column names (the line holds only "
                + delimiters
                + "); the first line must name the columns");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"1,2,3\n4,5,6\n7,8,9\n", "1.5;-2;3e2\n4;5;6\n7;8;9\n", "\n 1 , \"2\"\n3,4\n"})
  void aFirstLineOfNumbersIsDataNotAHeader(String content) throws Exception {
    DataFileException e = refused(content);

    assertAt(e, content.startsWith("\n") ? 2 : 1, 0);
    assertThat(e.reason())
        .isEqualTo(
            "the first line looks like data, not a header; add a header row naming the columns");
  }

  @Test
  void aHeaderWithSomeNumericNamesIsStillAHeader() throws Exception {
    CsvRegressionData data = load(write("data.csv", "1,x,2010\n1,2,3\n4,5,6\n"));

    assertThat(data.featureNames()).containsExactly("1", "x");
    assertThat(data.targetName()).isEqualTo("2010");
  }

  @Test
  void aSingleColumn() throws Exception {
    DataFileException e = refused("y\n1\n2\n3\n");

    assertAt(e, 1, 0);
    assertThat(e.reason()).contains("one column (\"y\")", "feature");
  }

  @ParameterizedTest
  @CsvSource({
    "5,no validation row",
    "6,no validation row",
    "0,no training row",
    "-1,no training row"
  })
  void aSplitThatLeavesASideEmpty(int numTrain, String reason) throws Exception {
    DataFileException e = refused(FIVE_ROWS, null, numTrain);

    assertAt(e, 0, 0);
    assertThat(e.reason()).contains("numTrain " + numTrain, reason, "1 to 4");
  }

  @Test
  void withTwoRowsTheOnlySplitIsOneAndOne() throws Exception {
    DataFileException e = refused("x,y\n1,2\n3,4\n", null, 2);

    assertAt(e, 0, 0);
    assertThat(e.reason()).endsWith("the file has 2 data rows, so numTrain must be 1");
  }

  @Test
  void aMissingFile() {
    DataFileException e = refused(dir.resolve("nope.csv"), null, null);

    assertAt(e, 0, 0);
    assertThat(e.getMessage()).endsWith("nope.csv: no such file");
  }

  @Test
  void aDirectory() {
    DataFileException e = refused(dir, null, null);

    assertAt(e, 0, 0);
    assertThat(e.reason()).contains("directory");
  }

  @Test
  void bytesThatAreNotUtf8() throws Exception {
    byte[] bytes = "x,y\r\n1,2\r\n3,4\r\n".getBytes(StandardCharsets.UTF_8);
    bytes[12] = (byte) 0xE9; // Latin-1 é in place of the 4 on line 3
    DataFileException e = refused(write("latin1.csv", bytes), null, null);

    assertAt(e, 3, 0);
    assertThat(e.reason()).contains("0xE9", "UTF-8");
  }

  @Test
  void utf16() throws Exception {
    DataFileException e =
        refused(
            write("utf16.csv", "\uFEFFx,y\n1,2\n3,4\n".getBytes(StandardCharsets.UTF_16)),
            null,
            null);

    assertAt(e, 0, 0);
    assertThat(e.reason()).contains("UTF-16");
  }

  @Test
  void anUnclosedQuote() throws Exception {
    DataFileException e = refused("x,y\n1,2\n3,\"4\n5,6\n");

    assertAt(e, 3, 0);
    assertThat(e.reason()).contains("never closed");
  }

  @Test
  void textAfterAClosingQuote() throws Exception {
    DataFileException e = refused("x,y\n1,2\n3,\"4\"5\n");

    assertAt(e, 3, 0);
    assertThat(e.reason()).contains("after the closing");
  }

  @Test
  void withBatchSizeKeepsTheRowsAndTheSplit() throws Exception {
    CsvRegressionData data =
        CsvRegressionData.load(write("data.csv", FIVE_ROWS), null, null, 32, true, 5);

    CsvRegressionData fitted = data.withBatchSize(4);

    assertThat(fitted.batchSize()).isEqualTo(4);
    assertThat(fitted.trainLoader(0).size()).isEqualTo(1);
    assertThat(rows(fitted.trainLoader(0))).containsExactly(rows(data.trainLoader(0)));
    assertThat(fitted.numTrain()).isEqualTo(4);
    assertThat(fitted.featureNames()).isEqualTo(data.featureNames());
    assertThat(fitted.lineOf(4)).isEqualTo(6);
    assertThat(fitted.file()).isEqualTo(data.file());
    assertThat(data.withBatchSize(32)).isSameAs(data);
    assertThatIllegalArgumentException().isThrownBy(() -> data.withBatchSize(0));
  }

  @Test
  void aBatchSizeBelowOneIsAnArgumentError() throws Exception {
    Path file = write("data.csv", FIVE_ROWS);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> CsvRegressionData.load(file, null, null, 0, true, 0))
        .withMessageContaining("batch size must be at least 1");
  }

  // ---------------------------------------------------------------------------------------------
  // The exception itself

  @Test
  void messageLeavesOutLocationPartsThatAreZero() {
    Path file = Path.of("data.csv");

    assertThat(new DataFileException(file, 7, 3, "bad").getMessage())
        .isEqualTo("data.csv:7:3: bad");
    assertThat(new DataFileException(file, 7, 0, "bad").getMessage()).isEqualTo("data.csv:7: bad");
    assertThat(new DataFileException(file, 0, 0, "bad").getMessage()).isEqualTo("data.csv: bad");
    assertThat(new DataFileException(file, 0, 0, "two\nlines").getMessage())
        .isEqualTo("data.csv: two lines");
  }
}
