package descent.app.compare;

import descent.app.chart.ChartOverlay;
import descent.app.chart.LossChartView;
import descent.app.compare.RunLabels.Labelled;
import descent.app.session.TrainingSession;
import descent.app.teach.OtherPath;
import descent.app.teach.TeachingFeed;
import descent.run.RunConfig;
import descent.train.StepSnapshot;
import descent.train.TrainingEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/**
 * Run comparison in the app: records the current run, keeps it when it finishes, diverges or is
 * replaced after at least one step ({@link KeptRuns}), and shows the overlaid kept runs on the loss
 * chart and, where they trained on the same rows, on the landscape, each labelled by what sets it
 * apart ({@link RunLabels}). Lives on the FX thread.
 */
public final class Comparison {
  private final TrainingSession session;
  private final KeptRuns kept = new KeptRuns();
  private final List<LossChartView> charts = new ArrayList<>();
  private final List<TeachingFeed> feeds = new ArrayList<>();
  private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
  private RunRecording current;
  private Object recordedRun; // the session's run that current records, compared by identity only
  private List<String> labels = List.of();
  private String currentLabel = "";

  private Comparison(TrainingSession session) {
    this.session = session;
    kept.addListener(this::show);
  }

  /** A comparison that follows {@code session}'s runs from now on. */
  public static Comparison forSession(TrainingSession session) {
    Comparison c = new Comparison(session);
    c.startRecording();
    session.addFrameListener(
        new TrainingSession.FrameListener() {
          @Override
          public void onEvents(List<TrainingEvent> events) {
            c.onEvents(events);
          }

          @Override
          public void onReset() {
            c.onNewRun();
          }
        });
    session.runConfigProperty().addListener((obs, was, now) -> c.onConfigChanged(now));
    return c;
  }

  /** Draws the overlaid runs on {@code chart}, from now on. */
  public Comparison showOn(LossChartView chart) {
    charts.add(chart);
    show();
    return this;
  }

  /** Hands the overlaid runs' paths to the views that read {@code feed}, from now on. */
  public Comparison showOn(TeachingFeed feed) {
    feeds.add(feed);
    show();
    return this;
  }

  public KeptRuns runs() {
    return kept;
  }

  /** The label of a kept run among the runs shown together now. */
  public String label(KeptRun run) {
    List<KeptRun> shown = shown();
    int i = shown.indexOf(run);
    return i >= 0 && i < labels.size() ? labels.get(i) : labelAlone(run);
  }

  /**
   * Each kept run's label among every kept run and the current one, by run number: what the Runs
   * menu lists.
   */
  public java.util.Map<Integer, String> listLabels() {
    List<KeptRun> all = kept.all();
    List<Labelled> together = new ArrayList<>();
    for (KeptRun r : all) {
      together.add(new Labelled(r.number(), r.config()));
    }
    if (current != null && !current.isKept()) {
      together.add(new Labelled(current.number(), current.config()));
    }
    List<String> texts = RunLabels.of(together);
    java.util.Map<Integer, String> out = new java.util.HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      out.put(all.get(i).number(), texts.get(i));
    }
    return out;
  }

  /** The number of the current run, or -1 before there is one. */
  public int currentNumber() {
    return current == null ? -1 : current.number();
  }

  /** The current run's label among the overlaid runs; empty while none is overlaid. */
  public String currentLabel() {
    return currentLabel;
  }

  /** Grows by one whenever what the comparison shows changed. */
  public ReadOnlyLongProperty revisionProperty() {
    return revision.getReadOnlyProperty();
  }

  // ---------------------------------------------------------------- recording

  private void startRecording() {
    recordedRun = session.run();
    RunConfig config = session.runConfigProperty().get();
    StepSnapshot ready = session.snapshotProperty().get();
    current =
        config == null || ready == null
            ? null
            : new RunRecording(kept.takeNumber(), config, ready.w(), ready.b());
  }

  private void onEvents(List<TrainingEvent> events) {
    if (current != null && current.isKept() && resumes(events)) {
      current.resume(kept.takeNumber()); // more epochs after it finished: a new run to keep
    }
    if (current != null && current.accept(events)) {
      keep(current); // finished or diverged: kept now, drawn once another run replaces it
    }
  }

  private boolean resumes(List<TrainingEvent> events) {
    return current.end() != null
        && current.end().kind() == RunEnd.Kind.FINISHED
        && events.stream()
            .anyMatch(e -> e instanceof TrainingEvent.BatchDone b && b.step() > current.steps());
  }

  private void onNewRun() {
    if (current != null && !current.isKept() && current.steps() > 0) {
      keep(current);
    }
    startRecording();
    show();
  }

  /** The learning rate or the epochs changed mid-run: the run is recorded with the new values. */
  private void onConfigChanged(RunConfig now) {
    // install() sets the new run's settings before onReset: those are not this run's
    boolean sameRun = session.run() == recordedRun;
    if (sameRun && current != null && now != null) {
      current = current.withConfig(now);
      show();
    }
  }

  private void keep(RunRecording run) {
    KeptRun copy = run.keep(kept.freeColour());
    Optional<KeptRun> dropped = kept.keep(copy);
    dropped.ifPresent(
        d ->
            session.say(
                session.messageProperty().get()
                    + " · kept "
                    + KeptRuns.CAPACITY
                    + " runs: dropped the oldest, run "
                    + d.number()
                    + " ("
                    + d.end().text()
                    + ")"));
  }

  private String labelAlone(KeptRun run) {
    return "run " + run.number();
  }

  // ---------------------------------------------------------------- showing

  /** The kept runs drawn now: the overlaid ones, but not the current run itself. */
  private List<KeptRun> shown() {
    return kept.overlaid().stream()
        .filter(r -> current == null || r.number() != current.number())
        .toList();
  }

  private void show() {
    List<KeptRun> shown = shown();
    List<Labelled> together = new ArrayList<>();
    for (KeptRun r : shown) {
      together.add(new Labelled(r.number(), r.config()));
    }
    if (current != null) {
      together.add(new Labelled(current.number(), current.config()));
    }
    List<String> all = RunLabels.of(together);
    labels = all.subList(0, shown.size());
    currentLabel = shown.isEmpty() || current == null ? "" : all.get(all.size() - 1);
    List<ChartOverlay> lines = new ArrayList<>();
    List<OtherPath> paths = new ArrayList<>();
    RunConfig now = current == null ? null : current.config();
    for (int i = 0; i < shown.size(); i++) {
      KeptRun r = shown.get(i);
      String colour = OverlayColours.hex(r.colour());
      lines.add(new ChartOverlay(labels.get(i), colour, r.trainLoss()));
      paths.add(new OtherPath(labels.get(i), colour, r.path(), r.sameDataAs(now)));
    }
    String title = currentLabel.isEmpty() ? "" : "this run: " + currentLabel;
    for (LossChartView chart : charts) {
      chart.setOverlays(lines, title);
    }
    for (TeachingFeed feed : feeds) {
      feed.otherPathsProperty().set(List.copyOf(paths));
    }
    revision.set(revision.get() + 1);
  }
}
