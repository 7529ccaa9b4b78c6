package descent.app.export;

import descent.app.session.TrainingSession;
import descent.app.teach.TeachingPane;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseEvent;

/**
 * Where a teacher finds the export: File ▸ Export (the window, the current view, the clipboard, the
 * two CSV files) and a right-click menu on the loss chart, the parameter panel and each teaching
 * view ("Save as PNG…", "Save as PNG at 2×…", "Copy picture").
 *
 * <p>The <em>current view</em> is the one last clicked, right-clicked or holding the keyboard
 * focus; before any, or when it is no longer shown (its tab was switched away), it is the whole
 * window. Ctrl+Shift+C (⌘⇧C on a Mac) copies the current view's picture.
 */
public final class ExportMenu {
  /** Copies the current view. */
  public static final KeyCombination COPY_KEY = KeyCombination.keyCombination("Shortcut+Shift+C");

  private final Parent window;
  private final Exporter exporter;
  private final Map<Node, String> named = new LinkedHashMap<>();
  private final Menu menu = new Menu("Export");
  private ExportTarget current;

  /**
   * Export for the window whose root is {@code window}; {@code named} are the views other than the
   * teaching views (which are found by their class), with their names.
   */
  public ExportMenu(Parent window, Exporter exporter, Map<Node, String> named) {
    this.window = window;
    this.exporter = exporter;
    this.named.putAll(named);
    buildMenu();
    window.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> remember(e.getTarget()));
    window.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, this::onContextMenu);
    window
        .sceneProperty()
        .addListener(
            (obs, o, scene) -> {
              if (scene != null) {
                scene.focusOwnerProperty().addListener((o2, was, now) -> remember(now));
              }
            });
  }

  /** Export for a main window: its chart and parameter panel by name, the teaching views. */
  public static ExportMenu install(
      Parent window, TrainingSession session, Node chart, Node parameters) {
    Exporter exporter =
        new Exporter(
            RunHistory.forSession(session),
            SaveChooser.dialog(),
            session::say,
            () -> window.getScene() == null ? null : window.getScene().getWindow());
    return new ExportMenu(window, exporter, Map.of(chart, "loss chart", parameters, "parameters"));
  }

  private void buildMenu() {
    menu.setId("export-menu");
    MenuItem windowPng = item("Window as PNG…", "export-window", () -> png(windowTarget(), 1));
    MenuItem windowPng2 =
        item("Window as PNG at 2×…", "export-window-2x", () -> png(windowTarget(), 2));
    MenuItem viewPng = item("Current view as PNG…", "export-view", () -> png(current(), 1));
    MenuItem viewPng2 =
        item("Current view as PNG at 2×…", "export-view-2x", () -> png(current(), 2));
    MenuItem copy = item("Copy picture", "export-copy", () -> exporter.copy(current()));
    copy.setAccelerator(COPY_KEY);
    MenuItem loss = item("Loss history as CSV…", "export-loss-csv", exporter::saveLossHistory);
    MenuItem path = item("Parameter path as CSV…", "export-path-csv", exporter::saveParameterPath);
    menu.getItems()
        .addAll(
            windowPng,
            windowPng2,
            new SeparatorMenuItem(),
            viewPng,
            viewPng2,
            copy,
            new SeparatorMenuItem(),
            loss,
            path);
    // the items say which view is current
    menu.setOnShowing(
        e -> {
          String name = current().name();
          viewPng.setText("Current view (" + name + ") as PNG…");
          viewPng2.setText("Current view (" + name + ") as PNG at 2×…");
          copy.setText("Copy picture (" + name + ")");
        });
  }

  private static MenuItem item(String text, String id, Runnable action) {
    MenuItem item = new MenuItem(text);
    item.setId(id);
    item.setOnAction(e -> action.run());
    return item;
  }

  private void png(ExportTarget target, int scale) {
    exporter.savePng(target, scale);
  }

  /** The File ▸ Export submenu. */
  public Menu menu() {
    return menu;
  }

  public Exporter exporter() {
    return exporter;
  }

  /** The whole window. */
  public ExportTarget windowTarget() {
    return ExportTarget.of("window", window);
  }

  /** The view last used, if still shown, else the whole window. */
  public ExportTarget current() {
    if (current != null && isShown(current.node())) {
      return current;
    }
    return windowTarget();
  }

  /** The exportable view holding {@code node}, or null. */
  public ExportTarget targetOf(Object node) {
    for (Node n = node instanceof Node start ? start : null; n != null; n = n.getParent()) {
      String name = named.get(n);
      if (name != null) {
        return ExportTarget.of(name, n);
      }
      if (n instanceof TeachingPane view) {
        return ExportTarget.of(view.title() + " view", view);
      }
    }
    return null;
  }

  private void remember(Object node) {
    ExportTarget target = targetOf(node);
    if (target != null) {
      current = target;
    }
  }

  private void onContextMenu(ContextMenuEvent e) {
    ExportTarget target = targetOf(e.getTarget());
    if (target == null) {
      return;
    }
    current = target;
    contextMenu(target).show(target.node(), e.getScreenX(), e.getScreenY());
    e.consume();
  }

  /** The right-click menu of {@code target}. */
  public ContextMenu contextMenu(ExportTarget target) {
    ContextMenu menu =
        new ContextMenu(
            item("Save as PNG…", "context-save-png", () -> png(target, 1)),
            item("Save as PNG at 2×…", "context-save-png-2x", () -> png(target, 2)),
            item("Copy picture", "context-copy", () -> exporter.copy(target)));
    menu.setId("export-context-menu");
    return menu;
  }

  private static boolean isShown(Node node) {
    if (node.getScene() == null) {
      return false;
    }
    for (Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return true;
  }
}
