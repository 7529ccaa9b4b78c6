package descent.app.uibench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's load average now: "1-min 5-min 15-min" where the OS says, else the 1-minute one.
 */
final class LoadAverage {
  private LoadAverage() {}

  static String now() {
    Path proc = Path.of("/proc/loadavg");
    if (Files.isReadable(proc)) {
      try {
        String[] parts = Files.readString(proc).trim().split("\\s+");
        if (parts.length >= 3) {
          return parts[0] + " " + parts[1] + " " + parts[2];
        }
      } catch (IOException e) {
        // fall back to the 1-minute figure below
      }
    }
    double one = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return one < 0 ? "unknown" : String.format(java.util.Locale.ROOT, "%.2f", one);
  }
}
