package descent.app.csv;

import static descent.app.csv.CsvApp.find;
import static descent.app.csv.CsvApp.settled;
import static descent.app.csv.CsvApp.waitIdle;
import static descent.app.csv.CsvApp.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import descent.app.DescentApp;
import descent.app.MainView;
import descent.app.chart.LossChartView;
import descent.app.chart.LossSeries;
import descent.app.session.TrainingSession;
import descent.app.settings.SettingsModel;
import descent.run.DataSource;
import descent.run.RunConfig;
import descent.testing.LinearCsv;
import descent.train.DataSample;
import descent.train.RunPicture;
import descent.train.TrainingRun;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Your own data in the app: File > Open CSV…, dropping a file, the dialog and what it changes. */
@ExtendWith(ApplicationExtension.class)
class CsvImportTest {
  @TempDir Path dir;
  private TrainingSession session;
  private SettingsModel settings;
  private MainView view;

  @Start
  void start(Stage stage) {
    session = DescentApp.show(stage);
    settings = session.settings();
    view = (MainView) stage.getScene().getRoot();
  }

  @AfterEach
  void stop(FxRobot robot) {
    robot.interact(
        () -> {
          CsvImportDialog d = view.csvImport().dialogProperty().get();
          if (d != null) {
            d.close();
          }
          session.shutdown();
        });
  }

  /** File > Open CSV… with the chooser answering {@code file}; returns the dialog it opens. */
  private CsvImportDialog openViaMenu(FxRobot robot, Path file) throws Exception {
    robot.interact(() -> view.csvImport().setChooser(owner -> file.toFile()));
    Menu fileMenu = view.fileMenu();
    assertThat(fileMenu.getText()).isEqualTo("File");
    MenuItem open =
        fileMenu.getItems().stream().filter(i -> "open-csv".equals(i.getId())).findFirst().get();
    assertThat(open.getText()).isEqualTo("Open CSV…");
    robot.interact(open::fire);
    waitUntil(() -> view.csvImport().dialogProperty().get() != null);
    return view.csvImport().dialogProperty().get();
  }

  private void press(FxRobot robot, Button button) throws Exception {
    robot.interact(button::fire);
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** What must not change when a file is refused or the dialog cancelled. */
  private record Before(
      TrainingRun run,
      RunPicture picture,
      RunConfig config,
      long steps,
      List<?> chartPoints,
      String message) {}

  private Before before(FxRobot robot) throws Exception {
    robot.interact(session::step);
    robot.interact(session::step);
    waitIdle(session);
    // the chart takes its points on the next frame: wait until it shows both steps
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () -> WaitForAsyncUtils.asyncFx(this::now).get().chartPoints().size() == 2);
    return WaitForAsyncUtils.asyncFx(this::now).get();
  }

  private Before now() {
    LossChartView chart = (LossChartView) view.lookup(".loss-chart-view");
    return new Before(
        session.run(),
        session.pictureProperty().get(),
        settings.config(),
        session.stepsProperty().get(),
        List.copyOf(chart == null ? List.of() : chart.model().points(LossSeries.MINIBATCH)),
        session.messageProperty().get());
  }

  private void assertUnchanged(Before before) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    Before after = WaitForAsyncUtils.asyncFx(this::now).get();
    assertThat(after.run()).isSameAs(before.run());
    assertThat(after.picture()).isSameAs(before.picture());
    assertThat(after.config()).isEqualTo(before.config());
    assertThat(after.steps()).isEqualTo(before.steps()).isEqualTo(2);
    assertThat(after.chartPoints()).isEqualTo(before.chartPoints()).isNotEmpty();
    assertThat(after.message()).isEqualTo(before.message());
    assertThat(settings.csvData.get()).isNull();
  }

  @Test
  void theMenuOpensTheDialogWithAPreviewAndTheDefaults(FxRobot robot) throws Exception {
    Path file = LinearCsv.write(dir);
    CsvImportDialog d = openViaMenu(robot, file);
    CsvCheck.Verdict v = settled(d);

    assertThat(v.ok()).isTrue();
    @SuppressWarnings("unchecked")
    TableView<List<String>> table = find(d, "csv-preview", TableView.class);
    assertThat(table.getColumns()).extracting(c -> c.getText()).containsExactly("a", "b", "y");
    assertThat(table.getItems()).hasSize(20);
    String firstRow = Files.readAllLines(file).get(1);
    assertThat(String.join(",", table.getItems().get(0))).isEqualTo(firstRow);
    assertThat(find(d, "csv-target", ComboBox.class).getValue()).isEqualTo("y");
    assertThat(find(d, "csv-feature-0", CheckBox.class).isSelected()).isTrue();
    assertThat(find(d, "csv-feature-1", CheckBox.class).isSelected()).isTrue();
    assertThat(find(d, "csv-feature-2", CheckBox.class).isDisabled()).isTrue();
    assertThat(find(d, "csv-num-train", TextField.class).getText()).isEqualTo("80");
    assertThat(find(d, "csv-rows-note", Label.class).getText()).contains("100 data rows");
    assertThat(find(d, "csv-status", Label.class).getText())
        .isEqualTo("80 rows train, 20 validate; 2 features, target \"y\"");
    assertThat(CsvApp.ok(d).isDisabled()).isFalse();

    press(robot, CsvApp.ok(d));
    waitUntil(() -> settings.csvData.get() != null);
    waitUntil(() -> session.pictureProperty().get().featureNames().equals(List.of("a", "b")));
    waitIdle(session);

    assertThat(settings.csvData.get())
        .isEqualTo(new DataSource.CsvFile(file, "y", List.of("a", "b"), 80));
    assertThat(session.pictureProperty().get().targetName()).isEqualTo("y");
    assertThat(session.pictureProperty().get().truth()).isNull();
    assertThat(session.messageProperty().get()).contains("Data from linear.csv");
    // the parameter table has no truth for a file: the true column is empty
    assertThat(session.parameters().rows()).hasSize(3);
    assertThat(session.parameters().rows().get(0).trueValue()).isNaN();
    // the synthetic data's fields are off, and a line names the file in their place
    assertThat(robot.lookup("#noise-field").queryAs(TextField.class).isDisabled()).isTrue();
    assertThat(robot.lookup("#true-w-field").queryAs(TextField.class).isDisabled()).isTrue();
    assertThat(robot.lookup("#seed-field").queryAs(TextField.class).isDisabled()).isFalse();
    Label line = robot.lookup("#csv-data-text").queryAs(Label.class);
    assertThat(line.isVisible()).isTrue();
    assertThat(line.getText())
        .isEqualTo(
            "linear.csv: target \"y\", features a, b; the first 80 rows train, the rest validate");
    // the batch size fits the file's training rows
    assertThat(settings.batchSize.max()).isEqualTo(80);

    // and back
    press(robot, robot.lookup("#use-synthetic").queryAs(Button.class));
    waitUntil(() -> settings.csvData.get() == null);
    waitUntil(() -> session.pictureProperty().get().truth() != null);
    assertThat(robot.lookup("#noise-field").queryAs(TextField.class).isDisabled()).isFalse();
    assertThat(robot.lookup("#csv-data-line").query().isVisible()).isFalse();
    assertThat(settings.batchSize.max()).isEqualTo(1000);
  }

  @Test
  void theBatchSizeIsLoweredToTheTrainingRows(FxRobot robot) throws Exception {
    Path file = dir.resolve("small.csv");
    Files.writeString(file, "x,y\n1,2\n2,4\n3,6\n4,8\n5,10\n6,12\n7,14\n8,16\n9,18\n10,20\n");
    CsvImportDialog d = openViaMenu(robot, file);
    assertThat(settled(d).numTrain()).isEqualTo(8);
    press(robot, CsvApp.ok(d));
    waitUntil(() -> settings.csvData.get() != null);
    waitIdle(session);
    assertThat(settings.batchSize.intValue()).isEqualTo(8);
    waitUntil(() -> session.batchesPerEpochProperty().get() == 1);
  }

  @Test
  void pickingTheTargetAndTheFeatures(FxRobot robot) throws Exception {
    Path file = dir.resolve("houses.csv");
    StringBuilder csv = new StringBuilder("city,rooms,area,price\n");
    for (int i = 0; i < 30; i++) {
      csv.append("c").append(i).append(',').append(1 + i % 5).append(',').append(40 + 3 * i);
      csv.append(',').append(100 + 7 * i).append('\n');
    }
    Files.writeString(file, csv);
    CsvImportDialog d = openViaMenu(robot, file);
    settled(d);
    // the text column is not a feature by default
    assertThat(find(d, "csv-feature-0", CheckBox.class).isSelected()).isFalse();
    assertThat(find(d, "csv-feature-1", CheckBox.class).isSelected()).isTrue();
    assertThat(find(d, "csv-feature-2", CheckBox.class).isSelected()).isTrue();

    @SuppressWarnings("unchecked")
    ComboBox<String> target = find(d, "csv-target", ComboBox.class);
    robot.interact(() -> target.setValue("area"));
    robot.interact(() -> find(d, "csv-feature-3", CheckBox.class).setSelected(true));
    robot.interact(() -> find(d, "csv-feature-1", CheckBox.class).setSelected(false));
    assertThat(find(d, "csv-feature-2", CheckBox.class).isSelected()).isFalse();
    assertThat(find(d, "csv-feature-2", CheckBox.class).isDisabled()).isTrue();
    robot.interact(() -> find(d, "csv-num-train", TextField.class).setText("25"));
    CsvCheck.Verdict v = settled(d);
    assertThat(v.ok()).isTrue();
    assertThat(find(d, "csv-status", Label.class).getText())
        .isEqualTo("25 rows train, 5 validate; 1 feature, target \"area\"");

    press(robot, CsvApp.ok(d));
    waitUntil(() -> settings.csvData.get() != null);
    waitUntil(() -> session.pictureProperty().get().featureNames().equals(List.of("price")));
    waitIdle(session);
    RunPicture picture = session.pictureProperty().get();
    assertThat(picture.targetName()).isEqualTo("area");
    assertThat(picture.sample().totalRows()).isEqualTo(25);
    assertThat(picture.sample().x()[3][0]).isEqualTo(100 + 7 * 3);
    assertThat(picture.sample().y()[3]).isEqualTo(40 + 3 * 3);
    // area = (price − 100)·3/7 + 40 exactly: least squares finds it
    assertThat(picture.optimum().w()[0]).isCloseTo(3.0 / 7, within(1e-9));
  }

  @Test
  void standardisingMakesTheRunsFeaturesZScoresOfTheTrainingRows(FxRobot robot) throws Exception {
    Path file = LinearCsv.write(dir);
    List<String> lines = Files.readAllLines(file);
    double[] a = new double[80];
    for (int i = 0; i < 80; i++) {
      a[i] = Double.parseDouble(lines.get(i + 1).split(",")[0]);
    }
    double mean = java.util.Arrays.stream(a).average().orElseThrow();
    double sd = Math.sqrt(java.util.Arrays.stream(a).map(x -> (x - mean) * (x - mean)).sum() / 80);

    // off: the run's features are the file's numbers
    CsvImportDialog off = openViaMenu(robot, file);
    settled(off);
    assertThat(find(off, "csv-standardize", CheckBox.class).isSelected()).isFalse();
    press(robot, CsvApp.ok(off));
    waitUntil(() -> settings.csvData.get() != null);
    waitUntil(() -> session.pictureProperty().get().truth() == null);
    waitIdle(session);
    DataSample raw = session.pictureProperty().get().sample();
    assertThat(raw.x()[0][0]).isEqualTo(a[0]);
    assertThat(settings.standardize.get()).isFalse();

    // on: (x − mean) / sd with the training rows' mean and sd
    CsvImportDialog on = openViaMenu(robot, file);
    settled(on);
    robot.interact(() -> find(on, "csv-standardize", CheckBox.class).setSelected(true));
    assertThat(settled(on).ok()).isTrue();
    RunPicture before = session.pictureProperty().get();
    press(robot, CsvApp.ok(on));
    waitUntil(() -> session.pictureProperty().get() != before);
    waitIdle(session);
    assertThat(settings.standardize.get()).isTrue();
    DataSample z = session.pictureProperty().get().sample();
    for (int i : new int[] {0, 1, 41, 79}) {
      assertThat(z.x()[i][0]).isCloseTo((a[i] - mean) / sd, within(1e-12));
    }
    assertThat(z.means()[0]).isCloseTo(0, within(1e-12));
  }

  @Test
  void aDroppedCsvOpensTheDialogAndOtherFilesAreLeftAlone(FxRobot robot) throws Exception {
    Path file = LinearCsv.write(dir);
    Path json = Files.writeString(dir.resolve("run.json"), "{}");

    Path text = Files.writeString(dir.resolve("notes.txt"), "x");
    var textBoard = CsvApp.dragboardWith(List.of(text.toFile()));
    DragEvent overText = CsvApp.drag(robot, view, textBoard, DragEvent.DRAG_OVER);
    assertThat(overText.getAcceptedTransferMode()).isNull();
    // a .json is the run files' drop (ADR 0023): no CSV cue, no CSV dialog
    var jsonBoard = CsvApp.dragboardWith(List.of(json.toFile()));
    CsvApp.drag(robot, view, jsonBoard, DragEvent.DRAG_OVER);
    assertThat(robot.lookup("#csv-drop-cue").query().isVisible()).isFalse();
    CsvApp.drag(robot, view, jsonBoard, DragEvent.DRAG_DROPPED);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(view.csvImport().dialogProperty().get()).isNull();

    var board = CsvApp.dragboardWith(List.of(new File(file.toString())));
    DragEvent over = CsvApp.drag(robot, view, board, DragEvent.DRAG_OVER);
    assertThat(over.getAcceptedTransferMode()).isEqualTo(TransferMode.COPY);
    Label cue = robot.lookup("#csv-drop-cue").queryAs(Label.class);
    assertThat(cue.isVisible()).isTrue();
    assertThat(cue.getText()).isEqualTo("Drop to open linear.csv");
    assertThat(cue.getWidth()).isEqualTo(view.getWidth());
    CsvApp.drag(robot, view, board, DragEvent.DRAG_EXITED);
    assertThat(cue.isVisible()).isFalse();

    CsvApp.drag(robot, view, board, DragEvent.DRAG_OVER);
    DragEvent dropped = CsvApp.drag(robot, view, board, DragEvent.DRAG_DROPPED);
    assertThat(dropped.isDropCompleted()).isTrue();
    assertThat(cue.isVisible()).isFalse();
    waitUntil(() -> view.csvImport().dialogProperty().get() != null);
    CsvImportDialog d = view.csvImport().dialogProperty().get();
    assertThat(d.getHeaderText()).isEqualTo("linear.csv");
    assertThat(settled(d).ok()).isTrue();
  }

  @Test
  void cancelChangesNothing(FxRobot robot) throws Exception {
    Before before = before(robot);
    CsvImportDialog d = openViaMenu(robot, LinearCsv.write(dir));
    assertThat(settled(d).ok()).isTrue();
    press(robot, CsvApp.cancel(d));
    assertThat(d.isShowing()).isFalse();
    assertUnchanged(before);
  }

  /** Opens {@code file}, expects {@code message} beside {@code field}, OK off; cancels. */
  private void refused(FxRobot robot, Path file, String errorId, String message) throws Exception {
    Before before = before(robot);
    CsvImportDialog d = openViaMenu(robot, file);
    CsvCheck.Verdict v = settled(d);
    assertThat(v.ok()).isFalse();
    Label error = find(d, errorId, Label.class);
    assertThat(error.isVisible()).isTrue();
    assertThat(error.getText()).isEqualTo(message);
    assertThat(CsvApp.ok(d).isDisabled()).isTrue();
    press(robot, CsvApp.cancel(d));
    assertUnchanged(before);
  }

  @Test
  void anEmptyFileIsRefusedWithTheCommandLinesMessage(FxRobot robot) throws Exception {
    Path file = Files.writeString(dir.resolve("empty.csv"), "");
    refused(robot, file, "csv-error-file", file + ": the file is empty");
  }

  @Test
  void aMissingFileIsRefused(FxRobot robot) throws Exception {
    Path file = dir.resolve("gone.csv");
    refused(robot, file, "csv-error-file", file + ": no such file");
  }

  @Test
  void aFileWithOneDataRowLeavesNoValidationRow(FxRobot robot) throws Exception {
    Path file = Files.writeString(dir.resolve("one.csv"), "x,y\n1,2\n");
    refused(
        robot,
        file,
        "csv-error-file",
        file
            + ": only one data row (line 2); need at least two, one to train and one to"
            + " validate");
  }

  /** 30 rows; line 27 (row 26, below the preview's 20) has "abc" in column x2. */
  private Path textCellBelowThePreview() throws Exception {
    StringBuilder csv = new StringBuilder("x1,x2,y\n");
    for (int i = 0; i < 30; i++) {
      csv.append(i).append(',').append(i == 25 ? "abc" : String.valueOf(2 * i)).append(',');
      csv.append(3 * i).append('\n');
    }
    return Files.writeString(dir.resolve("bad.csv"), csv);
  }

  @Test
  void aTextCellInAChosenColumnIsRefusedBesideTheFeatures(FxRobot robot) throws Exception {
    Path file = textCellBelowThePreview();
    refused(
        robot,
        file,
        "csv-error-features",
        file + ":27:2: cell \"abc\" in column \"x2\" is not a number");
  }

  @Test
  void untickingTheBadColumnMakesTheFileAcceptable(FxRobot robot) throws Exception {
    Path file = textCellBelowThePreview();
    CsvImportDialog d = openViaMenu(robot, file);
    assertThat(settled(d).ok()).isFalse();
    robot.interact(() -> find(d, "csv-feature-1", CheckBox.class).setSelected(false));
    assertThat(settled(d).ok()).isTrue();
    assertThat(find(d, "csv-error-features", Label.class).isVisible()).isFalse();
    assertThat(CsvApp.ok(d).isDisabled()).isFalse();
  }

  @Test
  void trainingRowsThatLeaveNoValidationRowAreRefusedBesideTheField(FxRobot robot)
      throws Exception {
    Before before = before(robot);
    CsvImportDialog d = openViaMenu(robot, LinearCsv.write(dir));
    settled(d);
    robot.interact(() -> find(d, "csv-num-train", TextField.class).setText("100"));
    assertThat(settled(d).ok()).isFalse();
    Label error = find(d, "csv-error-num-train", Label.class);
    assertThat(error.getText())
        .isEqualTo(
            "must be an integer from 1 to 99 for this file, got 100 (linear.csv has 100 data"
                + " rows and at least one must be left to validate)");
    assertThat(CsvApp.ok(d).isDisabled()).isTrue();
    robot.interact(() -> find(d, "csv-num-train", TextField.class).setText("99"));
    assertThat(settled(d).ok()).isTrue();
    assertThat(error.isVisible()).isFalse();
    press(robot, CsvApp.cancel(d));
    assertUnchanged(before);
  }

  @Test
  void aConstantFeatureCannotBeStandardised(FxRobot robot) throws Exception {
    Path file =
        Files.writeString(dir.resolve("flat.csv"), "x,k,y\n1,5,2\n2,5,4\n3,5,6\n4,5,8\n5,5,9\n");
    CsvImportDialog d = openViaMenu(robot, file);
    assertThat(settled(d).ok()).isTrue();
    robot.interact(() -> find(d, "csv-standardize", CheckBox.class).setSelected(true));
    assertThat(settled(d).ok()).isFalse();
    assertThat(find(d, "csv-error-standardize", Label.class).getText())
        .isEqualTo("cannot standardise feature k: it is constant over the training rows");
    assertThat(CsvApp.ok(d).isDisabled()).isTrue();
  }
}
