package descent.app.session;

import descent.app.session.RunRecipe.PreparedRun;
import java.io.UncheckedIOException;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Builds runs from {@link RunRecipe}s and hands them over for installing, on the FX thread. Small
 * data build at once. Large data (up to half a second of work) build on the training thread, so the
 * window never freezes: the old run stops after its current minibatch but stays current until the
 * new one is ready, and when requests pile up only the latest is built and installed.
 */
final class RunBuilder {
  private final TrainingService service;
  private final Supplier<EventInbox> inboxes;
  private final BiConsumer<PreparedRun, String> install;
  private final Consumer<String> say;
  private final BooleanSupplier watching;
  private long latest; // the build asked for last
  private long settled; // the latest build installed or given up
  private volatile long wanted; // latest, for the training thread, to skip builds already moot

  /**
   * @param install makes a built run current, given why it was built (null for the first run)
   * @param say shows a line in the status bar
   * @param watching whether a step-through view shows now (read on the training thread)
   */
  RunBuilder(
      TrainingService service,
      Supplier<EventInbox> inboxes,
      BiConsumer<PreparedRun, String> install,
      Consumer<String> say,
      BooleanSupplier watching) {
    this.watching = watching;
    this.service = service;
    this.inboxes = inboxes;
    this.install = install;
    this.say = say;
  }

  /**
   * Builds {@code recipe}'s run and installs it: here and now if its data are small or {@code now}
   * is set, else on the training thread.
   *
   * @param why what changed, for the status bar, or null for the first run
   */
  void request(RunRecipe recipe, String why, boolean now) {
    long id = ++latest;
    wanted = id;
    if (now || recipe.isSmall()) {
      settled = id;
      PreparedRun built;
      try {
        built = recipe.build(inboxes.get(), watching);
      } catch (IllegalArgumentException | UncheckedIOException e) {
        say.accept(couldNotBuild(e)); // the old run stays
        return;
      }
      install.accept(built, why);
      return;
    }
    service.requestPause();
    say.accept(
        (why == null ? "Building" : why + ": building")
            + " a fresh run on "
            + recipe.describeSize()
            + "…");
    EventInbox inbox = inboxes.get();
    service.execute(
        () -> wanted == id ? recipe.build(inbox, watching) : null,
        built -> {
          if (id == latest && built != null) {
            settled = id;
            install.accept(built, why);
          }
        },
        error -> {
          if (id == latest) {
            settled = id; // the old run stays
            say.accept(couldNotBuild(error));
          }
        });
  }

  /**
   * Why the settings make no run, for the status bar: e.g. z-scores of a feature that one training
   * row leaves constant, or a data file that cannot be read.
   */
  static String couldNotBuild(RuntimeException e) {
    Throwable why = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
    String reason = why.getMessage() == null ? why.toString() : why.getMessage();
    return "Could not build a fresh run: " + reason + "; the current run stays";
  }

  /** Whether a large run is being built and will replace the current one. */
  boolean isBuilding() {
    return latest != settled;
  }
}
