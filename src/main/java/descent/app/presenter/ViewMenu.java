package descent.app.presenter;

import javafx.beans.binding.Bindings;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/** The View menu: full screen, hiding the controls, the text size and the dark theme. */
public final class ViewMenu {
  private ViewMenu() {}

  public static Menu of(Presenter p) {
    CheckMenuItem fullScreen = new CheckMenuItem("Full screen");
    fullScreen.setId("view-full-screen");
    fullScreen.setAccelerator(Presenter.FULL_SCREEN);
    fullScreen.setSelected(p.fullScreenProperty().get());
    p.fullScreenProperty().addListener((obs, was, now) -> fullScreen.setSelected(now));
    fullScreen.setOnAction(
        e -> {
          p.toggleFullScreen();
          fullScreen.setSelected(p.fullScreenProperty().get());
        });

    CheckMenuItem hide = new CheckMenuItem("Hide controls");
    hide.setId("view-hide-controls");
    hide.setAccelerator(Presenter.HIDE_CONTROLS);
    hide.selectedProperty().bindBidirectional(p.controlsHiddenProperty());

    MenuItem larger = new MenuItem("Larger text");
    larger.setId("view-larger");
    larger.setAccelerator(Presenter.LARGER);
    larger.setOnAction(e -> p.larger());
    MenuItem smaller = new MenuItem("Smaller text");
    smaller.setId("view-smaller");
    smaller.setAccelerator(Presenter.SMALLER);
    smaller.setOnAction(e -> p.smaller());
    MenuItem actual = new MenuItem();
    actual.setId("view-actual-size");
    actual.setAccelerator(Presenter.ACTUAL_SIZE);
    actual
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    "Text size 100 % (now " + FontScale.percent(p.fontScaleProperty().get()) + ")",
                p.fontScaleProperty()));
    actual.setOnAction(e -> p.actualSize());

    CheckMenuItem dark = new CheckMenuItem("Dark theme");
    dark.setId("view-dark-theme");
    dark.setAccelerator(Presenter.DARK_THEME);
    dark.setSelected(p.themeProperty().get() == Theme.DARK);
    p.themeProperty().addListener((obs, was, now) -> dark.setSelected(now == Theme.DARK));
    dark.setOnAction(e -> p.themeProperty().set(dark.isSelected() ? Theme.DARK : Theme.LIGHT));

    Menu view =
        new Menu(
            "View",
            null,
            fullScreen,
            hide,
            new SeparatorMenuItem(),
            larger,
            smaller,
            actual,
            new SeparatorMenuItem(),
            dark);
    view.setId("view-menu");
    return view;
  }
}
