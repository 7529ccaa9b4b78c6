package descent.app.errors;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The short dialog an unexpected error shows: "Something went wrong", one sentence, the error's
 * one-line summary, and how many times it happened while the dialog was open; "Copy details" puts
 * the full stack traces on the clipboard and leaves the dialog open, Close closes it. One dialog at
 * a time: errors while it shows only raise its count. Not modal, so the app stays usable behind it.
 * FX thread only.
 */
final class ErrorDialog {
  static final String TITLE = "Something went wrong";
  static final ButtonType COPY = new ButtonType("Copy details", ButtonBar.ButtonData.LEFT);

  /** The most stack traces "Copy details" copies; later ones are only counted. */
  static final int MAX_DETAILS = 10;

  private final Alert alert = new Alert(Alert.AlertType.ERROR, "", COPY, ButtonType.CLOSE);
  private final Label sentence = new Label();
  private final Label summary = new Label();
  private final Label count = new Label();
  private final List<String> details = new ArrayList<>();
  private int errors;

  ErrorDialog(Window owner, Path logFile) {
    alert.setTitle("Descent: " + TITLE);
    alert.setHeaderText(TITLE);
    alert.initModality(javafx.stage.Modality.NONE);
    if (owner != null && owner.isShowing()) {
      alert.initOwner(owner);
    }
    sentence.setText(
        "The app caught an unexpected error and carried on; if something looks wrong, Reset starts"
            + " a fresh run."
            + (logFile == null ? "" : " A report was saved to " + logFile + "."));
    sentence.setWrapText(true);
    summary.setWrapText(true);
    summary.setId("error-summary");
    summary.setStyle("-fx-font-family: monospace;");
    count.setId("error-count");
    VBox content = new VBox(8, sentence, summary, count);
    content.setPrefWidth(480);
    alert.getDialogPane().setContent(content);
    alert.getDialogPane().setId("error-dialog");
    Button copy = (Button) alert.getDialogPane().lookupButton(COPY);
    copy.addEventFilter(
        ActionEvent.ACTION,
        e -> {
          e.consume(); // copying does not close the dialog
          ClipboardContent text = new ClipboardContent();
          text.putString(details());
          Clipboard.getSystemClipboard().setContent(text);
          copy.setText("Copied");
        });
  }

  /** Adds {@code error} to the dialog: its summary replaces the last one, and the count rises. */
  void add(String thread, Throwable error) {
    errors++;
    summary.setText(summary(error));
    count.setText(errors == 1 ? "" : "This happened " + errors + " times.");
    count.setVisible(errors > 1);
    if (details.size() < MAX_DETAILS) {
      StringWriter trace = new StringWriter();
      error.printStackTrace(new PrintWriter(trace));
      details.add("on " + thread + ":\n" + trace.toString().stripTrailing());
    }
  }

  /** Every stack trace kept, as "Copy details" copies them. */
  String details() {
    String all = String.join("\n\n", details);
    return errors > details.size()
        ? all + "\n\n(" + (errors - details.size()) + " more not kept)"
        : all;
  }

  void show() {
    alert.show();
  }

  boolean isShowing() {
    return alert.isShowing();
  }

  Alert alert() {
    return alert;
  }

  /** The error's first line, at most 200 characters: {@code IllegalStateException: boom}. */
  static String summary(Throwable error) {
    String message = error.getMessage();
    String line =
        error.getClass().getSimpleName()
            + (message == null || message.isBlank() ? "" : ": " + message.strip());
    int newline = line.indexOf('\n');
    if (newline >= 0) {
      line = line.substring(0, newline).strip();
    }
    return line.length() > 200 ? line.substring(0, 199) + "…" : line;
  }
}
