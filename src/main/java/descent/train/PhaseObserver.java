package descent.train;

import descent.train.TrainingRun.Phase;

/**
 * Hears each phase of a {@link TrainingRun} on the thread that steps it, while the run's tensors
 * are intact: the step-through views copy what they show here ({@link StepRecorder}). Must be quick
 * and must not step the run.
 */
public interface PhaseObserver {
  /** Hears nothing: what a run has when nobody watches its phases. */
  PhaseObserver NONE = (run, ran) -> {};

  /** Called just before {@code next} runs. */
  default void beforePhase(TrainingRun run, Phase next) {}

  /** Called just after {@code ran} ran (and, after an UPDATE, after its events were sent). */
  void afterPhase(TrainingRun run, Phase ran);
}
