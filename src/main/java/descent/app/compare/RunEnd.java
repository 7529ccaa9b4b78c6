package descent.app.compare;

/**
 * How a kept run ended.
 *
 * @param kind finished, diverged or stopped
 * @param step the steps it had taken (for a divergence, the step that diverged)
 */
public record RunEnd(Kind kind, long step) {
  /** Why a run was kept. */
  public enum Kind {
    /** Every epoch ran. */
    FINISHED,
    /** A loss or a parameter blew up. */
    DIVERGED,
    /** Replaced (reset, a changed setting, a preset, new data) after at least one step. */
    STOPPED
  }

  public static RunEnd finished(long step) {
    return new RunEnd(Kind.FINISHED, step);
  }

  public static RunEnd diverged(long step) {
    return new RunEnd(Kind.DIVERGED, step);
  }

  public static RunEnd stopped(long step) {
    return new RunEnd(Kind.STOPPED, step);
  }

  /** "finished", "diverged at step 12", "stopped at step 40". */
  public String text() {
    return switch (kind) {
      case FINISHED -> "finished";
      case DIVERGED -> "diverged at step " + step;
      case STOPPED -> "stopped at step " + step;
    };
  }
}
