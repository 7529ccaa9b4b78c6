package descent.app.monkey;

import descent.app.MainView;
import descent.app.csv.CsvImportDialog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.NotificationPane;
import org.testfx.api.FxRobot;

/**
 * The monkey's dialogs and menus: File ▸ Open CSV… (and the import dialog), File ▸ Export, File ▸
 * Open run… and Save run…, the Runs menu, the views' right-click menus and the divergence banner.
 * The system's file chooser cannot open headless, so the app's own seams answer for it (a file, or
 * null as Cancel does); everything after the chooser is the app's real code.
 */
final class DialogActions {
  private final FxRobot robot;
  private final Stage stage;
  private final MainView view;
  private final MonkeyFiles files;
  private int saved;

  DialogActions(FxRobot robot, Stage stage, MonkeyFiles files) {
    this.robot = robot;
    this.stage = stage;
    this.view = (MainView) stage.getScene().getRoot();
    this.files = files;
  }

  private static <T> T pick(Random r, List<T> from) {
    return from.get(r.nextInt(from.size()));
  }

  private MenuItem item(String id) {
    MenuItem i = Fx.item(view.menuBar(), id);
    if (i == null) {
      throw new IllegalStateException("no menu item #" + id);
    }
    return i;
  }

  /** File ▸ Open CSV…: the chooser cancels or answers a file; the dialog is used, then closed. */
  String csv(Random r) {
    Path file = r.nextInt(6) == 0 ? null : pick(r, files.csvFiles());
    Fx.run(
        () -> {
          view.csvImport().setChooser(owner -> file == null ? null : file.toFile());
          item("open-csv").fire();
        });
    if (file == null) {
      return "chooser cancelled";
    }
    CsvImportDialog d = Fx.call(() -> view.csvImport().dialogProperty().get());
    if (d == null) {
      throw new IllegalStateException("Open CSV… with " + file + " showed no dialog");
    }
    StringBuilder did = new StringBuilder(file.getFileName().toString());
    int inner = r.nextInt(4);
    for (int i = 0; i < inner; i++) {
      int what = r.nextInt(4);
      String value = Inputs.any(r);
      int index = r.nextInt(8);
      did.append(
          Fx.call(
              () -> {
                Node pane = d.getDialogPane();
                switch (what) {
                  case 0 -> {
                    TextField rows = (TextField) pane.lookup("#csv-num-train");
                    rows.setText(value);
                    return "; rows " + Fx.show(value);
                  }
                  case 1 -> {
                    ((CheckBox) pane.lookup("#csv-standardize")).fire();
                    return "; standardise";
                  }
                  case 2 -> {
                    @SuppressWarnings("unchecked")
                    ComboBox<String> target = (ComboBox<String>) pane.lookup("#csv-target");
                    if (target.getItems().isEmpty() || target.isDisabled()) {
                      return "; no target yet";
                    }
                    target.getSelectionModel().select(index % target.getItems().size());
                    return "; target " + target.getValue();
                  }
                  default -> {
                    Node box = pane.lookup("#csv-feature-" + index);
                    if (box instanceof CheckBox c && !c.isDisabled()) {
                      c.fire();
                      return "; feature " + index;
                    }
                    return "; no feature " + index;
                  }
                }
              }));
    }
    boolean tryOk = r.nextInt(3) == 0;
    int close = r.nextInt(3);
    if (tryOk) {
      // the file is read and checked on another thread: wait until it has answered
      Fx.waitFor(10, () -> !d.getDialogPane().lookup("#csv-progress").isVisible());
    }
    did.append(
        Fx.call(
            () -> {
              Button ok = (Button) d.getDialogPane().lookupButton(ButtonType.OK);
              if (tryOk && !ok.isDisabled()) {
                ok.fire();
                return "; OK";
              }
              if (close == 0) {
                d.close(); // the window's close button
                return "; closed";
              }
              ((Button) d.getDialogPane().lookupButton(ButtonType.CANCEL)).fire();
              return "; Cancel";
            }));
    if (!Fx.waitFor(5, () -> view.csvImport().dialogProperty().get() == null)) {
      throw new IllegalStateException("the CSV dialog did not close: " + did);
    }
    return did.toString();
  }

  private static final List<String> EXPORTS =
      List.of(
          "export-window",
          "export-window-2x",
          "export-view",
          "export-view-2x",
          "export-copy",
          "export-loss-csv",
          "export-path-csv");

  /**
   * File ▸ Export: the chooser cancels, or answers a new file, or a place that cannot be written.
   */
  java.util.concurrent.Callable<String> export(Random r) {
    String id = pick(r, EXPORTS);
    int answer = r.nextInt(10);
    Path to =
        answer < 6
            ? null
            : answer < 9 ? files.fresh("export-" + (saved++)) : pick(r, files.unwritable());
    return () -> {
      view.export().exporter().useChooser((o, t, folder, name, kind, ext) -> to);
      item(id).fire();
      return id + " → " + (to == null ? "cancelled" : to.getFileName());
    };
  }

  /** File ▸ Open run… and Save run…, answered with good, bad and missing files or Cancel. */
  java.util.concurrent.Callable<String> runFile(Random r) {
    boolean save = r.nextBoolean();
    Path to;
    if (save) {
      int a = r.nextInt(4);
      to =
          a == 0
              ? null
              : a < 3 ? files.fresh("run-" + (saved++) + ".json") : pick(r, files.unwritable());
    } else {
      to = r.nextInt(5) == 0 ? null : pick(r, files.runFiles());
    }
    return () -> {
      view.runFiles().useChooser((saving, folder) -> to);
      item(save ? "save-run-item" : "open-run-item").fire();
      return (save ? "save → " : "open ← ") + (to == null ? "cancelled" : to.getFileName());
    };
  }

  /** The Runs menu: overlay a kept run, remove one, clear them all. */
  java.util.concurrent.Callable<String> runsMenu(Random r) {
    int roll = r.nextInt(1000);
    return (() -> {
      Menu runs = null;
      for (Menu m : view.menuBar().getMenus()) {
        if ("runs-menu".equals(m.getId())) {
          runs = m;
        }
      }
      List<MenuItem> usable = new ArrayList<>();
      collect(runs, usable);
      if (usable.isEmpty()) {
        return "no runs kept";
      }
      MenuItem i = usable.get(roll % usable.size());
      if (i instanceof CheckMenuItem c) {
        c.setSelected(!c.isSelected());
      }
      i.fire();
      return i.getId();
    });
  }

  private static void collect(Menu menu, List<MenuItem> into) {
    for (MenuItem i : menu.getItems()) {
      if (i instanceof Menu sub) {
        collect(sub, into);
      } else if (!(i instanceof SeparatorMenuItem) && !i.isDisable()) {
        into.add(i);
      }
    }
  }

  /** A real right click on a view; then one of its menu's items (the chooser cancels), or Esc. */
  String contextMenu(Random r) {
    String which = pick(r, List.of(".loss-chart-view", "#parameter-scroll", ".teaching-view"));
    Node n = Fx.call(() -> view.lookup(which));
    if (!Fx.call(() -> Fx.reachable(n))) {
      return which + " not within reach";
    }
    robot.rightClickOn(n);
    int choice = r.nextInt(4);
    return which
        + Fx.call(
            () -> {
              view.export().exporter().useChooser((o, t, folder, name, kind, ext) -> null);
              String did = "; no menu";
              for (Window w : new ArrayList<>(Window.getWindows())) {
                if (w instanceof ContextMenu menu && menu.isShowing()) {
                  if (choice < menu.getItems().size()) {
                    MenuItem i = menu.getItems().get(choice);
                    menu.hide();
                    i.fire();
                    did = "; " + i.getId();
                  } else {
                    menu.hide();
                    did = "; dismissed";
                  }
                }
              }
              return did;
            });
  }

  /** The divergence banner: its "Use η = …" action, or its close button. */
  java.util.concurrent.Callable<String> banner(Random r) {
    boolean act = r.nextBoolean();
    return (() -> {
      NotificationPane pane = (NotificationPane) view.lookup("#divergence-pane");
      if (pane == null || !pane.isShowing()) {
        return "no banner";
      }
      if (act && !pane.getActions().isEmpty()) {
        pane.getActions().get(0).handle(new ActionEvent());
        return "use the suggested rate";
      }
      pane.hide();
      return "closed";
    });
  }

  Stage stage() {
    return stage;
  }
}
