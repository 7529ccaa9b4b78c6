package descent.app.csv;

import descent.app.FxWait;
import descent.app.MainView;
import descent.app.session.TrainingSession;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Helpers for driving the CSV import in the real main window. */
final class CsvApp {
  private CsvApp() {}

  /** Waits for {@code condition}, evaluated on the FX thread. */
  static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
    FxWait.until(20, condition);
  }

  /** Waits until the dialog has an answer for the current choice. */
  static CsvCheck.Verdict settled(CsvImportDialog d) throws TimeoutException {
    waitUntil(() -> d.verdictProperty().get() != null);
    return d.verdictProperty().get();
  }

  static <T extends Node> T find(CsvImportDialog d, String id, Class<T> type) {
    return type.cast(d.getDialogPane().lookup("#" + id));
  }

  static Button ok(CsvImportDialog d) {
    return (Button) d.getDialogPane().lookupButton(ButtonType.OK);
  }

  static Button cancel(CsvImportDialog d) {
    return (Button) d.getDialogPane().lookupButton(ButtonType.CANCEL);
  }

  /** Waits until a freshly loaded run is installed and the training thread is idle. */
  static void waitIdle(TrainingSession session) throws TimeoutException {
    waitUntil(() -> !session.isBusy());
  }

  /**
   * A dragboard holding {@code files}, as the system's would during a drag from a file manager. The
   * toolkit's local clipboard stands in for the system's, which a headless test cannot drive.
   */
  static Dragboard dragboardWith(List<File> files) throws Exception {
    return WaitForAsyncUtils.asyncFx(() -> makeDragboard(files)).get();
  }

  private static Dragboard makeDragboard(List<File> files) throws Exception {
    Object toolkit =
        Class.forName("com.sun.javafx.tk.Toolkit").getMethod("getToolkit").invoke(null);
    Object local = toolkit.getClass().getMethod("createLocalClipboard").invoke(toolkit);
    Class<?> tk = Class.forName("com.sun.javafx.tk.TKClipboard");
    // the local clipboard holds content but, not being a drag's, has no transfer modes
    Object clipboard =
        java.lang.reflect.Proxy.newProxyInstance(
            tk.getClassLoader(),
            new Class<?>[] {tk},
            (proxy, method, args) -> {
              if (method.getName().equals("getTransferModes")) {
                return java.util.EnumSet.allOf(TransferMode.class);
              }
              try {
                return method.invoke(local, args);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
            });
    Dragboard board =
        (Dragboard)
            Class.forName("com.sun.javafx.scene.input.DragboardHelper")
                .getMethod("createDragboard", tk)
                .invoke(null, clipboard);
    board.setContent(Map.of(DataFormat.FILES, files));
    return board;
  }

  /** Fires a drag event of {@code type} carrying {@code board} at the middle of the window. */
  static DragEvent drag(
      FxRobot robot, MainView view, Dragboard board, javafx.event.EventType<DragEvent> type) {
    double x = view.getWidth() / 2;
    double y = view.getHeight() / 2;
    DragEvent event =
        new DragEvent(view, view, type, board, x, y, x, y, TransferMode.COPY, null, null, null);
    robot.interact(() -> javafx.event.Event.fireEvent(view, event));
    return event;
  }
}
