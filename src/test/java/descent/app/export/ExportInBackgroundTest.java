package descent.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.DescentApp;
import descent.app.MainView;
import descent.app.session.TrainingSession;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Found by the monkey test: File ▸ Export ▸ Window as PNG at 2× encoded and wrote a 3200×2000 PNG
 * on the FX thread, which froze the window for over a second. The picture is still taken on the FX
 * thread, as the window stands, but encoding and writing happen on the export's own thread, and the
 * status line says "Saving…" until it is done.
 */
@ExtendWith(ApplicationExtension.class)
class ExportInBackgroundTest {
  @TempDir Path dir;

  private Stage stage;
  private TrainingSession session;
  private MainView view;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    session = DescentApp.show(stage);
    view = (MainView) stage.getScene().getRoot();
  }

  @AfterEach
  void stop(FxRobot robot) {
    robot.interact(session::shutdown);
  }

  @Test
  void theTwoTimesWindowPngIsEncodedAndWrittenOffTheFxThread(FxRobot robot) throws Exception {
    Path out = dir.resolve("window.png");
    List<Runnable> held = new ArrayList<>();
    List<String> threads = new ArrayList<>();
    Exporter exporter = view.export().exporter();
    robot.interact(
        () -> {
          exporter.useChooser((owner, title, folder, name, kind, ext) -> out);
          // the export's thread, held until the test lets it run
          exporter.useWriter(held::add);
        });
    MenuItem item =
        view.export().menu().getItems().stream()
            .filter(i -> "export-window-2x".equals(i.getId()))
            .findFirst()
            .orElseThrow();
    robot.interact(item::fire);

    // the FX thread is free again, and nothing is written yet
    assertThat(held).hasSize(1);
    assertThat(Files.exists(out)).isFalse();
    String saying = WaitForAsyncUtils.asyncFx(() -> session.messageProperty().get()).get();
    assertThat(saying).startsWith("Saving window (").contains(out.toAbsolutePath().toString());

    // the export's thread encodes and writes; the status line then says where it went
    Thread writer =
        new Thread(
            () -> {
              threads.add(Thread.currentThread().getName());
              held.get(0).run();
            },
            "test-writer");
    writer.start();
    writer.join(60_000);
    assertThat(Files.exists(out)).isTrue();
    BufferedImage png = ImageIO.read(out.toFile());
    assertThat(png.getWidth()).isEqualTo(2 * (int) stage.getScene().getWidth());
    assertThat(png.getHeight()).isEqualTo(2 * (int) stage.getScene().getHeight());
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () ->
            WaitForAsyncUtils.asyncFx(() -> session.messageProperty().get())
                .get()
                .startsWith("Saved window ("));
  }
}
