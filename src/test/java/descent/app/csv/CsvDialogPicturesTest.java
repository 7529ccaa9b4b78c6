package descent.app.csv;

import static descent.app.csv.CsvApp.find;
import static descent.app.csv.CsvApp.settled;
import static descent.app.csv.CsvApp.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import descent.app.DescentApp;
import descent.app.MainView;
import descent.app.session.TrainingSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
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
 * The import dialog rendered, accepting a file and refusing one, and the drop cue over the window:
 * pictures in {@code target/csv-pictures/} to look at, each checked for what a user would see.
 */
@ExtendWith(ApplicationExtension.class)
class CsvDialogPicturesTest {
  private static final Path OUT = Path.of("target", "csv-pictures");
  @TempDir Path dir;
  private TrainingSession session;
  private MainView view;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    session = DescentApp.show(stage);
    stage.setWidth(1366);
    stage.setHeight(768);
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

  private Path houses() throws Exception {
    Random random = new Random(3);
    StringBuilder csv = new StringBuilder("city,rooms,area,age,price\n");
    for (int i = 0; i < 500; i++) {
      int rooms = 1 + random.nextInt(6);
      double area = 25 + 20 * rooms + 15 * random.nextGaussian();
      double age = i == 300 ? Double.NaN : 60 * random.nextDouble();
      double price = 0.5 * area + 20 * rooms + 30 + 5 * random.nextGaussian();
      csv.append(
          String.format(
              Locale.ROOT,
              "town%d,%d,%.1f,%s,%.2f%n",
              i % 9,
              rooms,
              area,
              i == 300 ? "unknown" : String.format(Locale.ROOT, "%.0f", age),
              price));
    }
    return Files.writeString(dir.resolve("houses.csv"), csv);
  }

  private WritableImage shoot(FxRobot robot, CsvImportDialog d, String name) throws Exception {
    Files.createDirectories(OUT);
    WaitForAsyncUtils.waitForFxEvents();
    WritableImage image =
        WaitForAsyncUtils.asyncFx(() -> d.getDialogPane().getScene().snapshot(null)).get();
    ImageIO.write(
        SwingFXUtils.fromFXImage(image, null), "png", OUT.resolve(name + ".png").toFile());
    return image;
  }

  /** Whether some pixel in the image is clearly red, as refusal text and icons are. */
  private static boolean hasRed(WritableImage image) {
    PixelReader pixels = image.getPixelReader();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        Color c = pixels.getColor(x, y);
        if (c.getRed() > 0.6 && c.getGreen() < 0.3 && c.getBlue() < 0.3) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void theDialogRefusingAColumnThenAcceptingWithoutIt(FxRobot robot) throws Exception {
    Path file = houses();
    robot.interact(() -> view.csvImport().open(file, stage));
    waitUntil(() -> view.csvImport().dialogProperty().get() != null);
    CsvImportDialog d = view.csvImport().dialogProperty().get();
    // age is numeric in the first rows, so it is a feature by default; line 302 says "unknown"
    assertThat(settled(d).ok()).isFalse();
    WritableImage refused = shoot(robot, d, "dialog-refused");
    assertThat(find(d, "csv-error-features", Label.class).getText())
        .isEqualTo(file + ":302:4: cell \"unknown\" in column \"age\" is not a number");
    assertThat(CsvApp.ok(d).isDisabled()).isTrue();

    // without age the file loads
    robot.interact(() -> find(d, "csv-feature-3", CheckBox.class).setSelected(false));
    assertThat(settled(d).ok()).isTrue();
    WritableImage ok = shoot(robot, d, "dialog-ok");
    assertThat(hasRed(ok)).isFalse();
    assertThat(hasRed(refused)).isTrue();
  }

  @Test
  void theDropCueCoversTheWindow(FxRobot robot) throws Exception {
    Path file = houses();
    var board = CsvApp.dragboardWith(java.util.List.of(file.toFile()));
    CsvApp.drag(robot, view, board, javafx.scene.input.DragEvent.DRAG_OVER);
    Files.createDirectories(OUT);
    WaitForAsyncUtils.waitForFxEvents();
    WritableImage image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get();
    ImageIO.write(
        SwingFXUtils.fromFXImage(image, null), "png", OUT.resolve("drop-cue.png").toFile());
    // the middle of the window is under the cue's dark veil
    Color middle =
        image.getPixelReader().getColor((int) image.getWidth() / 2, (int) image.getHeight() / 3);
    assertThat(middle.getBrightness()).isLessThan(0.7);
  }
}
