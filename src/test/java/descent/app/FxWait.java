package descent.app;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting in UI tests on a condition read on the FX thread, never on a sleep. */
public final class FxWait {
  private FxWait() {}

  /**
   * Waits at most {@code seconds} for {@code condition}, evaluated on the FX thread where the app's
   * state lives, then for the FX events its change queued.
   */
  public static void until(long seconds, Callable<Boolean> condition) throws TimeoutException {
    WaitForAsyncUtils.waitFor(
        seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    WaitForAsyncUtils.waitForFxEvents();
  }
}
