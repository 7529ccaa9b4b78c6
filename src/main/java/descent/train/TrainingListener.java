package descent.train;

/** Receives a run's events on the thread that steps the run. Must not block it for long. */
@FunctionalInterface
public interface TrainingListener {
  /** Hears nothing; a run with it builds no per-minibatch events at all. */
  TrainingListener NONE = withoutBatches(event -> {});

  void onEvent(TrainingEvent event);

  /**
   * Whether this listener is handed a {@link TrainingEvent.BatchDone} after every minibatch. A run
   * whose listener says no builds none (no copy of w per minibatch) and reads the clock less often.
   */
  default boolean wantsBatches() {
    return true;
  }

  /**
   * {@code inner}, handed every event except the per-minibatch {@link TrainingEvent.BatchDone}:
   * epochs, the end of the run and a divergence still reach it.
   */
  static TrainingListener withoutBatches(TrainingListener inner) {
    return new TrainingListener() {
      @Override
      public void onEvent(TrainingEvent event) {
        inner.onEvent(event);
      }

      @Override
      public boolean wantsBatches() {
        return false;
      }
    };
  }
}
