package descent.app.teach.landscape;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.teach.ParameterPath;
import descent.train.LossSurface;
import descent.train.LossSurface.Window;
import org.junit.jupiter.api.Test;

/** The map's window: steady for a run, grown only when the path leaves it, never broken by NaN. */
class MapWindowTest {

  @Test
  void theFirstWindowHoldsTheStartTheTruthAndTheOptimum() {
    DemoRun r = DemoRun.chapter(32, 0.03, 0, 3);
    MapWindow keeper = new MapWindow();
    Window w =
        keeper.update(
            r.picture.surface(), r.picture.truth(), r.path, 0, 1, r.ready.w(), r.ready.b());
    assertThat(MapWindow.contains(w, r.ready.w()[0], r.ready.w()[1])).isTrue();
    assertThat(MapWindow.contains(w, 2, -3.4)).isTrue();
    double[] opt = r.picture.optimum().w();
    assertThat(MapWindow.contains(w, opt[0], opt[1])).isTrue();
    // the same window LossSurface suggests for the start
    assertThat(w)
        .isEqualTo(r.picture.surface().window(0, 1, r.ready.w(), r.ready.b(), r.picture.truth()));
  }

  @Test
  void aPathThatStaysInsideNeverMovesTheWindow() {
    DemoRun r = DemoRun.chapter(32, 0.03, 0, 3);
    MapWindow keeper = new MapWindow();
    LossSurface s = r.picture.surface();
    Window first = keeper.update(s, r.picture.truth(), r.path, 0, 1, r.ready.w(), r.ready.b());
    for (int step = 0; step < 96; step++) {
      r.steps(1);
      var snap = r.snapshot();
      assertThat(keeper.update(s, r.picture.truth(), r.path, 0, 1, snap.w(), snap.b()))
          .isSameAs(first);
    }
    assertThat(keeper.changes()).isEqualTo(1);
  }

  @Test
  void newAxesOrANewRunStartAFreshWindow() {
    DemoRun r = DemoRun.chapter(32, 0.03, 0, 3).steps(5);
    MapWindow keeper = new MapWindow();
    LossSurface s = r.picture.surface();
    var snap = r.snapshot();
    Window overW = keeper.update(s, r.picture.truth(), r.path, 0, 1, snap.w(), snap.b());
    Window overB = keeper.update(s, r.picture.truth(), r.path, 0, 2, snap.w(), snap.b());
    assertThat(overB.jMax()).isGreaterThan(4.2); // b's range, not w₂'s
    assertThat(overW.jMax()).isLessThan(4.2);
    DemoRun again = DemoRun.chapter(32, 0.03, 0, 3);
    keeper.update(s, r.picture.truth(), again.path, 0, 2, again.ready.w(), again.ready.b());
    assertThat(keeper.changes()).isEqualTo(3);
  }

  @Test
  void notANumberIsLeftOutAndHugeValuesStopAtTheCap() {
    DemoRun r = DemoRun.chapter(32, 0.03, 0, 3);
    MapWindow keeper = new MapWindow();
    LossSurface s = r.picture.surface();
    Window first = keeper.update(s, r.picture.truth(), r.path, 0, 1, r.ready.w(), r.ready.b());
    Window same =
        keeper.update(
            s,
            r.picture.truth(),
            r.path,
            0,
            1,
            new double[] {Double.NaN, 1},
            Double.POSITIVE_INFINITY);
    assertThat(same).isSameAs(first);
    ParameterPath path = r.path;
    path.add(1, new double[] {1e300, -1e300}, 1e300);
    Window capped =
        keeper.update(s, r.picture.truth(), path, 0, 1, new double[] {1e300, -1e300}, 1e300);
    double firstSpan = first.iMax() - first.iMin();
    assertThat(capped.iMax() - capped.iMin())
        .isLessThanOrEqualTo(MapWindow.MAX_GROWTH * firstSpan * (1 + 1e-12));
    assertThat(capped.iMax()).isGreaterThan(first.iMax()).isFinite();
    assertThat(capped.jMin()).isLessThan(first.jMin()).isFinite();
    assertThat(MapWindow.contains(capped, 1e300, -1e300)).isFalse(); // the view marks the edge
  }

  @Test
  void growingAddsAQuarterMarginAndAtLeastDoubles() {
    // a point just past the top: the range at least doubles, on that side only
    assertThat(MapWindow.grow(0, 10, 1, 10.5, 10)).containsExactly(0, 20);
    // a point far past: a quarter of the new span beyond it
    assertThat(MapWindow.grow(0, 10, 1, 100, 10)).containsExactly(0, 125);
    assertThat(MapWindow.grow(0, 10, -100, 5, 10)).containsExactly(-127.5, 10);
    assertThat(MapWindow.grow(0, 10, 2, 8, 10)).containsExactly(0, 10);
  }
}
