package descent.app.compare;

/**
 * The kept runs' colours, one per slot: from Paul Tol's colour-blind-safe "vibrant" and "muted"
 * schemes, leaving out the blue and orange of the current run's curves. Each reads on the chart's
 * white and, with the dark edge the landscape draws under it, on the landscape's viridis map.
 */
public final class OverlayColours {
  private static final String[] HEX = {
    "#ee3377", "#009988", "#cc3311", "#33bbee", "#aa3377", "#999933", "#555555", "#000000"
  };

  private OverlayColours() {}

  /** The colour of slot {@code slot}, as a CSS hex string. */
  public static String hex(int slot) {
    return HEX[Math.floorMod(slot, HEX.length)];
  }

  /** How many colours there are: one per kept run. */
  public static int count() {
    return HEX.length;
  }
}
