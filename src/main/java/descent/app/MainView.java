package descent.app;

import descent.app.chart.LossChartView;
import descent.app.chart.LossCharts;
import descent.app.compare.Comparison;
import descent.app.compare.RunsMenu;
import descent.app.csv.CsvDrop;
import descent.app.csv.CsvImport;
import descent.app.csv.CsvMenu;
import descent.app.export.ExportMenu;
import descent.app.params.ParameterPanel;
import descent.app.presenter.Presenter;
import descent.app.presenter.ViewMenu;
import descent.app.presets.PresetMenu;
import descent.app.runfile.RunFileDrop;
import descent.app.runfile.RunFileMenu;
import descent.app.session.TrainingSession;
import descent.app.settings.Setting;
import descent.app.settings.SettingsModel;
import descent.app.settings.SettingsView;
import descent.app.settings.StabilityNote;
import descent.app.teach.TeachingFeed;
import descent.app.teach.TeachingViews;
import descent.app.teach.Views;
import descent.app.transport.TransportBar;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.action.Action;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/**
 * The main window's content: controls on the left, the live loss chart and the parameter panel in
 * the centre, transport and status at the bottom, and the divergence banner over the chart when
 * needed.
 */
public final class MainView extends BorderPane {
  private final TrainingSession session;
  private final TeachingViews teaching;
  private final MenuBar menuBar = new MenuBar();
  private final RunFileMenu runFiles;
  private final ExportMenu export;
  // presenter mode (ADR 0026): the text's scale, and the controls hidden so the views fill the
  // window
  private final DoubleProperty fontScale = new SimpleDoubleProperty(1);
  private final BooleanProperty controlsHidden = new SimpleBooleanProperty(false);
  private Presenter presenter;
  private final CsvImport csvImport;

  public MainView(TrainingSession session) {
    this.session = session;
    this.csvImport = new CsvImport(session);
    getStyleClass().add("main");

    Label title = new Label("Descent");
    title.getStyleClass().add("title");
    Label formula = new Label("ŷ = Xw + b    loss = mean((ŷ − y)² / 2)    θ ← θ − η·∇θ loss");
    formula.getStyleClass().add("formula");
    // File, Presets, Runs and View menus; each feature adds its own. They sit in the header's row,
    // not above it, so the settings keep their height at the smallest window
    menuBar.setId("menu-bar");
    menuBar.setUseSystemMenuBar(false);
    menuBar.setMinWidth(Region.USE_PREF_SIZE);
    title.setMinWidth(Region.USE_PREF_SIZE); // a preset's lesson beside them is cut instead
    formula.setMinWidth(Region.USE_PREF_SIZE);
    PresetMenu presets = new PresetMenu(session);
    HBox header = new HBox(16, title, menuBar, formula, presets.lessonLabel());
    header.setAlignment(Pos.CENTER_LEFT);
    header.getStyleClass().add("header");
    header.setPadding(new Insets(2, 12, 2, 12));
    runFiles = new RunFileMenu(session, () -> getScene().getWindow());
    fileMenu().getItems().addAll(runFiles.items());
    RunFileDrop.install(this, runFiles);
    menuBar.getMenus().add(presets);
    setTop(header);

    StabilityNote stability =
        new StabilityNote(session.stabilityBoundProperty(), session.settings().learningRate);
    ScrollPane controls = new ScrollPane(new SettingsView(session.settings(), stability));
    controls.setFitToWidth(true);
    controls.setFitToHeight(true);
    controls.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    controls.setMinWidth(Region.USE_PREF_SIZE);
    controls.getStyleClass().add("controls");
    setLeft(controls);
    // hidden controls: the settings column, the title and the formula go; the menus (the way
    // back) and the transport and status line stay
    controlsHidden.addListener(
        (obs, was, hidden) -> {
          setLeft(hidden ? null : controls);
          for (Node n : List.of(title, formula)) {
            n.setVisible(!hidden);
            n.setManaged(!hidden);
          }
        });

    LossChartView chart = LossCharts.forSession(session);
    VBox.setVgrow(chart, Priority.ALWAYS);
    ParameterPanel parameters = new ParameterPanel(session.parameters());
    ChartAndTable chartAndTable = new ChartAndTable(chart, divergenceBanner(session, parameters));
    TeachingFeed feed = TeachingFeed.forSession(session);
    teaching = new TeachingViews(Views.all(), feed, session::setWatching);
    menuBar.getMenus().add(RunsMenu.of(Comparison.forSession(session).showOn(chart).showOn(feed)));
    teaching.setId("teaching-views");
    if (teaching.isEmpty()) {
      setCenter(chartAndTable);
    } else {
      // the chart keeps room for the divergence banner's text; the views take the rest
      chartAndTable.setMinWidth(CHART_MIN_WIDTH);
      teaching.setMinWidth(0);
      SplitPane center = new SplitPane(chartAndTable, teaching);
      center.setId("center-split");
      center.setDividerPositions(0.5);
      CentredDivider.keepCentredUntilMoved(center);
      // two views side by side take the chart's place, so each gets half the room; one view
      // gives it back where the divider was
      double[] divider = {0.5};
      teaching
          .twoViewsProperty()
          .addListener(
              (obs, was, two) -> {
                if (two && center.getItems().contains(chartAndTable)) {
                  divider[0] = center.getDividerPositions()[0];
                  center.getItems().remove(chartAndTable);
                } else if (!two && !center.getItems().contains(chartAndTable)) {
                  center.getItems().add(0, chartAndTable);
                  center.setDividerPositions(divider[0]);
                  javafx.application.Platform.runLater(
                      () -> center.setDividerPositions(divider[0]));
                }
              });
      setCenter(center);
    }
    setBottom(new TransportBar(session));
    export = ExportMenu.install(this, session, chart, parameters);
    fileMenu().getItems().add(export.menu());
    // File > Open CSV…, and a .csv dropped anywhere on the window
    fileMenu().getItems().addAll(0, new CsvMenu(csvImport, this::window).items());
    CsvDrop.install(this, file -> csvImport.open(file, window()));
    // a click outside the fields hands the keyboard back to the shortcuts
    addEventFilter(
        javafx.scene.input.MouseEvent.MOUSE_PRESSED,
        e -> {
          if (!(e.getTarget() instanceof Node n && isInsideField(n))) {
            requestFocus();
          }
        });
  }

  /**
   * ControlsFX's notification bar between the chart and the table: it slides in over the top of the
   * parameter table when the run diverges (whose numbers are meaningless by then), says where and
   * why, and offers a learning rate below the stable bound. Nothing moves to make room for it, the
   * chart and its log-scale toggle stay in view, and its close button hides it.
   */
  /** The chart's narrowest width beside the teaching views: its banner stays readable. */
  static final double CHART_MIN_WIDTH = 440;

  /** What the divergence banner leaves beside its text for its action and close buttons. */
  private static final double BANNER_ROOM = 260;

  /** The height of {@code label}'s text wrapped at the label's preferred width, with padding. */
  private static double wrappedHeight(Label label) {
    Insets pad = label.getPadding();
    double graphic =
        label.getGraphic() == null
            ? 0
            : label.getGraphic().prefWidth(-1) + label.getGraphicTextGap();
    Text text = new Text(label.getText() == null ? "" : label.getText());
    text.setFont(label.getFont());
    text.setWrappingWidth(
        Math.max(1, label.getPrefWidth() - pad.getLeft() - pad.getRight() - graphic - 2));
    return Math.ceil(text.getLayoutBounds().getHeight()) + pad.getTop() + pad.getBottom() + 2;
  }

  private static NotificationPane divergenceBanner(TrainingSession session, Node content) {
    NotificationPane pane = new NotificationPane(content);
    pane.setId("divergence-pane");
    pane.setShowFromTop(true);
    pane.setCloseButtonVisible(true);
    Label banner = new Label();
    banner.setId("divergence-banner");
    banner.getStyleClass().add("banner");
    banner.setWrapText(true);
    // leave room for the action and the close button; a long message wraps onto a second line
    banner.prefWidthProperty().bind(pane.widthProperty().subtract(BANNER_ROOM));
    // the bar asks its label for a height without a width, which gives one line; a banner that
    // wraps would spill out of the bar, so ask for the wrapped height at the width it will get
    banner
        .minHeightProperty()
        .bind(
            Bindings.createDoubleBinding(
                () -> wrappedHeight(banner),
                banner.prefWidthProperty(),
                banner.textProperty(),
                banner.fontProperty(),
                banner.graphicProperty()));
    banner.prefHeightProperty().bind(banner.minHeightProperty());
    banner.setGraphic(FontIcon.of(MaterialDesignA.ALERT_OCTAGON));
    banner.textProperty().bind(session.divergenceProperty());
    banner.visibleProperty().bind(session.divergenceProperty().isNotNull());
    pane.setGraphic(banner);
    // the action offers the very rate the banner's text suggests
    Action lower =
        new Action(
            e -> {
              double rate = session.suggestedLearningRateProperty().get();
              if (Double.isFinite(rate) && rate > 0) {
                session.settings().learningRate.set(rate);
              }
            });
    Runnable offer =
        () -> {
          double rate = session.suggestedLearningRateProperty().get();
          boolean known = Double.isFinite(rate) && rate > 0;
          lower.setText(known ? "Use η = " + Setting.show(rate) : "");
          pane.getActions().setAll(known ? List.of(lower) : List.of());
        };
    offer.run();
    session.suggestedLearningRateProperty().addListener((obs, o, n) -> offer.run());
    session
        .divergenceProperty()
        .addListener(
            (obs, o, now) -> {
              if (now != null) {
                pane.show();
              } else {
                pane.hide();
              }
            });
    return pane;
  }

  /**
   * The loss chart above the parameter table. The table takes its natural height if there is room,
   * and otherwise at most what leaves the chart {@link #CHART_MIN} pixels and half the height; it
   * then scrolls. So ten features leave the chart usable on a 1024×600 screen.
   */
  static final class ChartAndTable extends Region {
    static final double CHART_MIN = 340;
    private final Region chart;
    private final Region table;

    ChartAndTable(Region chart, Region table) {
      this.chart = chart;
      this.table = table;
      getStyleClass().add("chart-and-table");
      getChildren().addAll(chart, table);
    }

    double tableHeight(double width, double height) {
      double natural = table.prefHeight(width);
      double room = height - Math.max(CHART_MIN, height / 2);
      double floor = Math.min(natural, height / 4);
      return Math.min(natural, Math.max(room, floor));
    }

    @Override
    protected void layoutChildren() {
      double w = getWidth();
      double h = getHeight();
      double t = snapSizeY(tableHeight(w, h));
      chart.resizeRelocate(0, 0, w, h - t);
      table.resizeRelocate(0, h - t, w, t);
    }

    @Override
    protected double computePrefWidth(double height) {
      return Math.max(chart.prefWidth(-1), table.prefWidth(-1));
    }

    @Override
    protected double computeMinWidth(double height) {
      return Math.max(chart.minWidth(-1), table.minWidth(-1));
    }

    @Override
    protected double computePrefHeight(double width) {
      return chart.prefHeight(width) + table.prefHeight(width);
    }

    @Override
    protected double computeMinHeight(double width) {
      return CHART_MIN / 2;
    }
  }

  private static boolean isInsideField(Node n) {
    for (Node p = n; p != null; p = p.getParent()) {
      if (p instanceof TextInputControl) {
        return true;
      }
    }
    return false;
  }

  /** The window's menus. */
  public MenuBar menuBar() {
    return menuBar;
  }

  /** The File menu, made and put first in the menu bar when first asked for. */
  public Menu fileMenu() {
    for (Menu m : menuBar.getMenus()) {
      if ("file-menu".equals(m.getId())) {
        return m;
      }
    }
    Menu file = new Menu("File");
    file.setId("file-menu");
    menuBar.getMenus().add(0, file);
    return file;
  }

  /** File ▸ Export and the views' right-click menus. */
  public ExportMenu export() {
    return export;
  }

  /**
   * Opens a file given on the command line (a double-clicked file): a run file restores its
   * settings, a CSV opens the import dialog; another file is refused in the status bar.
   */
  public void openFile(java.nio.file.Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".json")) {
      runFiles.open(file);
    } else if (lower.endsWith(".csv")) {
      csvImport.open(file, window());
    } else {
      session.say(
          "Not opened: " + file + ": Descent opens run files (.json) and data files (.csv)");
    }
  }

  /** File ▸ Open run… and Save run…. */
  public RunFileMenu runFiles() {
    return runFiles;
  }

  /** Opening CSV files: File > Open CSV… and drops. */
  public CsvImport csvImport() {
    return csvImport;
  }

  private javafx.stage.Window window() {
    return getScene() == null ? null : getScene().getWindow();
  }

  /** The teaching views beside the chart. */
  public TeachingViews teaching() {
    return teaching;
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
          } else if (e.getCode() == KeyCode.PERIOD && !e.isShortcutDown()) {
            session.stepPhase();
          } else if (e.getCode() == KeyCode.R && !e.isShortcutDown()) {
            session.reset();
          } else if (teaching.handleKey(e)) {
            // a teaching view's key: 1 to 5, with Shift for the second pane
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
    scene.widthProperty().addListener((obs, o, w) -> view.textSizeFor(w.doubleValue()));
    view.fontScale.addListener((obs, o, s) -> view.textSizeFor(scene.getWidth()));
    view.textSizeFor(width);
    view.presenter = new Presenter(scene, view.fontScale, view.controlsHidden);
    view.menuBar.getMenus().add(ViewMenu.of(view.presenter));
    // keys go to the transport, not to the first text field, until the user clicks a field
    scene
        .windowProperty()
        .addListener((obs, o, w) -> javafx.application.Platform.runLater(view::requestFocus));
    return scene;
  }

  private void textSizeFor(double width) {
    setStyle(fontSizeFor(width, fontScale.get()));
    boolean large = fontPixels(width, fontScale.get()) >= 17;
    if (large != getStyleClass().contains("large-text")) {
      if (large) {
        getStyleClass().add("large-text");
      } else {
        getStyleClass().remove("large-text");
      }
    }
  }

  private static long fontPixels(double width, double scale) {
    return Math.round(Math.max(13, Math.min(20, width / 96)) * scale);
  }

  /** 14 px on a 1366-wide laptop, 20 px on a 1920-wide projector. */
  static String fontSizeFor(double width) {
    return fontSizeFor(width, 1);
  }

  /** The size the width gives, times the presenter's font scale (0.8 to 2). */
  static String fontSizeFor(double width, double scale) {
    long px = fontPixels(width, scale);
    return "-fx-font-size: " + px + "px;";
  }

  /** Presenter mode: theme, font scale, hidden controls and full screen. */
  public Presenter presenter() {
    return presenter;
  }

  /** A fresh session with the chapter's defaults. */
  public static TrainingSession newSession() {
    return new TrainingSession(new SettingsModel());
  }
}
