package descent.app.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import descent.app.prefs.Preferences;
import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowPlaceTest {
  private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 740);
  private static final Rectangle2D PROJECTOR = new Rectangle2D(1366, 0, 1920, 1050);

  @Test
  void aPlaceOnAScreenThatIsThereIsRestored() {
    var saved = new Preferences.Bounds(100, 50, 1000, 650);
    assertThat(WindowPlace.restored(saved, List.of(LAPTOP), 960, 600))
        .contains(new Rectangle2D(100, 50, 1000, 650));
    // the frame may stick out a little, as a window dragged to the edge does
    var edge = new Preferences.Bounds(-8, -8, 1382, 756);
    assertThat(WindowPlace.restored(edge, List.of(LAPTOP), 960, 600)).isPresent();
  }

  @Test
  void aPlaceOnAProjectorThatIsGoneIsNot() {
    var onProjector = new Preferences.Bounds(1500, 40, 1600, 1000);
    assertThat(WindowPlace.restored(onProjector, List.of(LAPTOP, PROJECTOR), 960, 600)).isPresent();
    assertThat(WindowPlace.restored(onProjector, List.of(LAPTOP), 960, 600)).isEmpty();
  }

  @Test
  void aPlaceTooLargeOrTooSmallOrAcrossTwoScreensIsNot() {
    assertThat(
            WindowPlace.restored(
                new Preferences.Bounds(0, 0, 1600, 1000), List.of(LAPTOP), 960, 600))
        .isEmpty();
    assertThat(
            WindowPlace.restored(new Preferences.Bounds(0, 0, 500, 300), List.of(LAPTOP), 960, 600))
        .isEmpty();
    assertThat(
            WindowPlace.restored(
                new Preferences.Bounds(1000, 0, 1000, 700), List.of(LAPTOP, PROJECTOR), 960, 600))
        .isEmpty();
    assertThat(WindowPlace.restored(null, List.of(LAPTOP), 960, 600)).isEmpty();
  }
}
