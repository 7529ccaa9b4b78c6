package descent.app.teach;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.FxWait;
import descent.app.session.TrainingSession;
import descent.app.session.TrainingSession.State;
import descent.app.settings.SettingsModel;
import descent.app.snapshot.SteppedRun;
import descent.data.SyntheticRegressionData;
import descent.train.RunSpec;
import descent.train.StepSnapshot;
import descent.train.TrainingRun.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The frame the teaching views plug into: snapshots reach a shown view after each phase, a hidden
 * view does no work and the training thread copies nothing for it, and the keys pick the views.
 */
@ExtendWith(ApplicationExtension.class)
class TeachingFrameTest {
  private Stage stage;
  private TrainingSession session;

  /** A view that writes what it drew, and counts its redraws. */
  static final class ProbeView extends TeachingPane {
    final String title;
    final Label shown = new Label();
    final List<String> drawn = new ArrayList<>(); // what each redraw drew, in order
    int redraws;

    ProbeView(TeachingFeed feed, String title) {
      super(feed);
      this.title = title;
      getChildren().add(shown);
    }

    @Override
    public String title() {
      return title;
    }

    @Override
    protected void redraw() {
      redraws++;
      StepSnapshot s = feed().snapshot();
      shown.setText(
          title + " step " + s.step() + " ran " + s.ran() + " path " + feed().path().size());
      drawn.add(shown.getText());
    }
  }

  private final List<ProbeView> made = new ArrayList<>();

  private ViewSpec spec(String title, KeyCode key) {
    return new ViewSpec(
        title,
        key,
        feed -> {
          ProbeView v = new ProbeView(feed, title);
          made.add(v);
          return v;
        });
  }

  private TeachingViews views;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    session = new TrainingSession(new SettingsModel());
    TeachingFeed feed = TeachingFeed.forSession(session);
    views =
        new TeachingViews(
            List.of(spec("One", KeyCode.DIGIT1), spec("Two", KeyCode.DIGIT2)),
            feed,
            session::setWatching);
    Scene scene = new Scene(views, 800, 500);
    scene.setOnKeyPressed(views::handleKey);
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void stop(FxRobot robot) {
    robot.interact(session::shutdown);
  }

  private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
    FxWait.until(20, condition);
  }

  private void press(FxRobot robot, Runnable command) throws TimeoutException {
    robot.interact(command);
    waitUntil(() -> !session.isBusy() && session.state() != State.RUNNING);
  }

  private String text(int index) throws Exception {
    return WaitForAsyncUtils.asyncFx(() -> made.get(index).shown.getText()).get();
  }

  @Test
  void theShownViewDrawsEachPhaseAndTheHiddenOneNothing(FxRobot robot) throws Exception {
    waitUntil(() -> made.get(0).redraws > 0);
    assertThat(session.isWatching()).isTrue();
    assertThat(text(0)).isEqualTo("One step 0 ran null path 1");
    // view Two, shown once and hidden again, exists from now on
    robot.interact(() -> views.show(1, false));
    waitUntil(() -> made.size() == 2 && made.get(1).redraws > 0);
    robot.interact(() -> views.show(0, false));
    waitUntil(() -> "One".equals(views.shown(false)));
    int hiddenRedraws = made.get(1).redraws;

    press(robot, session::stepPhase);
    waitUntil(() -> made.get(0).shown.getText().contains("FORWARD"));
    assertThat(text(0)).isEqualTo("One step 1 ran FORWARD path 1");

    for (Phase p : List.of(Phase.LOSS, Phase.BACKWARD, Phase.UPDATE)) {
      press(robot, session::stepPhase);
      waitUntil(() -> made.get(0).shown.getText().contains(p.name()));
    }
    assertThat(text(0)).isEqualTo("One step 1 ran UPDATE path 2");

    press(robot, session::step);
    waitUntil(() -> made.get(0).shown.getText().startsWith("One step 2"));
    assertThat(text(0)).isEqualTo("One step 2 ran UPDATE path 3");
    assertThat(made.get(1).redraws).as("a hidden view does no work").isEqualTo(hiddenRedraws);
  }

  @Test
  void keysPickTheViewsAndShiftOpensTheSecondPane(FxRobot robot) throws Exception {
    waitUntil(() -> made.get(0).redraws > 0);
    robot.type(KeyCode.DIGIT2);
    waitUntil(() -> "Two".equals(views.shown(false)));
    assertThat(views.isTwoViews()).isFalse();
    waitUntil(() -> made.get(1).redraws > 0);

    robot.press(KeyCode.SHIFT).type(KeyCode.DIGIT1).release(KeyCode.SHIFT);
    waitUntil(views::isTwoViews);
    assertThat(views.shown(true)).isEqualTo("One");
    assertThat(views.shown(false)).isEqualTo("Two");
    // the second pane's view is an instance of its own, and only the view it shows was made
    assertThat(made).hasSize(3);
    assertThat(made.get(2)).isNotSameAs(made.get(0));
    assertThat(made.get(2).title).isEqualTo("One");
    waitUntil(() -> made.get(2).redraws > 0);
  }

  @Test
  void aViewIsMadeOnlyWhenItsTabIsFirstShown(FxRobot robot) throws Exception {
    waitUntil(() -> made.get(0).redraws > 0);
    // at launch only the first pane's selected view exists: the first frame waits for no other
    assertThat(made).extracting(v -> v.title).containsExactly("One");

    robot.type(KeyCode.DIGIT2);
    waitUntil(() -> made.size() == 2 && made.get(1).redraws > 0);
    assertThat(made.get(1).title).isEqualTo("Two");
    assertThat(text(1)).isEqualTo("Two step 0 ran null path 1");

    // back and forth: the views made stay, none is made twice
    robot.type(KeyCode.DIGIT1);
    waitUntil(() -> "One".equals(views.shown(false)));
    robot.type(KeyCode.DIGIT2);
    waitUntil(() -> "Two".equals(views.shown(false)));
    assertThat(made).hasSize(2);

    // the "Two views" toggle opens the second pane on its own choice, made then
    robot.interact(() -> views.setTwoViews(true));
    waitUntil(() -> made.size() == 3 && made.get(2).redraws > 0);
    assertThat(views.shown(true)).isEqualTo("Two");
  }

  @Test
  void withNoViewShownTheTrainingThreadCopiesNothing(FxRobot robot) throws Exception {
    waitUntil(() -> made.get(0).redraws > 0);
    robot.interact(() -> views.setVisible(false));
    assertThat(session.isWatching()).isFalse();
    StepSnapshot before = session.snapshotProperty().get();
    press(robot, session::step);
    press(robot, session::stepPhase);
    assertThat(session.snapshotProperty().get()).isSameAs(before);

    robot.interact(() -> views.setVisible(true));
    assertThat(session.isWatching()).isTrue();
    // shown again, the view catches up with where the run stands at once
    waitUntil(() -> made.get(0).shown.getText().equals("One step 2 ran FORWARD path 2"));
  }

  /** A feed of a run of its own, stepped five minibatches, as the app's rehearsal makes one. */
  private static TeachingFeed standIn() {
    SteppedRun run =
        SteppedRun.of(
            RunSpec.chapter(3),
            new SyntheticRegressionData(new double[] {2, -3.4}, 4.2, 0.01, 40, 8, 4, true, 3),
            5,
            0,
            true);
    TeachingFeed feed = new TeachingFeed();
    feed.startRun(run.picture(), run.ready());
    feed.onEvents(run.events());
    feed.show(run.now());
    return feed;
  }

  @Test
  void viewsNotShownYetAreMadeAheadRehearsedAndDrawnOnlyWhileNothingPlays(FxRobot robot)
      throws Exception {
    waitUntil(() -> made.get(0).redraws > 0);
    boolean[] idle = {false};
    int[] asked = {0};
    TeachingFeed stand = WaitForAsyncUtils.asyncFx(TeachingFrameTest::standIn).get();
    int[] standInsAsked = {0};
    robot.interact(
        () ->
            views.makeAheadWhenIdle(
                () -> {
                  asked[0]++;
                  return idle[0];
                },
                () -> {
                  standInsAsked[0]++;
                  return stand;
                }));
    // a run plays: asked three times whether it may, it made nothing
    waitUntil(() -> asked[0] >= 3);
    assertThat(made).extracting(v -> v.title).containsExactly("One");

    ProbeView one = made.get(0);
    int oneDrew = one.redraws;
    idle[0] = true; // the run stopped
    waitUntil(views::isMadeAhead);
    assertThat(made).extracting(v -> v.title).containsExactly("One", "Two");
    ProbeView two = made.get(1);
    assertThat(two.showingProperty().get()).as("made hidden").isFalse();
    // hidden, it drew its own run once (to load its drawing code), then the stand-in's run,
    // stepped five minibatches (to make the parts a real minibatch brings)
    assertThat(two.drawn)
        .containsExactly("Two step 0 ran null path 1", "Two step 5 ran UPDATE path 6");
    assertThat(standInsAsked[0]).isEqualTo(1);
    assertThat(views.shown(false)).as("the view on screen stays").isEqualTo("One");
    assertThat(one.redraws).as("the rehearsal told the shown view nothing").isEqualTo(oneDrew);
    assertThat(text(0)).isEqualTo("One step 0 ran null path 1");
    assertThat(session.isWatching()).isTrue();

    // shown, it draws where its own run stands: the rehearsal left it stale
    press(robot, session::step);
    robot.type(KeyCode.DIGIT2);
    waitUntil(() -> two.redraws == 3);
    assertThat(text(1)).isEqualTo("Two step 1 ran UPDATE path 2");
    assertThat(made).as("none made twice").hasSize(2);

    // a new run: the view hidden now is drawn once more for the new run's data, and rehearses
    robot.type(KeyCode.DIGIT1);
    waitUntil(() -> "One".equals(views.shown(false)));
    int before = two.redraws;
    robot.interact(() -> session.settings().seed.set(7));
    waitUntil(() -> !views.isMadeAhead() || two.redraws > before); // the new run was seen
    waitUntil(views::isMadeAhead);
    assertThat(two.drawn.subList(before, two.drawn.size()))
        .containsExactly("Two step 0 ran null path 1", "Two step 5 ran UPDATE path 6");
    assertThat(standInsAsked[0]).isEqualTo(2);
    assertThat(two.showingProperty().get()).isFalse();
    assertThat(made).hasSize(2);
  }
}
