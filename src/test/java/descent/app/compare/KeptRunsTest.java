package descent.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.chart.LossChartModel.Point;
import descent.run.RunConfig;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The keeping rules: at most eight, the oldest dropped, colours that stay, remove and clear. */
class KeptRunsTest {
  private static KeptRun run(KeptRuns runs, double lr) {
    return new KeptRun(
        runs.takeNumber(),
        runs.freeColour(),
        RunConfig.chapter(42).withLr(lr),
        List.of(new Point(0.1, 5), new Point(0.2, 1)),
        List.of(new Point(1, 0.5)),
        new double[][] {{0, 0, 0}, {1, -1, 2}},
        new double[] {1, -1},
        2,
        RunEnd.finished(2));
  }

  @Test
  void keepsEightAndDropsTheOldestForTheNinth() {
    KeptRuns runs = new KeptRuns();
    int[] changes = {0};
    runs.addListener(() -> changes[0]++);
    for (int i = 1; i <= 8; i++) {
      assertThat(runs.keep(run(runs, 0.01 * i))).isEmpty();
    }
    assertThat(runs.size()).isEqualTo(8);
    assertThat(runs.all()).extracting(KeptRun::colour).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);

    KeptRun ninth = run(runs, 0.5);
    Optional<KeptRun> dropped = runs.keep(ninth);
    assertThat(dropped).map(KeptRun::number).contains(1);
    assertThat(runs.size()).isEqualTo(8);
    assertThat(runs.all()).extracting(KeptRun::number).containsExactly(2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(ninth.colour()).as("the ninth takes the colour of the run it replaces").isZero();
    assertThat(changes[0]).isEqualTo(9);
  }

  @Test
  void aKeptRunIsOverlaidUntilHiddenAndRemoveAndClearTakeRunsAway() {
    KeptRuns runs = new KeptRuns();
    KeptRun a = run(runs, 0.03);
    runs.keep(a);
    KeptRun b = run(runs, 0.3);
    runs.keep(b);
    assertThat(runs.overlaid()).containsExactly(a, b);
    runs.setOverlaid(a.number(), false);
    assertThat(runs.overlaid()).containsExactly(b);
    assertThat(runs.all()).containsExactly(a, b);

    runs.remove(b.number());
    assertThat(runs.all()).containsExactly(a);
    assertThat(runs.overlaid()).isEmpty();
    // b's colour is free again; a keeps its own
    assertThat(runs.freeColour()).isEqualTo(b.colour());

    runs.clear();
    assertThat(runs.isEmpty()).isTrue();
    assertThat(runs.freeColour()).isZero();
  }

  @Test
  void aKeptRunHoldsCopiesAndItsFinalLoss() {
    KeptRuns runs = new KeptRuns();
    double[][] path = {{0, 0, 0}, {1, -1, 2}};
    KeptRun r =
        new KeptRun(
            1,
            0,
            RunConfig.chapter(42),
            List.of(new Point(0.5, 3)),
            List.of(),
            path,
            new double[] {1, -1},
            2,
            RunEnd.stopped(1));
    path[1][0] = 99;
    assertThat(r.path()[1][0]).isEqualTo(1);
    assertThat(r.finalLoss()).isEqualTo(3);
    assertThat(r.finalLossIsValidation()).isFalse();
    assertThat(r.end().text()).isEqualTo("stopped at step 1");
    assertThat(RunEnd.diverged(12).text()).isEqualTo("diverged at step 12");
    assertThat(run(runs, 0.03).finalLoss()).as("validation wins").isEqualTo(0.5);
  }

  @Test
  void thinningKeepsAtMostTheCapAndSpansTheRun() {
    List<Point> many = new java.util.ArrayList<>();
    for (int i = 0; i < 2001; i++) {
      many.add(new Point(i, 2 * i));
    }
    List<Point> thin = RunRecording.thin(many, RunRecording.MAX_LOSS_POINTS);
    assertThat(thin.size())
        .isBetween(RunRecording.MAX_LOSS_POINTS / 2, RunRecording.MAX_LOSS_POINTS);
    assertThat(thin.get(0).x()).isLessThan(10);
    assertThat(thin.get(thin.size() - 1).x()).isGreaterThan(1990);
    for (Point p : thin) {
      assertThat(p.y()).isEqualTo(2 * p.x());
    }
  }
}
