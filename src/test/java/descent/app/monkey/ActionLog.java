package descent.app.monkey;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The monkey's last actions, to replay a failure: what was done, in order, with its number. An
 * action's detail (the field, the value, what it found) may arrive after later actions started,
 * since actions on the FX thread are posted a few at a time.
 */
final class ActionLog {
  private static final class Entry {
    final int index;
    final String what;
    volatile String detail = "";

    Entry(int index, String what) {
      this.index = index;
      this.what = what;
    }

    @Override
    public String toString() {
      return "#" + index + " " + what + (detail.isEmpty() ? "" : " " + detail);
    }
  }

  private final int keep;
  private final Deque<Entry> last = new ArrayDeque<>();
  private volatile Entry current;

  ActionLog(int keep) {
    this.keep = keep;
  }

  /** Notes that action {@code index} starts; returns a handle for its detail. */
  synchronized Object start(int index, String what) {
    Entry e = new Entry(index, what);
    current = e;
    last.addLast(e);
    if (last.size() > keep) {
      last.removeFirst();
    }
    return e;
  }

  /** Adds a detail to the action {@code handle} (from {@link #start}). */
  void detail(Object handle, String more) {
    if (handle instanceof Entry e && more != null) {
      e.detail = e.detail.isEmpty() ? more : e.detail + " " + more;
    }
  }

  /** The action started last. */
  String current() {
    Entry e = current;
    return e == null ? "(before the first action)" : e.toString();
  }

  /** The last {@code n} actions' numbers and kinds, oldest first: the batch a stall fell in. */
  synchronized String recent(int n) {
    StringBuilder s = new StringBuilder();
    int skip = Math.max(0, last.size() - n);
    for (Entry e : last) {
      if (skip-- > 0) {
        continue;
      }
      s.append(s.length() == 0 ? "" : ", ").append('#').append(e.index).append(' ').append(e.what);
    }
    return s.toString();
  }

  /** The last actions, one a line, oldest first. */
  synchronized String dump() {
    StringBuilder s = new StringBuilder();
    for (Entry e : last) {
      s.append("  ").append(e).append('\n');
    }
    return s.toString();
  }
}
