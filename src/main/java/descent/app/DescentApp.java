package descent.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The desktop application. */
public final class DescentApp extends Application {
  public static final String TITLE = "Descent — linear regression from scratch";

  public static void launchApp(String[] args) {
    Application.launch(DescentApp.class, args);
  }

  @Override
  public void start(Stage stage) {
    stage.setTitle(TITLE);
    stage.setScene(new Scene(new StackPane(new Label("Descent")), 640, 400));
    stage.show();
  }
}
