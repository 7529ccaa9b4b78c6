package descent.app.teach.landscape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import descent.data.RegressionData;
import descent.data.SyntheticRegressionData;
import descent.train.LossSurface;
import descent.train.LossSurface.Window;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The map's grid, colours and contour lines, against the loss computed directly from the rows. */
class LandscapeMapTest {

  /** ½ mean over the training rows of (x·w + b − y)², straight from the data. */
  static double directLoss(RegressionData data, double[] w, double b) {
    double[] x = data.trainFeatures();
    double[] y = data.trainTargets();
    int d = data.numFeatures();
    double sum = 0;
    for (int i = 0; i < data.numTrain(); i++) {
      double r = b - y[i];
      for (int k = 0; k < d; k++) {
        r += x[i * d + k] * w[k];
      }
      sum += 0.5 * r * r;
    }
    return sum / data.numTrain();
  }

  private static RegressionData data(double[] w) {
    return new SyntheticRegressionData(w, 4.2, 0.01, 1000, 1000, 32, true, 42);
  }

  /** Parameters with axes i and j set to the given values. */
  private static double[] with(double[] w, double b, int i, double vi, int j, double vj) {
    double[] p = new double[w.length + 1];
    System.arraycopy(w, 0, p, 0, w.length);
    p[w.length] = b;
    p[i] = vi;
    p[j] = vj;
    return p;
  }

  private static void checkGrid(double[] trueW, int ai, int aj) {
    RegressionData data = data(trueW);
    LossSurface surface = LossSurface.of(data);
    int d = trueW.length;
    Random random = new Random(7);
    double[] held = new double[d];
    for (int k = 0; k < d; k++) {
      held[k] = trueW[k] + random.nextGaussian();
    }
    double heldB = 1.5;
    Window window = new Window(-3, 5, -6, 2.5);
    LandscapeMap map = new LandscapeMap();
    map.compute(surface, ai, aj, held, heldB, window);
    int n = LandscapeMap.N;
    for (int[] cell : new int[][] {{0, 0}, {n - 1, n - 1}, {0, n - 1}, {n - 1, 0}, {37, 151}}) {
      checkCell(data, map, held, heldB, ai, aj, cell[0], cell[1]);
    }
    for (int t = 0; t < 40; t++) {
      checkCell(data, map, held, heldB, ai, aj, random.nextInt(n), random.nextInt(n));
    }
    assertThat(map.pi(0)).isEqualTo(-3);
    assertThat(map.pi(n - 1)).isEqualTo(5);
    assertThat(map.pj(0)).isEqualTo(-6);
    assertThat(map.pj(n - 1)).isEqualTo(2.5);
  }

  private static void checkCell(
      RegressionData data, LandscapeMap map, double[] w, double b, int ai, int aj, int a, int c) {
    double[] p = with(w, b, ai, map.pi(a), aj, map.pj(c));
    double[] pw = java.util.Arrays.copyOf(p, w.length);
    double expected = directLoss(data, pw, p[w.length]);
    assertThat(map.loss(a, c))
        .as("cell %d, %d", a, c)
        .isCloseTo(expected, within(1e-9 * expected + 1e-12));
  }

  @Test
  void theGridEqualsTheLossComputedFromTheRowsForOneTwoAndTenFeatures() {
    checkGrid(new double[] {2}, 0, 1); // (w, b)
    checkGrid(new double[] {2, -3.4}, 0, 1); // (w₁, w₂), b held
    checkGrid(new double[] {2, -3.4}, 2, 0); // (b, w₁), w₂ held
    checkGrid(new double[] {1, -2, 3, -4, 5, -6, 7, -8, 9, -10}, 2, 6); // eight weights and b held
  }

  @Test
  void eachCellIsColouredByTheBandOfItsLoss() {
    RegressionData data = data(new double[] {2, -3.4});
    LossSurface surface = LossSurface.of(data);
    LandscapeMap map = new LandscapeMap();
    double[] held = {0.3, -0.7};
    map.compute(surface, 0, 1, held, 2.0, new Window(-1, 4, -5, 1));
    ContourLevels levels = ContourLevels.of(map.min(), map.max());
    ColourScale scale = ColourScale.of(map.min(), map.max());
    map.paint(levels, scale);
    assertThat(levels.size()).isGreaterThanOrEqualTo(ContourLevels.MIN_LEVELS);
    int n = LandscapeMap.N;
    int[] argb = map.argb();
    Random random = new Random(3);
    int distinct = 0;
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int t = 0; t < 200; t++) {
      int a = random.nextInt(n);
      int c = random.nextInt(n);
      double loss = directLoss(data, new double[] {map.pi(a), map.pj(c)}, 2.0);
      int expected = scale.argb(levels.representative(levels.band(loss)));
      // the image's first row is the top of the map, the largest w₂
      assertThat(argb[(n - 1 - c) * n + a]).as("cell %d, %d", a, c).isEqualTo(expected);
      colours.add(expected);
    }
    distinct = colours.size();
    assertThat(distinct).isGreaterThan(4);
    // darker in the valley than on the rim: the scale runs from the lowest loss to the highest
    assertThat(brightness(scale.argb(map.min()))).isLessThan(brightness(scale.argb(map.max())));
  }

  private static double brightness(int argb) {
    return ((argb >> 16) & 0xff) + ((argb >> 8) & 0xff) + (argb & 0xff);
  }

  @Test
  void contourLinesRunAlongTheirLevels() {
    RegressionData data = data(new double[] {2, -3.4});
    LossSurface surface = LossSurface.of(data);
    LandscapeMap map = new LandscapeMap();
    double[] held = {0.3, -0.7};
    Window window = new Window(-1, 4, -5, 1);
    map.compute(surface, 0, 1, held, 2.0, window);
    ContourLevels levels = ContourLevels.of(map.min(), map.max());
    map.paint(levels, ColourScale.of(map.min(), map.max()));
    assertThat(map.segmentCount()).isGreaterThan(500);
    double[] s = map.segments();
    int n = LandscapeMap.N;
    for (int k = 0; k < map.segmentCount(); k += 37) {
      for (int end = 0; end < 2; end++) {
        double a = s[4 * k + 2 * end];
        double c = s[4 * k + 2 * end + 1];
        double pi = window.iMin() + a / (n - 1) * (window.iMax() - window.iMin());
        double pj = window.jMin() + c / (n - 1) * (window.jMax() - window.jMin());
        double loss = directLoss(data, new double[] {pi, pj}, 2.0);
        double nearest = Double.POSITIVE_INFINITY;
        for (double level : levels.levels()) {
          nearest = Math.min(nearest, Math.abs(loss - level) / level);
        }
        // linear interpolation along a cell edge of a quadratic: within a small fraction
        assertThat(nearest).as("segment %d", k).isLessThan(2e-3);
      }
    }
  }

  @Test
  void hugeWindowsOverflowToTheTopColourWithoutLines() {
    RegressionData data = data(new double[] {2, -3.4});
    LossSurface surface = LossSurface.of(data);
    LandscapeMap map = new LandscapeMap();
    map.compute(surface, 0, 1, new double[] {0, 0}, 0, new Window(-1e200, 1, -1e200, 1));
    ContourLevels levels = ContourLevels.of(map.min(), map.max());
    ColourScale scale = ColourScale.of(map.min(), map.max());
    map.paint(levels, scale);
    // far out the loss overflows (to ∞, or NaN where ∞ − ∞ meets): ∞ takes the top band's
    // colour, NaN grey, and neither breaks the picture
    int n = LandscapeMap.N;
    int overflowed = 0;
    java.util.Set<Integer> infinite = new java.util.HashSet<>();
    for (int c = 0; c < n; c++) {
      for (int a = 0; a < n; a++) {
        double v = map.loss(a, c);
        int colour = map.argb()[(n - 1 - c) * n + a];
        if (Double.isNaN(v)) {
          assertThat(colour).isEqualTo(ColourScale.NAN_ARGB);
          overflowed++;
        } else if (Double.isInfinite(v)) {
          assertThat(colour).isNotEqualTo(ColourScale.NAN_ARGB);
          infinite.add(colour);
          overflowed++;
        }
      }
    }
    assertThat(overflowed).isPositive();
    assertThat(infinite).hasSize(1); // one colour: the top band
    assertThat(map.loss(n - 1, n - 1)).isFinite(); // at (1, 1)
    for (int k = 0; k < map.segmentCount() * 4; k++) {
      assertThat(map.segments()[k]).isFinite();
    }
  }
}
