package descent.app.transport;

import descent.app.session.TrainingSession;
import descent.app.session.TrainingSession.State;
import descent.app.settings.SpeedSetting;
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

/** Play/Pause, Step, Step epoch, Reset, the speed control, and the status bar beneath them. */
public final class TransportBar extends VBox {
  public TransportBar(TrainingSession session) {
    getStyleClass().add("transport");
    Button play = button("play", "Play", "Space: train continuously; press again to pause.");
    play.textProperty()
        .bind(
            Bindings.when(session.stateProperty().isEqualTo(State.RUNNING))
                .then("⏸ Pause")
                .otherwise("▶ Play"));
    Button step =
        button("step", "Step →", "→: run exactly one minibatch: forward, loss, backward, update.");
    Button epoch =
        button(
            "step-epoch", "Step epoch ⇥", "Shift+→: run to the end of this epoch, then validate.");
    Button reset = button("reset", "Reset ⟲", "R: start again from fresh initial weights.");

    BooleanBinding over =
        session
            .stateProperty()
            .isEqualTo(State.FINISHED)
            .or(session.stateProperty().isEqualTo(State.DIVERGED));
    play.disableProperty().bind(over);
    step.disableProperty().bind(over.or(session.busyProperty()));
    epoch.disableProperty().bind(over.or(session.busyProperty()));

    play.setOnAction(e -> session.playPause());
    step.setOnAction(e -> session.step());
    epoch.setOnAction(e -> session.stepEpoch());
    reset.setOnAction(e -> session.reset());

    SpeedSetting speed = session.settings().speed;
    Slider slider = new Slider(0, SpeedSetting.MAX_POSITION, speed.positionProperty().get());
    slider.setId("speed-slider");
    slider.setFocusTraversable(false);
    slider.valueProperty().bindBidirectional(speed.positionProperty());
    slider.setPrefWidth(160);
    slider.setTooltip(
        new Tooltip("From 1 step per second, to watch the line fit, up to as fast as possible."));
    Label speedLabel = new Label();
    speedLabel.setId("speed-label");
    speedLabel.textProperty().bind(speed.labelBinding());
    speedLabel.setMinWidth(140);

    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox buttons =
        new HBox(8, play, step, epoch, reset, gap, new Label("speed"), slider, speedLabel);
    buttons.setAlignment(Pos.CENTER_LEFT);
    buttons.setPadding(new Insets(8, 12, 6, 12));

    Label status = new Label();
    status.setId("status");
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
                session.examplesPerSecondProperty()));
    Label message = new Label();
    message.setId("message");
    message.getStyleClass().add("message");
    message.textProperty().bind(session.messageProperty());
    Region gap2 = new Region();
    HBox.setHgrow(gap2, Priority.ALWAYS);
    HBox bar = new HBox(12, status, gap2, message);
    bar.getStyleClass().add("status-bar");
    bar.setPadding(new Insets(4, 12, 4, 12));
    getChildren().addAll(buttons, bar);
  }

  static String statusLine(TrainingSession s) {
    double rate = s.examplesPerSecondProperty().get();
    return String.format(
        Locale.ROOT,
        "epoch %d/%d · batch %d/%d · step %,d · %s examples/s · %s",
        s.epochProperty().get(),
        s.maxEpochsProperty().get(),
        s.batchProperty().get(),
        s.batchesPerEpochProperty().get(),
        s.stepsProperty().get(),
        rate > 0 ? String.format(Locale.ROOT, "%,.0f", rate) : "0",
        s.state());
  }

  private static Button button(String id, String text, String tip) {
    Button b = new Button(text);
    b.setId(id);
    b.setFocusTraversable(false);
    b.setTooltip(new Tooltip(tip));
    b.setMinWidth(Region.USE_PREF_SIZE);
    return b;
  }
}
