package descent.app.settings;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/**
 * A fixed-height slot under a group of fields that says why a value was refused, the newest reason
 * first. Its height never changes, so a message, short or long, never moves another control; when
 * no value is refused it shows a hint instead.
 */
final class ErrorSlot extends VBox {
  ErrorSlot(String id, String hint, List<? extends Setting> settings) {
    setId(id);
    getStyleClass().add("error-slot");
    Rectangle clip = new Rectangle();
    clip.widthProperty().bind(widthProperty());
    clip.heightProperty().bind(heightProperty());
    setClip(clip);
    // as wide as the panel, never wider: a long message wraps instead of widening the panel
    setMinWidth(0);
    setPrefWidth(0);
    setMaxWidth(Double.MAX_VALUE);

    Label hintLabel = new Label(hint);
    hintLabel.getStyleClass().add("field-hint");
    hintLabel.setWrapText(true);
    hintLabel.setMinWidth(0);
    hintLabel.setPrefWidth(0);
    hintLabel.setMaxWidth(Double.MAX_VALUE);
    getChildren().add(hintLabel);
    BooleanBinding anyError = Bindings.createBooleanBinding(() -> false);
    for (Setting s : settings) {
      Label error = errorLabel(s);
      getChildren().add(error);
      anyError = anyError.or(s.errorProperty().isNotNull());
      s.errorProperty()
          .addListener(
              (obs, old, now) -> {
                if (now != null) {
                  getChildren().remove(error); // the newest reason goes on top
                  getChildren().add(0, error);
                }
              });
    }
    hintLabel.visibleProperty().bind(anyError.not());
    hintLabel.managedProperty().bind(hintLabel.visibleProperty());
  }

  private static Label errorLabel(Setting s) {
    Label error = new Label();
    error.setId(SettingsView.idOf(s) + "-error");
    error.getStyleClass().add("field-error");
    error.textProperty().bind(s.errorProperty());
    error.visibleProperty().bind(s.errorProperty().isNotNull());
    error.managedProperty().bind(error.visibleProperty());
    error.setWrapText(true);
    error.setMinWidth(0);
    error.setPrefWidth(0);
    error.setMaxWidth(Double.MAX_VALUE);
    error.setGraphic(FontIcon.of(MaterialDesignA.ALERT_CIRCLE));
    return error;
  }
}
