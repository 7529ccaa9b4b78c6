package descent.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The catalogue of presets, in the order the command line lists them and the app's menu shows them.
 * Each is the chapter's run ({@link RunConfig#chapter}) with the fewest changes that make its
 * lesson visible; ADR 0022 says why each value was chosen, and the tests run each one on ten seeds.
 */
public final class Presets {
  private Presets() {}

  /** The chapter's data with {@code d} true weights; the rest as the chapter's. */
  private static final double[] MANY_W = {2, -3.4, 1.5, -0.8, 0.5, 3, -2, 1, -1.2, 0.7};

  private static final List<Preset> ALL =
      List.of(
          new Preset(
              "chapter",
              "d2l §3.4's defaults: lr 0.03, batch 32, σ 0.01, 3 epochs — the same run as no preset",
              RunConfig::chapter),
          new Preset(
              "lr-too-high",
              "η = 3 is above the largest stable rate (about 1.7 to 1.9 here): every step overshoots"
                  + " further and the loss explodes",
              seed -> RunConfig.chapter(seed).withLr(3)),
          new Preset(
              "lr-edge",
              "η = 1.6, just below the largest stable rate (2/λ_max, 1.8 to 2 here, full batch):"
                  + " each step jumps across the valley, zig-zagging in, and still converges",
              seed -> RunConfig.chapter(seed).withLr(1.6).withBatchSize(1000).withEpochs(30)),
          new Preset(
              "lr-too-low",
              "η = 0.001: each step is so small that in 3 epochs w barely leaves its start",
              seed -> RunConfig.chapter(seed).withLr(0.001)),
          new Preset(
              "batch-1",
              "one example per step (η = 0.01): each gradient is a noisy guess, so the loss jumps"
                  + " from step to step and the path wanders",
              seed -> RunConfig.chapter(seed).withBatchSize(1).withLr(0.01).withEpochs(1)),
          new Preset(
              "full-batch",
              "all 1,000 rows per step: the exact gradient, one smooth step per epoch, straight"
                  + " down the valley",
              seed -> RunConfig.chapter(seed).withBatchSize(1000).withLr(0.3).withEpochs(40)),
          new Preset(
              "zero-init",
              "σ = 0 starts w at exactly zero and it works: the loss is convex, with no symmetry to"
                  + " break",
              seed -> RunConfig.chapter(seed).withSigma(0)),
          new Preset(
              "large-init",
              "σ = 10 starts far away, yet it converges: the loss is a convex bowl, so the start only"
                  + " sets the distance to travel",
              seed -> RunConfig.chapter(seed).withSigma(10).withEpochs(10)),
          new Preset(
              "noisy-data",
              "noise 1: the loss levels off near noise²/2 = 0.5, a floor no learning rate can beat",
              seed ->
                  RunConfig.chapter(seed)
                      .withData(
                          new DataSource.Synthetic(new double[] {2, -3.4}, 4.2, 1, 1000, 1000))
                      .withEpochs(5)),
          new Preset(
              "more-data",
              "10× the rows (10,000): more steps per epoch and a fit closer to the truth, so w and b"
                  + " end with smaller errors",
              seed ->
                  RunConfig.chapter(seed)
                      .withData(
                          new DataSource.Synthetic(
                              new double[] {2, -3.4}, 4.2, 0.01, 10000, 1000))),
          new Preset(
              "unscaled-features",
              "x₂ is 100× larger: a long thin valley, η must stay tiny, w₂ zig-zags while w₁ and b"
                  + " crawl — standardise the features (--standardize) and use η = 0.03",
              seed ->
                  RunConfig.chapter(seed)
                      .withData(
                          new DataSource.Synthetic(
                              new double[] {2, -0.034},
                              4.2,
                              0.01,
                              1000,
                              1000,
                              new double[] {1, 100}))
                      .withLr(1.5e-4)
                      .withEpochs(5)),
          new Preset(
              "no-shuffle",
              "the rows in the same order every epoch: each epoch repeats the same minibatches",
              seed -> RunConfig.chapter(seed).withShuffle(false)),
          new Preset(
              "clipping",
              "η = 2.5 alone diverges (--clip 0); clipping each gradient to norm 0.05 caps every step"
                  + " at η·0.05, and the loss falls and stays low",
              seed -> RunConfig.chapter(seed).withLr(2.5).withClip(0.05)),
          new Preset(
              "many-features",
              "d = 10 features: the same model and loop, eleven parameters to learn",
              seed ->
                  RunConfig.chapter(seed)
                      .withData(new DataSource.Synthetic(MANY_W, 4.2, 0.01, 1000, 1000))
                      .withEpochs(5)));

  /** Every preset, in order. */
  public static List<Preset> all() {
    return ALL;
  }

  /** Every preset's name, in order. */
  public static List<String> names() {
    return ALL.stream().map(Preset::name).toList();
  }

  /** The preset called {@code name} (any case, spaces around it ignored). */
  public static Optional<Preset> named(String name) {
    String key = name.strip().toLowerCase(Locale.ROOT);
    return ALL.stream().filter(p -> p.name().equals(key)).findFirst();
  }

  /**
   * The preset whose name is nearest to {@code typed}, if one is close enough to be a typo (an edit
   * distance of at most a third of its length), or one that starts with it.
   */
  public static Optional<Preset> nearest(String typed) {
    String key = typed.strip().toLowerCase(Locale.ROOT);
    Preset best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Preset p : ALL) {
      int d = distance(key, p.name());
      if (d < bestDistance) {
        best = p;
        bestDistance = d;
      }
    }
    if (best != null && bestDistance <= Math.max(1, best.name().length() / 3)) {
      return Optional.of(best);
    }
    List<Preset> starting = new ArrayList<>();
    for (Preset p : ALL) {
      if (!key.isEmpty() && p.name().startsWith(key)) {
        starting.add(p);
      }
    }
    return starting.size() == 1 ? Optional.of(starting.get(0)) : Optional.empty();
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
