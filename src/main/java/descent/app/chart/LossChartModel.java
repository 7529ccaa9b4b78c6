package descent.app.chart;

import descent.app.chart.HoverInfo.Place;
import descent.train.TrainingEvent;
import descent.train.TrainingEvent.BatchDone;
import descent.train.TrainingEvent.Diverged;
import descent.train.TrainingEvent.EpochDone;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The loss chart's data: three series built from a run's {@link TrainingEvent}s. Plain logic that
 * needs no JavaFX toolkit; call it from one thread (the FX thread in the app).
 *
 * <p>The series (see {@link LossSeries}):
 *
 * <ul>
 *   <li><b>minibatch</b>: x = {@link BatchDone#fractionalEpoch()}, y = {@link BatchDone#loss()}.
 *       Decimated: never more than {@link #MAX_MINIBATCH_POINTS} points. Up to the cap each point
 *       is one minibatch; past it, adjacent points merge pairwise into means, so each point is the
 *       mean (in x and y) of 2, 4, 8 … consecutive minibatches. The newest point may be a partly
 *       filled bucket.
 *   <li><b>averaged</b>, d2l's ProgressBoard {@code train_loss}: each epoch's minibatches are cut,
 *       in order, into groups of {@code every_n = max(1, batchesPerEpoch / 2)} (integer division,
 *       as d2l's {@code int(num_train_batches / plot_train_per_epoch)}). A group's point is the
 *       plain (unweighted) mean of its losses at the mean fractional epoch of its minibatches, and
 *       appears once the group is full. Where d2l carries a leftover partial group into the next
 *       epoch, we emit it when its epoch ends ({@link EpochDone}, or a minibatch of a later epoch),
 *       so every epoch has its own points: 32 batches give 2 points per epoch, 5 batches give 3
 *       (groups of 2, 2 and 1), and a run cut short mid-epoch keeps its last unfinished group out
 *       of the chart, like d2l.
 *   <li><b>validation</b>: one point per {@link EpochDone}, at d2l's x = epoch + 1 (epochs count
 *       from 0 in events, so the point that ends the first epoch sits at x = 1), y = {@link
 *       EpochDone#valLoss()}. That is the mean over every validation row, not quite d2l's {@code
 *       val_loss}, which is the mean of the per-batch mean losses (a short last batch weighs as
 *       much as a full one). The events carry only the former, so the legend says which it is.
 * </ul>
 *
 * The two per-epoch series are capped too, at {@link #MAX_EPOCH_POINTS}, by the same pairwise
 * merging, so that even a run of thousands of epochs draws only a few thousand chart nodes.
 *
 * <p>Non-finite losses are dropped (a diverging run stops before reporting them). Events must
 * arrive in order; call {@link #clear()} before showing a new run.
 *
 * <p>{@link #versionProperty()} grows by one per {@link #acceptAll} (or {@link #publish()} after
 * {@link #take}) that changed a series and per {@link #clear()}, so a view redraws at most once per
 * batch of events.
 */
public final class LossChartModel {
  /** The most points the minibatch series holds. */
  public static final int MAX_MINIBATCH_POINTS = 2000;

  /** The most points each per-epoch series (averaged train, validation) holds. */
  public static final int MAX_EPOCH_POINTS = 1000;

  /** One plotted point. */
  public record Point(double x, double y) {}

  /**
   * Where the run diverged: the loss it stopped at (possibly NaN or ±∞), which no series holds.
   *
   * @param x d2l's x of the minibatch that diverged (epoch + batch index / batches per epoch)
   * @param loss the loss that diverged, or the last loss when a parameter did
   * @param step the 1-based step that diverged
   */
  public record Divergence(double x, double loss, long step) {}

  private final Map<LossSeries, DecimatedSeries> series = new EnumMap<>(LossSeries.class);
  private final DecimatedSeries minibatches;
  private final Map<LossSeries, List<Point>> snapshots = new EnumMap<>(LossSeries.class);
  private final ReadOnlyLongWrapper version = new ReadOnlyLongWrapper(this, "version");
  private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale", false);
  private long snapshotVersion = -1;
  private boolean unpublished; // taken events changed a series since the last version bump
  private long minibatchCount;
  private int batchesPerEpoch;
  private double firstLoss = Double.NaN;
  private Divergence divergence;

  // d2l's group of minibatches in progress, for the averaged series
  private int groupEpoch;
  private int groupSize;
  private int groupCount;
  private double groupSumX;
  private double groupSumY;
  private Place groupFirst;
  private long groupLastStep;
  private int groupLastBatch;

  public LossChartModel() {
    this(MAX_MINIBATCH_POINTS, MAX_EPOCH_POINTS);
  }

  /** A model with other caps (even numbers ≥ 2), for tests. */
  LossChartModel(int maxMinibatchPoints, int maxEpochPoints) {
    minibatches = new DecimatedSeries(maxMinibatchPoints);
    series.put(LossSeries.MINIBATCH, minibatches);
    series.put(LossSeries.AVERAGED, new DecimatedSeries(maxEpochPoints));
    series.put(LossSeries.VALIDATION, new DecimatedSeries(maxEpochPoints));
  }

  // ---------------------------------------------------------------- input

  /**
   * Takes every event since the last call, in order: {@link BatchDone} and {@link EpochDone} feed
   * the series, {@link Diverged} sets {@link #divergence()}, other events are ignored. Bumps {@link
   * #versionProperty()} once if anything changed.
   */
  public void acceptAll(List<? extends TrainingEvent> events) {
    take(events);
    publish();
  }

  /**
   * Takes events as {@link #acceptAll} does, but leaves {@link #versionProperty()} as it is until
   * {@link #publish()}: for a caller that takes events in every frame and shows them in fewer, so
   * that the views do not redraw in between.
   */
  public void take(List<? extends TrainingEvent> events) {
    for (TrainingEvent event : events) {
      if (event instanceof BatchDone batch) {
        unpublished |= onBatch(batch);
      } else if (event instanceof EpochDone epoch) {
        unpublished |= onEpoch(epoch);
      } else if (event instanceof Diverged d) {
        double at =
            d.epoch() + (batchesPerEpoch > 0 ? (double) d.batchIndex() / batchesPerEpoch : 0);
        divergence = new Divergence(at, d.loss(), d.step());
        unpublished = true;
      }
    }
  }

  /** Bumps {@link #versionProperty()} once if the events taken since the last call changed any. */
  public void publish() {
    if (unpublished) {
      unpublished = false;
      version.set(version.get() + 1);
    }
  }

  /** Empties every series, for a reset or a new run. The log-scale setting stays. */
  public void clear() {
    series.values().forEach(DecimatedSeries::clear);
    groupCount = 0;
    minibatchCount = 0;
    batchesPerEpoch = 0;
    firstLoss = Double.NaN;
    divergence = null;
    unpublished = false;
    version.set(version.get() + 1);
  }

  private boolean onBatch(BatchDone b) {
    double x = b.fractionalEpoch();
    double loss = b.loss();
    if (!Double.isFinite(loss) || !Double.isFinite(x)) {
      return false;
    }
    minibatchCount++;
    batchesPerEpoch = b.batchesPerEpoch();
    if (Double.isNaN(firstLoss)) {
      firstLoss = loss;
    }
    // no Place per minibatch: a run at full speed brings tens of thousands a frame
    minibatches.add(x, loss, b.step(), b.epoch(), b.batchIndex());

    if (groupCount > 0 && b.epoch() != groupEpoch) {
      flushGroup(); // the epoch ended without its EpochDone reaching us
    }
    if (groupCount == 0) {
      groupEpoch = b.epoch();
      groupSize = Math.max(1, b.batchesPerEpoch() / 2);
      groupSumX = 0;
      groupSumY = 0;
      groupFirst = new Place(b.step(), b.epoch(), b.batchIndex());
    }
    groupSumX += x;
    groupSumY += loss;
    groupLastStep = b.step();
    groupLastBatch = b.batchIndex();
    groupCount++;
    if (groupCount >= groupSize) {
      flushGroup();
    }
    return true;
  }

  private boolean onEpoch(EpochDone d) {
    boolean changed = false;
    if (groupCount > 0) {
      flushGroup(); // the leftover partial group still belongs to this epoch
      changed = true;
    }
    if (Double.isFinite(d.valLoss())) {
      Place place = new Place(d.step(), d.epoch(), -1);
      series.get(LossSeries.VALIDATION).add(d.epoch() + 1, d.valLoss(), 1, place, place);
      changed = true;
    }
    return changed;
  }

  private void flushGroup() {
    Place groupLast = new Place(groupLastStep, groupEpoch, groupLastBatch);
    series.get(LossSeries.AVERAGED).add(groupSumX, groupSumY, groupCount, groupFirst, groupLast);
    groupCount = 0;
  }

  // ---------------------------------------------------------------- output

  /**
   * The points of one series, in x order, as an immutable list. The list is rebuilt at most once
   * per {@link #versionProperty()} change.
   */
  public List<Point> points(LossSeries which) {
    if (snapshotVersion != version.get()) {
      snapshots.clear();
      snapshotVersion = version.get();
    }
    return snapshots.computeIfAbsent(which, this::snapshot);
  }

  private List<Point> snapshot(LossSeries which) {
    DecimatedSeries s = series.get(which);
    List<Point> points = new ArrayList<>(s.size());
    for (int i = 0; i < s.size(); i++) {
      points.add(new Point(s.x(i), s.y(i)));
    }
    return Collections.unmodifiableList(points);
  }

  /** How many minibatch losses each full point of the minibatch series averages: 1, 2, 4 … */
  public int minibatchesPerPoint() {
    return series.get(LossSeries.MINIBATCH).stride();
  }

  /** How many minibatch losses have been taken since the last {@link #clear()}. */
  public long minibatchCount() {
    return minibatchCount;
  }

  /** Whether every series is empty. */
  public boolean isEmpty() {
    return series.values().stream().allMatch(DecimatedSeries::isEmpty);
  }

  /**
   * The point nearest {@code xEpoch} along x, over all three series. On a tie the sparser series
   * wins (validation, then averaged, then minibatch), since those are the points one aims at.
   */
  public Optional<HoverInfo> nearest(double xEpoch) {
    HoverInfo best = null;
    for (LossSeries which :
        List.of(LossSeries.VALIDATION, LossSeries.AVERAGED, LossSeries.MINIBATCH)) {
      Optional<HoverInfo> candidate = nearest(which, xEpoch);
      if (candidate.isPresent()
          && (best == null
              || Math.abs(candidate.get().x() - xEpoch) < Math.abs(best.x() - xEpoch))) {
        best = candidate.get();
      }
    }
    return Optional.ofNullable(best);
  }

  /** The point of one series nearest {@code xEpoch} along x. */
  public Optional<HoverInfo> nearest(LossSeries which, double xEpoch) {
    DecimatedSeries s = series.get(which);
    int i = s.nearestIndex(xEpoch);
    if (i < 0) {
      return Optional.empty();
    }
    return Optional.of(
        new HoverInfo(which, s.x(i), s.y(i), s.count(i), s.first(i), s.last(i), batchesPerEpoch));
  }

  /** The run's minibatches per epoch, from its latest minibatch; 0 before the first. */
  public int batchesPerEpoch() {
    return batchesPerEpoch;
  }

  /** The run's first minibatch loss, or NaN before it: the scale a healthy run stays under. */
  public double firstLoss() {
    return firstLoss;
  }

  /** Where the run diverged, if it did. */
  public Optional<Divergence> divergence() {
    return Optional.ofNullable(divergence);
  }

  /**
   * How many points d2l's averaged series gets per epoch with {@code batchesPerEpoch} minibatches:
   * groups of {@code max(1, batchesPerEpoch / 2)}, the last one possibly shorter. 1 for full batch,
   * 2 for 32 batches, 3 for 5 batches.
   */
  public static int averagedPointsPerEpoch(int batchesPerEpoch) {
    if (batchesPerEpoch < 1) {
      return 0;
    }
    int every = Math.max(1, batchesPerEpoch / 2);
    return (batchesPerEpoch + every - 1) / every;
  }

  // ---------------------------------------------------------------- properties

  /** Counts changes to the series; a view redraws when it differs from what it last drew. */
  public ReadOnlyLongProperty versionProperty() {
    return version.getReadOnlyProperty();
  }

  public long version() {
    return version.get();
  }

  /** Whether the view plots log10 of the losses. Starts false, like d2l's linear y-axis. */
  public BooleanProperty logScaleProperty() {
    return logScale;
  }

  public boolean isLogScale() {
    return logScale.get();
  }

  public void setLogScale(boolean value) {
    logScale.set(value);
  }
}
