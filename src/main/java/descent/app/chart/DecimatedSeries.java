package descent.app.chart;

import descent.app.chart.HoverInfo.Place;

/**
 * The points of one chart series, kept under a fixed cap however many values arrive.
 *
 * <p>Values are added as items. Each point averages {@code stride} consecutive items; the newest
 * point may hold fewer (it is still filling) and is shown as it stands. When the completed points
 * reach the cap, adjacent pairs merge and the stride doubles, so a point always averages a power of
 * two items and adding one item costs O(1) amortized (a merge touches every point, but only after
 * cap/2 × stride more items).
 *
 * <p>A point stores sums, not means, so merging is exact: its x and y are the means of every
 * underlying value, weighted by how many values each item held.
 */
final class DecimatedSeries {
  private final int maxPoints;
  private final double[] sumX;
  private final double[] sumY;
  private final int[] count;
  private final long[] firstStep;
  private final long[] lastStep;
  private final int[] firstEpoch;
  private final int[] lastEpoch;
  private final int[] firstBatch;
  private final int[] lastBatch;

  /** Points holding {@code stride} items each. The point at index {@code completed} is filling. */
  private int completed;

  private int pendingItems;
  private int stride = 1;

  DecimatedSeries(int maxPoints) {
    if (maxPoints < 2 || maxPoints % 2 != 0) {
      throw new IllegalArgumentException("maxPoints must be even and at least 2, got " + maxPoints);
    }
    this.maxPoints = maxPoints;
    sumX = new double[maxPoints];
    sumY = new double[maxPoints];
    count = new int[maxPoints];
    firstStep = new long[maxPoints];
    lastStep = new long[maxPoints];
    firstEpoch = new int[maxPoints];
    lastEpoch = new int[maxPoints];
    firstBatch = new int[maxPoints];
    lastBatch = new int[maxPoints];
  }

  /**
   * Adds one item: {@code values} values whose x and y sum to {@code sumX} and {@code sumY}.
   *
   * @param from where the item's first value lies: its step, epoch and batch index
   * @param to where the item's last value lies
   */
  void add(double sumX, double sumY, int values, Place from, Place to) {
    add(
        sumX,
        sumY,
        values,
        from.step(),
        from.epoch(),
        from.batch(),
        to.step(),
        to.epoch(),
        to.batch());
  }

  /**
   * Adds one value {@code (x, y)} from the minibatch at {@code step}, {@code epoch}, {@code batch},
   * without making a {@link Place}: the minibatch series takes one per training step.
   */
  void add(double x, double y, long step, int epoch, int batch) {
    add(x, y, 1, step, epoch, batch, step, epoch, batch);
  }

  private void add(
      double sumX,
      double sumY,
      int values,
      long fromStep,
      int fromEpoch,
      int fromBatch,
      long toStep,
      int toEpoch,
      int toBatch) {
    int i = completed;
    if (pendingItems == 0) {
      this.sumX[i] = sumX;
      this.sumY[i] = sumY;
      this.count[i] = values;
      this.firstStep[i] = fromStep;
      this.firstEpoch[i] = fromEpoch;
      this.firstBatch[i] = fromBatch;
    } else {
      this.sumX[i] += sumX;
      this.sumY[i] += sumY;
      this.count[i] += values;
    }
    this.lastStep[i] = toStep;
    this.lastEpoch[i] = toEpoch;
    this.lastBatch[i] = toBatch;
    pendingItems++;
    if (pendingItems == stride) {
      completed++;
      pendingItems = 0;
      if (completed == maxPoints) {
        mergePairs();
      }
    }
  }

  private void mergePairs() {
    for (int j = 0; j < maxPoints / 2; j++) {
      int a = 2 * j;
      int b = a + 1;
      sumX[j] = sumX[a] + sumX[b];
      sumY[j] = sumY[a] + sumY[b];
      count[j] = count[a] + count[b];
      firstStep[j] = firstStep[a];
      firstEpoch[j] = firstEpoch[a];
      firstBatch[j] = firstBatch[a];
      lastStep[j] = lastStep[b];
      lastEpoch[j] = lastEpoch[b];
      lastBatch[j] = lastBatch[b];
    }
    completed = maxPoints / 2;
    stride *= 2;
  }

  void clear() {
    completed = 0;
    pendingItems = 0;
    stride = 1;
  }

  int size() {
    return completed + (pendingItems > 0 ? 1 : 0);
  }

  boolean isEmpty() {
    return size() == 0;
  }

  /** Items per completed point: 1 until the cap is first reached, then 2, 4, 8 … */
  int stride() {
    return stride;
  }

  double x(int i) {
    return sumX[i] / count[i];
  }

  double y(int i) {
    return sumY[i] / count[i];
  }

  int count(int i) {
    return count[i];
  }

  /** Where point {@code i}'s first value lies. */
  Place first(int i) {
    return new Place(firstStep[i], firstEpoch[i], firstBatch[i]);
  }

  /** Where point {@code i}'s last value lies. */
  Place last(int i) {
    return new Place(lastStep[i], lastEpoch[i], lastBatch[i]);
  }

  /**
   * The index of the point whose x is nearest {@code target} (the earlier one on a tie), or -1 if
   * empty. Assumes x grows with the index, as training events arrive in order.
   */
  int nearestIndex(double target) {
    int n = size();
    if (n == 0) {
      return -1;
    }
    int lo = 0;
    int hi = n - 1;
    while (lo < hi) { // first index with x ≥ target, or n - 1
      int mid = (lo + hi) >>> 1;
      if (x(mid) < target) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (lo > 0 && Math.abs(x(lo - 1) - target) <= Math.abs(x(lo) - target)) {
      return lo - 1;
    }
    return lo;
  }
}
