package descent.app.monkey;

import descent.app.DescentApp;
import descent.app.MainView;
import descent.app.presets.PresetMenu;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The monkey: random actions on the real window's controls, from one seeded {@link Random}. Most
 * actions work the controls on the FX thread as their skins would (a field's text then Enter, a
 * slider dragged through values, a button fired, a key sent to the focus owner); a few use the
 * robot's real mouse and keyboard, and the dialogs wait for what they open.
 *
 * <p>Every random number is drawn on the test thread, before the action goes to the FX thread, so a
 * seed always gives the same actions. Actions on the FX thread are posted up to {@link #BATCH} at a
 * time and then waited for, as a person's clicks queue up while a frame is drawn; the others wait
 * for everything posted before them.
 */
final class Monkey {
  /** Actions posted to the FX thread before the monkey waits for them. */
  static final int BATCH = 16;

  /** An action on the FX thread: made on the test thread (drawing its numbers), run on FX. */
  private interface FxAct {
    Callable<String> prepare(Random r);
  }

  /** An action that runs on the test thread (the robot, dialogs that are waited for). */
  private interface Act {
    String run(Random r) throws Exception;
  }

  private record Kind(String name, int weight, FxAct fx, Act act) {}

  private static final List<String> SLIDERS =
      List.of(
          "learning-rate-slider",
          "init-sigma-slider",
          "batch-size-slider",
          "epochs-slider",
          "speed-slider");

  private static final List<String> TRANSPORT =
      List.of("play", "play", "step", "step", "step-phase", "step-phase", "step-epoch", "reset");

  private final FxRobot robot;
  private final Stage stage;
  private final MainView view;
  private final Random random;
  private final ActionLog log;
  private final BiConsumer<String, Throwable> failed;
  private final List<Kind> kinds = new ArrayList<>();
  private final List<CompletableFuture<?>> posted = new ArrayList<>();
  private final Map<String, long[]> counts = new TreeMap<>();
  private int totalWeight;

  /**
   * @param failed hears an action's exception, with the action
   */
  Monkey(
      FxRobot robot,
      Stage stage,
      Random random,
      ActionLog log,
      DialogActions dialogs,
      BiConsumer<String, Throwable> failed) {
    this.robot = robot;
    this.stage = stage;
    this.view = (MainView) stage.getScene().getRoot();
    this.random = random;
    this.log = log;
    this.failed = failed;
    // weights out of 955: the actions on the FX thread are cheap; the robot's and the dialogs'
    // wait for the FX thread several times each, so they are fewer
    fx("type", 220, this::typeInSetting);
    act("real-typing", 3, this::realTyping);
    fx("slider", 120, this::slider);
    act("real-drag", 3, this::realDrag);
    fx("transport", 220, this::transport);
    act("real-click", 3, this::realClick);
    fx("key", 90, this::key);
    fx("preset", 50, this::preset);
    fx("view-tab", 50, this::tab);
    fx("theme", 15, this::theme);
    fx("presenter", 25, this::presenter);
    fx("resize", 30, this::resize);
    fx("check", 40, this::check);
    act("csv-dialog", 10, dialogs::csv);
    fx("export", 15, dialogs::export);
    fx("run-file", 20, dialogs::runFile);
    fx("runs-menu", 20, dialogs::runsMenu);
    act("context-menu", 3, dialogs::contextMenu);
    fx("banner", 10, dialogs::banner);
    act("hover", 3, this::hover);
    act("let-frames-pass", 5, r -> frames());
  }

  private void fx(String name, int weight, FxAct fx) {
    kinds.add(new Kind(name, weight, fx, null));
    totalWeight += weight;
  }

  private void act(String name, int weight, Act act) {
    kinds.add(new Kind(name, weight, null, act));
    totalWeight += weight;
  }

  /** Picks one action and does it, or posts it to the FX thread; action {@code index}. */
  void act(int index) throws Exception {
    int roll = random.nextInt(totalWeight);
    Kind k = kinds.get(0);
    for (Kind each : kinds) {
      roll -= each.weight();
      if (roll < 0) {
        k = each;
        break;
      }
    }
    counts.computeIfAbsent(k.name(), n -> new long[1])[0]++;
    if (k.fx() != null) {
      Callable<String> call = k.fx().prepare(random);
      Object entry = log.start(index, k.name());
      String name = "#" + index + " " + k.name();
      CompletableFuture<String> done = new CompletableFuture<>();
      Platform.runLater(
          () -> {
            try {
              log.detail(entry, call.call());
            } catch (Throwable e) {
              failed.accept(name, e);
            } finally {
              done.complete(null);
            }
          });
      posted.add(done);
      if (posted.size() >= BATCH) {
        sync();
      }
    } else {
      sync();
      Object entry = log.start(index, k.name());
      log.detail(entry, k.act().run(random));
    }
  }

  /** Waits until every posted action has run. */
  void sync() throws Exception {
    for (CompletableFuture<?> f : posted) {
      f.get(120, TimeUnit.SECONDS);
    }
    posted.clear();
  }

  /** How many actions of each kind ran. */
  String counts() {
    StringBuilder s = new StringBuilder();
    counts.forEach((name, n) -> s.append(String.format(Locale.ROOT, "%s %d, ", name, n[0])));
    return s.length() == 0 ? "" : s.substring(0, s.length() - 2);
  }

  private static <T> T pick(int draw, List<T> from) {
    return from.get(Math.floorMod(draw, from.size()));
  }

  private Scene scene() {
    return stage.getScene();
  }

  /** The enabled settings fields on screen (none while the controls are hidden). */
  private List<TextField> fields() {
    List<TextField> out = new ArrayList<>();
    for (Node n : view.lookupAll(".setting-field")) {
      if (n instanceof TextField f && !f.isDisabled() && f.getScene() != null) {
        out.add(f);
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ the actions

  private Callable<String> typeInSetting(Random r) {
    String value = Inputs.any(r);
    int how = r.nextInt(5);
    int caret = r.nextInt(4);
    int which = r.nextInt(1 << 20);
    return () -> {
      List<TextField> fields = fields();
      if (fields.isEmpty()) {
        return "no field on screen";
      }
      TextField f = pick(which, fields);
      f.requestFocus();
      String way;
      switch (how) {
        case 0, 1 -> {
          f.setText(value);
          f.fireEvent(new ActionEvent()); // Enter
          way = "Enter";
        }
        case 2 -> {
          f.setText(value);
          view.requestFocus(); // a click elsewhere: focus lost submits
          way = "focus away";
        }
        case 3 -> {
          f.setText(value);
          Fx.key(scene(), KeyCode.ESCAPE, false, false); // Esc restores the value
          way = "Esc";
        }
        default -> {
          f.positionCaret(Math.min(caret, f.getLength()));
          f.insertText(f.getCaretPosition(), value); // pasted into what is there
          f.fireEvent(new ActionEvent());
          way = "pasted at " + caret + ", Enter";
        }
      }
      return f.getId() + " " + Fx.show(value) + " " + way;
    };
  }

  private String realTyping(Random r) {
    int which = r.nextInt(1 << 20);
    String text = Inputs.typed(r);
    TextField f = Fx.call(() -> fields().isEmpty() ? null : pick(which, fields()));
    if (f == null || !Fx.call(() -> Fx.reachable(f))) {
      return "no field within reach";
    }
    robot.clickOn(f);
    robot.press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
    if (!text.isEmpty()) {
      robot.write(text);
    }
    robot.type(KeyCode.ENTER);
    return f.getId() + " " + Fx.show(text);
  }

  private Callable<String> slider(Random r) {
    String id = pick(r.nextInt(1 << 20), SLIDERS);
    int how = r.nextInt(3);
    int moves = 1 + r.nextInt(5);
    double[] at = new double[moves];
    for (int i = 0; i < moves; i++) {
      at[i] = r.nextDouble();
    }
    return () -> {
      Slider s = (Slider) scene().lookup("#" + id);
      if (s == null || s.isDisabled() || s.getScene() == null) {
        return id + " not on screen";
      }
      double span = s.getMax() - s.getMin();
      if (how == 0) {
        s.setValueChanging(true); // a drag: values while the thumb moves, then the release
        for (double a : at) {
          s.setValue(s.getMin() + a * span);
        }
        s.setValueChanging(false);
        return id + " dragged " + moves + " moves to " + s.getValue();
      } else if (how == 1) {
        s.setValue(s.getMin() + at[0] * span); // a click on the track
        return id + " set " + s.getValue();
      } else {
        if (at[0] < 0.5) {
          s.increment();
        } else {
          s.decrement();
        }
        return id + (at[0] < 0.5 ? " +" : " -") + " to " + s.getValue();
      }
    };
  }

  private String realDrag(Random r) {
    String id = pick(r.nextInt(1 << 20), SLIDERS);
    double dx = (r.nextDouble() - 0.5) * 300;
    Node thumb =
        Fx.call(
            () -> {
              Node s = scene().lookup("#" + id);
              return s == null || s.getScene() == null ? null : s.lookup(".thumb");
            });
    if (thumb == null || !Fx.call(() -> Fx.reachable(thumb))) {
      return id + " not within reach";
    }
    robot.drag(thumb, MouseButton.PRIMARY).moveBy(dx, 0).drop();
    return id + " by " + Math.round(dx) + " px";
  }

  private Callable<String> transport(Random r) {
    String id = pick(r.nextInt(1 << 20), TRANSPORT);
    return () -> {
      Button b = (Button) scene().lookup("#" + id);
      boolean disabled = b.isDisabled();
      b.fire(); // does nothing while disabled, as a click would
      return id + (disabled ? " (disabled)" : "");
    };
  }

  private String realClick(Random r) {
    String id = pick(r.nextInt(1 << 20), TRANSPORT);
    Node b = Fx.call(() -> scene().lookup("#" + id));
    if (!Fx.call(() -> Fx.reachable(b))) {
      return id + " not within reach"; // out of a small window with large text
    }
    robot.clickOn(b);
    return id;
  }

  private static final KeyCode[] DIGITS = {
    KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5
  };

  private Callable<String> key(Random r) {
    int roll = r.nextInt(100);
    KeyCode code;
    boolean shift = false;
    boolean shortcut = false;
    if (roll < 15) {
      code = KeyCode.SPACE;
    } else if (roll < 30) {
      code = KeyCode.RIGHT;
      shift = r.nextInt(3) == 0;
    } else if (roll < 40) {
      code = KeyCode.PERIOD;
    } else if (roll < 46) {
      code = KeyCode.R;
    } else if (roll < 66) {
      code = DIGITS[r.nextInt(DIGITS.length)];
      shift = r.nextBoolean();
    } else if (roll < 72) {
      code = KeyCode.H;
    } else if (roll < 74) {
      code = KeyCode.F11;
    } else if (roll < 77) {
      code = KeyCode.ESCAPE;
    } else if (roll < 92) {
      code =
          pick(
              r.nextInt(1 << 20),
              List.of(KeyCode.EQUALS, KeyCode.MINUS, KeyCode.DIGIT0, KeyCode.ADD));
      shortcut = true;
    } else {
      code = KeyCode.T;
      shortcut = true;
    }
    boolean away = r.nextBoolean(); // a click outside the fields first, half the time
    KeyCode c = code;
    boolean s = shift;
    boolean sc = shortcut;
    return () -> {
      if (away) {
        view.requestFocus();
      }
      Node focus = scene().getFocusOwner();
      Fx.key(scene(), c, s, sc);
      return (sc ? "Ctrl+" : "")
          + (s ? "Shift+" : "")
          + c
          + " at "
          + (focus == null ? "scene" : focus.getClass().getSimpleName() + "#" + focus.getId());
    };
  }

  private Callable<String> preset(Random r) {
    int which = r.nextInt(1 << 20);
    return () -> {
      PresetMenu menu = PresetMenu.in(view.menuBar()).orElseThrow();
      MenuItem item = pick(which, menu.getItems());
      item.fire();
      return item instanceof CustomMenuItem c ? c.getContent().getId() : item.getText();
    };
  }

  private MenuItem menuItem(String id) {
    MenuItem i = Fx.item(view.menuBar(), id);
    if (i == null) {
      throw new IllegalStateException("no menu item #" + id);
    }
    return i;
  }

  private Callable<String> tab(Random r) {
    int which = r.nextInt(3);
    int index = r.nextInt(5);
    return () -> {
      if (which == 2) {
        ToggleButton two = (ToggleButton) scene().lookup("#two-views");
        if (two == null || two.getScene() == null) {
          return "two views not on screen";
        }
        two.fire();
        return "two views " + two.isSelected();
      }
      TabPane pane = (TabPane) view.teaching().lookup("#teaching-tabs-" + (which + 1));
      if (pane == null || pane.getScene() == null) {
        return "tabs " + (which + 1) + " not on screen";
      }
      pane.getSelectionModel().select(Math.min(index, pane.getTabs().size() - 1));
      return pane.getId() + " " + pane.getSelectionModel().getSelectedItem().getText();
    };
  }

  private Callable<String> theme(Random r) {
    return () -> {
      CheckMenuItem dark = (CheckMenuItem) menuItem("view-dark-theme");
      dark.setSelected(!dark.isSelected()); // a click on a check item flips it, then acts
      dark.fire();
      return "dark " + dark.isSelected();
    };
  }

  private Callable<String> presenter(Random r) {
    String id =
        pick(
            r.nextInt(1 << 20),
            List.of(
                "view-hide-controls",
                "view-hide-controls",
                "view-larger",
                "view-larger",
                "view-smaller",
                "view-smaller",
                "view-actual-size",
                "view-full-screen"));
    return () -> {
      MenuItem item = menuItem(id);
      if (item instanceof CheckMenuItem check && !id.equals("view-full-screen")) {
        check.setSelected(!check.isSelected());
      }
      item.fire();
      return id;
    };
  }

  private Callable<String> resize(Random r) {
    int how = r.nextInt(10);
    double x = r.nextDouble();
    double y = r.nextDouble();
    return () -> {
      if (stage.isFullScreen() && how < 5) {
        stage.setFullScreen(false);
        return "leave full screen";
      }
      switch (how) {
        case 0 -> {
          stage.setMaximized(!stage.isMaximized());
          return "maximised " + stage.isMaximized();
        }
        case 1, 2 -> {
          stage.setWidth(DescentApp.MIN_WIDTH);
          stage.setHeight(DescentApp.MIN_HEIGHT);
          return "to the minimum " + DescentApp.MIN_WIDTH + "×" + DescentApp.MIN_HEIGHT;
        }
        case 3 -> {
          stage.setWidth(screen().getWidth());
          stage.setHeight(screen().getHeight());
          return "to the whole screen";
        }
        default -> {
          // up to the screen: Monocle's headless screen cannot show a window larger than itself
          long w =
              Math.round(DescentApp.MIN_WIDTH + x * (screen().getWidth() - DescentApp.MIN_WIDTH));
          long h =
              Math.round(
                  DescentApp.MIN_HEIGHT + y * (screen().getHeight() - DescentApp.MIN_HEIGHT));
          stage.setWidth(w);
          stage.setHeight(h);
          return "to " + w + "×" + h;
        }
      }
    };
  }

  private static javafx.geometry.Rectangle2D screen() {
    return javafx.stage.Screen.getPrimary().getBounds();
  }

  private Callable<String> check(Random r) {
    String id =
        pick(
            r.nextInt(1 << 20),
            List.of("shuffle-check", "standardize-check", "new-seed", "use-synthetic"));
    return () -> {
      Node n = scene().lookup("#" + id);
      if (n == null || n.getScene() == null || !n.isVisible() || n.isDisabled()) {
        return id + " not on screen";
      }
      ((ButtonBase) n).fire();
      return id;
    };
  }

  private String hover(Random r) {
    String which =
        pick(r.nextInt(1 << 20), List.of(".loss-chart", "#parameter-scroll", ".teaching-view"));
    Node n = Fx.call(() -> view.lookup(which));
    if (!Fx.call(() -> Fx.reachable(n))) {
      return which + " not within reach";
    }
    robot.moveTo(n);
    return which;
  }

  private String frames() {
    WaitForAsyncUtils.waitForFxEvents();
    return null;
  }
}
