package descent.app.teach.batch;

import descent.train.StepSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.ToIntFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableColumn.CellDataFeatures;
import javafx.util.Callback;

/**
 * The texts of a Minibatch table's cells, for the snapshot the table shows. Each row of each column
 * has one lazily computed text: a new snapshot invalidates them, and only the cells in sight read
 * theirs again and update in place. ({@code TableView.refresh()}, which this replaces, makes every
 * row and cell in sight anew, each styled by CSS again: at full speed that was most of a frame.)
 */
final class CellTexts {
  private final ObjectProperty<StepSnapshot> shown = new SimpleObjectProperty<>();
  private final ToIntFunction<StepSnapshot> rows;

  /**
   * @param rows how many rows a snapshot fills (a row beyond them reads "")
   */
  CellTexts(ToIntFunction<StepSnapshot> rows) {
    this.rows = rows;
  }

  /** Shows {@code s}: the cells in sight show its numbers at the next layout. */
  void show(StepSnapshot s) {
    shown.set(s);
  }

  /** A column's cell values: row i's text from {@code text}(snapshot, i). */
  Callback<CellDataFeatures<Integer, String>, ObservableValue<String>> column(
      BiFunction<StepSnapshot, Integer, String> text) {
    List<StringBinding> texts = new ArrayList<>();
    return cell -> {
      int i = cell.getValue();
      while (texts.size() <= i) {
        int row = texts.size();
        texts.add(
            Bindings.createStringBinding(
                () -> {
                  StepSnapshot s = shown.get();
                  return s == null || row >= rows.applyAsInt(s) ? "" : text.apply(s, row);
                },
                shown));
      }
      return texts.get(i);
    };
  }
}
