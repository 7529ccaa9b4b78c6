package descent.app.params;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.DescentApp;
import descent.app.FxWait;
import descent.app.session.TrainingSession;
import descent.app.session.TrainingSession.State;
import descent.app.settings.SpeedSetting;
import descent.data.RegressionData;
import descent.run.DataSource;
import descent.run.RunConfig;
import descent.train.FitQuality;
import descent.train.LeastSquares;
import descent.train.LeastSquaresGap;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The parameter panel's R² and RMSE, and its note when a run on a file's data stops far from least
 * squares, as a user sees them in the rendered scene.
 */
@ExtendWith(ApplicationExtension.class)
class FitScoresTest {
  private static final Path OUT = Path.of("target", "screenshots");
  private static final String[] CELLS = {
    "r2-train", "rmse-train", "r2-val", "rmse-val",
  };

  @TempDir Path dir;
  private Stage stage;
  private TrainingSession session;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    session = DescentApp.show(stage);
  }

  @AfterEach
  void stop(FxRobot robot) {
    robot.interact(session::shutdown);
  }

  private static void waitUntil(Callable<Boolean> condition) throws Exception {
    FxWait.until(30, condition);
  }

  /** 40 rows of y = 2·x1 − 3.4·x2 + 4.2 + noise: 32 training rows and 8 validation rows. */
  private Path csv() throws Exception {
    Random random = new Random(11);
    StringBuilder text = new StringBuilder("x1,x2,y\n");
    for (int i = 0; i < 40; i++) {
      double a = random.nextGaussian();
      double b = random.nextGaussian();
      double y = 2 * a - 3.4 * b + 4.2 + 0.01 * random.nextGaussian();
      text.append(String.format(Locale.ROOT, "%.9e,%.9e,%.9f%n", a, b, y));
    }
    Path file = dir.resolve("forty.csv");
    Files.writeString(file, text);
    return file;
  }

  private RunConfig csvConfig(Path file, int batchSize) throws Exception {
    return WaitForAsyncUtils.asyncFx(
            () ->
                session
                    .settings()
                    .config()
                    .withData(new DataSource.CsvFile(file, null, List.of(), null))
                    .withBatchSize(batchSize)
                    .withEpochs(3))
        .get();
  }

  /** Loads {@code config}, waits for its run, and plays it to the end at full speed. */
  private void trainToTheEnd(FxRobot robot, RunConfig config) throws Exception {
    robot.interact(
        () -> {
          session.settings().speed.positionProperty().set(SpeedSetting.MAX_POSITION);
          session.load(config, "test data");
        });
    waitUntil(() -> session.state() == State.READY && !session.isBusy());
    robot.interact(session::play);
    waitUntil(() -> session.state() == State.FINISHED);
  }

  private static String text(FxRobot robot, String id) {
    return robot.lookup("#" + id).queryAs(Label.class).getText();
  }

  /** The scores from the rows, independently of the app: learned w and b as the panel shows. */
  private static FitQuality quality(RunConfig config) throws Exception {
    RegressionData data = config.loadData();
    return FitQuality.of(
        data, LeastSquares.fit(data.trainFeatures(), data.trainTargets(), data.numFeatures()));
  }

  private double[] learned(FxRobot robot) throws Exception {
    return WaitForAsyncUtils.asyncFx(
            () -> session.parameters().rows().stream().mapToDouble(r -> r.learned()).toArray())
        .get();
  }

  @Test
  void theLabelsShowTheScoresOfTheLearnedModelAndOfLeastSquares(FxRobot robot) throws Exception {
    Path file = csv();
    RunConfig config = csvConfig(file, 1);
    trainToTheEnd(robot, config);

    double[] wb = learned(robot);
    double[] w = {wb[0], wb[1]};
    FitQuality q = quality(config);
    FitQuality.Scores[] learned = {q.training(w, wb[2]), q.validation(w, wb[2])};
    FitQuality.Scores[] best = {q.leastSquaresTraining(), q.leastSquaresValidation()};
    for (int set = 0; set < 2; set++) {
      assertThat(text(robot, CELLS[2 * set] + "-learned"))
          .isEqualTo(ParameterPanel.format(learned[set].r2()));
      assertThat(text(robot, CELLS[2 * set + 1] + "-learned"))
          .isEqualTo(ParameterPanel.format(learned[set].rmse()));
      assertThat(text(robot, CELLS[2 * set] + "-ols"))
          .isEqualTo(ParameterPanel.format(best[set].r2()));
      assertThat(text(robot, CELLS[2 * set + 1] + "-ols"))
          .isEqualTo(ParameterPanel.format(best[set].rmse()));
    }
    // 96 updates of one row each fit these clean rows closely: R² near 1, RMSE near the noise
    assertThat(learned[0].r2()).isGreaterThan(0.99);
    assertThat(best[0].rmse()).isLessThan(0.02);
    // a converged run says nothing more
    assertThat(robot.lookup("#fit-note").queryAs(Label.class).isVisible()).isFalse();
    snapshotPanel(robot, "parameter-panel-csv-converged.png");
  }

  @Test
  void aFileRunOfFewStepsSaysHowFarItEndedAndWhatToTry(FxRobot robot) throws Exception {
    Path file = csv();
    RunConfig config = csvConfig(file, 32); // one update per epoch, three in all
    trainToTheEnd(robot, config);

    double[] wb = learned(robot);
    LeastSquaresGap gap = quality(config).gap(new double[] {wb[0], wb[1]}, wb[2]).orElseThrow();
    assertThat(gap.isFar()).isTrue();
    Label note = robot.lookup("#fit-note").queryAs(Label.class);
    assertThat(note.isVisible()).isTrue();
    assertThat(note.getText())
        .isEqualTo(
            "Far from least squares: training R² "
                + FitAdvice.fixed(session.parameters().learnedTrainProperty().get().r2())
                + " against "
                + FitAdvice.fixed(session.parameters().bestTrainProperty().get().r2())
                + "; the predictions are "
                + FitAdvice.short2(gap.gap())
                + " standard deviations of y from least squares' (above 0.25 is far)."
                + " 3 SGD updates (1 per epoch) were not enough: try more epochs (e.g. 30),"
                + " a smaller batch size (e.g. 8), a learning rate up to 0.5 (stable below 1.4"
                + " at full batch) or z-scores.");
    // the learned R² is clearly below the best one, as the note's gap says
    assertThat(text(robot, "r2-train-learned")).isNotEqualTo(text(robot, "r2-train-ols"));
    snapshotPanel(robot, "parameter-panel-csv-far.png");
    snapshotWindow(robot, "parameter-panel-csv-far-1366.png", 1366, 768);
    snapshotWindow(robot, "parameter-panel-csv-far-1024.png", 1024, 600);
    snapshotWindow(robot, "parameter-panel-csv-far-1920.png", 1920, 1080);

    // a fresh run clears the note
    robot.interact(session::reset);
    waitUntil(() -> session.state() == State.READY && !session.isBusy());
    assertThat(note.isVisible()).isFalse();
  }

  @Test
  void aPausedFileRunSaysItIsStillFarAndToPlayOn(FxRobot robot) throws Exception {
    Path file = csv();
    robot.interact(() -> session.load(csvConfigUnchecked(file), "test data"));
    waitUntil(() -> session.state() == State.READY && !session.isBusy());
    Label note = robot.lookup("#fit-note").queryAs(Label.class);
    assertThat(note.isVisible()).isFalse();

    robot.interact(session::step);
    waitUntil(() -> session.state() == State.PAUSED);

    assertThat(note.isVisible()).isTrue();
    assertThat(note.getText())
        .startsWith("Still far from least squares")
        .contains("1 SGD update (1 per epoch) was not enough so far: play on, or try more epochs");
  }

  @Test
  void syntheticRunsShowScoresButNoNote(FxRobot robot) throws Exception {
    waitUntil(() -> session.state() == State.READY && !session.isBusy());
    robot.interact(
        () -> {
          session.settings().epochs.set(1);
          session.settings().speed.positionProperty().set(SpeedSetting.MAX_POSITION);
        });
    waitUntil(() -> session.state() == State.READY && !session.isBusy());
    // before training: w = small random, b = 0, far worse than least squares
    String before = text(robot, "r2-train-learned");
    robot.interact(session::play);
    waitUntil(() -> session.state() == State.FINISHED);

    FitQuality.Scores trained = session.parameters().learnedTrainProperty().get();
    assertThat(text(robot, "r2-train-learned")).isEqualTo(ParameterPanel.format(trained.r2()));
    assertThat(text(robot, "r2-train-learned")).isNotEqualTo(before);
    // one epoch of 32 updates has come a long way but not all the way: a synthetic run shows
    // that in the error column and the scores, with no note (the note is for a file's data)
    assertThat(trained.r2()).isBetween(0.3, session.parameters().bestTrainProperty().get().r2());
    assertThat(text(robot, "rmse-val-ols")).isNotEqualTo("—");
    assertThat(robot.lookup("#fit-note").queryAs(Label.class).isVisible()).isFalse();
  }

  private RunConfig csvConfigUnchecked(Path file) {
    return session
        .settings()
        .config()
        .withData(new DataSource.CsvFile(file, null, List.of(), null))
        .withBatchSize(32)
        .withEpochs(3);
  }

  private void snapshotPanel(FxRobot robot, String name) throws Exception {
    Node panel = robot.lookup(".parameter-panel").query();
    WritableImage image = WaitForAsyncUtils.asyncFx(() -> panel.snapshot(null, null)).get();
    write(image, name);
  }

  private void snapshotWindow(FxRobot robot, String name, double width, double height)
      throws Exception {
    robot.interact(
        () -> {
          stage.setMinWidth(0);
          stage.setMinHeight(0);
          stage.setWidth(width);
          stage.setHeight(height);
        });
    waitUntil(() -> stage.getScene().getWidth() == width && stage.getScene().getHeight() == height);
    robot.interact(() -> stage.getScene().getRoot().layout());
    WritableImage image =
        WaitForAsyncUtils.asyncFx(() -> stage.getScene().getRoot().snapshot(null, null)).get();
    write(image, name);
  }

  private static void write(WritableImage image, String name) throws Exception {
    Files.createDirectories(OUT);
    File file = OUT.resolve(name).toFile();
    ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file);
  }
}
