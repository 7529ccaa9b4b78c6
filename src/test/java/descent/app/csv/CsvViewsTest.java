package descent.app.csv;

import static descent.app.csv.CsvApp.waitIdle;
import static descent.app.csv.CsvApp.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import descent.app.DescentApp;
import descent.app.MainView;
import descent.app.session.TrainingSession;
import descent.run.DataSource;
import descent.run.RunConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Text;
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
 * Every view with a CSV run, which has no true w or b: the loss chart, the parameter table and the
 * five teaching views render without an exception, before the first step, mid-minibatch, after
 * steps and diverged, and say nothing about a truth. The pictures go to {@code
 * target/csv-pictures/} to be looked at.
 */
@ExtendWith(ApplicationExtension.class)
class CsvViewsTest {
  private static final Path OUT = Path.of("target", "csv-pictures");
  private static final String[] VIEWS = {"Data", "Minibatch", "Graph", "Landscape", "Code"};
  private final List<Throwable> errors = new CopyOnWriteArrayList<>();
  @TempDir Path dir;
  private Stage stage;
  private TrainingSession session;
  private MainView view;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    Thread.currentThread().setUncaughtExceptionHandler((t, e) -> errors.add(e));
    session = DescentApp.show(stage);
    stage.setWidth(1366);
    stage.setHeight(768);
    view = (MainView) stage.getScene().getRoot();
  }

  @AfterEach
  void stop(FxRobot robot) {
    robot.interact(session::shutdown);
  }

  /** price = 0.5·area + 20·rooms − 0.8·age + 30 + noise; a text column that is not chosen. */
  private Path houses() throws Exception {
    Random random = new Random(11);
    StringBuilder csv = new StringBuilder("city,rooms,area,age,price\n");
    for (int i = 0; i < 200; i++) {
      int rooms = 1 + random.nextInt(6);
      double area = 25 + 20 * rooms + 15 * random.nextGaussian();
      double age = 60 * random.nextDouble();
      double price = 0.5 * area + 20 * rooms - 0.8 * age + 30 + 5 * random.nextGaussian();
      csv.append(
          String.format(Locale.ROOT, "town%d,%d,%.1f,%.0f,%.2f%n", i % 9, rooms, area, age, price));
    }
    return Files.writeString(dir.resolve("houses.csv"), csv);
  }

  private void load(FxRobot robot, Path file, double lr, boolean standardize) throws Exception {
    robot.interact(
        () ->
            session.load(
                RunConfig.chapter(5)
                    .withData(
                        new DataSource.CsvFile(file, "price", List.of("rooms", "area", "age"), 160))
                    .withLr(lr)
                    .withStandardize(standardize)
                    .withEpochs(20),
                "Data from houses.csv"));
    waitUntil(() -> session.pictureProperty().get().targetName().equals("price"));
    waitIdle(session);
  }

  /** Every text the node shows. */
  private static List<String> texts(Node node) {
    List<String> all = new ArrayList<>();
    if (!node.isVisible()) {
      return all;
    }
    if (node instanceof Labeled l && l.getText() != null) {
      all.add(l.getText());
    }
    if (node instanceof Text t && t.getText() != null) {
      all.add(t.getText());
    }
    if (node instanceof Parent p) {
      for (Node child : p.getChildrenUnmodifiable()) {
        all.addAll(texts(child));
      }
    }
    return all;
  }

  /** Shows each view in turn, writes the window to a PNG, and returns each view's texts. */
  private List<String> renderAll(FxRobot robot, String state) throws Exception {
    Files.createDirectories(OUT);
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < VIEWS.length; i++) {
      int index = i;
      robot.interact(() -> view.teaching().show(index, false));
      WaitForAsyncUtils.waitForFxEvents();
      robot.interact(() -> {}); // one more pulse: views redraw once per frame
      WaitForAsyncUtils.waitForFxEvents();
      WritableImage image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get();
      ImageIO.write(
          SwingFXUtils.fromFXImage(image, null),
          "png",
          OUT.resolve("csv-" + state + "-" + VIEWS[i].toLowerCase(Locale.ROOT) + ".png").toFile());
      shown.addAll(WaitForAsyncUtils.asyncFx(() -> texts(view)).get());
    }
    return shown;
  }

  @Test
  void everyViewRendersACsvRunInEveryState(FxRobot robot) throws Exception {
    load(robot, houses(), 1e-5, false);
    List<String> ready = renderAll(robot, "ready");
    robot.interact(session::stepPhase);
    waitIdle(session);
    robot.interact(session::stepPhase);
    waitIdle(session);
    List<String> mid = renderAll(robot, "mid");
    robot.interact(session::step);
    waitIdle(session);
    robot.interact(session::stepEpoch);
    waitIdle(session);
    List<String> after = renderAll(robot, "after");

    assertThat(errors).isEmpty();
    for (List<String> texts : List.of(ready, mid, after)) {
      String all = String.join("\n", texts);
      assertThat(all).contains("price", "rooms", "area", "age").doesNotContain("town");
    }
  }

  @Test
  void aDivergedCsvRunRendersToo(FxRobot robot) throws Exception {
    load(robot, houses(), 5, false);
    robot.interact(session::stepEpoch);
    waitUntil(() -> session.state() == TrainingSession.State.DIVERGED);
    waitIdle(session);
    renderAll(robot, "diverged");
    assertThat(errors).isEmpty();
  }

  @Test
  void standardisedCsvRunRenders(FxRobot robot) throws Exception {
    load(robot, houses(), 0.1, true);
    robot.interact(session::stepEpoch);
    waitIdle(session);
    renderAll(robot, "z-scores");
    assertThat(errors).isEmpty();
  }
}
