package descent.app.compare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The runs kept for comparison, oldest first: at most {@link #CAPACITY}, the oldest dropped to make
 * room. Each has a colour slot of its own for as long as it is kept, and a flag saying whether it
 * is overlaid on the chart and the landscape (on when kept). Plain Java; call it from one thread
 * (the FX thread in the app). Listeners hear every change.
 */
public final class KeptRuns {
  /** The most runs kept. */
  public static final int CAPACITY = 8;

  private final List<KeptRun> runs = new ArrayList<>();
  private final Set<Integer> overlaid = new HashSet<>();
  private final List<Runnable> listeners = new ArrayList<>();
  private int nextNumber = 1;

  /** The number the next run gets, counting every run of the session from 1. */
  public int takeNumber() {
    return nextNumber++;
  }

  /** The colour slot a run kept now would get: the first that no kept run uses. */
  public int freeColour() {
    for (int slot = 0; slot < OverlayColours.count(); slot++) {
      final int s = slot;
      if (runs.stream().noneMatch(r -> r.colour() == s)) {
        return slot;
      }
    }
    return runs.isEmpty() ? 0 : runs.get(0).colour(); // full: the oldest's, which goes
  }

  /**
   * Keeps {@code run}, overlaid. If {@link #CAPACITY} runs are kept already, the oldest goes first.
   *
   * @return the run dropped to make room, if any
   */
  public Optional<KeptRun> keep(KeptRun run) {
    KeptRun dropped = null;
    if (runs.size() >= CAPACITY) {
      dropped = runs.remove(0);
      overlaid.remove(dropped.number());
    }
    runs.add(run);
    overlaid.add(run.number());
    changed();
    return Optional.ofNullable(dropped);
  }

  /** Removes the run numbered {@code number}; nothing if there is none. */
  public void remove(int number) {
    if (runs.removeIf(r -> r.number() == number)) {
      overlaid.remove(number);
      changed();
    }
  }

  /** Removes every kept run. */
  public void clear() {
    if (!runs.isEmpty()) {
      runs.clear();
      overlaid.clear();
      changed();
    }
  }

  /** Shows or hides the run numbered {@code number} on the chart and the landscape. */
  public void setOverlaid(int number, boolean on) {
    if (find(number).isEmpty() || overlaid.contains(number) == on) {
      return;
    }
    if (on) {
      overlaid.add(number);
    } else {
      overlaid.remove(number);
    }
    changed();
  }

  public boolean isOverlaid(int number) {
    return overlaid.contains(number);
  }

  /** The kept runs, oldest first. */
  public List<KeptRun> all() {
    return List.copyOf(runs);
  }

  /** The overlaid runs, oldest first. */
  public List<KeptRun> overlaid() {
    return runs.stream().filter(r -> overlaid.contains(r.number())).toList();
  }

  public Optional<KeptRun> find(int number) {
    return runs.stream().filter(r -> r.number() == number).findFirst();
  }

  public int size() {
    return runs.size();
  }

  public boolean isEmpty() {
    return runs.isEmpty();
  }

  /** Hears every change: a run kept, dropped, removed, cleared, shown or hidden. */
  public void addListener(Runnable listener) {
    listeners.add(listener);
  }

  private void changed() {
    for (Runnable l : List.copyOf(listeners)) {
      l.run();
    }
  }
}
