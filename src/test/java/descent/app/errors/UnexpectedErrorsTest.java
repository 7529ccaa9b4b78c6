package descent.app.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An exception nobody caught, thrown by a button's handler on the FX thread or on a thread of its
 * own, shows one short dialog (a count for more), copies its stack trace on request, is logged, and
 * leaves the window working.
 */
@ExtendWith(ApplicationExtension.class)
class UnexpectedErrorsTest {
  @TempDir Path dir;
  private Thread.UncaughtExceptionHandler before;
  private UnexpectedErrors errors;
  private final List<Throwable> heard = Collections.synchronizedList(new ArrayList<>());
  private int clicks;

  @Start
  void start(Stage stage) {
    Button fails = new Button("Fails");
    fails.setId("fails");
    fails.setOnAction(e -> failingHandler());
    Button works = new Button("Works");
    works.setId("works");
    works.setOnAction(e -> clicks++);
    stage.setScene(new Scene(new VBox(fails, works), 300, 200));
    stage.show();
  }

  private void failingHandler() {
    throw new IllegalStateException("the handler broke");
  }

  @BeforeEach
  void install() {
    before = Thread.getDefaultUncaughtExceptionHandler();
    errors =
        new UnexpectedErrors(new ErrorLog(dir), () -> null, (thread, e) -> heard.add(e)).install();
  }

  @AfterEach
  void restore(FxRobot robot) {
    Thread.setDefaultUncaughtExceptionHandler(before);
    robot.interact(
        () -> {
          if (errors.dialog() != null) {
            errors.dialog().alert().close();
          }
        });
  }

  private DialogPane dialog(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> robot.lookup("#error-dialog").tryQuery().isPresent());
    WaitForAsyncUtils.waitForFxEvents();
    return robot.lookup("#error-dialog").queryAs(DialogPane.class);
  }

  private static String text(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(Label.class).getText();
  }

  private static long dialogsShowing() {
    return Window.getWindows().stream()
        .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane)
        .count();
  }

  @Test
  void anExceptionInAnFxHandlerShowsTheDialogAndIsLogged(FxRobot robot) throws Exception {
    robot.clickOn("#fails");

    DialogPane pane = dialog(robot);
    assertThat(pane.getHeaderText()).isEqualTo("Something went wrong");
    assertThat(text(robot, "#error-summary")).isEqualTo("IllegalStateException: the handler broke");
    assertThat(robot.lookup(".dialog-pane .label").queryAllAs(Label.class))
        .anySatisfy(l -> assertThat(l.getText()).startsWith("The app caught an unexpected error"));
    assertThat(heard).hasSize(1);

    Path log = dir.resolve(ErrorLog.FILE_NAME);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Files.exists(log));
    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> Files.readString(log).contains("the handler broke"));
    assertThat(Files.readString(log))
        .contains("on JavaFX Application Thread\njava.lang.IllegalStateException");
  }

  @Test
  void copyDetailsPutsTheStackTraceOnTheClipboardAndCloseCloses(FxRobot robot) throws Exception {
    robot.clickOn("#fails");
    dialog(robot);

    robot.clickOn("Copy details");
    String copied =
        WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();

    assertThat(copied)
        .startsWith(
            "on JavaFX Application Thread:\njava.lang.IllegalStateException: the handler broke")
        .contains("\tat descent.app.errors.UnexpectedErrorsTest.failingHandler(");
    assertThat(robot.lookup("#error-dialog").tryQuery()).as("copying keeps it open").isPresent();

    robot.clickOn("Close");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#error-dialog").tryQuery()).isEmpty();

    // the window still works
    robot.clickOn("#works");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(clicks).isEqualTo(1);
  }

  @Test
  void repeatedErrorsShowOneDialogWithACount(FxRobot robot) throws Exception {
    robot.clickOn("#fails");
    for (int i = 0; i < 25; i++) {
      Thread t = new Thread(() -> failingHandler(), "worker-" + i);
      t.start();
      t.join();
    }
    dialog(robot);
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> "This happened 26 times.".equals(text(robot, "#error-count")));

    assertThat(WaitForAsyncUtils.asyncFx(UnexpectedErrorsTest::dialogsShowing).get()).isEqualTo(1);
    assertThat(text(robot, "#error-summary")).isEqualTo("IllegalStateException: the handler broke");
    assertThat(errors.dialog().details())
        .contains("on worker-0:\njava.lang.IllegalStateException")
        .endsWith("(16 more not kept)");
  }
}
