package descent.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import descent.data.SyntheticRegressionData;
import descent.train.RunPicture;
import descent.train.RunSpec;
import descent.train.StepRecorder;
import descent.train.StepSnapshot;
import descent.train.TrainingEvent;
import descent.train.TrainingEvent.BatchDone;
import descent.train.TrainingEvent.EpochDone;
import descent.train.TrainingRun;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The CSV files hold the run's own numbers, exactly, one row per step, and read back as such. */
class HistoryCsvTest {
  private final List<TrainingEvent> events = new ArrayList<>();
  private RunPicture picture;
  private StepSnapshot ready;
  private TrainingRun run;

  /** The chapter's run on 200 + 100 rows, batch 32: 7 minibatches per epoch, 3 epochs. */
  private RunHistory chapterHistory() {
    SyntheticRegressionData data =
        new SyntheticRegressionData(new double[] {2, -3.4}, 4.2, 0.01, 200, 100, 32, true, 7);
    RunSpec spec = RunSpec.chapter(7);
    run = spec.newTrainer().prepare(spec.newModel(2), data, events::add);
    StepRecorder recorder = new StepRecorder(() -> true, s -> {}).attachTo(run);
    picture = RunPicture.of(data);
    ready = recorder.capture(run);
    run.runToEnd();
    RunHistory history = new RunHistory();
    history.startRun(picture, ready.w(), ready.b());
    // in frames of a few events, as the app hands them over
    for (int i = 0; i < events.size(); i += 5) {
      history.onEvents(events.subList(i, Math.min(events.size(), i + 5)));
    }
    return history;
  }

  private static List<CSVRecord> parse(String csv) throws IOException {
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .build()
        .parse(new StringReader(csv))
        .getRecords();
  }

  private List<BatchDone> batches() {
    return events.stream().filter(BatchDone.class::isInstance).map(BatchDone.class::cast).toList();
  }

  private List<EpochDone> epochs() {
    return events.stream().filter(EpochDone.class::isInstance).map(EpochDone.class::cast).toList();
  }

  @Test
  void lossHistoryHasEveryMinibatchAndEveryEpochExactly() throws IOException {
    String csv = HistoryCsv.lossHistory(chapterHistory());
    assertThat(csv).startsWith(String.join(",", HistoryCsv.LOSS_HEADER) + "\r\n");
    List<CSVRecord> rows = parse(csv);
    List<BatchDone> batches = batches();
    assertThat(batches).hasSize(21);
    assertThat(rows).hasSize(batches.size()); // each epoch ends on a minibatch's row
    for (int k = 0; k < rows.size(); k++) {
      CSVRecord row = rows.get(k);
      BatchDone b = batches.get(k);
      assertThat(Long.parseLong(row.get("step"))).isEqualTo(b.step());
      assertThat(Integer.parseInt(row.get("epoch"))).isEqualTo(b.epoch() + 1);
      assertThat(Integer.parseInt(row.get("batch"))).isEqualTo(b.batchIndex() + 1);
      assertThat(Double.parseDouble(row.get("fractional_epoch"))).isEqualTo(b.fractionalEpoch());
      assertThat(Double.parseDouble(row.get("minibatch_loss"))).isEqualTo(b.loss());
      assertThat(row.get("kept_every")).isEqualTo("1");
    }
    List<EpochDone> epochs = epochs();
    assertThat(epochs).hasSize(3);
    List<CSVRecord> withValidation =
        rows.stream().filter(r -> !r.get("validation_loss").isEmpty()).toList();
    assertThat(withValidation).hasSize(3);
    for (int e = 0; e < 3; e++) {
      CSVRecord row = withValidation.get(e);
      assertThat(Long.parseLong(row.get("step"))).isEqualTo(epochs.get(e).step());
      assertThat(Long.parseLong(row.get("step"))).isEqualTo(7L * (e + 1));
      assertThat(Double.parseDouble(row.get("validation_loss"))).isEqualTo(epochs.get(e).valLoss());
      assertThat(Double.parseDouble(row.get("epoch_train_loss")))
          .isEqualTo(epochs.get(e).trainLoss());
    }
  }

  @Test
  void parameterPathStartsBeforeTheFirstStepAndHasTheLossAtEachPoint() throws IOException {
    RunHistory history = chapterHistory();
    List<CSVRecord> rows = parse(HistoryCsv.parameterPath(history));
    assertThat(rows.get(0).getParser().getHeaderNames())
        .containsExactly("step", "w1", "w2", "b", "train_loss", "kept_every");
    List<BatchDone> batches = batches();
    assertThat(rows).hasSize(batches.size() + 1);
    CSVRecord first = rows.get(0);
    assertThat(first.get("step")).isEqualTo("0");
    assertThat(Double.parseDouble(first.get("w1"))).isEqualTo(ready.w()[0]);
    assertThat(Double.parseDouble(first.get("w2"))).isEqualTo(ready.w()[1]);
    assertThat(Double.parseDouble(first.get("b"))).isEqualTo(ready.b());
    for (int k = 0; k < batches.size(); k++) {
      CSVRecord row = rows.get(k + 1);
      BatchDone b = batches.get(k);
      assertThat(Long.parseLong(row.get("step"))).isEqualTo(b.step());
      assertThat(Double.parseDouble(row.get("w1"))).isEqualTo(b.w()[0]);
      assertThat(Double.parseDouble(row.get("w2"))).isEqualTo(b.w()[1]);
      assertThat(Double.parseDouble(row.get("b"))).isEqualTo(b.b());
      assertThat(Double.parseDouble(row.get("train_loss")))
          .isEqualTo(picture.surface().loss(b.w(), b.b()));
    }
    // the last point is where the run ended, and its loss is the run's final training loss
    double[] wEnd = run.model().w().toArray();
    assertThat(Double.parseDouble(rows.get(rows.size() - 1).get("w1"))).isEqualTo(wEnd[0]);
    assertThat(Double.parseDouble(rows.get(rows.size() - 1).get("train_loss")))
        .isLessThan(Double.parseDouble(first.get("train_loss")));
  }

  @Test
  void csvTextIsQuotedByRfc4180AndNumbersKeepFullPrecision() {
    RunHistory history = new RunHistory();
    history.startRun(chapterPicture(), new double[] {0.1 + 0.2, -1e-300}, Double.NaN);
    String csv = HistoryCsv.parameterPath(history);
    assertThat(csv).contains("0.30000000000000004,-1.0E-300,NaN,");
    assertThat(csv.split("\r\n")).hasSize(2);
  }

  private RunPicture chapterPicture() {
    return RunPicture.of(
        new SyntheticRegressionData(new double[] {2, -3.4}, 4.2, 0.01, 50, 10, 10, true, 1));
  }
}
