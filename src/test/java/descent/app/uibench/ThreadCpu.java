package descent.app.uibench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The CPU time of the live threads named so, summed, in nanoseconds: the training thread and
 * JavaFX's renderer, whose time a busy machine does not inflate as it does wall time.
 */
final class ThreadCpu {
  private ThreadCpu() {}

  static long of(String namePrefix) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith(namePrefix)) {
        long ns = threads.getThreadCpuTime(t.getId());
        sum += Math.max(0, ns);
      }
    }
    return sum;
  }
}
