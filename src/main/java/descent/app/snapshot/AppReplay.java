package descent.app.snapshot;

import descent.app.MainView;
import descent.app.params.ParametersModel.Row;
import descent.app.presets.PresetMenu;
import descent.app.session.TrainingSession;
import descent.app.session.TrainingSession.State;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.beans.InvalidationListener;

/**
 * The whole window after the command's steps: a {@link TrainingSession} built from the same
 * settings builds the same run, and is stepped through its own commands, as a user's keys step it
 * (Step epoch for whole epochs, then Step, then Step phase), each on its training thread, waiting
 * for the session to come to rest after each. The session's run then stands where the command's
 * does; that is checked before the picture is taken.
 */
final class AppReplay {
  private final HeadlessFx fx;
  private final TrainingSession session;

  private AppReplay(HeadlessFx fx, TrainingSession session) {
    this.fx = fx;
    this.session = session;
  }

  /** Renders the main window as it stands after {@code run}'s steps and phases. */
  static BufferedImage render(HeadlessFx fx, Picture picture, AppRecipe recipe, SteppedRun run) {
    TrainingSession[] made = new TrainingSession[1];
    try (SceneShot shot =
        SceneShot.show(
            fx,
            () -> {
              made[0] = new TrainingSession(recipe.settings());
              javafx.scene.Scene scene = MainView.scene(made[0], picture.width(), picture.height());
              if (recipe.preset() != null) {
                PresetMenu.in(((MainView) scene.getRoot()).menuBar())
                    .ifPresent(menu -> menu.showLoaded(recipe.preset()));
              }
              return scene;
            })) {
      AppReplay replay = new AppReplay(fx, made[0]);
      try {
        replay.replay(run);
        replay.checkMatches(run);
        return shot.settledImage();
      } finally {
        fx.run(made[0]::shutdown);
      }
    }
  }

  private void replay(SteppedRun run) {
    command(() -> {}); // the views' first copy of the run, asked for when they appeared
    int bpe = run.batchesPerEpoch();
    int epochs = run.stepsAsked() / bpe;
    int steps = run.stepsAsked() % bpe;
    for (int i = 0; i < epochs && !isOver(); i++) {
      command(session::stepEpoch);
    }
    for (int i = 0; i < steps && !isOver(); i++) {
      command(session::step);
    }
    for (int i = 0; i < run.phasesAsked() && !isOver(); i++) {
      command(session::stepPhase);
    }
  }

  private boolean isOver() {
    return fx.call(this::over);
  }

  /** Whether the session's run finished or diverged; on the FX thread. */
  private boolean over() {
    return session.state() == State.FINISHED || session.state() == State.DIVERGED;
  }

  /** Runs {@code action} on the FX thread, then waits until the session is at rest. */
  private void command(Runnable action) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    fx.run(
        () -> {
          InvalidationListener check =
              o -> {
                if (!session.isBusy() && session.state() != State.RUNNING) {
                  done.complete(null);
                }
              };
          session.busyProperty().addListener(check);
          session.stateProperty().addListener(check);
          done.whenComplete(
              (ok, e) -> {
                session.busyProperty().removeListener(check);
                session.stateProperty().removeListener(check);
              });
          action.run();
          check.invalidated(null);
        });
    HeadlessFx.get(done);
  }

  /**
   * Checks that the session's run took the command's steps and learned the same parameters; a
   * difference would mean the picture shows another run than the one asked for.
   */
  private void checkMatches(SteppedRun run) {
    String mismatch =
        fx.call(
            () -> {
              long steps = session.stepsProperty().get();
              if (steps != run.stepsTaken()) {
                return "the app took " + steps + " steps, the command " + run.stepsTaken();
              }
              List<Row> rows = session.parameters().rows();
              double[] w = run.shownW();
              for (int j = 0; j < w.length; j++) {
                if (Double.compare(rows.get(j).learned(), w[j]) != 0) {
                  return "the app learned w" + (j + 1) + " = " + rows.get(j).learned();
                }
              }
              if (Double.compare(rows.get(w.length).learned(), run.shownB()) != 0) {
                return "the app learned b = " + rows.get(w.length).learned();
              }
              if (!over() && session.nextPhaseProperty().get() != run.now().next()) {
                return "the app's next phase is " + session.nextPhaseProperty().get();
              }
              return null;
            });
    if (mismatch != null) {
      throw new IllegalStateException("the app's run differs from the command's: " + mismatch);
    }
  }
}
