package descent.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.compare.RunLabels.Labelled;
import descent.run.DataSource;
import descent.run.RunConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs shown together are labelled by what differs between them, and only by that. */
class RunLabelsTest {
  private static final RunConfig CHAPTER = RunConfig.chapter(42);

  private static List<String> labels(RunConfig... configs) {
    List<Labelled> runs = new ArrayList<>();
    for (int i = 0; i < configs.length; i++) {
      runs.add(new Labelled(i + 1, configs[i]));
    }
    return RunLabels.of(runs);
  }

  @Test
  void theLearningRateAloneNamesTheRateInShortDecimals() {
    assertThat(labels(CHAPTER, CHAPTER.withLr(0.3))).containsExactly("lr 0.03", "lr 0.3");
    assertThat(labels(CHAPTER.withLr(0.1 + 0.2), CHAPTER.withLr(1e-5)))
        .containsExactly("lr 0.3", "lr 1e-5");
  }

  @Test
  void eachSettingHasItsShortWords() {
    assertThat(labels(CHAPTER, CHAPTER.withBatchSize(1))).containsExactly("batch 32", "batch 1");
    assertThat(labels(CHAPTER, CHAPTER.withSigma(0))).containsExactly("σ 0.01", "σ 0");
    assertThat(labels(CHAPTER, CHAPTER.withClip(1))).containsExactly("no clip", "clip 1");
    assertThat(labels(CHAPTER, CHAPTER.withShuffle(false)))
        .containsExactly("shuffle", "no shuffle");
    assertThat(labels(CHAPTER, CHAPTER.withSeed(7))).containsExactly("seed 42", "seed 7");
    assertThat(labels(CHAPTER, CHAPTER.withEpochs(1))).containsExactly("3 epochs", "1 epoch");
    assertThat(labels(CHAPTER, CHAPTER.withStandardize(true)))
        .containsExactly("raw features", "z-scores");
  }

  @Test
  void severalDifferencesAreJoinedAndOnlyDifferingFieldsShow() {
    assertThat(
            labels(
                CHAPTER,
                CHAPTER.withLr(0.3).withBatchSize(1),
                CHAPTER.withLr(0.3).withBatchSize(32)))
        .containsExactly("lr 0.03, batch 32", "lr 0.3, batch 1", "lr 0.3, batch 32");
  }

  @Test
  void twinsAmongDifferentRunsAddTheirNumbers() {
    assertThat(labels(CHAPTER, CHAPTER.withLr(0.3), CHAPTER.withLr(0.3)))
        .containsExactly("lr 0.03", "lr 0.3 (run 2)", "lr 0.3 (run 3)");
  }

  @Test
  void runsThatDoNotDifferAreNamedByTheirNumber() {
    assertThat(RunLabels.of(List.of(new Labelled(3, CHAPTER), new Labelled(5, CHAPTER))))
        .containsExactly("run 3", "run 5");
    assertThat(RunLabels.of(List.of(new Labelled(4, CHAPTER)))).containsExactly("run 4");
  }

  @Test
  void otherDataAreNamedByWhatDiffers() {
    DataSource.Synthetic noisy =
        new DataSource.Synthetic(new double[] {2, -3.4}, 4.2, 1, 1000, 1000);
    assertThat(labels(CHAPTER, CHAPTER.withData(noisy))).containsExactly("noise 0.01", "noise 1");
    DataSource.Synthetic one = new DataSource.Synthetic(new double[] {2}, 4.2, 0.01, 1000, 1000);
    assertThat(labels(CHAPTER, CHAPTER.withData(one))).containsExactly("d = 2", "d = 1");
    DataSource.CsvFile csv =
        new DataSource.CsvFile(Path.of("data", "houses.csv"), null, List.of(), 80);
    assertThat(labels(CHAPTER.withData(csv), CHAPTER))
        .containsExactly("houses.csv, 80 rows", "synthetic, 1,000 rows");
  }
}
