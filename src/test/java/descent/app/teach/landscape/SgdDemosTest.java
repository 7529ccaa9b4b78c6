package descent.app.teach.landscape;

import static org.assertj.core.api.Assertions.assertThat;

import descent.train.LossSurface;
import descent.train.LossSurface.Window;
import descent.train.TrainingRun.Status;
import org.junit.jupiter.api.Test;

/**
 * The landscape's demos on the chapter's data (true w = [2, −3.4], b = 4.2, noise 0.01, 1000
 * training rows, σ 0.01, seed 42), checked on the numbers of the path the map draws: real runs,
 * their steps collected into a {@link descent.app.teach.ParameterPath} exactly as the feed does.
 */
class SgdDemosTest {
  private static final int W1 = 0;
  private static final int W2 = 1;
  private static final int B = 2;

  /** The unit eigenvector of the largest eigenvalue of the loss's Hessian over (w₁, w₂). */
  static double[] steepAxis(LossSurface s) {
    double[] g0 = s.gradient(new double[] {0, 0}, 0);
    double[] g1 = s.gradient(new double[] {1, 0}, 0);
    double[] g2 = s.gradient(new double[] {0, 1}, 0);
    double h11 = g1[0] - g0[0];
    double h12 = g1[1] - g0[1];
    double h22 = g2[1] - g0[1];
    double top = (h11 + h22) / 2 + Math.sqrt((h11 - h22) * (h11 - h22) / 4 + h12 * h12);
    double vx = h12;
    double vy = top - h11;
    double n = Math.hypot(vx, vy);
    return new double[] {vx / n, vy / n};
  }

  /**
   * The share of the first {@code pairs} pairs of consecutive steps whose projections on v flip.
   */
  static double alternation(DemoRun r, double[] v, int pairs) {
    int flips = 0;
    for (int k = 0; k < pairs; k++) {
      double a = projection(r, k, v);
      double b = projection(r, k + 1, v);
      if (a * b < 0) {
        flips++;
      }
    }
    return (double) flips / pairs;
  }

  private static double projection(DemoRun r, int step, double[] v) {
    return (r.p(step + 1, W1) - r.p(step, W1)) * v[0] + (r.p(step + 1, W2) - r.p(step, W2)) * v[1];
  }

  /** The distance of path point k from the least-squares optimum, over (w₁, w₂, b). */
  static double distanceToOptimum(DemoRun r, int k) {
    var fit = r.picture.optimum();
    return Math.sqrt(
        sq(r.p(k, W1) - fit.w()[0]) + sq(r.p(k, W2) - fit.w()[1]) + sq(r.p(k, B) - fit.b()));
  }

  static double stepLength(DemoRun r, int k) {
    return Math.sqrt(
        sq(r.p(k + 1, W1) - r.p(k, W1))
            + sq(r.p(k + 1, W2) - r.p(k, W2))
            + sq(r.p(k + 1, B) - r.p(k, B)));
  }

  /** The full training loss at path point k. */
  static double loss(DemoRun r, int k) {
    return r.picture.surface().loss(new double[] {r.p(k, W1), r.p(k, W2)}, r.p(k, B));
  }

  /** |sin| of the angle between step k and −∇L at its start, in the (w₁, w₂) plane of the map. */
  static double sideways(DemoRun r, int k) {
    double[] g = r.picture.surface().gradient(new double[] {r.p(k, W1), r.p(k, W2)}, r.p(k, B));
    double dx = r.p(k + 1, W1) - r.p(k, W1);
    double dy = r.p(k + 1, W2) - r.p(k, W2);
    return Math.abs(dx * -g[1] - dy * -g[0]) / (Math.hypot(dx, dy) * Math.hypot(g[0], g[1]));
  }

  /** The turn between steps k and k + 1 in the (w₁, w₂) plane, in degrees. */
  static double turn(DemoRun r, int k) {
    double ax = r.p(k + 1, W1) - r.p(k, W1);
    double ay = r.p(k + 1, W2) - r.p(k, W2);
    double bx = r.p(k + 2, W1) - r.p(k + 1, W1);
    double by = r.p(k + 2, W2) - r.p(k + 1, W2);
    return Math.toDegrees(Math.abs(Math.atan2(ax * by - ay * bx, ax * bx + ay * by)));
  }

  private static double sq(double v) {
    return v * v;
  }

  @Test
  void justBelowTheStableBoundThePathZigZagsAcrossTheValley() {
    double bound = DemoRun.bound(32);
    DemoRun fast = DemoRun.chapter(32, 0.95 * bound, 0, 3).steps(20);
    DemoRun calm = DemoRun.chapter(32, 0.03, 0, 3).steps(20);
    double[] v = steepAxis(fast.picture.surface());

    // along the steep axis each step undoes most of the last: the projections flip sign
    assertThat(alternation(fast, v, 19)).isGreaterThanOrEqualTo(0.75);
    assertThat(alternation(calm, v, 19)).isLessThanOrEqualTo(0.1);
    // it overshoots: the first step lands past the optimum, farther out than where it set off
    assertThat(fast.p(1, W2)).isLessThan(-3.4 - 2);
    // and yet it converges, being below the bound
    assertThat(fast.run.status()).isNotEqualTo(Status.DIVERGED);
    assertThat(distanceToOptimum(fast, 20)).isLessThan(0.1 * distanceToOptimum(fast, 0));
  }

  @Test
  void aLearningRateOf0003Creeps() {
    DemoRun slow = DemoRun.chapter(32, 0.003, 0, 4).steps(100);
    DemoRun chapter = DemoRun.chapter(32, 0.03, 0, 4).steps(100);
    assertThat(slow.path.size()).isEqualTo(101);
    // after 100 steps it has covered about a quarter of the way
    assertThat(distanceToOptimum(slow, 100)).isGreaterThan(0.6 * distanceToOptimum(slow, 0));
    assertThat(distanceToOptimum(chapter, 100)).isLessThan(0.1 * distanceToOptimum(chapter, 0));
    // every step is short: a fraction of the chapter rate's first step
    for (int k = 0; k < 100; k++) {
      assertThat(stepLength(slow, k)).isLessThan(0.2 * stepLength(chapter, 0));
    }
  }

  @Test
  void batchSizeOneWanders() {
    DemoRun one = DemoRun.chapter(1, 0.03, 0, 1).steps(1000);
    DemoRun full = DemoRun.chapter(1000, 0.03, 0, 100).steps(100);
    int rises = 0;
    for (int k = 0; k < 1000; k++) {
      if (loss(one, k + 1) > loss(one, k)) {
        rises++;
      }
    }
    // the full loss is not monotone along the path: it rises at many steps
    assertThat(rises).isGreaterThan(100);
    // and the steps go sideways: on average far off the direction of steepest descent
    double oneSideways = 0;
    double fullSideways = 0;
    for (int k = 0; k < 100; k++) {
      oneSideways += sideways(one, k) / 100;
      fullSideways += sideways(full, k) / 100;
    }
    assertThat(oneSideways).isGreaterThan(0.5);
    assertThat(fullSideways).isLessThan(0.01);
    for (int k = 0; k < 100; k++) {
      assertThat(loss(full, k + 1)).isLessThan(loss(full, k));
    }
  }

  @Test
  void theFullBatchGoesStraight() {
    DemoRun full = DemoRun.chapter(1000, 0.03, 0, 100).steps(100);
    DemoRun minibatch = DemoRun.chapter(32, 0.03, 0, 4).steps(100);
    double largest = 0;
    for (int k = 0; k < 98; k++) {
      largest = Math.max(largest, turn(full, k));
    }
    assertThat(largest).isLessThan(1);
    double minibatchLargest = 0;
    for (int k = 0; k < 98; k++) {
      minibatchLargest = Math.max(minibatchLargest, turn(minibatch, k));
    }
    assertThat(minibatchLargest).isGreaterThan(30);
  }

  @Test
  void clippingShortensTheFirstSteps() {
    double clip = 1;
    DemoRun clipped = DemoRun.chapter(32, 0.03, clip, 3).steps(10);
    DemoRun free = DemoRun.chapter(32, 0.03, 0, 3).steps(10);
    for (int k = 0; k < 5; k++) {
      // a step is η × the clipped gradient, whose norm is at most the clip value
      assertThat(stepLength(clipped, k)).isLessThanOrEqualTo(0.03 * clip * (1 + 1e-9));
      assertThat(stepLength(clipped, k)).isLessThan(0.3 * stepLength(free, k));
    }
  }

  @Test
  void aboveTheBoundThePathLeavesTheFirstWindowAndTheMapFollowsItToDivergence() {
    DemoRun wild = DemoRun.chapter(32, 1.3 * DemoRun.bound(32), 0, 3).steps(200);
    assertThat(wild.run.status()).isEqualTo(Status.DIVERGED);
    int last = wild.path.size() - 1;
    assertThat(distanceToOptimum(wild, last)).isGreaterThan(100 * distanceToOptimum(wild, 0));

    MapWindow keeper = new MapWindow();
    LossSurface s = wild.picture.surface();
    var truth = wild.picture.truth();
    // the first window, from the path's start
    DemoRun start = DemoRun.chapter(32, 1.3 * DemoRun.bound(32), 0, 3);
    Window first = keeper.update(s, truth, start.path, W1, W2, start.ready.w(), start.ready.b());
    assertThat(MapWindow.contains(first, wild.p(last, W1), wild.p(last, W2))).isFalse();

    // frame by frame, as the run goes: the window holds every point and only grows
    MapWindow follow = new MapWindow();
    DemoRun replay = DemoRun.chapter(32, 1.3 * DemoRun.bound(32), 0, 3);
    Window before = null;
    int frames = 0;
    while (replay.run.status() != Status.DIVERGED) {
      replay.steps(1);
      frames++;
      var snap = replay.snapshot();
      Window w = follow.update(s, truth, replay.path, W1, W2, snap.w(), snap.b());
      for (int k = 0; k < replay.path.size(); k++) {
        assertThat(MapWindow.contains(w, replay.p(k, W1), replay.p(k, W2))).isTrue();
      }
      if (before != null) {
        assertThat(w.iMin()).isLessThanOrEqualTo(before.iMin());
        assertThat(w.iMax()).isGreaterThanOrEqualTo(before.iMax());
        assertThat(w.jMin()).isLessThanOrEqualTo(before.jMin());
        assertThat(w.jMax()).isGreaterThanOrEqualTo(before.jMax());
      }
      before = w;
    }
    // it grows in jumps, not at every frame
    assertThat(follow.changes()).isLessThan(frames / 2);
  }
}
