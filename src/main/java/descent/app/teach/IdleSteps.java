package descent.app.teach;

import java.util.function.BooleanSupplier;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * Work the window does a step at a time while nothing else needs it: one step every {@code gap}, on
 * the FX thread, only while {@code idle} says so (it waits for the next idle moment otherwise),
 * until a step finds nothing left to do. What makes the teaching views ahead ({@link
 * TeachingViews#makeAheadWhenIdle}) and draws the app's rehearsal off-screen (ADRs 0042, 0043).
 */
public final class IdleSteps {
  private final PauseTransition wait;

  /**
   * @param gap how long between two steps, and before the first
   * @param idle whether a step may run now (read at each tick)
   * @param step does one step; false when there was none left to do, and the steps stop
   */
  public IdleSteps(Duration gap, BooleanSupplier idle, BooleanSupplier step) {
    wait = new PauseTransition(gap);
    wait.setOnFinished(
        e -> {
          if (!idle.getAsBoolean() || step.getAsBoolean()) {
            wait.playFromStart();
          }
        });
  }

  /**
   * Starts the steps, or starts them again once they stopped (new work came); call on the FX
   * thread.
   */
  public void start() {
    if (wait.getStatus() != Animation.Status.RUNNING) {
      wait.playFromStart();
    }
  }
}
