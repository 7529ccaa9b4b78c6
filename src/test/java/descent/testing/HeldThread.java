package descent.testing;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A task that holds whatever thread runs it until it is released (or for 10 s at most): for a test
 * that needs a stuck FX thread or a busy worker. Give it to the thread, {@link #awaitHeld}, then
 * {@link #release}.
 */
public final class HeldThread implements Runnable {
  private final CountDownLatch held = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  @Override
  public void run() {
    held.countDown();
    try {
      release.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits at most 5 s for a thread to be held by this task; whether one is. */
  public boolean awaitHeld() throws InterruptedException {
    return held.await(5, TimeUnit.SECONDS);
  }

  /** Lets the held thread go on. */
  public void release() {
    release.countDown();
  }
}
