package descent.app.uibench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * The used heap right after {@code forced} full collections asked for with {@link System#gc()}
 * (read from the {@code MemoryMXBean}), and how many collections the JVM counted while they ran.
 */
record HeapReading(long usedBytes, int forced, long collectionsCounted) {

  static HeapReading afterGc(int forced) {
    long before = collections();
    for (int i = 0; i < forced; i++) {
      System.gc();
    }
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    return new HeapReading(used, forced, collections() - before);
  }

  /** Every collection the JVM's collectors have counted so far, young and old. */
  static long collections() {
    long n = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      n += Math.max(0, gc.getCollectionCount());
    }
    return n;
  }

  /**
   * The first {@code lines} lines of the JVM's class histogram of live objects (largest first), as
   * {@code jcmd <pid> GC.class_histogram} prints it: which classes hold the heap.
   */
  static String histogram(int lines) {
    try {
      Object text =
          ManagementFactory.getPlatformMBeanServer()
              .invoke(
                  new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                  "gcClassHistogram",
                  new Object[] {new String[0]},
                  new String[] {String[].class.getName()});
      return String.join("\n", text.toString().lines().limit(lines).toList()) + "\n";
    } catch (javax.management.JMException e) {
      return "no class histogram: " + e + "\n";
    }
  }

  double usedMiB() {
    return usedBytes / (1024.0 * 1024.0);
  }
}
