package descent.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing the feature columns of a CSV file: the rest are ignored, whatever they hold. */
class CsvFeatureColumnsTest {
  @TempDir Path dir;

  /** A city column of text, three numeric columns and a target. */
  private Path houses() throws Exception {
    Path file = dir.resolve("houses.csv");
    Files.writeString(
        file,
        "city,rooms,area,age,price\n"
            + "Oslo,3,70,10,300\n"
            + "Bergen,4,90,,350\n"
            + "Tromsø,2,50,30,200\n"
            + "Bodø,5,120,5,500\n"
            + "Molde,3,80,20,320\n");
    return file;
  }

  private static CsvRegressionData load(Path file, String target, List<String> features)
      throws DataFileException {
    return CsvRegressionData.load(file, target, features, null, 2, false, 0);
  }

  @Test
  void onlyTheChosenColumnsAreReadInTheOrderGiven() throws Exception {
    CsvRegressionData data = load(houses(), null, List.of("area", "rooms"));

    assertThat(data.featureNames()).containsExactly("area", "rooms");
    assertThat(data.targetName()).isEqualTo("price");
    assertThat(data.numFeatures()).isEqualTo(2);
    assertThat(data.featuresOf(0)).containsExactly(70, 3);
    assertThat(data.featuresOf(3)).containsExactly(120, 5);
    assertThat(data.targetOf(2)).isEqualTo(200);
    assertThat(data.numTrain()).isEqualTo(4);
  }

  @Test
  void aTextColumnOrAnEmptyCellNotChosenNeverStopsTheFile() throws Exception {
    Path file = houses();
    // every column: the city is refused, by line and column
    assertThatThrownBy(() -> load(file, null, List.of()))
        .isInstanceOf(DataFileException.class)
        .hasMessage(file + ":2:1: cell \"Oslo\" in column \"city\" is not a number");
    // age has an empty cell on line 3, but it is not chosen
    assertThat(load(file, "price", List.of("rooms")).featuresOf(1)).containsExactly(4);
  }

  @Test
  void aChosenColumnWithABadCellIsRefusedAsBefore() throws Exception {
    Path file = houses();
    assertThatThrownBy(() -> load(file, null, List.of("rooms", "age")))
        .isInstanceOf(DataFileException.class)
        .hasMessage(file + ":3:4: cell in column \"age\" is empty");
  }

  @Test
  void anEmptyListMeansEveryColumnButTheTargetInFileOrder() throws Exception {
    Path file = dir.resolve("n.csv");
    Files.writeString(file, "a,b,c\n1,2,3\n4,5,6\n");
    CsvRegressionData data = load(file, "b", List.of());
    assertThat(data.featureNames()).containsExactly("a", "c");
    assertThat(data.featuresOf(1)).containsExactly(4, 6);
    assertThat(data.targetOf(1)).isEqualTo(5);
  }

  @Test
  void unknownRepeatedAndTargetFeaturesAreRefusedByName() throws Exception {
    Path file = houses();
    assertThatThrownBy(() -> load(file, null, List.of("rooms", "size")))
        .isInstanceOf(DataFileException.class)
        .hasMessage(
            file
                + ":1: no column named \"size\" to use as a feature; the columns are \"city\","
                + " \"rooms\", \"area\", \"age\", \"price\"");
    assertThatThrownBy(() -> load(file, null, List.of("rooms", "area", "rooms")))
        .isInstanceOf(DataFileException.class)
        .hasMessage(file + ":1: feature \"rooms\" is chosen twice; name each column once");
    assertThatThrownBy(() -> load(file, "area", List.of("rooms", "area")))
        .isInstanceOf(DataFileException.class)
        .hasMessage(
            file
                + ":1: column \"area\" is the target, so it cannot be a feature too; choose"
                + " another target or leave it out of the features");
  }

  @Test
  void aRaggedRowIsStillRefusedEvenInAColumnNotChosen() throws Exception {
    Path file = dir.resolve("ragged.csv");
    Files.writeString(file, "a,b,y\n1,2,3\n4,5\n7,8,9\n");
    assertThatThrownBy(() -> load(file, null, List.of("a")))
        .isInstanceOf(DataFileException.class)
        .hasMessageStartingWith(file + ":3:3: row has 2 cells but the header has 3 columns");
  }
}
