package descent.app;

import descent.app.errors.ErrorLog;
import descent.app.errors.UnexpectedErrors;
import descent.app.prefs.Preferences;
import descent.app.prefs.PreferencesStore;
import descent.app.presenter.Remembered;
import descent.app.presenter.WindowPlace;
import descent.app.runfile.LastRun;
import descent.app.session.TrainingSession;
import descent.app.snapshot.Rehearsal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The desktop application: one window, sized from the screen's usable area, from a 1024×600 netbook
 * to a 1080p projector.
 */
public final class DescentApp extends Application {
  public static final String TITLE = "Descent — linear regression from scratch";

  private TrainingSession session;

  /** The launch files, being read while the toolkit starts; null when not launched by launchApp. */
  private static volatile CompletableFuture<LaunchFiles> readAhead;

  public static void launchApp(String[] args) {
    readAhead = LaunchFiles.readAhead(PreferencesStore.forUser());
    Application.launch(DescentApp.class, args);
  }

  @Override
  public void start(Stage stage) {
    StartupReport.mark("toolkit started");
    PreferencesStore store = PreferencesStore.forUser();
    session = show(stage, store, launchFiles(store));
    openFromCommandLine(stage, getParameters().getRaw());
    AppExit exit = new AppExit(stage, session, Platform::exit);
    exit.hook();
    exit.handleSignals();
    XWindowWatch.watchWindow(TITLE, () -> endUnlessEnded(exit));
    // not before the first frame: the warm-up would take CPU from it on a 2-core machine
    StartupReport.whenDrawn(stage.getScene(), () -> SaveWarmUp.start(store));
    // an unexpected error: one line on stderr, the error log, a short dialog and the status bar
    new UnexpectedErrors(
            new ErrorLog(store.file().toAbsolutePath().getParent()),
            () -> stage,
            (thread, error) -> session.report(error))
        .install();
  }

  /**
   * Ends the app after its window was destroyed; nothing if it is ending already (a close destroys
   * the window too, and the toolkit may be gone by the time the X server says so).
   */
  private static void endUnlessEnded(AppExit exit) {
    if (exit.isEnding()) {
      return;
    }
    try {
      Platform.runLater(exit::end);
    } catch (IllegalStateException toolkitGone) {
      // ending already
    }
  }

  /** What {@link #launchApp} read ahead, or, without it, what {@code store}'s folder holds now. */
  private static LaunchFiles launchFiles(PreferencesStore store) {
    CompletableFuture<LaunchFiles> ahead = readAhead;
    readAhead = null;
    if (ahead != null) {
      try {
        return ahead.join();
      } catch (CompletionException e) {
        // read again on this thread: a failure there is reported as any other at launch
      }
    }
    return LaunchFiles.read(store);
  }

  /**
   * The launcher's hook for a file given on the command line (see {@code Launcher.fileToOpen}): the
   * desktop passes a double-clicked file this way. A run file restores its settings, a CSV opens
   * the import dialog; anything else is refused in the status bar.
   */
  static void openFromCommandLine(Stage stage, java.util.List<String> args) {
    if (args.size() == 1 && stage.getScene().getRoot() instanceof MainView view) {
      view.openFile(java.nio.file.Path.of(args.get(0)));
    }
  }

  /** The smallest window the layout is made for: nothing is cut off down to this size. */
  public static final double MIN_WIDTH = 960;

  public static final double MIN_HEIGHT = 600;

  /** The largest first size: beyond it the window would only spread the same controls out. */
  static final double MAX_FIRST_WIDTH = 1600;

  static final double MAX_FIRST_HEIGHT = 1000;

  /**
   * Fills {@code stage} with a new session's main view and shows it, sized to the primary screen.
   * Hiding the stage stops the session's training thread.
   */
  public static TrainingSession show(Stage stage) {
    return show(stage, null);
  }

  /**
   * As {@link #show(Stage)}, with the theme, font scale and window place read from {@code store}
   * and saved back to it (none when {@code store} is null). A file that cannot be used gives the
   * defaults and a notice in the status bar.
   */
  public static TrainingSession show(Stage stage, PreferencesStore store) {
    return show(stage, store, store == null ? null : LaunchFiles.read(store));
  }

  /** As {@link #show(Stage, PreferencesStore)}, with {@code store}'s files already read. */
  private static TrainingSession show(Stage stage, PreferencesStore store, LaunchFiles files) {
    PreferencesStore.Loaded loaded =
        files == null
            ? new PreferencesStore.Loaded(Preferences.defaults(), null)
            : files.preferences();
    Preferences prefs = loaded.preferences();
    TrainingSession session = MainView.newSession();
    Rectangle2D visual = Screen.getPrimary().getVisualBounds();
    double minWidth = Math.min(MIN_WIDTH, visual.getWidth());
    double minHeight = Math.min(MIN_HEIGHT, visual.getHeight());
    Rectangle2D first =
        WindowPlace.restored(
                prefs.window(),
                Screen.getScreens().stream().map(Screen::getVisualBounds).toList(),
                minWidth,
                minHeight)
            .orElse(firstBounds(visual));
    stage.setTitle(TITLE);
    Scene scene = MainView.scene(session, first.getWidth(), first.getHeight());
    StartupReport.mark("view built");
    stage.getIcons().setAll(AppIcon.images());
    stage.setScene(scene);
    if (store != null) {
      MainView view = (MainView) scene.getRoot();
      Remembered remembered = Remembered.attach(store, prefs, view.presenter(), session::say);
      remembered.track(stage);
    }
    stage.setMinWidth(minWidth);
    stage.setMinHeight(minHeight);
    stage.setOnHidden(e -> session.shutdown());
    place(stage, first);
    StartupReport.afterFirstFrame(scene);
    // the launch splash stands in for the window until its first frame is on screen
    StartupReport.whenDrawn(scene, descent.Splash::close);
    // the teaching views nobody opened yet, made while nothing plays, after the first frame; they,
    // the chart and the parameter table rehearse a small run of the current one's shape (ADR 0043)
    // never while the app ends: the window hides first, then the toolkit (and its renderer) goes
    BooleanSupplier idle =
        () -> stage.isShowing() && session.state() != TrainingSession.State.RUNNING;
    Rehearsal rehearsal = new Rehearsal(() -> session.run() == null ? null : session.run().data());
    StartupReport.whenDrawn(
        scene,
        () -> {
          ((MainView) scene.getRoot()).teaching().makeAheadWhenIdle(idle, rehearsal.standIns());
          rehearsal.offScreenWhenIdle(idle);
        });
    stage.show();
    StartupReport.mark("shown");
    askAgainForSize(stage, first);
    if (prefs.maximized()) {
      stage.setMaximized(true);
    }
    if (loaded.notice() != null) {
      session.say(loaded.notice());
    }
    if (store != null) {
      LastRun.restore(files.lastRun(), session);
      stage.addEventHandler(
          javafx.stage.WindowEvent.WINDOW_HIDDEN,
          e -> LastRun.save(store.file().resolveSibling(LastRun.FILE_NAME), session));
    }
    return session;
  }

  /**
   * Some window managers (Openbox, as on LXDE and Lubuntu) ignore the size asked for before the
   * window is mapped and open it at its minimum size (JavaFX 21 on GTK, JDK-8316423). Asking again
   * once the window is shown works, but JavaFX sends a size to the window system only when it
   * differs from the one it last set: nudge it by a pixel first, so the request really goes out. It
   * reaches the window manager after the window was mapped, so it is the one it honours.
   */
  private static void askAgainForSize(Stage stage, Rectangle2D first) {
    stage.setWidth(first.getWidth() - 1);
    stage.setHeight(first.getHeight() - 1);
    place(stage, first);
  }

  private static void place(Stage stage, Rectangle2D bounds) {
    stage.setX(bounds.getMinX());
    stage.setY(bounds.getMinY());
    stage.setWidth(bounds.getWidth());
    stage.setHeight(bounds.getHeight());
  }

  /**
   * The window's first bounds, frame included, on a screen whose usable area (without panels and
   * docks) is {@code visual}: all of it on a laptop, up to {@value #MAX_FIRST_WIDTH}×{@value
   * #MAX_FIRST_HEIGHT} on a larger screen, centred, and never larger than the usable area.
   */
  static Rectangle2D firstBounds(Rectangle2D visual) {
    double width = Math.min(MAX_FIRST_WIDTH, visual.getWidth());
    double height = Math.min(MAX_FIRST_HEIGHT, visual.getHeight());
    double x = visual.getMinX() + Math.floor((visual.getWidth() - width) / 2);
    double y = visual.getMinY() + Math.floor((visual.getHeight() - height) / 2);
    return new Rectangle2D(x, y, width, height);
  }

  @Override
  public void stop() {
    // the training thread is a daemon, so this only stops it promptly
    if (session != null) {
      session.shutdown();
    }
  }
}
