package descent.app.teach.batch;

import static descent.app.teach.batch.Numbers.format;
import static descent.app.teach.batch.Numbers.sub;
import static descent.app.teach.batch.Numbers.term;
import static org.assertj.core.api.Assertions.assertThat;

import descent.engine.Tensor;
import descent.train.StepSnapshot;
import descent.train.TrainingRun;
import descent.train.TrainingRun.Phase;
import descent.train.TrainingRun.Status;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a user reads in the Minibatch view as a real run is stepped phase by phase: the columns fill
 * in order, and every printed number is the engine's own value (read from the live run, not from
 * the snapshot) printed the same way.
 */
@ExtendWith(ApplicationExtension.class)
class MinibatchViewTest {
  private static final String P = Numbers.PENDING;

  /** Rows surely in sight at 520×560. */
  private static final int IN_SIGHT = 5;

  private Harness h;

  @Start
  void start(Stage stage) {
    h = Harness.start(stage, new FxRobot());
  }

  /** The engine's tensor {@code depth} ops below the loss: 1 div (row losses), 2 square, 3 sub. */
  private static double[] belowLoss(TrainingRun run, int depth) {
    Tensor t = run.currentLoss();
    for (int k = 0; k < depth; k++) {
      t = t.inputs().get(0);
    }
    return t.toArray();
  }

  /**
   * What row {@code i} (from 1) of column {@code key} shows: read from the drawn cell for the rows
   * in sight (the first {@link #IN_SIGHT}), else from the column's data, which the cell draws as it
   * is when scrolled to.
   */
  private String cell(String key, int i) throws Exception {
    return WaitForAsyncUtils.asyncFx(
            () -> {
              if (i <= IN_SIGHT) {
                Node n = h.root.lookup("#batch-" + key + "-" + i);
                return n == null ? null : ((Labeled) n).getText();
              }
              TableView<?> t = (TableView<?>) h.root.lookup("#batch-rows");
              for (TableColumn<?, ?> c : t.getColumns()) {
                if (c.getId().equals("batch-col-" + key)) {
                  return (String) c.getCellData(i - 1);
                }
              }
              return null;
            })
        .get();
  }

  @Test
  void aNewMinibatchShowsInTheSameCellsNotInNewOnes(FxRobot robot) throws Exception {
    // while a run plays the view draws a new minibatch every frame: remaking every row and cell
    // (and styling each by CSS) each time took most of a frame
    BatchRun r = BatchRun.chapter();
    h.start(r.picture, r.snapshot());
    h.show(r.steps(1));
    Node yHat = h.root.lookup("#batch-yhat-1");
    Node grad = h.root.lookup("#batch-grad-w1");
    Node row = yHat.getParent();
    String before = h.text("batch-yhat-1");
    int[] restyles = {0};
    robot.interact(
        () -> {
          for (Node phase : h.root.lookupAll(".batch-phase")) {
            phase.getStyleClass().addListener((ListChangeListener<String>) c -> restyles[0]++);
          }
        });
    h.show(r.steps(1));
    TrainingRun run = r.run;
    assertThat(h.text("batch-yhat-1")).isEqualTo(format(run.currentPrediction().toArray()[0]));
    assertThat(h.text("batch-yhat-1")).isNotEqualTo(before);
    assertThat(h.text("batch-grad-w1")).isEqualTo(format(run.model().w().grad().toArray()[0]));
    assertThat(h.root.lookup("#batch-yhat-1")).as("the same cell").isSameAs(yHat);
    assertThat(h.root.lookup("#batch-grad-w1")).isSameAs(grad);
    assertThat(yHat.getParent()).as("the same table row").isSameAs(row);
    assertThat(robot.lookup(".batch-phase.done").queryAll()).hasSize(4);
    assertThat(restyles[0]).as("phase marks restyled though none changed").isZero();
  }

  @Test
  void thePhasesFillTheTableInOrderWithTheEnginesNumbers(FxRobot robot) throws Exception {
    BatchRun r = BatchRun.chapter();
    TrainingRun run = r.run;
    h.start(r.picture, r.snapshot());
    assertThat(h.text("batch-headline")).isEqualTo("Ready: no minibatch has run yet.");
    assertThat(h.visible("batch-loss")).isFalse();
    assertThat(h.root.lookup("#batch-yhat-1")).isNull();
    assertThat(robot.lookup(".batch-placeholder").queryLabeled().getText())
        .isEqualTo("No minibatch yet: press . (Step phase) to start the first minibatch.");
    assertThat(h.text("batch-grad-w1")).isEqualTo(P);
    assertThat(h.text("batch-update-b")).isEqualTo("0.0000 − 0.03 × — = —");

    // FORWARD: ŷ appears, the residual and loss columns still wait
    h.show(r.phase());
    double[] w0 = run.model().w().toArray();
    double b0 = run.model().b().item();
    int[] rows = run.currentBatch().rows();
    double[] yHat = run.currentPrediction().toArray();
    double[] y = run.currentBatch().y().toArray();
    double[] x = run.currentBatch().x().toArray();
    assertThat(h.text("batch-headline"))
        .isEqualTo("Step 1 (epoch 1, minibatch 1 of 32, m = 32) · ran FORWARD · next: LOSS (.)");
    assertThat(h.text("batch-count")).isEqualTo("32 rows");
    for (int i = 1; i <= 32; i++) {
      assertThat(cell("row", i)).isEqualTo(Integer.toString(rows[i - 1]));
      assertThat(cell("y", i)).isEqualTo(format(y[i - 1]));
      assertThat(cell("x1", i)).isEqualTo(format(x[2 * (i - 1)]));
      assertThat(cell("x2", i)).isEqualTo(format(x[2 * (i - 1) + 1]));
      assertThat(cell("yhat", i)).isEqualTo(format(yHat[i - 1]));
      assertThat(cell("residual", i)).isEqualTo(P);
      assertThat(cell("loss", i)).isEqualTo(P);
    }
    assertThat(h.text("batch-loss"))
        .isEqualTo("L = (sum of the row losses) / m = — (LOSS computes it)");
    assertThat(h.text("batch-grad-w2")).isEqualTo(P);

    // LOSS: the residuals, the row losses and their mean, as the engine computed them
    h.show(r.phase());
    double[] residual = belowLoss(run, 3);
    double[] rowLoss = belowLoss(run, 1);
    double sum = 0;
    for (int i = 1; i <= 32; i++) {
      assertThat(cell("yhat", i)).isEqualTo(format(yHat[i - 1]));
      assertThat(cell("residual", i)).isEqualTo(format(residual[i - 1]));
      assertThat(cell("loss", i)).isEqualTo(format(rowLoss[i - 1]));
      sum += rowLoss[i - 1];
    }
    assertThat(h.text("batch-loss"))
        .isEqualTo(
            "L = (sum of the row losses) / m = "
                + format(sum)
                + " / 32 = "
                + format(run.currentLoss().item()));
    assertThat(h.text("batch-norm")).isEqualTo("‖g‖ = — (BACKWARD computes it) · no clipping");
    assertThat(h.text("batch-grad-b")).isEqualTo(P);

    // BACKWARD: the gradient and its norm; the update still waits
    h.show(r.phase());
    double[] gw = run.model().w().grad().toArray();
    double gb = run.model().b().grad().item();
    assertThat(h.text("batch-grad-w1")).isEqualTo(format(gw[0]));
    assertThat(h.text("batch-grad-w2")).isEqualTo(format(gw[1]));
    assertThat(h.text("batch-grad-b")).isEqualTo(format(gb));
    assertThat(h.text("batch-norm"))
        .isEqualTo("‖g‖ = " + format(run.lastGradientNorm()) + " · no clipping");
    assertThat(h.text("batch-update-w1"))
        .isEqualTo(format(w0[0]) + " − 0.03 × " + term(gw[0]) + " = —");

    // UPDATE: each parameter before and after, with the arithmetic
    h.show(r.phase());
    double[] w1 = run.model().w().toArray();
    double b1 = run.model().b().item();
    assertThat(h.text("batch-headline"))
        .isEqualTo(
            "Step 1 done (epoch 1, minibatch 1 of 32, m = 32) · next: FORWARD of step 2 (.)");
    assertThat(h.text("batch-update-w1"))
        .isEqualTo(format(w0[0]) + " − 0.03 × " + term(gw[0]) + " = " + format(w1[0]));
    assertThat(h.text("batch-update-w2"))
        .isEqualTo(format(w0[1]) + " − 0.03 × " + term(gw[1]) + " = " + format(w1[1]));
    assertThat(h.text("batch-update-b"))
        .isEqualTo(format(b0) + " − 0.03 × " + term(gb) + " = " + format(b1));
    // the rows of the minibatch just done stay, complete
    assertThat(cell("loss", 32)).isEqualTo(format(rowLoss[31]));
    assertThat(robot.lookup(".batch-phase.done").queryAll()).hasSize(4);
  }

  @Test
  void clickingANumberShowsHowItWasComputed(FxRobot robot) throws Exception {
    BatchRun r = BatchRun.chapter();
    TrainingRun run = r.run;
    h.start(r.picture, r.snapshot());
    h.show(r.phase());
    double[] x = run.currentBatch().x().toArray();
    double[] w = run.model().w().toArray();
    double b = run.model().b().item();
    int row = run.currentBatch().rows()[6];
    double yHat7 = run.currentPrediction().toArray()[6];

    robot.clickOn("#batch-yhat-7");
    Harness.waitUntil(() -> h.view.isPopOverShowing());
    String n = sub(row);
    assertThat(WaitForAsyncUtils.asyncFx(h.view::popOverText).get())
        .isEqualTo(
            "ŷ"
                + n
                + " = x"
                + n
                + " · w + b\n= "
                + term(x[12])
                + " × "
                + term(w[0])
                + " + "
                + term(x[13])
                + " × "
                + term(w[1])
                + " + "
                + term(b)
                + "\n= "
                + format(yHat7));
    Node content = robot.lookup("#batch-explain").query();
    assertThat(content.getScene().getWindow().isShowing()).isTrue();

    // after LOSS a residual explains itself; a second click opens it at once
    h.show(r.phase());
    h.show(r.phase());
    double g1 = run.model().w().grad().toArray()[0];
    robot.clickOn("#batch-grad-w1");
    Harness.waitUntil(() -> String.valueOf(h.view.popOverText()).startsWith("∂L/∂w₁"));
    assertThat(h.view.popOverText())
        .startsWith("∂L/∂w₁ = (1/m) Σᵢ (ŷᵢ − yᵢ) xᵢ₁\n= (1/32) × [")
        .contains("… (32 terms)]\n= " + format(g1) + "\n");
    robot.type(KeyCode.ESCAPE);
    Harness.waitUntil(() -> !h.view.isPopOverShowing());
    robot.clickOn("#batch-loss");
    Harness.waitUntil(() -> String.valueOf(h.view.popOverText()).startsWith("L = "));
    assertThat(h.view.popOverText())
        .endsWith("= " + format(run.currentLoss().item()))
        .contains("/ 32\n");
  }

  @Test
  void aLargeBatchShowsItsFirstRowsAndACountWithoutAThousandNodes(FxRobot robot) throws Exception {
    BatchRun r = new BatchRun(2, 1000, 1000, 0.03, 0, 3);
    h.start(r.picture, r.snapshot());
    h.show(r.phase());
    StepSnapshot s = h.view.shown();
    assertThat(s.batchSize()).isEqualTo(1000);
    h.show(r.phase());
    assertThat(h.text("batch-count")).isEqualTo("showing 500 of 1,000 rows");
    assertThat(h.text("batch-loss"))
        .isEqualTo(
            "L = (sum of the 1,000 row losses) / 1,000 = " + format(r.run.currentLoss().item()));
    assertThat(cell("yhat", 500)).isEqualTo(format(r.run.currentPrediction().toArray()[499]));
    assertThat(h.root.lookup("#batch-yhat-501")).isNull();
    assertThat(h.root.lookupAll(".table-row-cell")).hasSizeLessThan(60);
  }

  @Test
  void aBatchOfOneRowReadsAsOneLineOfArithmetic(FxRobot robot) throws Exception {
    BatchRun r = new BatchRun(2, 100, 1, 0.03, 0, 5);
    TrainingRun run = r.run;
    h.start(r.picture, r.snapshot());
    h.show(r.phase());
    assertThat(h.text("batch-count")).isEqualTo("1 row");
    double[] x = run.currentBatch().x().toArray();
    double[] w = run.model().w().toArray();
    double b = run.model().b().item();
    double yHat = run.currentPrediction().item();
    String forward =
        "ŷ = x · w + b = "
            + term(x[0])
            + " × "
            + term(w[0])
            + " + "
            + term(x[1])
            + " × "
            + term(w[1])
            + " + "
            + term(b)
            + " = "
            + format(yHat);
    assertThat(h.text("batch-loss")).isEqualTo(forward + ",   ŷ − y = —,   L = ½(ŷ − y)² = —");
    h.show(r.phase());
    double y = run.currentBatch().y().item();
    double residual = belowLoss(run, 3)[0];
    assertThat(h.text("batch-loss"))
        .isEqualTo(
            forward
                + ",   ŷ − y = "
                + format(yHat)
                + " − "
                + term(y)
                + " = "
                + format(residual)
                + ",   L = ½ × "
                + term(residual)
                + "² = "
                + format(run.currentLoss().item()));
  }

  @Test
  void clippingSaysWhetherAndByHowMuchItScaledTheGradient(FxRobot robot) throws Exception {
    BatchRun r = new BatchRun(2, 1000, 32, 0.03, 0.5, 42);
    h.start(r.picture, r.snapshot());
    r.phase();
    r.phase();
    h.show(r.phase());
    double norm = r.run.lastGradientNorm();
    assertThat(norm).isGreaterThan(0.5);
    assertThat(h.text("batch-norm"))
        .isEqualTo("‖g‖ = " + format(norm) + " > 0.5: clipped, gradient × " + format(0.5 / norm));
    double gb = r.run.model().b().grad().item(); // after clipping, as the update applies it
    assertThat(h.text("batch-grad-b")).isEqualTo(format(gb));
    robot.clickOn("#batch-grad-b");
    Harness.waitUntil(() -> h.view.isPopOverShowing());
    assertThat(h.view.popOverText())
        .contains("× " + format(0.5 / norm) + ", the clip factor 0.5 / ‖g‖")
        .contains("= " + format(gb));
  }

  @Test
  void anUpdateNobodyWatchedSaysSoInsteadOfInventingTheBefore(FxRobot robot) throws Exception {
    BatchRun r = BatchRun.chapter();
    h.start(r.picture, r.snapshot());
    r.run.setPhaseObserver(null);
    r.run.step();
    double g = r.run.model().w().grad().toArray()[0];
    h.show(StepSnapshot.of(r.run, Phase.UPDATE, null, Double.NaN));
    assertThat(h.text("batch-update-w1"))
        .isEqualTo(
            "(before: not recorded) − 0.03 × "
                + term(g)
                + " = "
                + format(r.run.model().w().toArray()[0]));
    robot.clickOn("#batch-yhat-1");
    Harness.waitUntil(h.view::isPopOverShowing);
    assertThat(h.view.popOverText())
        .contains("before this step's update, which were not recorded")
        .endsWith("= " + format(r.run.currentPrediction().toArray()[0]));
  }

  @Test
  void aDivergedRunPrintsInfinityAndSaysWhatHappened(FxRobot robot) throws Exception {
    BatchRun r = new BatchRun(2, 1000, 32, 1e200, 0, 42);
    h.start(r.picture, r.snapshot());
    StepSnapshot s = r.snapshot();
    while (s.status() != Status.DIVERGED) {
      s = r.phase();
    }
    h.show(s);
    assertThat(s.loss()).isInfinite();
    assertThat(h.text("batch-headline"))
        .isEqualTo(
            "Diverged at step 2 (epoch 1, minibatch 2 of 32, m = 32), after LOSS: the loss is ∞."
                + " Reset (R) to start again.");
    assertThat(h.text("batch-loss")).endsWith(" / 32 = ∞");
    double[] rowLoss = belowLoss(r.run, 1);
    assertThat(cell("loss", 1)).isEqualTo(format(rowLoss[0])).isEqualTo("∞");
    assertThat(robot.lookup("#batch-loss-1").query().getStyleClass()).contains("nonfinite");
    assertThat(robot.lookup(".batch-phase.next").queryAll()).isEmpty();
  }

  @Test
  void inTooLittleRoomTheViewSaysSoInsteadOfSqueezingTheTable(FxRobot robot) throws Exception {
    BatchRun r = BatchRun.chapter();
    h.start(r.picture, r.snapshot());
    h.show(r.phase());
    h.size(250, 560, 14);
    assertThat(h.visible("batch-too-small")).isTrue();
    assertThat(h.text("batch-too-small")).isEqualTo(MinibatchView.TOO_SMALL);
    assertThat(h.root.lookup(".batch-box").isVisible()).isFalse();
    h.size(520, 380, 14);
    assertThat(h.visible("batch-too-small")).isTrue();
    h.size(520, 560, 14);
    assertThat(h.visible("batch-too-small")).isFalse();
    assertThat(h.root.lookup(".batch-box").isVisible()).isTrue();
    assertThat(h.text("batch-yhat-1")).isEqualTo(format(r.run.currentPrediction().toArray()[0]));
  }

  @Test
  void withoutALiveRunTheCheckButtonIsOffAndSaysWhy(FxRobot robot) throws Exception {
    BatchRun r = BatchRun.chapter();
    h.start(r.picture, r.snapshot());
    Button check = robot.lookup("#batch-check-gradient").queryButton();
    assertThat(check.isDisabled()).isTrue();
    assertThat(h.text("batch-check-result")).isEqualTo(GradientCheckPanel.NO_RUN);
  }
}
