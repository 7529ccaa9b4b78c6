package descent.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.DescentApp;
import descent.app.session.TrainingSession;
import descent.app.settings.Setting;
import descent.app.settings.SettingsModel;
import descent.train.TrainingRun;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.controlsfx.control.decoration.Decorator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app's half of the bad-input table (docs/bad-inputs.md), in the real main window: after one
 * step of training, each bad text is typed into its field and Enter pressed. The field is marked,
 * the message shows beside it, and no setting, no run and no step count changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppFieldBadInputTest {
  private final FxRobot robot = new FxRobot();
  private TrainingSession session;
  private SettingsModel settings;
  private TrainingRun run;

  /** One window for every case (each case puts its field back): a window per case is slow. */
  @BeforeAll
  void openTheWindowAndStepOnce() throws Exception {
    FxToolkit.registerPrimaryStage();
    FxToolkit.setupStage(
        stage -> {
          session = DescentApp.show(stage);
          settings = session.settings();
        });
    robot.interact(session::step);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> session.stepsProperty().get() == 1);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !session.isBusy());
    run = session.run();
  }

  @AfterAll
  void close() throws Exception {
    robot.interact(session::shutdown);
    FxToolkit.hideStage();
  }

  static Stream<FieldCase> cases() {
    return BadInputTable.appFields().stream();
  }

  /** Every setting's value, as text that compares arrays by content. */
  private String values() throws Exception {
    return WaitForAsyncUtils.asyncFx(
            () ->
                settings.all().stream()
                    .map(Setting::observableValue)
                    .map(v -> v.getValue())
                    .map(v -> v instanceof double[] a ? Arrays.toString(a) : String.valueOf(v))
                    .toList()
                    .toString())
        .get(5, TimeUnit.SECONDS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isMarkedBesideTheFieldAndChangesNothing(FieldCase c) throws Exception {
    Setting setting =
        settings.all().stream().filter(s -> s.label().equals(c.label())).findFirst().orElseThrow();
    assertThat(setting.error()).isNull();
    String before = values();
    List<Double> w =
        List.of(Arrays.stream(run.model().w().toArray()).boxed().toArray(Double[]::new));

    TextField field = robot.lookup("#" + c.field() + "-field").queryAs(TextField.class);
    robot.interact(field::requestFocus);
    robot.interact(() -> field.setText(c.text()));
    robot.type(KeyCode.ENTER); // the field has the keyboard's focus
    WaitForAsyncUtils.waitForFxEvents();

    Label error = robot.lookup("#" + c.field() + "-error").queryAs(Label.class);
    assertThat(error.getText()).isEqualTo(c.message());
    assertThat(error.isVisible()).isTrue();
    WaitForAsyncUtils.waitFor(
        5,
        TimeUnit.SECONDS,
        () -> WaitForAsyncUtils.asyncFx(() -> !Decorator.getDecorations(field).isEmpty()).get());
    assertThat(field.getText()).as("the text stays, to be corrected").isEqualTo(c.text());
    assertThat(values()).as("every setting").isEqualTo(before);
    assertThat(session.run()).as("the run").isSameAs(run);
    assertThat(session.stepsProperty().get()).as("steps").isEqualTo(1);
    assertThat(run.model().w().toArray())
        .as("w")
        .containsExactly(w.stream().mapToDouble(Double::doubleValue).toArray());

    robot.interact(setting::revert); // as Escape does: the next case starts clean
    robot.interact(() -> field.getScene().getRoot().requestFocus());
    WaitForAsyncUtils.waitForFxEvents();
  }
}
