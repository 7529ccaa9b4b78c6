package descent.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The runner on tiny configs: what it warms, what it times, and how the numbers relate. */
class BenchRunnerTest {
  private static final BenchConfig TINY = BenchConfig.chapter().withRows(200, 50); // 7 steps × 3

  @Test
  void timesEachRepeatAndRelatesTheNumbers() {
    BenchResult r = new BenchRunner(new Warmup(0, 0, 10_000), 5).run(TINY);

    assertThat(r.config()).isEqualTo(TINY);
    assertThat(r.repeats()).isEqualTo(5);
    assertThat(r.usPerStep().min()).isPositive();
    assertThat(r.baselineUsPerStep().min()).isPositive();
    assertThat(r.ratio())
        .isEqualTo(r.usPerStep().median() / r.baselineUsPerStep().median(), within(1e-12));
    // 600 examples in 21 steps
    double fitSeconds = r.usPerStep().median() * 21 / 1e6;
    assertThat(r.examplesPerSecond()).isCloseTo(600 / fitSeconds, within(1e-6 * 600 / fitSeconds));
    // a fit trains and validates: it lasts at least as long as its training steps
    assertThat(r.fitMs().median()).isGreaterThanOrEqualTo(r.usPerStep().median() * 21 / 1e3);
    assertThat(r.fitMs().min()).isGreaterThanOrEqualTo(r.usPerStep().min() * 21 / 1e3);
  }

  @Test
  void warmsUpForAtLeastTheStepsAsked() {
    BenchResult r = new BenchRunner(new Warmup(100, 0, 10_000), 1).run(TINY);

    assertThat(r.warmupFits()).isEqualTo(5); // ⌈100 / 21⌉
    assertThat(r.warmupSteps()).isEqualTo(105);
    assertThat(r.jitSettled()).isTrue();
  }

  @Test
  void waitsForTheJitToStayIdle() {
    BenchResult r = new BenchRunner(new Warmup(0, 50, 20_000), 1).run(TINY);

    assertThat(r.warmupFits()).isPositive();
    assertThat(r.jitSettled()).isTrue();
  }

  @Test
  void noWarmupWhenNoneIsAsked() {
    BenchResult r = new BenchRunner(new Warmup(0, 0, 0), 1).run(TINY);

    assertThat(r.warmupFits()).isZero();
    assertThat(r.warmupSteps()).isZero();
  }

  @Test
  void aWarmupCutShortByItsTimeLimitSaysSo() {
    BenchResult r = new BenchRunner(new Warmup(Long.MAX_VALUE, 0, 100), 1).run(TINY);

    assertThat(r.warmupFits()).isPositive();
    assertThat(r.jitSettled()).isFalse();
  }

  @Test
  void theEngineFitTakesTheRealPath() {
    BenchRunner.Fit fit = BenchRunner.fit(TINY, TINY.data());

    assertThat(fit.run().steps()).isEqualTo(21);
    assertThat(fit.run().history()).hasSize(3); // three epochs, each validated
    assertThat(fit.run().trainNanos()).isPositive().isLessThanOrEqualTo(fit.fitNanos());
    assertThat(fit.usPerStep()).isEqualTo(fit.run().trainNanos() / 1e3 / 21);
  }

  @Test
  void refusesNoRepeats() {
    assertThatThrownBy(() -> new BenchRunner(Warmup.STANDARD, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("repeats");
  }

  @Test
  void spreadTakesTheMiddleValue() {
    assertThat(Spread.of(3, 1, 2)).isEqualTo(new Spread(2, 1, 3));
    assertThat(Spread.of(4, 1, 3, 2)).isEqualTo(new Spread(2.5, 1, 4));
    assertThat(Spread.of(7)).isEqualTo(new Spread(7, 7, 7));
    assertThatThrownBy(Spread::of).isInstanceOf(IllegalArgumentException.class);
  }
}
