package descent.app.session;

/**
 * While a run plays as fast as possible, decides once per frame whether the views take the run's
 * news in this frame or leave it for a later one, so that updating them never takes more than about
 * a third of the FX thread's time, and whether an update is shown in one frame or spread over
 * several. (At a chosen speed every frame updates at once: the user asked to watch each step.)
 *
 * <p>An update's cost is the time from its start to the next frame after it: the events applied,
 * the CSS, layout and drawing it caused, and the wait for the renderer. An update that fits in its
 * frames ({@link #FRAME_NANOS} each, 60 per second with some slack) costs nothing extra and the
 * next frame updates again. One that took longer leaves the next {@code (PACE − 1) × cost} to the
 * rest of the program: to input, to the renderer, and above all to the training thread, which
 * shares the machine's cores with them. Frames in between are cheap, so a click or a key still gets
 * an answer within a frame or two. Never more than {@link #MAX_GAP_NANOS} pass between updates, so
 * the window never looks stuck.
 *
 * <p>Updates begin spread over {@code spreadFrames} frames ({@link FramePump}: the status bar and
 * parameters, the chart, the teaching views, then a frame that takes the next events), so that no
 * single frame draws everything (ADR 0042). Once a spread update fits its frames, the next is shown
 * in one frame; once an update shown in one frame takes longer than a frame, every later one is
 * spread.
 *
 * <p>On a machine that draws a frame in a few milliseconds nothing changes after the first update:
 * every frame shows everything. On this project's 2-core development machine, which draws in
 * software, the views refresh about 4 times a second at full speed instead of about 25, each update
 * spread over four frames, and training with the window open runs about 1.5 times as fast (ADR
 * 0041).
 */
final class UpdatePacer {
  /** An update may take at most 1/PACE of the FX thread's time. */
  static final int PACE = 3;

  /** A frame at 60 per second, plus slack for timer jitter. */
  static final long FRAME_NANOS = 20_000_000L;

  /** The longest wait between two updates. */
  static final long MAX_GAP_NANOS = 250_000_000L;

  private final int spreadFrames;
  private long lastStart; // when the last update began; 0: none yet since the reset
  private long lastCost; // how long it took, known at the next frame; -1 until then
  private int lastFrames; // over how many frames it was shown
  private boolean spread = true; // updates are spread over spreadFrames frames for now
  private boolean slowAtOnce; // an update shown in one frame took longer than a frame

  /**
   * @param spreadFrames over how many frames an update is spread once updates are slow
   */
  UpdatePacer(int spreadFrames) {
    this.spreadFrames = spreadFrames;
  }

  /**
   * Called at each frame with the time now ({@link System#nanoTime()}), except the frames of an
   * update under way: whether to update in this frame. When it says yes, the update is taken to
   * begin now, shown over {@link #frames()} frames.
   */
  boolean due(long now) {
    if (lastStart != 0 && lastCost < 0) {
      lastCost = now - lastStart;
      if (lastFrames == 1 && lastCost > FRAME_NANOS) {
        spread = true; // for good: the machine did not get faster
        slowAtOnce = true;
      } else if (lastFrames > 1 && lastCost <= FRAME_NANOS * lastFrames && !slowAtOnce) {
        spread = false; // each frame fitted: try the whole update in one
      }
    }
    if (lastStart != 0 && lastCost > FRAME_NANOS * lastFrames) {
      long wait = Math.min(PACE * lastCost, MAX_GAP_NANOS);
      if (now - lastStart < wait) {
        return false;
      }
    }
    lastStart = now;
    lastCost = -1;
    lastFrames = frames();
    return true;
  }

  /** Over how many frames the update {@link #due} allows now is shown: 1, or once slow, more. */
  int frames() {
    return spread ? spreadFrames : 1;
  }

  /**
   * Forgets the last update: the next frame updates, as after a start or a new run. Whether updates
   * are spread stays: the machine did not get faster.
   */
  void reset() {
    lastStart = 0;
    lastCost = -1;
  }
}
