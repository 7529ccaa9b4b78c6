package descent.app.export;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The run's history as CSV (RFC 4180: a header row, commas, CRLF line ends), numbers in full
 * precision ({@link Double#toString}: the shortest text that reads back as the same double; NaN and
 * ±Infinity as Java writes them). An empty cell means "not measured at this row".
 *
 * <p>Loss history, one row per step that recorded something, in step order:
 *
 * <ul>
 *   <li>{@code step}: minibatches run so far, this one included (the x to plot against);
 *   <li>{@code epoch}, {@code batch}: counted from 1;
 *   <li>{@code fractional_epoch}: the loss chart's x, epoch − 1 + (batch − 1) / batches per epoch;
 *   <li>{@code minibatch_loss}: this minibatch's mean loss, before its update;
 *   <li>{@code epoch_train_loss}, {@code validation_loss}: on the row of an epoch's last step, the
 *       mean loss over the epoch's training minibatches and over every validation row;
 *   <li>{@code kept_every}: 1 when every minibatch (or epoch) is in the file; k when a very long
 *       run kept only every k-th (see {@link RunHistory}).
 * </ul>
 *
 * <p>Parameter path, one row per step, step 0 being the parameters before the first step: {@code
 * step}, {@code w1} … {@code wd}, {@code b}, {@code train_loss} (the mean loss over every training
 * row at these parameters, as the landscape draws it) and {@code kept_every}.
 */
public final class HistoryCsv {
  private HistoryCsv() {}

  /** The header of the loss history. */
  public static final List<String> LOSS_HEADER =
      List.of(
          "step",
          "epoch",
          "batch",
          "fractional_epoch",
          "minibatch_loss",
          "epoch_train_loss",
          "validation_loss",
          "kept_every");

  /** The loss history as CSV text. */
  public static String lossHistory(RunHistory history) {
    StringBuilder out = new StringBuilder();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
      csv.printRecord(LOSS_HEADER);
      ThinnedTable mb = history.minibatches();
      ThinnedTable ep = history.epochs();
      int i = 0;
      int j = 0;
      while (i < mb.size() || j < ep.size()) {
        long stepMb = i < mb.size() ? mb.step(i) : Long.MAX_VALUE;
        long stepEp = j < ep.size() ? ep.step(j) : Long.MAX_VALUE;
        long step = Math.min(stepMb, stepEp);
        List<String> row = new ArrayList<>(LOSS_HEADER.size());
        row.add(Long.toString(step));
        if (stepMb == step) {
          row.add(Long.toString((long) mb.value(i, RunHistory.EPOCH) + 1));
          row.add(Long.toString((long) mb.value(i, RunHistory.BATCH) + 1));
          row.add(Double.toString(mb.value(i, RunHistory.X)));
          row.add(Double.toString(mb.value(i, RunHistory.LOSS)));
        } else {
          row.add(Long.toString((long) ep.value(j, RunHistory.EPOCH) + 1));
          row.add("");
          row.add("");
          row.add("");
        }
        if (stepEp == step) {
          row.add(Double.toString(ep.value(j, RunHistory.TRAIN)));
          row.add(Double.toString(ep.value(j, RunHistory.VAL)));
        } else {
          row.add("");
          row.add("");
        }
        row.add(Long.toString(stepMb == step ? mb.stride() : ep.stride()));
        csv.printRecord(row);
        if (stepMb == step) {
          i++;
        }
        if (stepEp == step) {
          j++;
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e); // a StringBuilder does not fail
    }
    return out.toString();
  }

  /** The header of the parameter path for {@code d} weights. */
  public static List<String> pathHeader(int d) {
    List<String> header = new ArrayList<>();
    header.add("step");
    for (int k = 1; k <= d; k++) {
      header.add("w" + k);
    }
    header.add("b");
    header.add("train_loss");
    header.add("kept_every");
    return header;
  }

  /** The parameter path as CSV text. */
  public static String parameterPath(RunHistory history) {
    int d = history.numFeatures();
    StringBuilder out = new StringBuilder();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
      csv.printRecord(pathHeader(d));
      ThinnedTable path = history.path();
      double[] w = new double[d];
      for (int k = 0; k < path.size(); k++) {
        List<String> row = new ArrayList<>(d + 4);
        row.add(Long.toString(path.step(k)));
        for (int j = 0; j < d; j++) {
          w[j] = path.value(k, j);
          row.add(Double.toString(w[j]));
        }
        double b = path.value(k, d);
        row.add(Double.toString(b));
        double loss =
            history.picture() == null ? Double.NaN : history.picture().surface().loss(w, b);
        row.add(Double.isNaN(loss) && history.picture() == null ? "" : Double.toString(loss));
        row.add(Long.toString(path.stride()));
        csv.printRecord(row);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }
}
