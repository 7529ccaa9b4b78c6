package descent.app.teach.data;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.teach.TeachingFeed;
import descent.app.teach.data.DataLegend.Entry;
import descent.app.teach.data.DataPlot.PlotArea;
import descent.app.teach.data.PlotContent.Kind;
import descent.app.teach.data.PlotContent.PlotLine;
import descent.train.StepSnapshot;
import descent.train.TrainingRun.Phase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Data view on a headless stage at one view's size, checked on its labels and its pixels. */
@ExtendWith(ApplicationExtension.class)
class DataViewTest {
  private final List<Throwable> errors = new CopyOnWriteArrayList<>();
  private TeachingFeed feed;
  private DataView view;
  private Scene scene;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    Thread.currentThread().setUncaughtExceptionHandler((t, e) -> errors.add(e));
    feed = new TeachingFeed();
    view = new DataView(feed);
    scene = scene(view, 520, 560, 14);
    DataViewTest.fresh(stage);
    stage.setScene(scene);
    stage.sizeToScene();
    stage.show();
  }

  @AfterEach
  void nothingThrew() {
    assertThat(errors).as("exceptions on the FX thread").isEmpty();
  }

  /**
   * Undoes what other tests left on the shared primary stage (the main window's minimum size, a
   * maximised window), so this test's sizes are the stage's.
   */
  static void fresh(Stage stage) {
    stage.setMaximized(false);
    stage.setFullScreen(false);
    stage.setMinWidth(0);
    stage.setMinHeight(0);
    stage.setMaxWidth(Double.MAX_VALUE);
    stage.setMaxHeight(Double.MAX_VALUE);
  }

  static Scene scene(DataView view, double width, double height, int fontPx) {
    StackPane root = new StackPane(view);
    root.setStyle("-fx-font-size: " + fontPx + "px;");
    Scene scene = new Scene(root, width, height);
    scene.getStylesheets().add(DataView.class.getResource("/descent/app/descent.css").toString());
    return scene;
  }

  // ------------------------------------------------------------------ feeding and reading

  private void startRun(FxRobot robot, TestRun r, StepSnapshot s) throws Exception {
    long before = paints();
    robot.interact(() -> feed.startRun(r.picture, s));
    waitPainted(before);
  }

  private void show(FxRobot robot, StepSnapshot s) throws Exception {
    long before = paints();
    robot.interact(() -> feed.show(s));
    waitPainted(before);
  }

  private long paints() throws Exception {
    return WaitForAsyncUtils.asyncFx(() -> view.plot().paints()).get();
  }

  private void waitPainted(long before) throws Exception {
    WaitForAsyncUtils.waitFor(
        5,
        TimeUnit.SECONDS,
        () -> WaitForAsyncUtils.asyncFx(() -> view.plot().paints() > before).get());
    WaitForAsyncUtils.waitForFxEvents();
  }

  private Image snapshot() throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    return WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
  }

  private String text(String id) throws Exception {
    return WaitForAsyncUtils.asyncFx(
            () -> {
              Label label = (Label) scene.lookup("#" + id);
              return label.isVisible() ? label.getText() : "";
            })
        .get();
  }

  /** Where a data point lands in the snapshot: the plot's pixel, in scene coordinates. */
  private Point2D at(double x, double y) throws Exception {
    return WaitForAsyncUtils.asyncFx(
            () -> {
              PlotArea a = view.plot().area();
              return view.plot().localToScene(a.px(x), a.py(y));
            })
        .get();
  }

  private PlotContent content() throws Exception {
    return WaitForAsyncUtils.asyncFx(() -> view.plot().content()).get();
  }

  private PlotLine line(Kind kind) throws Exception {
    return content().lines().stream().filter(l -> l.kind() == kind).findFirst().orElseThrow();
  }

  /** How many of four places along the line, a quarter apart, show the line's colour. */
  private int lineHits(Image image, PlotLine line, Color colour) throws Exception {
    PlotContent c = content();
    int hits = 0;
    for (double f : new double[] {0.15, 0.38, 0.62, 0.85}) {
      double x = c.x().min() + f * c.x().span();
      double y = line.at(x);
      if (c.y().contains(y)) {
        Point2D p = at(x, y);
        hits += Pixels.near(image, p.getX(), p.getY(), 2, colour) ? 1 : 0;
      }
    }
    return hits;
  }

  /** The line's pixel height at a quarter of the way across. */
  private double lineRow(PlotLine line) throws Exception {
    PlotContent c = content();
    double x = c.x().min() + 0.38 * c.x().span();
    return at(x, line.at(x)).getY();
  }

  private int inPlot(Image image, Color colour) throws Exception {
    return Pixels.count(image, plotBounds(0), colour);
  }

  /** The plot's box in the snapshot, less {@code topLines} lines of text at its top. */
  private Bounds plotBounds(double topLines) throws Exception {
    return WaitForAsyncUtils.asyncFx(
            () -> {
              PlotArea a = view.plot().area();
              double skip = topLines * 14;
              return view.plot()
                  .localToScene(
                      new BoundingBox(a.left(), a.top() + skip, a.width(), a.height() - skip));
            })
        .get();
  }

  // ------------------------------------------------------------------ tests

  @Test
  void beforeTheFirstStepItIsTheClassicPictureWithTheModelsLine(FxRobot robot) throws Exception {
    TestRun r = TestRun.chapter(1, 1000, 32, 0.03);
    startRun(robot, r, r.snapshot());

    assertThat(view.title()).isEqualTo("Data");
    assertThat(view.scatterToggle().getText()).isEqualTo("y against x₁");
    assertThat(view.featureChoice().isVisible()).isFalse();
    assertThat(text("data-slice")).isEmpty(); // nothing is held fixed with one feature
    assertThat(text("data-count")).isEqualTo("All 1,000 training points");
    assertThat(text("data-batch")).startsWith("No minibatch yet");
    assertThat(text("data-warning")).isEmpty();
    assertThat(view.legend().shows(Entry.MODEL)).isTrue();
    assertThat(view.legend().shows(Entry.TRUE)).isTrue();
    assertThat(view.legend().shows(Entry.BATCH)).isFalse();
    assertThat(view.plot().pointsDrawn()).isEqualTo(1000);
    assertThat(content().xTitle()).isEqualTo("x₁");
    assertThat(content().yTitle()).isEqualTo("y");

    Image image = snapshot();
    assertThat(lineHits(image, line(Kind.MODEL), DataStyle.MODEL)).isEqualTo(4);
    assertThat(inPlot(image, DataStyle.BATCH)).isZero(); // no minibatch yet
    assertThat(Pixels.countGreyPoints(image)).isGreaterThan(2000);
  }

  @Test
  void forwardHighlightsTheMinibatchEachWithItsResidual(FxRobot robot) throws Exception {
    TestRun r = TestRun.chapter(1, 1000, 32, 0.03);
    startRun(robot, r, r.snapshot());
    StepSnapshot s = r.phase(); // FORWARD
    show(robot, s);

    assertThat(text("data-batch"))
        .isEqualTo(
            "Minibatch 1 (epoch 1, batch 1 of 32): its 32 rows highlighted, each with its"
                + " residual ŷ − y.");
    assertThat(view.legend().shows(Entry.BATCH)).isTrue();
    Image image = snapshot();
    int highlighted = 0;
    int longResiduals = 0;
    int residualsSeen = 0;
    double minLength = 3 * DataStyle.batchRadius(14);
    for (int i = 0; i < 32; i++) {
      Point2D p = at(s.x()[i][0], s.y()[i]);
      highlighted += Pixels.near(image, p.getX(), p.getY(), 2, DataStyle.BATCH) ? 1 : 0;
      Point2D end = at(s.x()[i][0], s.yHat()[i]);
      if (Math.abs(end.getY() - p.getY()) > minLength) {
        longResiduals++;
        double mid = (p.getY() + end.getY()) / 2;
        residualsSeen += Pixels.near(image, p.getX(), mid, 1, DataStyle.RESIDUAL) ? 1 : 0;
        // the engine's ŷ is where the segment ends: on the model's line with one feature
        assertThat(s.yHat()[i]).isEqualTo(line(Kind.MODEL).at(s.x()[i][0]), within(1e-9));
      }
    }
    assertThat(highlighted).isEqualTo(32);
    assertThat(longResiduals).isGreaterThan(10); // w starts near 0: y is far from ŷ
    assertThat(residualsSeen).isGreaterThanOrEqualTo(longResiduals - 2);
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }

  @Test
  void theLineMovesWithEveryStepTowardsTheTruth(FxRobot robot) throws Exception {
    TestRun r = TestRun.chapter(1, 1000, 32, 0.03);
    startRun(robot, r, r.snapshot());
    double ready = lineRow(line(Kind.MODEL));
    assertThat(lineHits(snapshot(), line(Kind.MODEL), DataStyle.MODEL)).isEqualTo(4);

    StepSnapshot one = r.step();
    show(robot, one);
    assertThat(one.ran()).isEqualTo(Phase.UPDATE);
    double afterOne = lineRow(line(Kind.MODEL));
    Image image = snapshot();
    assertThat(lineHits(image, line(Kind.MODEL), DataStyle.MODEL)).isGreaterThanOrEqualTo(3);
    assertThat(afterOne).isNotCloseTo(ready, within(1.0));
    // the line before the update stays, dashed, and the residuals end on it
    assertThat(view.legend().shows(Entry.BEFORE)).isTrue();
    assertThat(line(Kind.BEFORE).slope()).isEqualTo(one.wBefore()[0]);
    assertThat(text("data-batch"))
        .isEqualTo(
            "Minibatch 1 (epoch 1, batch 1 of 32): its 32 rows highlighted, each with its"
                + " residual ŷ − y.");

    show(robot, r.steps(200));
    double trained = lineRow(line(Kind.MODEL));
    image = snapshot();
    assertThat(lineHits(image, line(Kind.MODEL), DataStyle.MODEL)).isGreaterThanOrEqualTo(3);
    assertThat(Math.abs(trained - ready)).isGreaterThan(20); // it visibly moved
    assertThat(trained).isCloseTo(lineRow(line(Kind.TRUE)), within(2.0)); // onto the truth
  }

  @Test
  void everyPhaseOfAMinibatchRendersWithItsOwnWords(FxRobot robot) throws Exception {
    TestRun r = TestRun.chapter(2, 300, 8, 0.03);
    startRun(robot, r, r.snapshot());
    show(robot, r.steps(3));
    for (Phase phase : Phase.values()) {
      StepSnapshot s = r.phase();
      show(robot, s);
      assertThat(s.ran()).isEqualTo(phase);
      assertThat(text("data-batch"))
          .isEqualTo(
              "Minibatch 4 (epoch 1, batch 4 of 38): its 8 rows highlighted, each with its"
                  + " residual ŷ − y. ŷ uses every feature, so a residual ends (○) off this"
                  + " slice's line.");
      assertThat(inPlot(snapshot(), DataStyle.BATCH)).isGreaterThan(8 * 20);
      // the line ŷ came from: the current one until the update moves it
      PlotLine before = line(Kind.BEFORE);
      double[] w = phase == Phase.UPDATE ? s.wBefore() : s.w();
      assertThat(before.slope()).isEqualTo(w[0]);
      assertThat(view.legend().shows(Entry.BEFORE)).isTrue();
    }
  }

  @Test
  void withSeveralFeaturesItSaysWhichAreHeldAtTheirMeans(FxRobot robot) throws Exception {
    TestRun r = TestRun.chapter(3, 1000, 32, 0.03);
    startRun(robot, r, r.snapshot());
    assertThat(view.featureChoice().isVisible()).isTrue();
    assertThat(view.featureChoice().getItems()).containsExactly("x₁", "x₂", "x₃");
    assertThat(view.scatterToggle().getText()).isEqualTo("y against");
    assertThat(text("data-slice")).isEqualTo("x₂, x₃ held at their means");
    // the points scatter around the sliced true line, which shows between them
    assertThat(lineHits(snapshot(), line(Kind.TRUE), DataStyle.TRUE)).isGreaterThanOrEqualTo(2);

    long before = paints();
    robot.interact(() -> view.featureChoice().getSelectionModel().select(1));
    waitPainted(before);
    assertThat(text("data-slice")).isEqualTo("x₁, x₃ held at their means");
    assertThat(content().xTitle()).isEqualTo("x₂");

    // after training, the sliced model line lies on the sliced true line
    show(robot, r.steps(300));
    assertThat(lineRow(line(Kind.MODEL))).isCloseTo(lineRow(line(Kind.TRUE)), within(2.0));
    assertThat(lineHits(snapshot(), line(Kind.MODEL), DataStyle.MODEL)).isGreaterThan(2);
    assertThat(text("data-batch")).contains("ŷ uses every feature");

    TestRun ten = TestRun.chapter(10, 500, 16, 0.03);
    startRun(robot, ten, ten.snapshot());
    assertThat(view.featureChoice().getItems()).hasSize(10).endsWith("x₁₀");
    assertThat(text("data-slice")).isEqualTo("The other 9 features held at their means");
  }

  @Test
  void aPlayingRunRepaintsTheModelNotTheFiveThousandPoints(FxRobot robot) throws Exception {
    // while a run plays the plot is painted every frame; painting up to 5,000 points each time
    // took most of the renderer's time, though only the model's line and the minibatch move
    TestRun r = TestRun.chapter(2, 20_000, 1, 0.03);
    startRun(robot, r, r.snapshot());
    show(robot, r.steps(1));
    long base = WaitForAsyncUtils.asyncFx(() -> view.plot().basePaints()).get();
    double rowBefore = lineRow(line(Kind.MODEL));
    for (int frame = 0; frame < 5; frame++) {
      show(robot, r.steps(200));
    }
    assertThat(WaitForAsyncUtils.asyncFx(() -> view.plot().basePaints()).get())
        .as("the points' canvas painted again")
        .isEqualTo(base);
    // the model's line moved, and is drawn where it now is, over the points
    assertThat(lineRow(line(Kind.MODEL))).isNotCloseTo(rowBefore, within(1.0));
    assertThat(lineHits(snapshot(), line(Kind.MODEL), DataStyle.MODEL)).isGreaterThan(2);
    assertThat(inPlot(snapshot(), DataStyle.POINT)).isGreaterThan(1000);
    assertThat(view.plot().pointsDrawn()).isEqualTo(5_000);
  }

  @Test
  void aboveFiveThousandRowsItDrawsTheSampleAndSaysHowMany(FxRobot robot) throws Exception {
    TestRun r = TestRun.chapter(2, 20_000, 64, 0.03);
    startRun(robot, r, r.snapshot());

    assertThat(text("data-count")).isEqualTo("5,000 of 20,000 points (a seeded sample)");
    assertThat(view.plot().pointsDrawn()).isEqualTo(5_000);
    show(robot, r.phase());
    assertThat(text("data-batch")).contains("its 64 rows highlighted");
    assertThat(inPlot(snapshot(), DataStyle.BATCH)).isGreaterThan(64 * 10);
  }

  @Test
  void theModeToggleShowsPredictionsAgainstTargetsWithTheDiagonal(FxRobot robot) throws Exception {
    TestRun r = TestRun.chapter(2, 1000, 32, 0.03);
    startRun(robot, r, r.snapshot());
    long before = paints();
    robot.clickOn(view.predictionsToggle());
    waitPainted(before);

    assertThat(view.predictionsToggle().isSelected()).isTrue();
    assertThat(content().xTitle()).isEqualTo("y (data)");
    assertThat(content().yTitle()).isEqualTo("ŷ (model)");
    assertThat(view.legend().shows(Entry.DIAGONAL)).isTrue();
    assertThat(view.legend().shows(Entry.MODEL)).isFalse();
    assertThat(view.featureChoice().isDisabled()).isTrue();
    assertThat(text("data-slice")).startsWith("Each point at (y, ŷ)");
    Image image = snapshot();
    assertThat(lineHits(image, line(Kind.DIAGONAL), DataStyle.TRUE)).isEqualTo(4);
    // w starts near 0, so every ŷ is near b ≈ 0: the points lie along a flat band at ŷ = 0
    Point2D zero = at(0, 0);
    Point2D high = at(0, content().y().max() * 0.8);
    Bounds plot = plotBounds(0);
    assertThat(Pixels.greyPointsInRow(image, plot, zero.getY(), 3)).isGreaterThan(100);
    assertThat(Pixels.greyPointsInRow(image, plot, high.getY(), 3)).isZero();

    show(robot, r.phase()); // FORWARD: the minibatch at the engine's ŷ, residuals to the diagonal
    assertThat(text("data-batch")).contains("at the engine's ŷ, each with its residual ŷ − y");
    assertThat(inPlot(snapshot(), DataStyle.BATCH)).isGreaterThan(32 * 10);

    show(robot, r.steps(300)); // trained: the points lie along the diagonal
    image = snapshot();
    Point2D diagonal = at(content().x().max() * 0.6, content().x().max() * 0.6);
    Point2D flat = at(content().x().max() * 0.6, 0);
    assertThat(Pixels.greyPointsNear(image, diagonal, 6))
        .isGreaterThan(Pixels.greyPointsNear(image, flat, 6));

    before = paints();
    robot.clickOn(view.scatterToggle());
    waitPainted(before);
    assertThat(view.legend().shows(Entry.MODEL)).isTrue();
    assertThat(content().yTitle()).isEqualTo("y");
  }

  @Test
  void aDivergedRunStillDrawsItsPointsAndSaysWhereTheLineWent(FxRobot robot) throws Exception {
    TestRun r = TestRun.chapter(2, 1000, 32, 3.0);
    startRun(robot, r, r.snapshot());
    StepSnapshot diverged = r.diverge();
    show(robot, diverged);
    assertThat(text("data-warning")).startsWith("The run diverged at step " + diverged.step());
    assertThat(view.plot().pointsDrawn()).isEqualTo(1000);
    assertThat(content().x().span()).isLessThan(20); // the axes keep to the data
    assertThat(content().y().span()).isLessThan(100);

    show(robot, TestRun.withParameters(diverged, Double.NaN, Double.NaN));
    assertThat(text("data-warning")).contains("w or b is NaN: the model's line cannot be drawn.");
    assertThat(view.plot().pointsDrawn()).isEqualTo(1000);
    // no line; only the note at the plot's top edge is in the line's colour
    Image nan = snapshot();
    assertThat(Pixels.count(nan, plotBounds(0), DataStyle.MODEL)).isGreaterThan(20);
    assertThat(Pixels.count(nan, plotBounds(2.5), DataStyle.MODEL)).isZero();

    // steep, but crossing the plot near x₁ = −3: drawn, no note
    show(robot, TestRun.withParameters(diverged, 1e12, 3e12));
    assertThat(text("data-warning")).doesNotContain("line left");
    assertThat(inPlot(snapshot(), DataStyle.MODEL)).isGreaterThan(50);
    // steep and crossing far to the left of the data: above the plot all the way across
    show(robot, TestRun.withParameters(diverged, 1e12, 1e14));
    assertThat(text("data-warning")).contains("The model's line left the plot: it runs above it.");

    show(robot, TestRun.withParameters(diverged, 0, 1e300));
    assertThat(text("data-warning")).contains("The model's line left the plot: it runs above it.");
    assertThat(Pixels.countGreyPoints(snapshot())).isGreaterThan(2000);

    long before = paints();
    robot.clickOn(view.predictionsToggle());
    waitPainted(before);
    show(robot, TestRun.withParameters(diverged, Double.POSITIVE_INFINITY, 0));
    assertThat(text("data-warning")).contains("beyond the plot").doesNotContain("NaN for every");
    show(robot, TestRun.withParameters(diverged, Double.NaN, 0));
    assertThat(text("data-warning")).contains("ŷ is NaN for every point: w or b is NaN.");
    assertThat(view.plot().pointsDrawn()).isZero();
  }

  @Test
  void aSliverOfAPaneShowsAHintInsteadOfASqueezedPlot(FxRobot robot) throws Exception {
    TestRun r = TestRun.chapter(2, 1000, 32, 0.03);
    startRun(robot, r, r.snapshot());
    assertThat(view.showsPlot()).isTrue();

    robot.interact(() -> stage.setWidth(160)); // what a 1024-wide window leaves beside the chart
    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> !view.showsPlot()).get());
    javafx.scene.text.Text hint = (javafx.scene.text.Text) scene.lookup(".data-too-small");
    assertThat(hint.isVisible()).isTrue();
    assertThat(hint.getText()).isEqualTo("Widen this pane to see the data.");
    assertThat(hint.getBoundsInParent().getMaxX()).isLessThanOrEqualTo(160);

    long before = paints();
    robot.interact(() -> stage.setWidth(520));
    waitPainted(before);
    assertThat(view.showsPlot()).isTrue();
    assertThat(view.plot().pointsDrawn()).isEqualTo(1000);
  }

  @Test
  void thePlotKeepsItsPlaceWhileTheCaptionsChangeFromPhaseToPhase(FxRobot robot) throws Exception {
    TestRun r = TestRun.chapter(2, 1000, 32, 0.03);
    startRun(robot, r, r.snapshot());
    show(robot, r.phase()); // FORWARD of the first minibatch: the captions' usual length
    PlotArea first = WaitForAsyncUtils.asyncFx(() -> view.plot().area()).get();
    for (int k = 0; k < 7; k++) { // LOSS, BACKWARD, UPDATE (a longer caption), FORWARD, …
      show(robot, r.phase());
      snapshot();
      PlotArea now = WaitForAsyncUtils.asyncFx(() -> view.plot().area()).get();
      String at = "after " + now + " vs " + first + ", " + text("data-batch");
      assertThat(now.top()).as(at).isEqualTo(first.top());
      assertThat(now.height()).as(at).isEqualTo(first.height());
    }
  }

  @Test
  void aFilesDataHaveTheirOwnNamesAndNoTrueLine(FxRobot robot) throws Exception {
    TestRun r = TestRun.chapter(2, 1000, 32, 0.03);
    var file =
        new descent.train.RunPicture(
            r.picture.sample(), r.picture.surface(), null, List.of("rooms", "age"), "price");
    long before = paints();
    robot.interact(() -> feed.startRun(file, r.snapshot()));
    waitPainted(before);

    assertThat(view.featureChoice().getItems()).containsExactly("rooms", "age");
    assertThat(content().xTitle()).isEqualTo("rooms");
    assertThat(content().yTitle()).isEqualTo("price");
    assertThat(text("data-slice")).isEqualTo("age held at its mean");
    assertThat(view.legend().shows(Entry.TRUE)).isFalse();
    assertThat(content().lines()).extracting(PlotLine::kind).containsExactly(Kind.MODEL);

    before = paints();
    robot.clickOn(view.leastSquaresToggle());
    waitPainted(before);
    assertThat(view.legend().shows(Entry.LEAST_SQUARES)).isTrue();
    PlotLine ls = line(Kind.LEAST_SQUARES);
    assertThat(lineHits(snapshot(), ls, DataStyle.LEAST_SQUARES)).isGreaterThanOrEqualTo(2);
  }
}
