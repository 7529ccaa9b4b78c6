package descent.run;

import static org.assertj.core.api.Assertions.assertThat;

import descent.data.RegressionData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFileSourceTest {
  @TempDir Path dir;

  @Test
  void aCsvSourceWithChosenFeaturesLoadsOnlyThem() throws Exception {
    Path file = dir.resolve("d.csv");
    Files.writeString(file, "name,a,b,y\nx,1,2,3\ny,4,5,6\nz,7,8,9\n");
    RunConfig config =
        RunConfig.chapter(1)
            .withData(new DataSource.CsvFile(file, "y", List.of("b"), 2))
            .withBatchSize(2);

    RegressionData data = config.loadData();

    assertThat(data.featureNames()).containsExactly("b");
    assertThat(data.trainFeatures()).containsExactly(2, 5);
    assertThat(data.numVal()).isEqualTo(1);
  }
}
