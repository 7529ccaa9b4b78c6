package descent.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.DescentApp;
import descent.app.FxWait;
import descent.app.MainView;
import descent.app.session.TrainingSession;
import descent.app.teach.Views;
import descent.train.TrainingEvent;
import descent.train.TrainingEvent.BatchDone;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A teacher exports pictures and numbers from the real window, headless. */
@ExtendWith(ApplicationExtension.class)
class ExportInAppTest {
  /** Where the pictures are left to be looked at. */
  private static final Path LOOK = Path.of("target", "export-pictures");

  /** The chart's training-loss blue (loss-chart.css). */
  private static final int TRAIN_BLUE = 0x1f77b4;

  @TempDir Path dir;

  private Stage stage;
  private TrainingSession session;
  private MainView view;
  private final List<TrainingEvent> events = Collections.synchronizedList(new ArrayList<>());
  private final List<Path> asked = new ArrayList<>();
  private final List<Path> startedIn = new ArrayList<>();

  @Start
  void start(Stage stage) {
    this.stage = stage;
    session = DescentApp.show(stage);
    session.addTrainingThreadListener(events::add);
    view = (MainView) stage.getScene().getRoot();
    stage.setX(0);
    stage.setY(0);
    stage.setWidth(1366);
    stage.setHeight(768);
  }

  @AfterEach
  void stop(FxRobot robot) {
    robot.interact(session::shutdown);
  }

  private static void waitUntil(Callable<Boolean> condition) throws Exception {
    FxWait.until(20, condition);
  }

  private static <T> T fx(Callable<T> call) throws Exception {
    return WaitForAsyncUtils.asyncFx(call).get();
  }

  /** One epoch of the chapter's run (32 minibatches), shown. */
  private void trainOneEpoch(FxRobot robot) throws Exception {
    waitUntil(() -> session.stepsProperty().get() == 0 && !session.isBusy());
    robot.interact(session::stepEpoch);
    waitUntil(() -> session.stepsProperty().get() == 32 && !session.isBusy());
    waitUntil(() -> stage.getScene().getWidth() == 1366);
  }

  /** The chooser answers {@code names} in turn, in {@link #dir}, and notes where it started. */
  private void answer(String... names) {
    List<String> queue = new ArrayList<>(List.of(names));
    view.export()
        .exporter()
        .useChooser(
            (owner, title, folder, fileName, kind, ext) -> {
              startedIn.add(folder);
              Path p = queue.isEmpty() ? null : dir.resolve(queue.remove(0));
              asked.add(p);
              return p;
            });
  }

  private String status(FxRobot robot) {
    return robot.lookup("#message").queryAs(Label.class).getText();
  }

  private String message() throws Exception {
    return fx(() -> session.messageProperty().get());
  }

  private static BufferedImage read(Path p) throws IOException {
    return ImageIO.read(p.toFile());
  }

  private static int rgbOf(Color c) {
    return ((int) Math.round(c.getRed() * 255) << 16)
        | ((int) Math.round(c.getGreen() * 255) << 8)
        | (int) Math.round(c.getBlue() * 255);
  }

  private static int distance(int p, int rgb) {
    return Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff))
        + Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff))
        + Math.abs((p & 0xff) - (rgb & 0xff));
  }

  /** Pixels of the middle 80% of {@code image} that differ from {@code background}. */
  private static double inkShare(BufferedImage image, int background) {
    int w = image.getWidth();
    int h = image.getHeight();
    long ink = 0;
    long all = 0;
    for (int y = h / 10; y < h * 9 / 10; y++) {
      for (int x = w / 10; x < w * 9 / 10; x++) {
        all++;
        if (distance(image.getRGB(x, y), background) > 40) {
          ink++;
        }
      }
    }
    return (double) ink / all;
  }

  /** Pixels of the 2× picture that differ from a nearest-neighbour blow-up of the 1× picture. */
  private static double differsFromBlowUp(BufferedImage one, BufferedImage two) {
    long differ = 0;
    for (int y = 0; y < two.getHeight(); y++) {
      for (int x = 0; x < two.getWidth(); x++) {
        if (distance(two.getRGB(x, y), one.getRGB(x / 2, y / 2)) > 30) {
          differ++;
        }
      }
    }
    return (double) differ / ((long) two.getWidth() * two.getHeight());
  }

  /** Pixels near {@code rgb} inside {@code area} (given at 1×) of a picture at {@code scale}. */
  private static int pixelsNear(BufferedImage image, Bounds area, int scale, int rgb) {
    int n = 0;
    for (int y = (int) (area.getMinY() * scale); y < (int) (area.getMaxY() * scale); y++) {
      for (int x = (int) (area.getMinX() * scale); x < (int) (area.getMaxX() * scale); x++) {
        if (distance(image.getRGB(x, y), rgb) < 60) {
          n++;
        }
      }
    }
    return n;
  }

  private void checkPictures(ExportTarget target, Path one, Path two) throws Exception {
    Bounds size = fx(() -> target.node().getLayoutBounds());
    BufferedImage a = read(one);
    BufferedImage b = read(two);
    assertThat(a.getWidth()).as(target.name()).isEqualTo((int) Math.ceil(size.getWidth()));
    assertThat(a.getHeight()).as(target.name()).isEqualTo((int) Math.ceil(size.getHeight()));
    assertThat(b.getWidth()).as(target.name()).isEqualTo(2 * a.getWidth());
    assertThat(b.getHeight()).as(target.name()).isEqualTo(2 * a.getHeight());
    int background = rgbOf((Color) fx(() -> ViewShot.backgroundOf(target.node())));
    assertThat(inkShare(a, background)).as(target.name() + " shows something").isGreaterThan(0.01);
    assertThat(inkShare(b, background)).as(target.name() + " at 2×").isGreaterThan(0.01);
    // drawn again at twice the resolution: edges of text and lines fall between the 1× pixels
    assertThat(differsFromBlowUp(a, b))
        .as(target.name() + " is a real 2× render")
        .isGreaterThan(0.002);
  }

  @Test
  void everyViewAndTheWindowSaveAtTheirSizeAndATrueTwiceTheirSize(FxRobot robot) throws Exception {
    trainOneEpoch(robot);
    Files.createDirectories(LOOK);
    ExportMenu export = view.export();
    List<ExportTarget> targets = new ArrayList<>();
    targets.add(export.targetOf(robot.lookup(".loss-chart-view").query()));
    targets.add(export.targetOf(robot.lookup(".parameter-panel").query()));
    targets.add(export.windowTarget());
    assertThat(targets).doesNotContainNull();
    for (String title : Views.all().stream().map(s -> s.title()).toList()) {
      robot.interact(() -> view.teaching().show(title, false));
      waitUntil(() -> view.teaching().shown(false).equals(title));
      // whatever the user last clicked in is the current view
      Node pane = robot.lookup("#teaching-views").queryAs(Node.class);
      Node shownView = fx(() -> findShown(pane, title));
      targets.add(export.targetOf(shownView));
      for (ExportTarget t : targets.subList(targets.size() - 1, targets.size())) {
        savePair(robot, t);
      }
    }
    for (ExportTarget t : targets.subList(0, 3)) {
      savePair(robot, t);
    }
    // the chart's plot holds the training curve, drawn in its blue, at both sizes
    Node chart = robot.lookup(".loss-chart-view").query();
    Node plot = robot.lookup(".loss-chart .chart-plot-background").query();
    Bounds inChart = fx(() -> chart.sceneToLocal(plot.localToScene(plot.getLayoutBounds())));
    BufferedImage one = read(LOOK.resolve("descent-loss-chart.png"));
    BufferedImage two = read(LOOK.resolve("descent-loss-chart@2x.png"));
    assertThat(pixelsNear(one, inChart, 1, TRAIN_BLUE)).isGreaterThan(50);
    assertThat(pixelsNear(two, inChart, 2, TRAIN_BLUE)).isGreaterThan(200);
  }

  @Test
  void theCanvasViewsRedrawWithTwiceThePixelsForA2xPictureAndComeBack(FxRobot robot)
      throws Exception {
    trainOneEpoch(robot);
    Node teaching = robot.lookup("#teaching-views").queryAs(Node.class);
    for (String title : List.of("Data", "Landscape")) {
      robot.interact(() -> view.teaching().show(title, false));
      waitUntil(() -> view.teaching().shown(false).equals(title));
      Node shown = fx(() -> findShown(teaching, title));
      javafx.scene.canvas.Canvas canvas =
          fx(
              () ->
                  shown.lookupAll("*").stream()
                      .filter(javafx.scene.canvas.Canvas.class::isInstance)
                      .map(javafx.scene.canvas.Canvas.class::cast)
                      .findFirst()
                      .orElseThrow());
      double onScreen = fx(canvas::getWidth);
      Bounds before = fx(() -> shown.sceneToLocal(canvas.localToScene(canvas.getLayoutBounds())));
      assertThat(onScreen).as(title).isGreaterThan(100);
      List<Double> widths = Collections.synchronizedList(new ArrayList<>());
      robot.interact(
          () -> canvas.widthProperty().addListener((o, was, now) -> widths.add(now.doubleValue())));
      fx(() -> ViewShot.render(shown, 2));
      // while the picture was taken the canvas held twice the pixels; then the screen's again
      assertThat(widths).as(title).contains(2 * onScreen);
      assertThat(fx(canvas::getWidth)).as(title).isEqualTo(onScreen);
      assertThat(fx(() -> shown.sceneToLocal(canvas.localToScene(canvas.getLayoutBounds()))))
          .as(title + " on screen where it was")
          .isEqualTo(before);
    }
  }

  private static Node findShown(Node root, String title) {
    for (Node n : root.lookupAll(".teaching-view")) {
      if (n instanceof descent.app.teach.TeachingPane p && p.title().equals(title) && isShown(p)) {
        return p;
      }
    }
    throw new AssertionError("no shown view " + title);
  }

  private static boolean isShown(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return node.getScene() != null;
  }

  private void savePair(FxRobot robot, ExportTarget t) throws Exception {
    Path one = LOOK.resolve(t.fileStem() + ".png");
    Path two = LOOK.resolve(t.fileStem() + "@2x.png");
    assertThat(fx(() -> view.export().exporter().writePng(t, 1, one))).isTrue();
    assertThat(message()).startsWith("Saved " + t.name() + " (");
    assertThat(fx(() -> view.export().exporter().writePng(t, 2, two))).isTrue();
    assertThat(message()).contains("Saved " + t.name()).endsWith(two.toAbsolutePath().toString());
    checkPictures(t, one, two);
  }

  @Test
  void rightClickOnTheChartSavesItAtTwiceItsSize(FxRobot robot) throws Exception {
    trainOneEpoch(robot);
    answer("chart-slide.png");
    Node chart = robot.lookup(".loss-chart-view").query();
    // what a right click (or the menu key) sends; Monocle's headless mouse sends none of its own
    robot.interact(
        () -> {
          Bounds b = chart.localToScreen(chart.getLayoutBounds());
          javafx.event.Event.fireEvent(
              chart,
              new javafx.scene.input.ContextMenuEvent(
                  javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                  b.getWidth() / 2,
                  b.getHeight() / 2,
                  b.getCenterX(),
                  b.getCenterY(),
                  false,
                  null));
        });
    robot.clickOn("Save as PNG at 2×…");
    Path out = dir.resolve("chart-slide.png");
    waitUntil(() -> Files.exists(out));
    Bounds size = fx(chart::getLayoutBounds);
    BufferedImage image = read(out);
    assertThat(image.getWidth()).isEqualTo(2 * (int) Math.ceil(size.getWidth()));
    assertThat(image.getHeight()).isEqualTo(2 * (int) Math.ceil(size.getHeight()));
    assertThat(status(robot)).startsWith("Saved loss chart (");
    assertThat(fx(() -> view.export().current().name())).isEqualTo("loss chart");
    // no temporary file is left beside it
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("chart-slide.png");
    }
  }

  @Test
  void theCopyKeyCopiesTheViewLastClickedAndFileExportSavesTheWindow(FxRobot robot)
      throws Exception {
    trainOneEpoch(robot);
    robot.interact(() -> view.teaching().show("Landscape", false));
    Node teaching = robot.lookup("#teaching-views").queryAs(Node.class);
    Node landscape = fx(() -> findShown(teaching, "Landscape"));
    // before any click, the current view is the whole window
    assertThat(fx(() -> view.export().current().name())).isEqualTo("window");
    robot.clickOn(landscape);
    assertThat(fx(() -> view.export().current().name())).isEqualTo("Landscape view");
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C)
        .release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
    waitUntil(() -> view.export().exporter().lastCopied() != null);
    Bounds size = fx(landscape::getLayoutBounds);
    var copied = view.export().exporter().lastCopied();
    assertThat((int) copied.getWidth()).isEqualTo((int) Math.ceil(size.getWidth()));
    assertThat((int) copied.getHeight()).isEqualTo((int) Math.ceil(size.getHeight()));
    assertThat(message()).startsWith("Copied Landscape view (");
    // the clipboard holds that picture
    var onClipboard = fx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getImage());
    assertThat(onClipboard).isNotNull();
    assertThat(onClipboard.getWidth()).isEqualTo(copied.getWidth());

    // File ▸ Export ▸ Window as PNG at 2×…, twice: the second dialog starts where the first saved
    answer("window.png", "window-again.png");
    MenuItem item = exportItem("export-window-2x");
    robot.interact(item::fire);
    waitUntil(() -> Files.exists(dir.resolve("window.png")));
    BufferedImage window = read(dir.resolve("window.png"));
    assertThat(window.getWidth()).isEqualTo(2 * (int) stage.getScene().getWidth());
    assertThat(window.getHeight()).isEqualTo(2 * (int) stage.getScene().getHeight());
    robot.interact(item::fire);
    waitUntil(() -> Files.exists(dir.resolve("window-again.png")));
    assertThat(startedIn.get(0)).isNull();
    assertThat(startedIn.get(1)).isEqualTo(dir.toAbsolutePath());
  }

  private MenuItem exportItem(String id) {
    for (MenuItem item : view.export().menu().getItems()) {
      if (id.equals(item.getId())) {
        return item;
      }
    }
    throw new AssertionError("no menu item " + id);
  }

  @Test
  void theCsvFilesHoldTheRunsNumbers(FxRobot robot) throws Exception {
    trainOneEpoch(robot);
    assertThat(fx(() -> view.fileMenu().getItems().contains(view.export().menu()))).isTrue();
    answer("loss.csv", "path.csv");
    robot.interact(exportItem("export-loss-csv")::fire);
    robot.interact(exportItem("export-path-csv")::fire);
    waitUntil(() -> Files.exists(dir.resolve("path.csv")));
    assertThat(message()).isEqualTo("Saved the parameter path to " + dir.resolve("path.csv"));
    List<BatchDone> batches;
    synchronized (events) {
      batches =
          events.stream().filter(BatchDone.class::isInstance).map(BatchDone.class::cast).toList();
    }
    assertThat(batches).hasSize(32);
    List<CSVRecord> loss = parse(dir.resolve("loss.csv"));
    assertThat(loss).hasSize(32);
    for (int k = 0; k < 32; k++) {
      assertThat(Long.parseLong(loss.get(k).get("step"))).isEqualTo(batches.get(k).step());
      assertThat(Double.parseDouble(loss.get(k).get("minibatch_loss")))
          .isEqualTo(batches.get(k).loss());
    }
    assertThat(loss.get(31).get("validation_loss")).isNotEmpty();
    List<CSVRecord> path = parse(dir.resolve("path.csv"));
    assertThat(path).hasSize(33);
    BatchDone last = batches.get(31);
    assertThat(Double.parseDouble(path.get(32).get("w1"))).isEqualTo(last.w()[0]);
    assertThat(Double.parseDouble(path.get(32).get("b"))).isEqualTo(last.b());
    assertThat(Double.parseDouble(path.get(32).get("b")))
        .isEqualTo(fx(() -> session.parameters().rows().get(2).learned()));
  }

  private static List<CSVRecord> parse(Path p) throws IOException {
    try (Reader r = Files.newBufferedReader(p)) {
      return CSVFormat.RFC4180.builder().setHeader().build().parse(r).getRecords();
    }
  }

  @Test
  void aFailedWriteSaysSoInTheStatusLineAndLeavesNoFile(FxRobot robot) throws Exception {
    trainOneEpoch(robot);
    Path notAFolder = dir.resolve("notes.txt");
    Files.writeString(notAFolder, "a file, not a folder");
    view.export()
        .exporter()
        .useChooser((owner, title, folder, name, kind, ext) -> notAFolder.resolve("chart.png"));
    ExportTarget chart = view.export().targetOf(robot.lookup(".loss-chart-view").query());
    robot.interact(() -> view.export().exporter().savePng(chart, 2));
    waitUntil(() -> message().startsWith("Could not save chart.png: "));
    assertThat(message()).doesNotContain("Exception").doesNotContain("\n");
    assertThat(status(robot)).startsWith("Could not save chart.png: ");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
    }
  }
}
