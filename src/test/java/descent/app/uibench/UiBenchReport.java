package descent.app.uibench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import descent.app.uibench.FrameRecorder.Phases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benchmark's numbers: one summary block for the console, and the same as JSON. */
record UiBenchReport(
    String date,
    String machine,
    String loadBefore,
    String loadAfter,
    String window,
    String views,
    long steps,
    double wallSeconds,
    FrameStats frames,
    Phases phases,
    List<String> viewTitles,
    List<FrameStats> perView,
    List<Phases> perViewPhases,
    List<Double> perViewStepsPerSecond,
    double uiStepsPerSecond,
    double trainingCpuSeconds,
    double rendererCpuSeconds,
    double[] headlessBefore,
    double[] headlessAfter,
    double headlessStepsPerSecond,
    HeapReading heapReady,
    HeapReading heapAfter) {

  static final double P99_TARGET_MS = 50;
  static final double THROUGHPUT_TARGET = 0.5;
  static final double HEAP_TARGET_MIB = 256;

  double ratio() {
    return uiStepsPerSecond / headlessStepsPerSecond;
  }

  boolean p99Met() {
    return frames.p99() <= P99_TARGET_MS;
  }

  boolean throughputMet() {
    return ratio() >= THROUGHPUT_TARGET;
  }

  boolean heapMet() {
    return heapAfter.usedMiB() < HEAP_TARGET_MIB;
  }

  String summary() {
    StringBuilder s = new StringBuilder();
    s.append("==== UI benchmark: single config at full speed, every view (").append(date);
    s.append(") ====\n");
    line(s, "machine", machine);
    line(s, "load average", "before " + loadBefore + ", after " + loadAfter + " (1, 5, 15 min)");
    line(s, "window", window);
    line(s, "views", views);
    line(s, "run", String.format(Locale.ROOT, "%,d steps in %.2f s", steps, wallSeconds));
    line(s, "frames", describe(frames));
    line(s, "", describe(phases));
    for (int i = 0; i < perView.size(); i++) {
      line(
          s,
          "  " + viewTitles.get(i),
          describe(perView.get(i))
              + String.format(Locale.ROOT, "; %,.0f steps/s", perViewStepsPerSecond.get(i)));
      line(s, "", describe(perViewPhases.get(i)));
    }
    line(
        s,
        "throughput",
        String.format(
            Locale.ROOT,
            "with UI %,.0f steps/s; headless %,.0f steps/s (median of %d); ratio %.2f",
            uiStepsPerSecond,
            headlessStepsPerSecond,
            headlessBefore.length + headlessAfter.length,
            ratio()));
    line(
        s,
        "  headless runs",
        "before " + rates(headlessBefore) + "; after " + rates(headlessAfter) + " steps/s");
    line(
        s,
        "  CPU",
        String.format(
            Locale.ROOT,
            "training thread %.2f µs per step (headless: %.2f µs of wall time); renderer %.1f s",
            trainingCpuSeconds * 1e6 / steps,
            1e6 / headlessStepsPerSecond,
            rendererCpuSeconds));
    line(
        s,
        "heap after GC",
        String.format(
            Locale.ROOT,
            "%.1f MiB ready (before play), %.1f MiB after %,d steps (%d System.gc() each)",
            heapReady.usedMiB(),
            heapAfter.usedMiB(),
            steps,
            heapAfter.forced()));
    line(s, "p99 frame ≤ 50 ms", met(p99Met()));
    line(s, "UI ≥ ½ headless", met(throughputMet()));
    line(s, "heap < 256 MiB", met(heapMet()));
    s.append("(written to target/ui-bench.json)\n");
    return s.toString();
  }

  private static void line(StringBuilder s, String name, String value) {
    s.append(String.format(Locale.ROOT, "%-20s %s%n", name, value));
  }

  private static String describe(FrameStats f) {
    return String.format(
        Locale.ROOT,
        "%d intervals: p50 %.1f, p90 %.1f, p99 %.1f, max %.1f ms; %d over 50 ms",
        f.count(),
        f.p50(),
        f.p90(),
        f.p99(),
        f.max(),
        f.over50());
  }

  private static String describe(Phases p) {
    double[] w = p.wallMs();
    double[] c = p.cpuMs();
    return String.format(
        Locale.ROOT,
        "FX thread per frame (wall/CPU ms): events %.1f/%.1f (%,.0f steps; CPU fit %.1f ms +"
            + " %.2f µs a step), CSS+layout %.1f/%.1f, render+rest %.1f/%.1f",
        w[0],
        c[0],
        p.stepsPerFrame(),
        p.eventsFixedCpuMs(),
        p.eventsCpuMicrosPerStepFitted(),
        w[1],
        c[1],
        w[2],
        c[2]);
  }

  private static String rates(double[] r) {
    StringBuilder b = new StringBuilder();
    for (double v : r) {
      b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%,.0f", v));
    }
    return b.toString();
  }

  private static String met(boolean met) {
    return met ? "met" : "MISSED";
  }

  Map<String, Object> json() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("date", date);
    root.put("machine", machine);
    root.put("loadAverageBefore", loadBefore);
    root.put("loadAverageAfter", loadAfter);
    root.put("window", window);
    root.put("views", views);
    root.put("steps", steps);
    root.put("wallSeconds", wallSeconds);
    root.put("frames", frames(frames, phases));
    Map<String, Object> byView = new LinkedHashMap<>();
    for (int i = 0; i < perView.size(); i++) {
      Map<String, Object> v = frames(perView.get(i), perViewPhases.get(i));
      v.put("stepsPerSecond", perViewStepsPerSecond.get(i));
      byView.put(viewTitles.get(i), v);
    }
    root.put("framesByView", byView);
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("uiStepsPerSecond", uiStepsPerSecond);
    t.put("headlessStepsPerSecond", headlessStepsPerSecond);
    t.put("headlessBefore", headlessBefore);
    t.put("headlessAfter", headlessAfter);
    t.put("ratio", ratio());
    t.put("trainingThreadCpuMicrosPerStep", trainingCpuSeconds * 1e6 / steps);
    t.put("rendererCpuSeconds", rendererCpuSeconds);
    root.put("throughput", t);
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("readyMiB", heapReady.usedMiB());
    h.put("afterRunMiB", heapAfter.usedMiB());
    h.put("systemGcCallsPerReading", heapAfter.forced());
    h.put("collectionsCountedByTheLastReading", heapAfter.collectionsCounted());
    root.put("heap", h);
    Map<String, Object> targets = new LinkedHashMap<>();
    targets.put("p99FrameAtMost50ms", p99Met());
    targets.put("uiAtLeastHalfHeadless", throughputMet());
    targets.put("heapBelow256MiB", heapMet());
    root.put("targetsMet", targets);
    return root;
  }

  private static Map<String, Object> frames(FrameStats f, Phases p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("intervals", f.count());
    m.put("p50Ms", f.p50());
    m.put("p90Ms", f.p90());
    m.put("p99Ms", f.p99());
    m.put("maxMs", f.max());
    m.put("over50Ms", f.over50());
    m.put("stepsPerFrame", p.stepsPerFrame());
    String[] names = {"events", "cssAndLayout", "renderAndRest"};
    for (int i = 0; i < 3; i++) {
      m.put(names[i] + "WallMs", p.wallMs()[i]);
      m.put(names[i] + "CpuMs", p.cpuMs()[i]);
    }
    m.put("eventsCpuMicrosPerStep", p.eventsCpuMicrosPerStep());
    m.put("eventsFixedCpuMsFitted", p.eventsFixedCpuMs());
    m.put("eventsCpuMicrosPerStepFitted", p.eventsCpuMicrosPerStepFitted());
    return m;
  }

  void write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json());
  }
}
