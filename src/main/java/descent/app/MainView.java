package descent.app;

import descent.app.chart.LossChartView;
import descent.app.chart.LossCharts;
import descent.app.params.ParameterPanel;
import descent.app.session.TrainingSession;
import descent.app.settings.SettingsModel;
import descent.app.settings.SettingsView;
import descent.app.transport.TransportBar;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The main window's content: controls on the left, the live loss chart and the parameter panel in
 * the centre, transport and status at the bottom, and the divergence banner on top when needed.
 */
public final class MainView extends BorderPane {
  private final TrainingSession session;

  public MainView(TrainingSession session) {
    this.session = session;
    getStyleClass().add("main");

    Label title = new Label("Descent");
    title.getStyleClass().add("title");
    Label formula = new Label("ŷ = Xw + b    loss = mean((ŷ − y)² / 2)    θ ← θ − η·∇θ loss");
    formula.getStyleClass().add("formula");
    HBox header = new HBox(16, title, formula);
    header.setAlignment(Pos.BASELINE_LEFT);
    header.getStyleClass().add("header");
    header.setPadding(new Insets(6, 12, 6, 12));

    Label banner = new Label();
    banner.setId("divergence-banner");
    banner.getStyleClass().add("banner");
    banner.textProperty().bind(session.divergenceProperty());
    banner.visibleProperty().bind(session.divergenceProperty().isNotNull());
    banner.managedProperty().bind(banner.visibleProperty());
    banner.setMaxWidth(Double.MAX_VALUE);
    setTop(new VBox(header, banner));

    ScrollPane controls = new ScrollPane(new SettingsView(session.settings()));
    controls.setFitToWidth(true);
    controls.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    controls.setMinWidth(Region.USE_PREF_SIZE);
    controls.getStyleClass().add("controls");
    setLeft(controls);

    LossChartView chart = LossCharts.forSession(session);
    VBox.setVgrow(chart, Priority.ALWAYS);
    ParameterPanel parameters = new ParameterPanel(session.parameters());
    setCenter(new VBox(chart, parameters));
    setBottom(new TransportBar(session));
    // a click outside the fields hands the keyboard back to the shortcuts
    addEventFilter(
        javafx.scene.input.MouseEvent.MOUSE_PRESSED,
        e -> {
          if (!(e.getTarget() instanceof Node n && isInsideField(n))) {
            requestFocus();
          }
        });
  }

  private static boolean isInsideField(Node n) {
    for (Node p = n; p != null; p = p.getParent()) {
      if (p instanceof TextInputControl) {
        return true;
      }
    }
    return false;
  }

  /** Space, →, Shift+→ and R drive the transport, except while typing in a field. */
  public void installShortcuts(Scene scene) {
    scene.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          Node focus = scene.getFocusOwner();
          if (focus instanceof TextInputControl) {
            return;
          }
          if (e.getCode() == KeyCode.SPACE) {
            session.playPause();
          } else if (e.getCode() == KeyCode.RIGHT && e.isShiftDown()) {
            session.stepEpoch();
          } else if (e.getCode() == KeyCode.RIGHT) {
            session.step();
          } else if (e.getCode() == KeyCode.R && !e.isShortcutDown()) {
            session.reset();
          } else {
            return;
          }
          e.consume();
        });
  }

  /** A scene holding a new main view for {@code session}, styled and with shortcuts. */
  public static Scene scene(TrainingSession session, double width, double height) {
    MainView view = new MainView(session);
    Scene scene = new Scene(view, width, height);
    scene
        .getStylesheets()
        .add(MainView.class.getResource("/descent/app/descent.css").toExternalForm());
    view.installShortcuts(scene);
    // text grows with the window, so a projector at the back of the room stays readable
    scene.widthProperty().addListener((obs, o, w) -> view.setStyle(fontSizeFor(w.doubleValue())));
    view.setStyle(fontSizeFor(width));
    // keys go to the transport, not to the first text field, until the user clicks a field
    scene
        .windowProperty()
        .addListener((obs, o, w) -> javafx.application.Platform.runLater(view::requestFocus));
    return scene;
  }

  /** 14 px on a 1366-wide laptop, 20 px on a 1920-wide projector. */
  static String fontSizeFor(double width) {
    long px = Math.round(Math.max(13, Math.min(20, width / 96)));
    return "-fx-font-size: " + px + "px;";
  }

  /** A fresh session with the chapter's defaults. */
  public static TrainingSession newSession() {
    return new TrainingSession(new SettingsModel());
  }
}
