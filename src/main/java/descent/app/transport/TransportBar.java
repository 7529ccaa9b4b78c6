package descent.app.transport;

import descent.app.session.TrainingSession;
import descent.app.session.TrainingSession.State;
import descent.app.settings.SpeedSetting;
import descent.train.TrainingRun;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * Play/Pause, Step, Step phase, Step epoch, Reset, the speed control, and the status bar beneath
 * them. The buttons' symbols are icons drawn from a bundled icon font, so they do not depend on the
 * fonts the system happens to have.
 */
public final class TransportBar extends VBox {
  public TransportBar(TrainingSession session) {
    getStyleClass().add("transport");
    Button play =
        button(
            "play",
            "Play",
            MaterialDesignP.PLAY,
            "Space: train continuously; press again to pause.");
    BooleanBinding running = session.stateProperty().isEqualTo(State.RUNNING);
    FontIcon playIcon = (FontIcon) play.getGraphic();
    play.textProperty().bind(Bindings.when(running).then("Pause").otherwise("Play"));
    running.addListener(
        (obs, was, now) ->
            playIcon.setIconCode(now ? MaterialDesignP.PAUSE : MaterialDesignP.PLAY));
    Button step =
        button(
            "step",
            "Step",
            MaterialDesignS.SKIP_NEXT,
            "→: run exactly one minibatch: forward, loss, backward, update.");
    Button phase =
        button(
            "step-phase",
            "Step phase",
            MaterialDesignD.DEBUG_STEP_OVER,
            ". (period): run one phase of the minibatch: forward, loss, backward or update.");
    Button epoch =
        button(
            "step-epoch",
            "Step epoch",
            MaterialDesignS.SKIP_FORWARD,
            "Shift+→: run to the end of this epoch, then validate.");
    Button reset =
        button(
            "reset",
            "Reset",
            MaterialDesignR.RESTART,
            "R: start again from fresh initial weights.");

    BooleanBinding over =
        session
            .stateProperty()
            .isEqualTo(State.FINISHED)
            .or(session.stateProperty().isEqualTo(State.DIVERGED));
    play.disableProperty().bind(over);
    step.disableProperty().bind(over.or(session.busyProperty()));
    phase.disableProperty().bind(over.or(session.busyProperty()));
    epoch.disableProperty().bind(over.or(session.busyProperty()));

    play.setOnAction(e -> session.playPause());
    step.setOnAction(e -> session.step());
    phase.setOnAction(e -> session.stepPhase());
    epoch.setOnAction(e -> session.stepEpoch());
    reset.setOnAction(e -> session.reset());

    SpeedSetting speed = session.settings().speed;
    Slider slider = new Slider(0, SpeedSetting.MAX_POSITION, speed.positionProperty().get());
    slider.setId("speed-slider");
    slider.setFocusTraversable(false);
    slider.valueProperty().bindBidirectional(speed.positionProperty());
    slider.setPrefWidth(150);
    slider.setMinWidth(80);
    slider.setTooltip(
        new Tooltip(
            "The most steps per second to run, from 1, to watch the line fit, up to as fast as"
                + " possible. The status bar shows the examples per second actually delivered."));
    Label speedLabel = new Label();
    speedLabel.setId("speed-label");
    speedLabel.getStyleClass().add("speed-label");
    speedLabel.textProperty().bind(speed.labelBinding());

    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    Label speedTitle = new Label("speed");
    speedTitle.setMinWidth(Region.USE_PREF_SIZE);
    HBox buttons =
        new HBox(8, play, step, phase, epoch, reset, gap, speedTitle, slider, speedLabel);
    buttons.setAlignment(Pos.CENTER_LEFT);
    buttons.setPadding(new Insets(6, 12, 6, 12));

    Label status = new Label();
    status.setId("status");
    status.getStyleClass().add("status");
    status
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> statusLine(session),
                session.stateProperty(),
                session.epochProperty(),
                session.maxEpochsProperty(),
                session.batchProperty(),
                session.batchesPerEpochProperty(),
                session.stepsProperty(),
                session.nextPhaseProperty(),
                session.examplesPerSecondProperty()));
    Label message = new Label();
    message.setId("message");
    message.getStyleClass().add("message");
    message.textProperty().bind(session.messageProperty());
    // ControlsFX's status bar: the counters on the left, the latest message on the right
    StatusBar bar = new StatusBar();
    bar.setId("status-bar");
    bar.setText("");
    bar.getLeftItems().add(status);
    bar.getRightItems().add(message);
    getChildren().addAll(buttons, bar);
  }

  static String statusLine(TrainingSession s) {
    double rate = s.examplesPerSecondProperty().get();
    // between minibatches FORWARD always comes next: the phase is named only mid-minibatch
    TrainingRun.Phase phase = s.nextPhaseProperty().get();
    return String.format(
        Locale.ROOT,
        "epoch %d/%d · batch %d/%d · step %,d%s · %s examples/s · %s",
        s.epochProperty().get(),
        s.maxEpochsProperty().get(),
        s.batchProperty().get(),
        s.batchesPerEpochProperty().get(),
        s.stepsProperty().get(),
        phase == TrainingRun.Phase.FORWARD ? "" : " · phase " + phase + " next",
        rate > 0 ? String.format(Locale.ROOT, "%,.0f", rate) : "0",
        s.state());
  }

  private static Button button(String id, String text, Ikon icon, String tip) {
    Button b = new Button(text, FontIcon.of(icon));
    b.setId(id);
    b.setFocusTraversable(false);
    b.setTooltip(new Tooltip(tip));
    b.setMinWidth(Region.USE_PREF_SIZE);
    return b;
  }
}
