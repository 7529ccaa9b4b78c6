package descent.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The run history's table: past its capacity it keeps every k-th step and the newest, and says k;
 * its memory stays bounded. A thinning spread over the adds that follow (ADR 0045) gives exactly
 * the table that thinning all at once gave: checked against that algorithm, written out plainly
 * below, over runs fed as the run history feeds them (every step on the stride, and each frame's
 * last step whatever it is).
 */
class ThinnedTableTest {

  /** Thinning at once, over a list: what the table was before ADR 0045. */
  private static final class AtOnce {
    final int capacity;
    final List<Long> steps = new ArrayList<>();
    long stride = 1;
    boolean hasLatest;

    AtOnce(int capacity) {
      this.capacity = capacity;
    }

    void add(long step) {
      if (hasLatest) {
        steps.remove(steps.size() - 1);
        hasLatest = false;
      }
      if (step % stride != 0) {
        hasLatest = true;
      }
      steps.add(step);
      if (steps.size() > capacity) {
        stride *= 2;
        List<Long> kept = new ArrayList<>();
        for (int k = 0; k < steps.size(); k++) {
          if (steps.get(k) % stride == 0 || k == steps.size() - 1) {
            kept.add(steps.get(k));
          }
        }
        steps.clear();
        steps.addAll(kept);
        hasLatest = steps.get(steps.size() - 1) % stride != 0;
      }
    }
  }

  private static List<Long> rows(ThinnedTable table) {
    List<Long> steps = new ArrayList<>();
    for (int k = 0; k < table.size(); k++) {
      steps.add(table.step(k));
      assertThat(table.value(k, 0)).isEqualTo(table.step(k) * 0.5);
      if (table.width() > 1) {
        assertThat(table.value(k, table.width() - 1)).isEqualTo(-table.step(k));
      }
    }
    return steps;
  }

  @Test
  void readAtAnyMomentItHoldsWhatThinningAtOnceHeld() {
    SplittableRandom random = new SplittableRandom(7);
    for (int capacity : new int[] {8, 100, 1 << 12}) {
      for (int width : new int[] {1, 4, 11}) {
        ThinnedTable table = new ThinnedTable(width, capacity);
        AtOnce expected = new AtOnce(capacity);
        double[] row = new double[width];
        long step = 0;
        for (int frame = 0; frame < 3000; frame++) {
          int steps = 1 + random.nextInt(40);
          for (int k = 0; k < steps; k++) {
            step++;
            if (k == steps - 1 || table.onStride(step)) {
              row[0] = step * 0.5;
              if (width > 1) {
                row[width - 1] = -step;
              }
              table.add(step, row);
              expected.add(step);
            }
          }
          if (random.nextInt(50) == 0) { // read now and then, say an export, mid-thinning or not
            assertThat(rows(table))
                .as("capacity %d, width %d", capacity, width)
                .isEqualTo(expected.steps);
            assertThat(table.stride()).isEqualTo(expected.stride);
          }
        }
        assertThat(rows(table)).isEqualTo(expected.steps);
        assertThat(table.stride()).isEqualTo(expected.stride).isGreaterThan(1);
        assertThat(table.step(table.last())).isEqualTo(step); // the newest is always there
      }
    }
  }

  @Test
  void noAddMovesMoreThanItsShareOfTheOlderRows() {
    int capacity = 1 << 16;
    ThinnedTable table = new ThinnedTable(4, capacity);
    double[] row = new double[4];
    long step = 0;
    while (table.stride() == 1) {
      table.add(++step, row);
    }
    // the add that passed the capacity doubled the stride and thinned PACE rows of 65,536
    assertThat(table.thinningLeft()).isEqualTo(capacity - ThinnedTable.PACE);
    int adds = 1;
    while (table.thinningLeft() > 0) {
      int left = table.thinningLeft();
      table.add(++step * 2, row);
      adds++;
      assertThat(table.thinningLeft()).isEqualTo(Math.max(0, left - ThinnedTable.PACE));
    }
    assertThat(adds).isEqualTo(capacity / ThinnedTable.PACE);
    // half of the older rows kept, and every row added meanwhile but the first, off the new
    // stride, which the next one replaced as the newest
    assertThat(table.size()).isEqualTo(capacity / 2 + adds - 1);
  }

  @Test
  void aLongRunKeepsEveryKthStepAndSaysSo() {
    ThinnedTable table = new ThinnedTable(1, 8);
    for (long step = 1; step <= 20; step++) {
      table.add(step, new double[] {step * 0.5});
    }
    assertThat(table.stride()).isEqualTo(4);
    List<Long> steps = new ArrayList<>();
    for (int k = 0; k < table.size(); k++) {
      steps.add(table.step(k));
      assertThat(table.value(k, 0)).isEqualTo(table.step(k) * 0.5);
    }
    assertThat(steps).containsExactly(4L, 8L, 12L, 16L, 20L);
    table.add(21, new double[] {10.5});
    assertThat(table.step(table.last())).isEqualTo(21); // the newest is always there
    table.add(22, new double[] {11});
    assertThat(table.step(table.last())).isEqualTo(22);
    assertThat(table.step(table.last() - 1)).isEqualTo(20); // 21 made room for 22
  }

  @Test
  void aRunPastTheCapacityHoldsRoomForAtMostASixteenthMore() {
    // the run history's own table: a run of 10 million steps at batch size 1 passes its capacity
    // of 2^20 minibatches; the table once doubled its arrays to 2^21 rows (80 MiB) before
    // thinning back to half of them. Now rows added while it thins wait after the older ones.
    ThinnedTable table = new ThinnedTable(4, RunHistory.MAX_MINIBATCHES);
    double[] row = new double[4];
    long rows = 3L * RunHistory.MAX_MINIBATCHES;
    int most = 0;
    for (long step = 1; step <= rows; step++) {
      table.add(step, row);
      most = Math.max(most, table.allocatedRows());
    }
    int blockRows = 8192; // 32,768 numbers a block, four a row
    assertThat(most)
        .isGreaterThan(RunHistory.MAX_MINIBATCHES)
        .isLessThanOrEqualTo(
            RunHistory.MAX_MINIBATCHES
                + 1
                + RunHistory.MAX_MINIBATCHES / ThinnedTable.PACE
                + blockRows);
    assertThat(table.stride()).isEqualTo(4);
    assertThat(table.step(table.last())).isEqualTo(rows);
    // the bound the run history's comment gives: a step and four numbers a row, 43 MiB
    assertThat((long) most * (8 + 4 * 8)).isLessThanOrEqualTo(43L << 20);
  }
}
