package descent.app.teach;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;

/**
 * The teaching views in tabs: one pane of tabs, or two side by side on a wide screen. Each view
 * works only while its tab is selected and the window shows it; the session copies the run's state
 * for them only while at least one does ({@code watching}).
 *
 * <p>Keys: 1 to 5 show a view in the first pane; Shift with the same key shows it in the second,
 * opening that pane if needed. The "Two views" toggle opens and closes the second pane.
 *
 * <p>A view is made the first time its tab is shown, or ahead of that while the window has nothing
 * else to do ({@link #makeAheadWhenIdle}), not before: at launch only the first pane's selected
 * view exists, so the window's first frame does not wait for views nobody sees yet
 * (docs/performance.md). Once made, a view stays, hidden or not.
 */
public final class TeachingViews extends BorderPane {
  private final List<ViewSpec> specs;
  private final TabPane first;
  private final TabPane second;
  // equal halves, always: both panes grow from a preferred width of 0
  private final HBox panes = new HBox(4);
  private final ToggleButton twoViews = new ToggleButton("Two views");
  private final Consumer<Boolean> watching;
  private final TeachingFeed feed;
  // every view made so far, in the order they were made
  private final List<TeachingPane> all = new ArrayList<>();
  private boolean madeAhead; // makeAheadWhenIdle has made and warmed every view

  /**
   * @param specs the views, in tab order
   * @param feed what they read
   * @param watching hears whether any view shows, on every change
   */
  public TeachingViews(List<ViewSpec> specs, TeachingFeed feed, Consumer<Boolean> watching) {
    this.specs = List.copyOf(specs);
    this.watching = watching;
    this.feed = feed;
    getStyleClass().add("teaching-views");
    first = tabs("teaching-tabs-1");
    second = tabs("teaching-tabs-2");
    if (specs.size() > 1) {
      second.getSelectionModel().select(1); // a different view than the first pane's, at first
    }
    for (TabPane pane : List.of(first, second)) {
      pane.setMinWidth(0);
      pane.setPrefWidth(0);
      pane.setMaxWidth(Double.MAX_VALUE);
      HBox.setHgrow(pane, Priority.ALWAYS);
    }
    panes.getChildren().add(first);
    setCenter(panes);

    twoViews.setId("two-views");
    twoViews.setFocusTraversable(false);
    twoViews.setTooltip(new Tooltip("Show two views side by side (Shift+1…5 picks the second)"));
    twoViews.selectedProperty().addListener((obs, o, on) -> setTwoViews(on));
    HBox bar = new HBox(twoViews);
    bar.getStyleClass().add("teaching-bar");
    HBox.setHgrow(twoViews, Priority.NEVER);
    setBottom(bar);

    ChangeListener<Object> update = (obs, o, n) -> updateShowing();
    sceneProperty().addListener(update);
    visibleProperty().addListener(update);
    first.getSelectionModel().selectedItemProperty().addListener(update);
    second.getSelectionModel().selectedItemProperty().addListener(update);
    updateShowing();
  }

  private TabPane tabs(String id) {
    TabPane pane = new TabPane();
    pane.setId(id);
    pane.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    pane.setFocusTraversable(false);
    for (int i = 0; i < specs.size(); i++) {
      ViewSpec spec = specs.get(i);
      Tab tab = new Tab(spec.title()); // its view comes when the tab is first shown
      tab.setUserData(spec);
      tab.setId(id + "-" + spec.title().toLowerCase(java.util.Locale.ROOT));
      tab.setTooltip(new Tooltip(spec.title() + " (key " + keyName(spec.key()) + ")"));
      pane.getTabs().add(tab);
    }
    return pane;
  }

  /** The view in {@code tab}, made now if it has none yet. */
  private TeachingPane viewIn(Tab tab) {
    if (tab.getContent() == null) {
      TeachingPane view = ((ViewSpec) tab.getUserData()).make().apply(feed);
      all.add(view);
      tab.setContent(view);
    }
    return (TeachingPane) tab.getContent();
  }

  private static String keyName(KeyCode key) {
    return key.getName();
  }

  /** Whether there are no views to show. */
  public boolean isEmpty() {
    return specs.isEmpty();
  }

  /** Opens or closes the second pane of tabs. */
  public void setTwoViews(boolean on) {
    twoViews.setSelected(on);
    if (on && !panes.getChildren().contains(second)) {
      panes.getChildren().add(second);
    } else if (!on) {
      panes.getChildren().remove(second);
    }
    updateShowing();
  }

  /** Whether two panes of views stand side by side (the "Two views" toggle). */
  public javafx.beans.property.BooleanProperty twoViewsProperty() {
    return twoViews.selectedProperty();
  }

  public boolean isTwoViews() {
    return panes.getChildren().contains(second);
  }

  /** Shows view {@code index} (0-based, in tab order) in the first pane, or in the second. */
  public void show(int index, boolean inSecond) {
    if (index < 0 || index >= specs.size()) {
      return;
    }
    if (inSecond) {
      // chosen before the pane opens, so the view it showed before is not made for nothing
      second.getSelectionModel().select(index);
      setTwoViews(true);
    } else {
      first.getSelectionModel().select(index);
    }
  }

  /** Shows the view titled {@code title} in the first pane, or in the second; false if none is. */
  public boolean show(String title, boolean inSecond) {
    for (int i = 0; i < specs.size(); i++) {
      if (specs.get(i).title().equals(title)) {
        show(i, inSecond);
        return true;
      }
    }
    return false;
  }

  /** The title of the view the first pane shows (or the second's), or null if none. */
  public String shown(boolean inSecond) {
    TabPane pane = inSecond ? second : first;
    if (inSecond && !isTwoViews()) {
      return null;
    }
    Tab tab = pane.getSelectionModel().getSelectedItem();
    return tab == null ? null : tab.getText();
  }

  /**
   * Handles the views' keys: 1…5 in the first pane, Shift+1…5 in the second. Returns whether the
   * key was one of them.
   */
  public boolean handleKey(KeyEvent e) {
    if (e.isShortcutDown() || e.isAltDown()) {
      return false;
    }
    for (int i = 0; i < specs.size(); i++) {
      if (specs.get(i).key() == e.getCode()) {
        show(i, e.isShiftDown());
        return true;
      }
    }
    return false;
  }

  /** How long {@link #makeAheadWhenIdle} leaves between two views, and before the first. */
  static final Duration AHEAD_GAP = Duration.millis(250);

  /**
   * Makes the first pane's views that are not made yet, then has each hidden view draw its own run
   * once ({@link TeachingPane#warmUp}) and then rehearse a run of {@code standIn}'s ({@link
   * TeachingPane#rehearse}), one step every {@link #AHEAD_GAP}, but only while {@code idle} says so
   * (not while a run plays: making a view holds the FX thread for 0.1 to 0.3 s, a hitch in the
   * chart nobody asked for); it waits for the next idle moment otherwise. A made view is styled and
   * laid out with its hidden tab; one that rehearsed has the parts a real minibatch brings made and
   * styled; one drawn once has its drawing code loaded for the run: the first click on a tab no
   * longer stalls a running chart for as long (ADRs 0042, 0043). A new run (new data: a new
   * picture) has the hidden views rehearse and draw once again, the same way.
   *
   * @param standIn a small run stepped for nobody to see, shaped like the current one (as many
   *     features, as large a minibatch), or null for none; asked again after each new run
   */
  public void makeAheadWhenIdle(BooleanSupplier idle, Supplier<TeachingFeed> standIn) {
    List<TeachingPane> rehearsed = new ArrayList<>();
    List<TeachingPane> warmed = new ArrayList<>();
    IdleSteps steps =
        new IdleSteps(
            AHEAD_GAP,
            idle,
            () -> {
              Tab next =
                  first.getTabs().stream()
                      .filter(t -> t.getContent() == null)
                      .findFirst()
                      .orElse(null);
              if (next != null) {
                viewIn(next);
                updateShowing(); // hidden: it draws nothing until shown, or warmed up
                return true;
              }
              TeachingPane cold =
                  all.stream()
                      .filter(v -> !rehearsed.contains(v) && !v.showingProperty().get())
                      .findFirst()
                      .orElse(null);
              if (cold == null) {
                madeAhead = true;
                return false;
              }
              if (!warmed.contains(cold)) {
                cold.warmUp(); // nothing if it has no size yet (a closed pane) or no run
                warmed.add(cold); // tried: again after the next new run
              } else {
                TeachingFeed stand = standIn.get();
                if (stand != null) {
                  cold.rehearse(stand); // last: what it keeps is a minibatch's cells and boxes
                }
                rehearsed.add(cold);
              }
              return true;
            });
    feed.pictureProperty()
        .addListener(
            (obs, was, now) -> {
              rehearsed.clear(); // for the old run's shape
              warmed.clear(); // drawn for the old run's data
              madeAhead = false;
              steps.start();
            });
    steps.start();
  }

  /**
   * Whether {@link #makeAheadWhenIdle} is done: every view of the first pane made, each hidden one
   * drawn once for the current run (for tests and the UI benchmark).
   */
  public boolean isMadeAhead() {
    return madeAhead;
  }

  /** Every view made so far, both panes', in the order they were made (for tests). */
  List<TeachingPane> views() {
    return List.copyOf(all);
  }

  private void updateShowing() {
    boolean any = false;
    boolean onScreen = getScene() != null && isVisible();
    for (TabPane pane : List.of(first, second)) {
      boolean paneShown = onScreen && (pane == first || isTwoViews());
      Tab selected = pane.getSelectionModel().getSelectedItem();
      for (Tab tab : pane.getTabs()) {
        boolean on = paneShown && tab == selected;
        if (on || tab.getContent() != null) {
          viewIn(tab).showingProperty().set(on);
        }
        any |= on;
      }
    }
    watching.accept(any);
  }
}
