package descent.app.teach.landscape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import descent.train.LossSurface.Window;
import descent.train.StepSnapshot;
import descent.train.TrainingRun.Phase;
import org.junit.jupiter.api.Test;

/** The landscape's small parts: levels, colours, geometry, words and numbers. */
class LandscapePartsTest {

  @Test
  void levelsAreRoundNumbersOnALogLadderWhenTheLossSpansDecades() {
    ContourLevels wide = ContourLevels.of(1e-4, 40);
    assertThat(wide.levels()).contains(2e-4, 5e-4, 1e-3, 0.01, 0.1, 1, 2, 5, 10, 20);
    ContourLevels twoDecades = ContourLevels.of(0.3, 25);
    assertThat(twoDecades.size()).isGreaterThanOrEqualTo(ContourLevels.MIN_LEVELS);
    assertThat(twoDecades.levels()).contains(0.5, 1, 1.5, 2, 3, 5, 7, 10, 15, 20);
    // less than half a decade: evenly spaced
    ContourLevels narrow = ContourLevels.of(190, 220);
    assertThat(narrow.levels()).containsExactly(195, 200, 205, 210, 215);
    assertThat(ContourLevels.of(Double.NaN, 1).size()).isZero();
    assertThat(ContourLevels.of(5, 5).size()).isZero();
  }

  @Test
  void aBandCountsTheLevelsBelow() {
    ContourLevels l = ContourLevels.of(190, 220);
    assertThat(l.band(100)).isZero();
    assertThat(l.band(197)).isEqualTo(1);
    assertThat(l.band(200)).isEqualTo(2);
    assertThat(l.band(Double.POSITIVE_INFINITY)).isEqualTo(5);
    assertThat(l.band(Double.NaN)).isEqualTo(-1);
    assertThat(l.representative(1)).isCloseTo(Math.sqrt(195 * 200), within(1e-9));
  }

  @Test
  void coloursRunFromDarkToBrightOnALogScaleAndNanIsGrey() {
    ColourScale s = ColourScale.of(1e-4, 40);
    assertThat(s.position(1e-4)).isZero();
    assertThat(s.position(40)).isEqualTo(1);
    assertThat(s.position(Math.sqrt(1e-4 * 40))).isCloseTo(0.5, within(1e-12));
    assertThat(s.argb(Double.NaN)).isEqualTo(ColourScale.NAN_ARGB);
    assertThat(s.argb(Double.POSITIVE_INFINITY)).isEqualTo(s.argb(40));
    // an exact zero minimum still gives a usable scale, at most seven decades deep
    ColourScale zero = ColourScale.of(0, 10);
    assertThat(zero.lo()).isCloseTo(1e-6, within(1e-18));
    ColourScale flat = ColourScale.of(3, 3);
    assertThat(flat.hi()).isGreaterThan(flat.lo());
  }

  @Test
  void equalScalesKeepCirclesRound() {
    MapGeometry g = MapGeometry.fit(new Window(0, 2, 0, 1), 10, 20, 400, 400);
    assertThat(g.window().jMax() - g.window().jMin()).isCloseTo(2, within(1e-12));
    assertThat(g.window().jMin()).isCloseTo(-0.5, within(1e-12));
    assertThat(g.x(1) - g.x(0)).isCloseTo(g.y(0) - g.y(1), within(1e-9));
    assertThat(g.pi(g.x(1.3))).isCloseTo(1.3, within(1e-12));
    assertThat(g.pj(g.y(0.2))).isCloseTo(0.2, within(1e-12));
    // very different scales keep their own
    MapGeometry apart = MapGeometry.fit(new Window(0, 100, 0, 1), 0, 0, 400, 400);
    assertThat(apart.window()).isEqualTo(new Window(0, 100, 0, 1));
  }

  @Test
  void linesAreClippedToThePlotAndHugeOrNanEndsAreSafe() {
    MapGeometry g = new MapGeometry(new Window(0, 1, 0, 1), 0, 0, 100, 100);
    assertThat(MapGeometry.clip(g, 50, 50, 1e15, 50)).containsExactly(50, 50, 100, 50);
    assertThat(MapGeometry.clip(g, -10, -10, -5, -20)).isNull();
    assertThat(MapGeometry.clip(g, 50, 50, Double.NaN, 3)).isNull();
    assertThat(MapGeometry.tickStep(-0.5, 2.6, 5)).isEqualTo(1);
    assertThat(MapGeometry.ticks(-0.5, 2.6, 0.5)).containsExactly(-0.5, 0, 0.5, 1, 1.5, 2, 2.5);
    assertThat(MapGeometry.ticks(0.1, 0.35, 0.1))
        .containsExactly(0.1, 0.2, 0.3); // not 0.30000000000000004
  }

  @Test
  void numbersReadAtAGlance() {
    assertThat(LandscapeFormat.number(4.18734)).isEqualTo("4.187");
    assertThat(LandscapeFormat.number(-3.4)).isEqualTo("−3.4");
    assertThat(LandscapeFormat.number(1.7e7)).isEqualTo("1.7×10⁷");
    assertThat(LandscapeFormat.number(5.5e-5)).isEqualTo("5.5×10⁻⁵");
    assertThat(LandscapeFormat.number(Double.NaN)).isEqualTo("NaN");
    assertThat(LandscapeFormat.number(Double.NEGATIVE_INFINITY)).isEqualTo("−∞");
    assertThat(LandscapeFormat.tick(-0.5, 0.5)).isEqualTo("−0.5");
    assertThat(LandscapeFormat.tick(2000, 1000)).isEqualTo("2000");
    assertThat(LandscapeFormat.tick(3e7, 1e7)).isEqualTo("3×10⁷");
    assertThat(LandscapeFormat.level(0.002)).isEqualTo("2×10⁻³");
    assertThat(LandscapeFormat.level(15)).isEqualTo("15");
    assertThat(LandscapeFormat.parameter(9, 10)).isEqualTo("w₁₀");
    assertThat(LandscapeFormat.parameter(0, 1)).isEqualTo("w");
    assertThat(LandscapeFormat.parameter(1, 1)).isEqualTo("b");
  }

  @Test
  void theNoteNamesWhatTheMapHolds() {
    assertThat(LandscapeText.held(0, 1, new double[] {0.5}, 1, true, 0))
        .isEqualTo("The full training loss over both parameters.");
    assertThat(LandscapeText.held(0, 1, new double[] {0.5, -1}, 1.9012, true, 0))
        .isEqualTo("b held at its current value, 1.901.");
    assertThat(LandscapeText.held(0, 3, new double[] {0.5, -1, 2}, 1.9, true, 0))
        .isEqualTo("w₂ and w₃ held at their current values, −1 and 2.");
    assertThat(LandscapeText.held(0, 1, new double[10], 1.9, true, 0))
        .isEqualTo("The other 9 parameters held at their current values.");
    assertThat(LandscapeText.held(0, 1, new double[] {0.5, -1}, 7, false, 38))
        .isEqualTo("b held at its last finite value, 7 (step 38).");
  }

  @Test
  void theMinibatchStepShowsAfterBackwardAndAfterUpdate() {
    DemoRun r = DemoRun.chapter(32, 0.03, 0, 3).steps(3);
    var s = r.picture.surface();
    StepSnapshot done = r.snapshot();
    assertThat(done.ran()).isEqualTo(Phase.UPDATE);
    Overlay afterUpdate = Overlay.of(s, r.picture.truth(), done, done.w(), done.b(), 0, 1, 0.1);
    assertThat(afterUpdate.stepDone()).isTrue();
    assertThat(afterUpdate.stepFrom()).containsExactly(done.wBefore()[0], done.wBefore()[1]);
    assertThat(afterUpdate.stepTo()).containsExactly(done.w()[0], done.w()[1]);
    r.phase().phase().phase(); // FORWARD, LOSS, BACKWARD of step 4
    StepSnapshot pending = r.snapshot();
    Overlay o = Overlay.of(s, r.picture.truth(), pending, pending.w(), pending.b(), 0, 2, 0.1);
    assertThat(o.stepDone()).isFalse();
    assertThat(o.stepTo()[0])
        .isCloseTo(pending.w()[0] - pending.learningRate() * pending.gradW()[0], within(1e-15));
    assertThat(o.stepTo()[1])
        .isCloseTo(pending.b() - pending.learningRate() * pending.gradB(), within(1e-15));
    // UPDATE then takes exactly that step
    r.phase();
    StepSnapshot after = r.snapshot();
    assertThat(after.w()[0]).isCloseTo(o.stepTo()[0], within(1e-15));
    assertThat(after.b()).isCloseTo(o.stepTo()[1], within(1e-15));
    // the −∇L arrow points down the full-batch gradient, scaled
    double[] g = s.gradient(pending.w(), pending.b());
    assertThat(o.arrowTip()[0]).isCloseTo(pending.w()[0] - 0.1 * g[0], within(1e-12));
    assertThat(o.arrowTip()[1]).isCloseTo(pending.b() - 0.1 * g[2], within(1e-12));
    // before any step nothing but the point and the arrow
    Overlay ready = Overlay.of(s, r.picture.truth(), r.ready, r.ready.w(), r.ready.b(), 0, 1, 0.1);
    assertThat(ready.stepFrom()).isNull();
    assertThat(ready.truth()).containsExactly(2, -3.4);
  }
}
