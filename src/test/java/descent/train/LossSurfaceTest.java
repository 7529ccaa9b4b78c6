package descent.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import descent.data.RegressionData;
import descent.engine.Autograd;
import descent.engine.Tensor;
import descent.model.LinearRegressionScratch;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The landscape's grid, loss and gradient against the real model: {@link LinearRegressionScratch}'s
 * forward and loss through the engine, over all training rows.
 */
class LossSurfaceTest {

  /** n training rows (then 5 wild validation rows) of d features with offsets and noise. */
  private static RegressionData data(int d, int n, double offset, long seed) {
    Random random = new Random(seed);
    double[] w = new double[d];
    for (int j = 0; j < d; j++) {
      w[j] = random.nextGaussian() * 2;
    }
    double b = 4.2 - offset * 0.5;
    double[][] x = new double[n + 5][d];
    double[] y = new double[n + 5];
    for (int i = 0; i < n + 5; i++) {
      double acc = b;
      for (int j = 0; j < d; j++) {
        x[i][j] = offset + (j - 1.5) + random.nextGaussian() * (1 + j % 3);
        acc += x[i][j] * w[j];
      }
      y[i] = acc + 0.5 * random.nextGaussian();
      if (i >= n) { // validation rows that would change every number if they were counted
        y[i] = 1e3 * (i - n + 1);
      }
    }
    return new ArrayData(x, y, n, 8);
  }

  /** The engine's loss over all training rows at (w, b), in a no-grad scope. */
  private static double directLoss(RegressionData data, double[] w, double b) {
    LinearRegressionScratch model = model(data, w, b);
    try (var g = Autograd.noGrad()) {
      return model.loss(model.forward(features(data)), targets(data)).item();
    }
  }

  /** The engine's full-batch gradient at (w, b): autograd through the loss of all training rows. */
  private static double[] directGradient(RegressionData data, double[] w, double b) {
    LinearRegressionScratch model = model(data, w, b);
    model.loss(model.forward(features(data)), targets(data)).backward();
    double[] gw = model.w().grad().toArray();
    double[] g = new double[w.length + 1];
    System.arraycopy(gw, 0, g, 0, w.length);
    g[w.length] = model.b().grad().item();
    return g;
  }

  /** The training loss at (w, b) in exact decimal arithmetic, rounded once to a double. */
  private static double exactLoss(RegressionData data, double[] w, double b) {
    int d = w.length;
    double[] x = data.trainFeatures();
    double[] y = data.trainTargets();
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < y.length; i++) {
      BigDecimal r = new BigDecimal(b).subtract(new BigDecimal(y[i]));
      for (int j = 0; j < d; j++) {
        r = r.add(new BigDecimal(x[i * d + j]).multiply(new BigDecimal(w[j])));
      }
      sum = sum.add(r.multiply(r));
    }
    return sum.divide(new BigDecimal(2 * y.length), MathContext.DECIMAL128).doubleValue();
  }

  private static LinearRegressionScratch model(RegressionData data, double[] w, double b) {
    LinearRegressionScratch model =
        new LinearRegressionScratch(data.numFeatures(), 0.01, 0, new Random(0));
    try (var g = Autograd.noGrad()) {
      model.w().setInPlace(w);
      model.b().setInPlace(new double[] {b});
    }
    return model;
  }

  private static Tensor features(RegressionData data) {
    return Tensor.of(data.trainFeatures(), data.numTrain(), data.numFeatures());
  }

  private static Tensor targets(RegressionData data) {
    return Tensor.of(data.trainTargets(), data.numTrain(), 1);
  }

  private static double[] randomPoint(int d, Random random) {
    double[] w = new double[d];
    for (int j = 0; j < d; j++) {
      w[j] = random.nextGaussian() * 3;
    }
    return w;
  }

  /** Every cell of a grid equals the direct loss at that cell's parameters, to {@code rel}. */
  private static void assertGridMatches(
      RegressionData data,
      LossSurface surface,
      int axisI,
      int axisJ,
      double[] w,
      double b,
      LossSurface.Window window,
      int nI,
      int nJ,
      int[][] cells,
      double rel) {
    double[] grid = surface.grid(axisI, axisJ, w, b, window, nI, nJ);
    assertThat(grid).hasSize(nI * nJ);
    int d = w.length;
    for (int[] cell : cells) {
      double pi = LossSurface.coordinate(window.iMin(), window.iMax(), nI, cell[0]);
      double pj = LossSurface.coordinate(window.jMin(), window.jMax(), nJ, cell[1]);
      double[] wAt = w.clone();
      double bAt = b;
      if (axisI == d) {
        bAt = pi;
      } else {
        wAt[axisI] = pi;
      }
      if (axisJ == d) {
        bAt = pj;
      } else {
        wAt[axisJ] = pj;
      }
      double expected = directLoss(data, wAt, bAt);
      assertThat(grid[cell[1] * nI + cell[0]])
          .as("cell (%d, %d) of axes (%d, %d)", cell[0], cell[1], axisI, axisJ)
          .isCloseTo(expected, within(rel * expected));
      assertThat(surface.loss(wAt, bAt)).isCloseTo(expected, within(rel * expected));
    }
  }

  @Test
  void gridEqualsTheModelsLossAtSampledCellsForEveryAxisPair() {
    for (int d : new int[] {1, 2, 10}) {
      RegressionData data = data(d, 60, 0, 10 + d);
      LossSurface surface = LossSurface.of(data);
      Random random = new Random(d);
      double[] w = randomPoint(d, random);
      double b = random.nextGaussian();
      int[][] cells = {{0, 0}, {6, 0}, {0, 4}, {6, 4}, {3, 2}, {1, 3}};
      for (int i = 0; i <= d; i++) {
        for (int j = 0; j <= d; j++) {
          if (i != j) {
            LossSurface.Window window = surface.window(i, j, w, b, null);
            assertGridMatches(data, surface, i, j, w, b, window, 7, 5, cells, 1e-12);
          }
        }
      }
    }
  }

  @Test
  void gridIsAccurateNearTheOptimumToo() {
    RegressionData data = data(3, 80, 0, 5);
    LossSurface surface = LossSurface.of(data);
    double[] w = surface.optimum().w();
    double b = surface.optimum().b();
    LossSurface.Window window =
        new LossSurface.Window(w[0] - 0.01, w[0] + 0.01, b - 0.01, b + 0.01);
    int[][] cells = {{0, 0}, {2, 2}, {4, 4}, {1, 3}};
    assertGridMatches(data, surface, 0, 3, w, b, window, 5, 5, cells, 1e-12);
  }

  @Test
  void aLargeFeatureOffsetStaysAccurate() {
    RegressionData data = data(2, 60, 1e6, 7);
    LossSurface surface = LossSurface.of(data);
    double[] w = surface.optimum().w();
    double b = surface.optimum().b();
    w[0] += 0.3;
    int[][] cells = {{0, 0}, {8, 8}, {4, 4}, {2, 7}, {7, 1}};
    for (int[] axes : new int[][] {{0, 1}, {0, 2}, {2, 1}}) {
      LossSurface.Window window = surface.window(axes[0], axes[1], w, b, null);
      assertGridMatches(data, surface, axes[0], axes[1], w, b, window, 9, 9, cells, 1e-9);
    }
    // near the optimum the loss is ≈ noise²/2 while XᵀX/n ≈ 10¹²: raw moments would lose it
    double[] opt = surface.optimum().w();
    double optB = surface.optimum().b();
    LossSurface.Window near =
        new LossSurface.Window(opt[0] - 1e-6, opt[0] + 1e-6, opt[1] - 1e-6, opt[1] + 1e-6);
    assertGridMatches(data, surface, 0, 1, opt, optB, near, 9, 9, cells, 1e-9);
    LossSurface.Window nearB =
        new LossSurface.Window(opt[0] - 1e-6, opt[0] + 1e-6, optB - 1, optB + 1);
    assertGridMatches(data, surface, 0, 2, opt, optB, nearB, 9, 9, cells, 1e-9);

    // and there it is more accurate than the row-by-row sum: within 1e-12 of the exact loss
    double[] grid = surface.grid(0, 2, opt, optB, nearB, 9, 9);
    for (int[] cell : cells) {
      double wi = LossSurface.coordinate(nearB.iMin(), nearB.iMax(), 9, cell[0]);
      double bj = LossSurface.coordinate(nearB.jMin(), nearB.jMax(), 9, cell[1]);
      double exact = exactLoss(data, new double[] {wi, opt[1]}, bj);
      assertThat(grid[cell[1] * 9 + cell[0]]).isCloseTo(exact, within(1e-12 * exact));
    }
  }

  @Test
  void aFullSizeGridFillsTheGivenArrayCorrectly() {
    RegressionData data = data(2, 100, 0, 3);
    LossSurface surface = LossSurface.of(data);
    double[] w = {0.5, -1};
    double b = 2;
    LossSurface.Window window = new LossSurface.Window(-4, 4, -3, 5);
    double[] out = new double[200 * 200];
    assertThat(surface.grid(0, 2, w, b, window, 200, 200, out)).isSameAs(out);
    int[][] cells = {{0, 0}, {199, 199}, {199, 0}, {0, 199}, {123, 45}};
    for (int[] cell : cells) {
      double wi = LossSurface.coordinate(-4, 4, 200, cell[0]);
      double bj = LossSurface.coordinate(-3, 5, 200, cell[1]);
      double expected = directLoss(data, new double[] {wi, -1}, bj);
      assertThat(out[cell[1] * 200 + cell[0]]).isCloseTo(expected, within(1e-12 * expected));
    }
    assertThat(LossSurface.coordinate(-4, 4, 200, 199)).isEqualTo(4);
  }

  @Test
  void gradientEqualsTheEnginesFullBatchGradient() {
    for (int d : new int[] {1, 2, 10}) {
      RegressionData data = data(d, 50, 0, 20 + d);
      LossSurface surface = LossSurface.of(data);
      Random random = new Random(100 + d);
      for (int t = 0; t < 3; t++) {
        double[] w = randomPoint(d, random);
        double b = random.nextGaussian() * 2;
        double[] expected = directGradient(data, w, b);
        double[] actual = surface.gradient(w, b);
        double scale = 0;
        for (double v : expected) {
          scale = Math.max(scale, Math.abs(v));
        }
        assertThat(actual).containsExactly(expected, within(1e-10 * scale));
      }
    }
  }

  @Test
  void theMinimumIsAtTheLeastSquaresSolution() {
    RegressionData data = data(4, 70, 0, 9);
    LossSurface surface = LossSurface.of(data);
    LeastSquares.Fit fit =
        LeastSquares.fit(data.trainFeatures(), data.trainTargets(), data.numFeatures());
    double[] gradient = surface.gradient(fit.w(), fit.b());
    double[] away = surface.gradient(new double[4], 0);
    double scale = 0;
    for (double v : away) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (double v : gradient) {
      assertThat(Math.abs(v)).isLessThan(1e-10 * scale);
    }
    double best = surface.loss(fit.w(), fit.b());
    Random random = new Random(1);
    for (int t = 0; t < 20; t++) {
      double[] w = fit.w();
      w[random.nextInt(4)] += random.nextGaussian() * 1e-3;
      assertThat(surface.loss(w, fit.b() + random.nextGaussian() * 1e-3)).isGreaterThan(best);
    }
  }

  @Test
  void theWindowHoldsTheCurrentPointTheTruthAndTheOptimum() {
    RegressionData data = data(2, 40, 0, 4);
    LossSurface surface = LossSurface.of(data);
    double[] opt = surface.optimum().w();
    double[] w = {opt[0] + 3, opt[1] - 2};
    double b = surface.optimum().b() - 5;
    RegressionData.Truth truth = new RegressionData.Truth(new double[] {-7, 9}, 11);
    LossSurface.Window window = surface.window(0, 2, w, b, truth);
    double lo = Math.min(Math.min(w[0], opt[0]), -7);
    double hi = Math.max(Math.max(w[0], opt[0]), -7);
    assertThat(window.iMin()).isCloseTo(lo - (hi - lo) / 4, within(1e-12));
    assertThat(window.iMax()).isCloseTo(hi + (hi - lo) / 4, within(1e-12));
    double blo = Math.min(Math.min(b, surface.optimum().b()), 11);
    double bhi = Math.max(Math.max(b, surface.optimum().b()), 11);
    assertThat(window.jMin()).isCloseTo(blo - (bhi - blo) / 4, within(1e-12));
    assertThat(window.jMax()).isCloseTo(bhi + (bhi - blo) / 4, within(1e-12));

    // a diverged current point is left out; the optimum alone gets half its value on each side
    LossSurface.Window alone =
        surface.window(0, 1, new double[] {Double.NaN, 1}, Double.POSITIVE_INFINITY, null);
    assertThat(alone.iMin()).isCloseTo(opt[0] - Math.abs(opt[0]) / 2, within(1e-12));
    assertThat(alone.iMax()).isCloseTo(opt[0] + Math.abs(opt[0]) / 2, within(1e-12));
  }

  @Test
  void badArgumentsAreRefusedWithAClearMessage() {
    LossSurface surface = LossSurface.of(data(2, 30, 0, 1));
    double[] w = {1, 2};
    LossSurface.Window ok = new LossSurface.Window(-1, 1, -1, 1);
    assertThatThrownBy(() -> surface.grid(3, 0, w, 0, ok, 10, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("axisI must be 0 … 2 (w1 … w2, then b), got 3");
    assertThatThrownBy(() -> surface.grid(0, -1, w, 0, ok, 10, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("axisJ must be 0 … 2 (w1 … w2, then b), got -1");
    assertThatThrownBy(() -> surface.grid(2, 2, w, 0, ok, 10, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the two axes must differ, both are b (axis 2)");
    assertThatThrownBy(() -> surface.grid(0, 1, w, 0, ok, 1, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a grid needs at least 2 points on each axis, got 1 × 10");
    assertThatThrownBy(
            () -> surface.grid(0, 1, w, 0, new LossSurface.Window(-1, Double.NaN, 0, 1), 5, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the range of axisI must be finite with min < max, got [-1.0, NaN]");
    assertThatThrownBy(
            () ->
                surface.grid(
                    0, 1, w, 0, new LossSurface.Window(0, 1, Double.NEGATIVE_INFINITY, 1), 5, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the range of axisJ must be finite with min < max, got [-Infinity, 1.0]");
    assertThatThrownBy(() -> surface.grid(0, 1, w, 0, new LossSurface.Window(1, 1, 0, 1), 5, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the range of axisI must be finite with min < max, got [1.0, 1.0]");
    assertThatThrownBy(() -> surface.grid(0, 1, new double[] {1}, 0, ok, 5, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("w must hold 2 values, got 1");
    assertThatThrownBy(() -> surface.grid(0, 2, new double[] {1, Double.NaN}, 0, ok, 5, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the held parameters must be finite, w2 = NaN");
    assertThatThrownBy(() -> surface.grid(0, 1, w, 0, ok, 5, 5, new double[24]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("out holds 24 values, fewer than 5 × 5");
  }
}
