package descent.app.presets;

import descent.app.session.TrainingSession;
import descent.app.settings.Setting;
import descent.app.settings.SettingsModel;
import descent.run.Preset;
import descent.run.Presets;
import descent.run.RunConfig;
import javafx.beans.InvalidationListener;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The Presets menu: one item per preset, its name beside its lesson. Choosing one loads the
 * preset's run into the settings with the current seed ({@link TrainingSession#load}), says so in
 * the status bar, and shows the lesson in the header ({@link #lessonLabel()}). The lesson stays
 * until another preset is loaded; while the settings differ from the preset's (the seed aside) it
 * reads "(changed)", and changing them back removes that (ADR 0022).
 */
public final class PresetMenu extends Menu {
  private final TrainingSession session;
  private final Label lesson = new Label();
  private Preset loaded;
  private RunConfig loadedConfig;

  public PresetMenu(TrainingSession session) {
    super("Presets");
    this.session = session;
    setId("presets-menu");
    for (Preset p : Presets.all()) {
      getItems().add(item(p));
    }
    lesson.setId("preset-lesson");
    lesson.getStyleClass().add("lesson");
    // one line, so the header keeps its height; a narrow window ends it with "…", and the tooltip
    // and the status bar (when it loads) have it all
    lesson.setMinWidth(0);
    lesson.setVisible(false);
    lesson.setManaged(false);
    HBox.setHgrow(lesson, javafx.scene.layout.Priority.ALWAYS);

    SettingsModel s = session.settings();
    InvalidationListener recheck = o -> showLesson();
    for (Setting setting : s.all()) {
      setting.observableValue().addListener(recheck);
    }
    s.shuffle.addListener(recheck);
    s.standardize.addListener(recheck);
    s.csvData.addListener(recheck);
  }

  private CustomMenuItem item(Preset p) {
    Label name = new Label(p.name());
    name.getStyleClass().add("preset-name");
    Label line = new Label(p.lesson());
    line.getStyleClass().add("preset-lesson");
    line.setWrapText(true);
    HBox content = new HBox(12, name, line);
    content.setId("preset-" + p.name());
    content.getStyleClass().add("preset-item");
    CustomMenuItem item = new CustomMenuItem(content, true);
    item.setOnAction(e -> load(p));
    return item;
  }

  /**
   * Loads {@code preset} with the seed the settings hold: one fresh run, the lesson in the header
   * and in the status bar.
   */
  public void load(Preset preset) {
    RunConfig config = preset.config((long) session.settings().seed.value());
    loaded = preset;
    loadedConfig = config;
    session.load(config, "Preset " + preset.name() + " — " + preset.lesson());
    showLesson();
  }

  /**
   * Shows {@code preset}'s lesson as if it had just been loaded, without starting a run: for
   * settings that already hold it ({@code snapshot --preset P --view app}).
   */
  public void showLoaded(Preset preset) {
    loaded = preset;
    loadedConfig = preset.config((long) session.settings().seed.value());
    showLesson();
  }

  /** The Presets menu among {@code bar}'s menus, if it has one. */
  public static java.util.Optional<PresetMenu> in(javafx.scene.control.MenuBar bar) {
    return bar.getMenus().stream()
        .filter(PresetMenu.class::isInstance)
        .map(PresetMenu.class::cast)
        .findFirst();
  }

  /** The preset last loaded, or null. */
  public Preset loaded() {
    return loaded;
  }

  /**
   * The lesson of the preset last loaded, for the header; hidden until one is loaded. It starts
   * with the preset's name, and says "(changed)" while the settings differ from the preset's.
   */
  public Label lessonLabel() {
    return lesson;
  }

  /** Whether the settings differ from the loaded preset's, the seed aside. */
  public boolean isChanged() {
    if (loaded == null) {
      return false;
    }
    RunConfig now = session.settings().config();
    return !now.withSeed(0).equals(loadedConfig.withSeed(0));
  }

  private void showLesson() {
    if (loaded == null) {
      return;
    }
    String text =
        "Preset " + loaded.name() + (isChanged() ? " (changed)" : "") + ": " + loaded.lesson();
    lesson.setText(text);
    lesson.setTooltip(new Tooltip(text));
    lesson.setVisible(true);
    lesson.setManaged(true);
  }
}
