package descent.train;

/** Receives a run's events on the thread that steps the run. Must not block it for long. */
@FunctionalInterface
public interface TrainingListener {
  TrainingListener NONE = event -> {};

  void onEvent(TrainingEvent event);
}
