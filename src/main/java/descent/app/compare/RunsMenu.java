package descent.app.compare;

import java.util.Locale;
import java.util.Map;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The Runs menu: each kept run with a check to overlay it on the loss chart and the landscape, in
 * its colour, with its label, how it ended and its final loss; Remove ▸ one run; Clear all. All of
 * it works from the keyboard (F10 or Alt+U, arrows, Enter; Alt+R would be R, which resets).
 */
public final class RunsMenu {
  private RunsMenu() {}

  /** A menu that follows {@code comparison}'s kept runs. */
  public static Menu of(Comparison comparison) {
    Menu menu = new Menu("R_uns");
    menu.setId("runs-menu");
    Runnable rebuild = () -> rebuild(menu, comparison);
    rebuild.run();
    comparison.revisionProperty().addListener((obs, was, now) -> rebuild.run());
    return menu;
  }

  private static void rebuild(Menu menu, Comparison comparison) {
    KeptRuns runs = comparison.runs();
    menu.getItems().clear();
    if (runs.isEmpty()) {
      MenuItem none = new MenuItem("No runs kept yet: a run is kept when it ends or is replaced");
      none.setId("runs-none");
      none.setDisable(true);
      menu.getItems().add(none);
      return;
    }
    Map<Integer, String> labels = comparison.listLabels();
    Menu remove = new Menu("Remove");
    remove.setId("runs-remove");
    for (KeptRun run : runs.all()) {
      String label = labels.getOrDefault(run.number(), "run " + run.number());
      String name =
          label.equals("run " + run.number()) ? label : "run " + run.number() + ": " + label;
      boolean isCurrent = run.number() == comparison.currentNumber();
      CheckMenuItem item = new CheckMenuItem(name + " · " + describe(run, isCurrent));
      item.setId("runs-overlay-" + run.number());
      item.setGraphic(swatch(run));
      item.setSelected(runs.isOverlaid(run.number()));
      item.setOnAction(e -> runs.setOverlaid(run.number(), item.isSelected()));
      menu.getItems().add(item);
      MenuItem drop = new MenuItem(name);
      drop.setId("runs-remove-" + run.number());
      drop.setOnAction(e -> runs.remove(run.number()));
      remove.getItems().add(drop);
    }
    MenuItem clear = new MenuItem("Clear all");
    clear.setId("runs-clear");
    clear.setOnAction(e -> runs.clear());
    menu.getItems().addAll(new SeparatorMenuItem(), remove, clear);
  }

  /** "finished, val loss 5.1e-05", "diverged at step 12", with "(this run)" while it is current. */
  static String describe(KeptRun run, boolean isCurrent) {
    StringBuilder s = new StringBuilder(run.end().text());
    double loss = run.finalLoss();
    if (run.end().kind() != RunEnd.Kind.DIVERGED && Double.isFinite(loss)) {
      s.append(run.finalLossIsValidation() ? ", val loss " : ", train loss ");
      s.append(loss(loss));
    }
    if (isCurrent) {
      s.append(" (this run)");
    }
    return s.toString();
  }

  static String loss(double v) {
    return String.format(Locale.ROOT, "%.3g", v);
  }

  private static Rectangle swatch(KeptRun run) {
    Rectangle r = new Rectangle(22, 6, Color.web(OverlayColours.hex(run.colour())));
    r.getStyleClass().add("runs-swatch");
    return r;
  }
}
