package descent.app.teach;

import descent.app.session.TrainingSession;
import descent.app.session.TrainingSession.FrameListener;
import descent.train.GradientCheck;
import descent.train.RunPicture;
import descent.train.StepSnapshot;
import descent.train.TrainingEvent;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the teaching views read, on the FX thread: the run's fixed {@link RunPicture}, the latest
 * {@link StepSnapshot} (at most one new one per frame), and the {@link ParameterPath} of every
 * step. The app feeds it from a {@link TrainingSession}; the {@code snapshot} command fills it from
 * a run it stepped itself. Views never see a live tensor.
 */
public final class TeachingFeed {
  private final ObjectProperty<RunPicture> picture = new SimpleObjectProperty<>();
  private final ObjectProperty<StepSnapshot> snapshot = new SimpleObjectProperty<>();
  private final LongProperty pathRevision = new SimpleLongProperty();
  private final ObjectProperty<java.util.List<OtherPath>> otherPaths =
      new SimpleObjectProperty<>(java.util.List.of());
  private ParameterPath path = new ParameterPath(0);
  private GradientChecker checker;
  private TeachingFeed standIn; // while a hidden view rehearses: the feed its getters read instead

  /** Runs the gradient check on the run's own thread and reports back on the FX thread. */
  public interface GradientChecker {
    void check(Consumer<GradientCheck> done, Consumer<String> failed);
  }

  /** How the Minibatch view's check button reaches the run; null where there is no live run. */
  public GradientChecker gradientChecker() {
    return checker;
  }

  public void setGradientChecker(GradientChecker checker) {
    this.checker = checker;
  }

  /** The run's picture; a new one starts a new path from {@code w0}, {@code b0}. */
  public void startRun(RunPicture p, StepSnapshot ready) {
    path = new ParameterPath(ready.numFeatures());
    path.reset(ready.w(), ready.b());
    picture.set(p);
    snapshot.set(ready);
    pathRevision.set(path.revision());
  }

  /** Shows {@code s}, the run's latest state. */
  public void show(StepSnapshot s) {
    snapshot.set(s);
  }

  /** Adds each finished minibatch's parameters to the path, and shows it. */
  public void onEvents(List<TrainingEvent> events) {
    addToPath(events);
    showPath();
  }

  /**
   * Adds each finished minibatch's parameters to the path; the views see it at {@link #showPath}.
   */
  void addToPath(List<TrainingEvent> events) {
    path.addAll(events);
  }

  /** Tells the views if the path changed since they last heard. */
  void showPath() {
    pathRevision.set(path.revision());
  }

  public ObjectProperty<RunPicture> pictureProperty() {
    return picture;
  }

  public RunPicture picture() {
    return reading().picture.get();
  }

  public ObjectProperty<StepSnapshot> snapshotProperty() {
    return snapshot;
  }

  public StepSnapshot snapshot() {
    return reading().snapshot.get();
  }

  /** The parameters after each step of the current run (thinned for long runs). */
  public ParameterPath path() {
    return reading().path;
  }

  /** Other runs' paths to draw over this run's (runs kept for comparison); empty if none. */
  public ObjectProperty<java.util.List<OtherPath>> otherPathsProperty() {
    return otherPaths;
  }

  public java.util.List<OtherPath> otherPaths() {
    return reading().otherPaths.get();
  }

  /** The feed the getters read: the stand-in while a hidden view rehearses, else this one. */
  private TeachingFeed reading() {
    return standIn != null ? standIn : this;
  }

  /**
   * Runs {@code r} with {@link #picture}, {@link #snapshot}, {@link #path} and {@link #otherPaths}
   * reading {@code stand}'s instead of this feed's own, telling no listener: how a hidden view
   * rehearses drawing a run ({@link TeachingPane#rehearse}). Call on the FX thread.
   */
  void standIn(TeachingFeed stand, Runnable r) {
    standIn = stand;
    try {
      r.run();
    } finally {
      standIn = null;
    }
  }

  /** Changes whenever the path does. */
  public LongProperty pathRevisionProperty() {
    return pathRevision;
  }

  /**
   * A feed that follows {@code session}: each new run, each snapshot and each step's parameters.
   */
  public static TeachingFeed forSession(TrainingSession session) {
    TeachingFeed feed = new TeachingFeed();
    feed.setGradientChecker(session::checkGradient);
    Runnable restart =
        () -> {
          if (session.pictureProperty().get() != null && session.snapshotProperty().get() != null) {
            feed.startRun(session.pictureProperty().get(), session.snapshotProperty().get());
          }
        };
    restart.run();
    session.addFrameListener(
        new FrameListener() {
          @Override
          public void onEvents(List<TrainingEvent> events) {
            feed.addToPath(events);
          }

          @Override
          public void onEventsDone() {
            feed.showPath();
          }

          @Override
          public int showFrame() {
            return 2; // after the status bar and the chart
          }

          @Override
          public void onReset() {
            restart.run();
          }
        });
    session.snapshotProperty().addListener((obs, o, s) -> feed.show(s));
    return feed;
  }
}
