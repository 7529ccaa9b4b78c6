package descent.app.teach.batch;

import java.util.function.IntFunction;
import javafx.scene.control.TableCell;

/**
 * A number in one of the Minibatch view's tables (the rows, the parameters): clicking it shows its
 * arithmetic, "—" until its phase ran is greyed, and NaN or ∞ is red. Each cell has an id a test
 * can find, e.g. {@code batch-yhat-7} or {@code batch-update-w1}.
 */
final class NumberCell extends TableCell<Integer, String> {
  private final IntFunction<String> idOf;

  /**
   * @param idOf the cell's id for a table row, or null while the table shows nothing
   * @param popOver where a click shows the arithmetic
   * @param explain the arithmetic of a table row's number (null for none), or null if this column's
   *     numbers are not clickable
   */
  NumberCell(IntFunction<String> idOf, ExplainPopOver popOver, IntFunction<Explanation> explain) {
    this.idOf = idOf;
    getStyleClass().add("batch-cell");
    if (explain != null) {
      popOver.attach(
          this,
          () -> {
            int i = getIndex();
            return isEmpty() || i < 0 ? null : explain.apply(i);
          });
    }
  }

  @Override
  protected void updateItem(String item, boolean empty) {
    super.updateItem(item, empty);
    getStyleClass().removeAll("pending", "nonfinite");
    int i = getIndex();
    String id = empty || item == null || i < 0 ? null : idOf.apply(i);
    if (id == null) {
      setText(null);
      setId(null);
      return;
    }
    setText(item);
    setId(id);
    if (item.endsWith(Numbers.PENDING)) {
      getStyleClass().add("pending"); // "—", or an update whose result is still to come
    } else if (item.contains("NaN") || item.contains("∞")) {
      getStyleClass().add("nonfinite");
    }
  }
}
