package descent.app.runfile;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.DescentApp;
import descent.app.FxWait;
import descent.app.MainView;
import descent.app.session.TrainingSession;
import descent.app.settings.SettingsModel;
import descent.run.DataSource;
import descent.run.RunConfig;
import descent.run.RunFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File › Open run… and Save run… in the real main window. */
@ExtendWith(ApplicationExtension.class)
class RunFileMenuTest {
  @TempDir Path dir;
  private Stage stage;
  private TrainingSession session;
  private SettingsModel settings;
  private Path chosen;
  private RunFileMenu menu;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    session = DescentApp.show(stage);
    settings = session.settings();
    menu = new RunFileMenu(session, (saving, folder) -> chosen);
  }

  @AfterEach
  void stopTraining(FxRobot robot) {
    robot.interact(session::shutdown);
  }

  private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
    FxWait.until(20, condition);
  }

  /** Picks {@code file} in the (stand-in) chooser and clicks the item. */
  private void choose(FxRobot robot, Path file, int item) throws TimeoutException {
    chosen = file;
    robot.interact(() -> menu.items().get(item).fire());
    waitUntil(() -> !session.isBusy());
  }

  private String text(FxRobot robot, String id) {
    return robot.lookup("#" + id).queryAs(TextField.class).getText();
  }

  private String message(FxRobot robot) {
    return robot.lookup("#message").queryAs(Label.class).getText();
  }

  private static RunConfig lesson() {
    DataSource.Synthetic data =
        new DataSource.Synthetic(
            new double[] {1.5, -2, 0.25}, -1, 0.1, 200, 50, new double[] {1, 3, 0.5});
    return new RunConfig(data, 0.1, 0.2, 10, 7, 2.5, false, true, 123);
  }

  @Test
  void theWindowsFileMenuHoldsOpenRunAndSaveRun(FxRobot robot) {
    MainView view = (MainView) stage.getScene().getRoot();
    Menu file = view.menuBar().getMenus().get(0);

    assertThat(file.getText()).isEqualTo("File");
    assertThat(file.getItems()).extracting(MenuItem::getText).contains("Open run…", "Save run…");
  }

  @Test
  void openingARunFileShowsEveryValueAndSaysSo(FxRobot robot) throws Exception {
    Path file = dir.resolve("lesson.json");
    RunFile.write(file, lesson());

    choose(robot, file, 0);

    assertThat(text(robot, "learning-rate-field")).isEqualTo("0.1");
    assertThat(text(robot, "init-sigma-field")).isEqualTo("0.2");
    assertThat(text(robot, "epochs-field")).isEqualTo("7");
    assertThat(text(robot, "batch-size-field")).isEqualTo("10");
    assertThat(text(robot, "clip-norm-field")).isEqualTo("2.5");
    assertThat(text(robot, "training-rows-field")).isEqualTo("200");
    assertThat(text(robot, "seed-field")).isEqualTo("123");
    assertThat(text(robot, "true-w-field")).isEqualTo("1.5, -2, 0.25");
    assertThat(robot.lookup("#shuffle-check").queryAs(CheckBox.class).isSelected()).isFalse();
    assertThat(robot.lookup("#standardize-check").queryAs(CheckBox.class).isSelected()).isTrue();
    assertThat(WaitForAsyncUtils.asyncFx(settings::config).get()).isEqualTo(lesson());
    assertThat(message(robot)).startsWith("Opened run file lesson.json: a fresh run is ready");
    // the fresh run is the file's: 200 rows in batches of 10
    assertThat(session.batchesPerEpochProperty().get()).isEqualTo(20);
  }

  @Test
  void aRefusedFileLeavesEverySettingAndSaysWhy(FxRobot robot) throws Exception {
    RunConfig before = WaitForAsyncUtils.asyncFx(settings::config).get();
    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"format\": \"descent-run\"");

    choose(robot, broken, 0);

    assertThat(message(robot))
        .isEqualTo(
            "Not opened: "
                + broken
                + ":1:25: broken JSON: Unexpected end-of-input: expected close marker for Object");
    assertThat(WaitForAsyncUtils.asyncFx(settings::config).get()).isEqualTo(before);
    assertThat(text(robot, "learning-rate-field")).isEqualTo("0.03");

    // valid for the command line, but beyond the app's epochs slider
    Path long_ = dir.resolve("long.json");
    RunFile.write(long_, lesson().withEpochs(1000));
    choose(robot, long_, 0);
    assertThat(message(robot))
        .isEqualTo(
            "Not opened: "
                + long_
                + ": epochs 1000 is outside the app's range, 1 to 100 (the command line takes it:"
                + " descent train --run long.json)");
    assertThat(WaitForAsyncUtils.asyncFx(settings::config).get()).isEqualTo(before);
    assertThat(text(robot, "epochs-field")).isEqualTo("3");
  }

  @Test
  void savingWritesTheCurrentSettings(FxRobot robot) throws Exception {
    robot.interact(() -> session.load(lesson().withSeed(9), "test"));
    Path file = dir.resolve("saved.json");

    choose(robot, file, 1);

    assertThat(RunFile.read(file)).isEqualTo(lesson().withSeed(9));
    assertThat(message(robot)).startsWith("Saved run file " + file);

    Path nowhere = Files.writeString(dir.resolve("plain.txt"), "x").resolve("run.json");
    choose(robot, nowhere, 1);
    assertThat(message(robot)).startsWith("Not saved: cannot write " + nowhere + ": ");
  }

  @Test
  void aCsvRunOpensWithItsFile(FxRobot robot) throws Exception {
    StringBuilder csv = new StringBuilder("x,y\n");
    for (int i = 0; i < 20; i++) {
      csv.append(i).append(',').append(2 * i + 1).append('\n');
    }
    Path data = Files.writeString(dir.resolve("line.csv"), csv);
    RunConfig config =
        RunConfig.chapter(4)
            .withData(new DataSource.CsvFile(data, "y", List.of(), 16))
            .withBatchSize(4);
    Path file = dir.resolve("line.json");
    RunFile.write(file, config);

    choose(robot, file, 0);

    assertThat(WaitForAsyncUtils.asyncFx(settings::config).get()).isEqualTo(config);
    assertThat(message(robot)).startsWith("Opened run file line.json");
  }
}
