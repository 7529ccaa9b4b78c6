package descent.app;

import descent.app.session.TrainingSession;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The desktop application: one window, sized to fit a 1366×768 laptop or a 1080p projector. */
public final class DescentApp extends Application {
  public static final String TITLE = "Descent — linear regression from scratch";

  private TrainingSession session;

  public static void launchApp(String[] args) {
    Application.launch(DescentApp.class, args);
  }

  @Override
  public void start(Stage stage) {
    session = show(stage);
    stage.setOnCloseRequest(e -> Platform.exit());
    // never an exception dialog: an unexpected error is one line on stderr and in the status bar
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, error) -> {
          System.err.println("descent: unexpected error on " + thread.getName() + ": " + error);
          Platform.runLater(() -> session.report(error));
        });
  }

  /**
   * Fills {@code stage} with a new session's main view and shows it. Hiding the stage stops the
   * session's training thread.
   */
  public static TrainingSession show(Stage stage) {
    TrainingSession session = MainView.newSession();
    Rectangle2D screen = Screen.getPrimary().getVisualBounds();
    double width = Math.min(1400, screen.getWidth());
    double height = Math.min(860, screen.getHeight());
    stage.setTitle(TITLE);
    stage.setScene(MainView.scene(session, width, height));
    stage.setMinWidth(Math.min(960, width));
    stage.setMinHeight(Math.min(600, height));
    stage.setOnHidden(e -> session.shutdown());
    stage.show();
    return session;
  }

  @Override
  public void stop() {
    // the training thread is a daemon, so this only stops it promptly
    if (session != null) {
      session.shutdown();
    }
  }
}
