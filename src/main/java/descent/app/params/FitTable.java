package descent.app.params;

import descent.train.FitQuality.Scores;
import java.util.function.ToDoubleFunction;
import javafx.beans.value.ObservableValue;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * R² and RMSE on the training and validation rows, for the learned model and for least squares, one
 * column each; least squares' column is marked as the best a linear model can do on the training
 * rows. Binds to {@link ParametersModel}'s scores.
 */
final class FitTable extends GridPane {
  static final String R2_TIP =
      "R² = 1 − SS_res / SS_tot: the share of the targets' spread the model explains. 1 is a"
          + " perfect fit, 0 is no better than predicting the mean, below 0 is worse than that."
          + " SS_tot is taken around each set's own mean, so the validation R² compares with the"
          + " validation rows' mean. — when the targets do not vary.";
  static final String RMSE_TIP =
      "RMSE = √(mean (ŷ − y)²): the typical prediction error, in the target's units. The"
          + " chapter's loss is half its square.";
  static final String BEST_TIP =
      "The closed-form least-squares fit of the training rows: no linear model has a higher R² or"
          + " a lower RMSE on the training rows. On the validation rows another model may do better.";
  static final String TRAINING_TIP = " On the training rows, the ones SGD learns from.";
  static final String VALIDATION_TIP =
      " On the validation rows, which training never sees: how well the model generalises.";
  static final String LEARNED_TIP = "The w and b SGD has learned so far.";

  FitTable(ParametersModel model) {
    getStyleClass().add("fit-table");
    setId("fit-table");
    setHgap(12);
    setVgap(2);
    for (int c = 0; c < 5; c++) {
      ColumnConstraints cc = new ColumnConstraints();
      cc.setHalignment(c == 0 ? HPos.LEFT : HPos.RIGHT);
      cc.setMinWidth(Region.USE_PREF_SIZE);
      getColumnConstraints().add(cc);
    }
    addRow(
        0,
        header("fit", "How well each model's predictions match the targets."),
        header("R² train", R2_TIP + TRAINING_TIP),
        header("RMSE train", RMSE_TIP + TRAINING_TIP),
        header("R² val", R2_TIP + VALIDATION_TIP),
        header("RMSE val", RMSE_TIP + VALIDATION_TIP));
    Label learned = rowName("learned", LEARNED_TIP);
    Label best = rowName("least squares", BEST_TIP);
    FontIcon star = FontIcon.of(MaterialDesignS.STAR);
    star.getStyleClass().add("best-icon");
    best.setGraphic(star);
    best.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
    best.setId("fit-best");
    row(1, learned, "learned", model.learnedTrainProperty(), model.learnedValidationProperty());
    row(2, best, "ols", model.bestTrainProperty(), model.bestValidationProperty());
  }

  private void row(
      int r,
      Label name,
      String id,
      ObservableValue<Scores> train,
      ObservableValue<Scores> validation) {
    addRow(
        r,
        name,
        cell("r2-train-" + id, train, Scores::r2),
        cell("rmse-train-" + id, train, Scores::rmse),
        cell("r2-val-" + id, validation, Scores::r2),
        cell("rmse-val-" + id, validation, Scores::rmse));
  }

  private static Label rowName(String text, String tip) {
    Label label = new Label(text);
    label.getStyleClass().add("fit-name");
    label.setTooltip(tooltip(tip));
    label.setMinWidth(Region.USE_PREF_SIZE);
    return label;
  }

  private static Label cell(
      String id, ObservableValue<Scores> scores, ToDoubleFunction<Scores> pick) {
    Label l = new Label();
    l.setId(id);
    l.getStyleClass().add("fit-number");
    l.setMinWidth(Region.USE_PREF_SIZE);
    l.textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () -> ParameterPanel.format(pick.applyAsDouble(scores.getValue())), scores));
    return l;
  }

  private static Label header(String text, String tip) {
    Label h = new Label(text);
    h.getStyleClass().add("column-header");
    h.setTooltip(tooltip(tip));
    h.setMinWidth(Region.USE_PREF_SIZE);
    return h;
  }

  private static Tooltip tooltip(String text) {
    Tooltip t = new Tooltip(text);
    t.setWrapText(true);
    t.setMaxWidth(360);
    return t;
  }
}
