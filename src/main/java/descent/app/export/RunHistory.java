package descent.app.export;

import descent.app.session.TrainingSession;
import descent.app.session.TrainingSession.FrameListener;
import descent.train.RunPicture;
import descent.train.StepSnapshot;
import descent.train.TrainingEvent;
import descent.train.TrainingEvent.BatchDone;
import descent.train.TrainingEvent.EpochDone;
import java.util.List;

/**
 * What the CSV export writes: the current run's loss after every minibatch, its training and
 * validation loss after every epoch, and its parameters after every step (step 0 = before the
 * first). Kept in full, unlike the chart's decimated series and the landscape's thinned path, up to
 * {@link #MAX_MINIBATCHES} minibatches, {@link #MAX_EPOCHS} epochs and {@link #MAX_PATH_POINTS}
 * parameter points; a longer run keeps every second step, every fourth and so on (the CSV says
 * which in its {@code kept_every} column). Lives on the FX thread and reads copied events only.
 */
public final class RunHistory {
  /**
   * Minibatch rows kept in full: 40 MiB (a step and four numbers each), and at most 43 MiB while
   * they are thinned.
   */
  public static final int MAX_MINIBATCHES = 1 << 20;

  /** Epoch rows kept in full. */
  public static final int MAX_EPOCHS = 1 << 16;

  /** Parameter points kept in full: about 6 MiB at d = 10. */
  public static final int MAX_PATH_POINTS = 1 << 16;

  static final int EPOCH = 0;
  static final int BATCH = 1;
  static final int X = 2;
  static final int LOSS = 3;
  static final int TRAIN = 1;
  static final int VAL = 2;

  private final ThinnedTable minibatches = new ThinnedTable(4, MAX_MINIBATCHES);
  private final double[] row = new double[4]; // the tables copy these
  private double[] pointRow = new double[1];
  private final ThinnedTable epochs = new ThinnedTable(3, MAX_EPOCHS);
  private ThinnedTable path = new ThinnedTable(1, MAX_PATH_POINTS);
  private RunPicture picture;
  private int d;

  /**
   * Starts over for a new run whose parameters before its first step are {@code w0}, {@code b0}.
   */
  public void startRun(RunPicture picture, double[] w0, double b0) {
    this.picture = picture;
    this.d = w0.length;
    minibatches.clear();
    epochs.clear();
    path = new ThinnedTable(d + 1, MAX_PATH_POINTS);
    pointRow = new double[d + 1];
    path.add(0, point(w0, b0));
  }

  /**
   * Takes the events of one frame, in order. A table keeps a step off its stride only while it is
   * the newest, so only the frame's last minibatch and those on a stride are copied: a frame at
   * full speed brings tens of thousands.
   */
  public void onEvents(List<? extends TrainingEvent> events) {
    int last = events.size() - 1;
    while (last >= 0 && !(events.get(last) instanceof BatchDone)) {
      last--;
    }
    for (int k = 0; k < events.size(); k++) {
      TrainingEvent e = events.get(k);
      if (e instanceof BatchDone batch) {
        long step = batch.step();
        if (k == last || minibatches.onStride(step)) {
          row[EPOCH] = batch.epoch();
          row[BATCH] = batch.batchIndex();
          row[X] = batch.fractionalEpoch();
          row[LOSS] = batch.loss();
          minibatches.add(step, row);
        }
        if (picture != null && (k == last || path.onStride(step))) {
          double[] w = batch.w();
          if (w.length == d) {
            System.arraycopy(w, 0, pointRow, 0, d);
            pointRow[d] = batch.b();
            path.add(step, pointRow);
          }
        }
      } else if (e instanceof EpochDone epoch) {
        epochs.add(epoch.step(), new double[] {epoch.epoch(), epoch.trainLoss(), epoch.valLoss()});
      }
    }
  }

  private static double[] point(double[] w, double b) {
    double[] row = new double[w.length + 1];
    System.arraycopy(w, 0, row, 0, w.length);
    row[w.length] = b;
    return row;
  }

  /**
   * The bytes its tables have allocated for rows: what the history of a long run holds on the heap.
   * They grow a block at a time as rows come (ADR 0045).
   */
  public long allocatedBytes() {
    return minibatches.allocatedBytes() + epochs.allocatedBytes() + path.allocatedBytes();
  }

  ThinnedTable minibatches() {
    return minibatches;
  }

  ThinnedTable epochs() {
    return epochs;
  }

  ThinnedTable path() {
    return path;
  }

  /** The run's picture (its loss surface gives the training loss at each point), or null. */
  RunPicture picture() {
    return picture;
  }

  /** The number of weights, d. */
  int numFeatures() {
    return d;
  }

  /** Whether a run has started: there is at least the path's step 0. */
  public boolean hasRun() {
    return picture != null;
  }

  /** A history that follows {@code session}: every new run and every frame's events. */
  public static RunHistory forSession(TrainingSession session) {
    RunHistory history = new RunHistory();
    Runnable restart =
        () -> {
          RunPicture p = session.pictureProperty().get();
          StepSnapshot s = session.snapshotProperty().get();
          if (p != null && s != null) {
            history.startRun(p, s.w(), s.b());
          }
        };
    restart.run();
    session.addFrameListener(
        new FrameListener() {
          @Override
          public void onEvents(List<TrainingEvent> events) {
            history.onEvents(events);
          }

          @Override
          public void onReset() {
            restart.run();
          }
        });
    return history;
  }
}
