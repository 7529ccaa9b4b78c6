package descent.app.teach;

import java.util.function.Function;
import javafx.scene.input.KeyCode;

/**
 * One kind of teaching view: its tab's title, the key that shows it, and how to make one. The
 * window can show a kind twice (side by side), so each place gets its own instance.
 *
 * @param title the tab's title, e.g. "Data"
 * @param key shows the view in the first pane; with Shift, in the second
 * @param make a new view reading the given feed
 */
public record ViewSpec(String title, KeyCode key, Function<TeachingFeed, TeachingPane> make) {}
