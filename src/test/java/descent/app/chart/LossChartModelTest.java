package descent.app.chart;

import static descent.app.chart.Events.batch;
import static descent.app.chart.Events.epochDone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import descent.app.chart.HoverInfo.Place;
import descent.app.chart.LossChartModel.Point;
import descent.train.TrainingEvent;
import descent.train.TrainingEvent.Diverged;
import descent.train.TrainingEvent.RunFinished;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chart's data, without the JavaFX toolkit. */
class LossChartModelTest {
  private final LossChartModel model = new LossChartModel();

  private List<Point> minibatch() {
    return model.points(LossSeries.MINIBATCH);
  }

  private List<Point> averaged() {
    return model.points(LossSeries.AVERAGED);
  }

  private List<Point> validation() {
    return model.points(LossSeries.VALIDATION);
  }

  // ---------------------------------------------------------------- minibatch series

  @Test
  void everyMinibatchIsItsOwnPointBelowTheCap() {
    model.acceptAll(Events.run(3, 32, t -> 10.0 / (t + 1)));

    assertThat(minibatch()).hasSize(96);
    assertThat(minibatch().get(0)).isEqualTo(new Point(0, 10));
    assertThat(minibatch().get(49)).isEqualTo(new Point(1 + 17 / 32.0, 10.0 / 50));
    assertThat(model.minibatchesPerPoint()).isEqualTo(1);
  }

  @Test
  void aMillionMinibatchesStayUnderTheCapAndKeepTheirMeans() {
    // loss = step, so every bucket's mean loss is 1000·(its mean x) + 1, whatever it merged
    int batchesPerEpoch = 1000;
    int steps = 1_000_000;
    List<TrainingEvent> frame = new ArrayList<>();
    for (int t = 0; t < steps; t++) {
      frame.add(batch(t / batchesPerEpoch, t % batchesPerEpoch, batchesPerEpoch, t + 1));
      if (frame.size() == 5000) { // about one frame's worth at full speed
        model.acceptAll(frame);
        frame.clear();
        assertThat(minibatch().size()).isLessThanOrEqualTo(LossChartModel.MAX_MINIBATCH_POINTS);
      }
    }
    model.acceptAll(frame);

    List<Point> points = minibatch();
    assertThat(points.size())
        .isLessThanOrEqualTo(LossChartModel.MAX_MINIBATCH_POINTS)
        .isGreaterThan(LossChartModel.MAX_MINIBATCH_POINTS / 2);
    assertThat(model.minibatchCount()).isEqualTo(steps);
    int stride = model.minibatchesPerPoint();
    assertThat(stride).isEqualTo(512); // 2000·256 < 10⁶ ≤ 2000·512
    double bucketWidth = (double) stride / batchesPerEpoch;
    assertThat(points.get(0).x()).isCloseTo(0, within(bucketWidth));
    assertThat(points.get(points.size() - 1).x()).isCloseTo(999.999, within(bucketWidth));
    for (Point p : points) {
      assertThat(p.y()).isCloseTo(1000 * p.x() + 1, within(1e-6));
    }
    for (int i = 1; i < points.size(); i++) {
      assertThat(points.get(i).x()).isGreaterThan(points.get(i - 1).x());
    }
    long counted = 0;
    double lossSum = 0;
    for (Point p : points) {
      HoverInfo info = model.nearest(LossSeries.MINIBATCH, p.x()).orElseThrow();
      counted += info.count();
      lossSum += info.y() * info.count();
    }
    assertThat(counted).isEqualTo(steps);
    assertThat(lossSum / steps).isCloseTo((steps + 1) / 2.0, within(1e-3));
  }

  @Test
  void pastTheCapAdjacentPointsMergeIntoMeans() {
    LossChartModel small = new LossChartModel(4, 4);
    List<TrainingEvent> events = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      events.add(batch(0, i, 128, i + 1)); // x = i/128, loss = i + 1
    }
    small.acceptAll(events);

    // 1–4 and 5–8 merged twice into buckets of 4; 9 and 10 fill the newest bucket
    assertThat(small.points(LossSeries.MINIBATCH))
        .containsExactly(
            new Point(1.5 / 128, 2.5), new Point(5.5 / 128, 6.5), new Point(8.5 / 128, 9.5));
    HoverInfo first = small.nearest(LossSeries.MINIBATCH, 0).orElseThrow();
    assertThat(first.count()).isEqualTo(4);
    assertThat(first.firstStep()).isEqualTo(1);
    assertThat(first.lastStep()).isEqualTo(4);
    assertThat(first.first()).isEqualTo(new Place(1, 0, 0));
    assertThat(first.last()).isEqualTo(new Place(4, 0, 3));
    assertThat(first.describe())
        .isEqualTo(
            "epoch 1, batches 1–4/128 · minibatch loss 2.500 (mean of 4 minibatches)"
                + " · steps 1–4 · x = 0.01");
  }

  @Test
  void nonFiniteLossesAreDropped() {
    model.acceptAll(
        List.of(batch(0, 0, 4, 1.0), batch(0, 1, 4, Double.NaN), batch(0, 2, 4, Double.NaN)));

    assertThat(minibatch()).containsExactly(new Point(0, 1));
  }

  // ---------------------------------------------------------------- d2l's averaged series

  @Test
  void thirtyTwoBatchesAnEpochGiveTwoAveragedPointsPerEpoch() {
    // loss = 100·epoch + batch index
    model.acceptAll(Events.run(2, 32, t -> 100 * (t / 32) + t % 32));

    // mean of batches 0–15: loss 7.5 at x = 7.5/32; of batches 16–31: loss 23.5 at 23.5/32
    assertThat(averaged())
        .containsExactly(
            new Point(0.234375, 7.5),
            new Point(0.734375, 23.5),
            new Point(1.234375, 107.5),
            new Point(1.734375, 123.5));
    HoverInfo second = model.nearest(LossSeries.AVERAGED, 0.7).orElseThrow();
    assertThat(second.count()).isEqualTo(16);
    assertThat(second.firstStep()).isEqualTo(17);
    assertThat(second.lastStep()).isEqualTo(32);
    assertThat(second.first()).isEqualTo(new Place(17, 0, 16));
    assertThat(second.last()).isEqualTo(new Place(32, 0, 31));
    assertThat(second.describe())
        .isEqualTo(
            "epoch 1, batches 17–32/32 · train loss 23.50 (d2l: mean of 16 minibatch losses)"
                + " · steps 17–32 · x = 0.73");
  }

  @Test
  void theAveragedPointIsThePlainMeanOfItsLosses() {
    double[] losses = {4.0, 2.0, 1.0, 0.5, 0.25, 0.125, 0.0625, 0.03125};
    List<TrainingEvent> events = new ArrayList<>();
    for (int i = 0; i < losses.length; i++) {
      events.add(batch(0, i, 8, losses[i]));
    }
    model.acceptAll(events);

    // (4 + 2 + 1 + 0.5)/4 = 1.875 at (0 + 1 + 2 + 3)/4/8 = 0.1875;
    // (0.25 + 0.125 + 0.0625 + 0.03125)/4 = 0.1171875 at (4 + 5 + 6 + 7)/4/8 = 0.6875
    assertThat(averaged()).containsExactly(new Point(0.1875, 1.875), new Point(0.6875, 0.1171875));
  }

  @Test
  void anUnfinishedGroupAppearsOnlyWhenItsEpochEnds() {
    // 4 batches an epoch → groups of 2; the third epoch is cut after 3 batches
    List<TrainingEvent> events = new ArrayList<>(Events.run(2, 4, t -> t + 1));
    events.add(batch(2, 0, 4, 9));
    events.add(batch(2, 1, 4, 10));
    events.add(batch(2, 2, 4, 11));
    model.acceptAll(events);

    assertThat(averaged())
        .containsExactly(
            new Point(0.125, 1.5),
            new Point(0.625, 3.5),
            new Point(1.125, 5.5),
            new Point(1.625, 7.5),
            new Point(2.125, 9.5));

    model.acceptAll(List.of(epochDone(2, 4, 10, 10)));

    assertThat(averaged()).hasSize(6).last().isEqualTo(new Point(2.5, 11));
    assertThat(model.nearest(LossSeries.AVERAGED, 2.5).orElseThrow().count()).isEqualTo(1);
  }

  @Test
  void anOddBatchCountLeavesAOneBatchGroupAtTheEndOfEachEpoch() {
    // 5 batches → every_n = 2 → groups {0, 1}, {2, 3}, {4} in every epoch
    model.acceptAll(Events.run(2, 5, t -> t));

    assertThat(averaged())
        .containsExactly(
            new Point(0.1, 0.5),
            new Point(0.5, 2.5),
            new Point(0.8, 4),
            new Point(1.1, 5.5),
            new Point(1.5, 7.5),
            new Point(1.8, 9));
  }

  @Test
  void aGroupLeftOpenByAMissedEpochEndClosesWhenTheNextEpochStarts() {
    model.acceptAll(List.of(batch(0, 0, 4, 1), batch(0, 1, 4, 2), batch(0, 2, 4, 3)));
    model.acceptAll(List.of(batch(1, 0, 4, 5)));

    assertThat(averaged()).containsExactly(new Point(0.125, 1.5), new Point(0.5, 3));
  }

  @Test
  void oneBatchAnEpochAveragesNothing() {
    model.acceptAll(Events.run(3, 1, t -> t + 1));

    assertThat(averaged()).containsExactly(new Point(0, 1), new Point(1, 2), new Point(2, 3));
  }

  // ---------------------------------------------------------------- validation

  @Test
  void validationPointsSitAtEpochPlusOne() {
    model.acceptAll(
        List.of(
            epochDone(0, 32, 0.5, 0.25),
            epochDone(1, 32, 0.2, 0.125),
            epochDone(2, 32, 0.1, 0.0625)));

    assertThat(validation())
        .containsExactly(new Point(1, 0.25), new Point(2, 0.125), new Point(3, 0.0625));
    HoverInfo info = model.nearest(LossSeries.VALIDATION, 2.2).orElseThrow();
    assertThat(info.first()).isEqualTo(new Place(64, 1, -1));
    // the second epoch's validation: "epoch 2", as the status bar counts, at x = 2 epochs trained
    assertThat(info.describe()).isEqualTo("end of epoch 2 · val loss 0.1250 · x = 2");
  }

  // ---------------------------------------------------------------- change tracking

  @Test
  void theVersionGrowsOncePerBatchOfEventsThatChangedSomething() {
    long start = model.version();

    model.acceptAll(Events.run(1, 32, t -> 1));
    assertThat(model.version()).isEqualTo(start + 1);

    model.acceptAll(List.of(new RunFinished(1, 32)));
    model.acceptAll(List.of());
    assertThat(model.version()).isEqualTo(start + 1);
    assertThat(minibatch()).hasSize(32);

    model.acceptAll(List.of(new Diverged(1, 0, 33, 1e9, "test")));
    assertThat(model.version()).isEqualTo(start + 2);
    assertThat(minibatch()).hasSize(32);
  }

  @Test
  void eventsTakenWithoutPublishingChangeTheVersionOnlyAtThePublishThatShowsThemAll() {
    long start = model.version();
    List<TrainingEvent> run =
        Events.run(1, 64, t -> 1.0 / (t + 1)); // 64 minibatches, then the epoch
    model.take(run.subList(0, 20));
    model.take(run.subList(20, 40));
    assertThat(model.version()).as("taken, not shown: the chart does not redraw").isEqualTo(start);
    assertThat(model.minibatchCount()).isEqualTo(40);

    model.publish();
    assertThat(model.version()).as("one redraw for both").isEqualTo(start + 1);
    assertThat(minibatch()).hasSize(40);
    model.publish();
    assertThat(model.version()).as("nothing new taken").isEqualTo(start + 1);

    model.take(List.of(new RunFinished(1, 40)));
    model.publish();
    assertThat(model.version()).as("nothing a series shows").isEqualTo(start + 1);

    model.take(run.subList(40, run.size()));
    model.clear();
    model.publish();
    assertThat(model.version()).as("cleared: what was taken before is gone").isEqualTo(start + 2);
    assertThat(minibatch()).isEmpty();
  }

  // ---------------------------------------------------------------- divergence, scale, legend

  @Test
  void aDivergenceIsKeptWithItsPlaceUntilCleared() {
    model.acceptAll(Events.run(1, 4, t -> 2.0 + t));
    model.acceptAll(
        List.of(batch(1, 0, 4, 50), new Diverged(1, 1, 6, Double.POSITIVE_INFINITY, "")));

    LossChartModel.Divergence d = model.divergence().orElseThrow();
    assertThat(d.x()).isEqualTo(1.25);
    assertThat(d.step()).isEqualTo(6);
    assertThat(d.loss()).isInfinite();
    assertThat(model.firstLoss()).isEqualTo(2.0);
    assertThat(model.batchesPerEpoch()).isEqualTo(4);

    model.clear();

    assertThat(model.divergence()).isEmpty();
    assertThat(model.firstLoss()).isNaN();
    assertThat(model.batchesPerEpoch()).isZero();
  }

  @Test
  void theAveragedSeriesPointsPerEpochFollowTheBatchCount() {
    assertThat(LossChartModel.averagedPointsPerEpoch(1)).isEqualTo(1); // full batch
    assertThat(LossChartModel.averagedPointsPerEpoch(2)).isEqualTo(2);
    assertThat(LossChartModel.averagedPointsPerEpoch(3)).isEqualTo(3); // groups of 1
    assertThat(LossChartModel.averagedPointsPerEpoch(5)).isEqualTo(3); // 2, 2, 1
    assertThat(LossChartModel.averagedPointsPerEpoch(32)).isEqualTo(2);
    assertThat(LossChartModel.averagedPointsPerEpoch(0)).isZero();
    for (int batches : new int[] {1, 2, 3, 5, 7, 32}) {
      LossChartModel m = new LossChartModel();
      m.acceptAll(Events.run(4, batches, t -> 1));
      assertThat(m.points(LossSeries.AVERAGED))
          .as("%d batches an epoch", batches)
          .hasSize(4 * LossChartModel.averagedPointsPerEpoch(batches));
    }
    assertThat(LossSeries.AVERAGED.legend(1)).isEqualTo("train loss (d2l, 1 per epoch)");
    assertThat(LossSeries.AVERAGED.legend(32)).isEqualTo("train loss (d2l, 2 per epoch)");
    assertThat(LossSeries.AVERAGED.legend(5)).isEqualTo("train loss (d2l, 3 per epoch)");
    assertThat(LossSeries.VALIDATION.legend(32)).isEqualTo("val loss (mean over rows)");
  }

  @Test
  void thePointListsAreImmutableSnapshots() {
    model.acceptAll(Events.run(1, 4, t -> 1));
    List<Point> before = minibatch();

    assertThatThrownBy(() -> before.add(new Point(9, 9)))
        .isInstanceOf(UnsupportedOperationException.class);
    model.acceptAll(List.of(batch(1, 0, 4, 2)));
    assertThat(before).hasSize(4);
    assertThat(minibatch()).hasSize(5);
  }

  @Test
  void clearEmptiesEverySeriesAndKeepsTheScale() {
    model.setLogScale(true);
    model.acceptAll(Events.run(2, 32, t -> 1.0 / (t + 1)));
    long before = model.version();

    model.clear();

    assertThat(model.isEmpty()).isTrue();
    assertThat(minibatch()).isEmpty();
    assertThat(averaged()).isEmpty();
    assertThat(validation()).isEmpty();
    assertThat(model.minibatchCount()).isZero();
    assertThat(model.nearest(1.0)).isEmpty();
    assertThat(model.version()).isGreaterThan(before);
    assertThat(model.isLogScale()).isTrue();

    // a new run starts fresh: no half group left over from the old one
    model.acceptAll(List.of(batch(0, 0, 2, 7)));
    assertThat(averaged()).containsExactly(new Point(0, 7));
  }

  // ---------------------------------------------------------------- hover lookup

  @Test
  void nearestFindsTheExactMinibatch() {
    model.acceptAll(Events.run(3, 32, t -> 0.5 / (t + 1)));

    HoverInfo info = model.nearest(LossSeries.MINIBATCH, 1.53).orElseThrow();

    // step 49 is epoch 1, batch 16, at x = 1.5; batch 17 at 1.53125 is nearer
    assertThat(info.x()).isEqualTo(1 + 17 / 32.0);
    assertThat(info.y()).isEqualTo(0.5 / 50);
    assertThat(info.isSingleMinibatch()).isTrue();
    assertThat(info.firstStep()).isEqualTo(50);
    assertThat(info.first()).isEqualTo(new Place(50, 1, 17));
    // epochs and batches from 1, as the status bar shows them ("epoch 2/3, batch 18/32")
    assertThat(info.describe())
        .isEqualTo("epoch 2, batch 18/32 · minibatch loss 0.01000 · step 50 · x = 1.53");
  }

  @Test
  void nearestAcrossSeriesPrefersTheSparserSeriesOnATie() {
    model.acceptAll(Events.run(2, 32, t -> 1));

    // x = 1 holds both the validation point and minibatch 32 (epoch 1, batch 0)
    assertThat(model.nearest(1.0).orElseThrow().series()).isEqualTo(LossSeries.VALIDATION);
    assertThat(model.nearest(1.02).orElseThrow().series()).isEqualTo(LossSeries.MINIBATCH);
    assertThat(model.nearest(0.234).orElseThrow().series()).isEqualTo(LossSeries.AVERAGED);
    assertThat(model.nearest(-5).orElseThrow().x()).isZero();
    assertThat(model.nearest(50).orElseThrow().x()).isEqualTo(2);
  }

  @Test
  void nearestOnAnEmptyModelIsEmpty() {
    assertThat(model.nearest(0.5)).isEmpty();
    assertThat(model.nearest(LossSeries.MINIBATCH, 0.5)).isEmpty();
  }
}
