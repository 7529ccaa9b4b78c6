package descent.app.teach.data;

import descent.app.teach.data.PlotContent.Kind;
import descent.app.teach.data.PlotContent.PlotLine;
import java.util.EnumMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;

/** The plot's legend: one label per thing drawn, with a sample of its look; wraps when narrow. */
final class DataLegend extends FlowPane {
  /** The legend's entries, in order. */
  enum Entry {
    POINTS("data"),
    BATCH("minibatch, residual"),
    MODEL("model now"),
    BEFORE("before update"),
    TRUE("true line"),
    LEAST_SQUARES("least squares"),
    DIAGONAL("ŷ = y");

    final String text;

    Entry(String text) {
      this.text = text;
    }
  }

  private final Map<Entry, Label> labels = new EnumMap<>(Entry.class);
  private double swatchSize = -1;

  DataLegend() {
    getStyleClass().add("data-legend");
    for (Entry e : Entry.values()) {
      Label label = new Label(e.text);
      label.getStyleClass().add("data-legend-item");
      label.setId("data-legend-" + e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      labels.put(e, label);
      getChildren().add(label);
    }
  }

  /** Shows the entries of what {@code c} draws, with samples for text of {@code fontSize} px. */
  void update(PlotContent c, double fontSize) {
    if (fontSize != swatchSize) {
      swatchSize = fontSize;
      for (Map.Entry<Entry, Label> e : labels.entrySet()) {
        e.getValue().setGraphic(swatch(e.getKey(), fontSize));
      }
    }
    show(Entry.POINTS, c.pointX().length > 0);
    show(Entry.BATCH, c.batch() != null);
    labels
        .get(Entry.BATCH)
        .setText(c.batch() != null && c.batch().hasResiduals() ? Entry.BATCH.text : "minibatch");
    for (Kind kind : Kind.values()) {
      show(Entry.valueOf(kind.name()), has(c, kind));
    }
  }

  /** Whether the entry shows (for tests). */
  boolean shows(Entry e) {
    return labels.get(e).isVisible();
  }

  private static boolean has(PlotContent c, Kind kind) {
    for (PlotLine line : c.lines()) {
      if (line.kind() == kind) {
        return true;
      }
    }
    return false;
  }

  private void show(Entry e, boolean on) {
    Label label = labels.get(e);
    label.setVisible(on);
    label.setManaged(on);
  }

  private static Node swatch(Entry e, double fontSize) {
    return switch (e) {
      case POINTS -> DataStyle.pointSwatch(fontSize);
      case BATCH -> DataStyle.batchSwatch(fontSize);
      default -> DataStyle.swatch(Kind.valueOf(e.name()), fontSize);
    };
  }
}
