package descent.app.teach.data;

import descent.app.teach.data.PlotContent.Kind;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.StrokeLineCap;

/**
 * The Data view's colours and strokes, shared by the canvas and the legend. The colours are
 * descent.css's: the accent blue for the model, its green for the truth, its red for residuals;
 * line widths grow with the font, so a projector's lines are as bold as its text.
 */
final class DataStyle {
  static final Color BACKGROUND = Color.WHITE;
  static final Color GRID = Color.web("#eceff4");
  static final Color FRAME = Color.web("#c3c9d5");
  static final Color TEXT = Color.web("#4a5468");
  static final Color TITLE = Color.web("#1f2a44");

  /** The training points: a translucent slate, so dense regions read darker. */
  static final Color POINT = Color.web("#5b6578", 0.45);

  static final Color BATCH = Color.web("#f08c00");
  static final Color BATCH_EDGE = Color.web("#1f2a44");
  static final Color RESIDUAL = Color.web("#c62828");
  static final Color MODEL = Color.web("#2f6fde");
  static final Color BEFORE = Color.web("#2f6fde", 0.55);
  static final Color TRUE = Color.web("#1b7f3b");
  static final Color LEAST_SQUARES = Color.web("#7b3fb5");

  private DataStyle() {}

  /** Pixels per point of font: 1 at 14 px. */
  static double scale(double fontSize) {
    return Math.max(1, fontSize / 14);
  }

  static Color colour(Kind kind) {
    return switch (kind) {
      case DIAGONAL, TRUE -> TRUE;
      case LEAST_SQUARES -> LEAST_SQUARES;
      case BEFORE -> BEFORE;
      case MODEL -> MODEL;
    };
  }

  static double width(Kind kind, double fontSize) {
    double base =
        switch (kind) {
          case DIAGONAL, TRUE -> 1.5;
          case LEAST_SQUARES, BEFORE -> 2;
          case MODEL -> 3;
        };
    return base * scale(fontSize);
  }

  /** The dash pattern, or null for a solid line. */
  static double[] dashes(Kind kind, double fontSize) {
    double s = scale(fontSize);
    return switch (kind) {
      case LEAST_SQUARES -> new double[] {4 * s, 4 * s};
      case BEFORE -> new double[] {9 * s, 6 * s};
      default -> null;
    };
  }

  static void stroke(GraphicsContext g, Kind kind, double fontSize) {
    g.setStroke(colour(kind));
    g.setLineWidth(width(kind, fontSize));
    g.setLineCap(StrokeLineCap.BUTT);
    g.setLineDashes(dashes(kind, fontSize));
  }

  static double pointRadius(double fontSize) {
    return 2.2 * scale(fontSize);
  }

  static double batchRadius(double fontSize) {
    return 4.5 * scale(fontSize);
  }

  static double residualWidth(double fontSize) {
    return 2 * scale(fontSize);
  }

  /** A legend's sample of a line. */
  static Node swatch(Kind kind, double fontSize) {
    Line line = new Line(0, 0, 2.2 * fontSize, 0);
    line.setStroke(colour(kind));
    line.setStrokeWidth(width(kind, fontSize));
    line.setStrokeLineCap(StrokeLineCap.BUTT);
    double[] dashes = dashes(kind, fontSize);
    if (dashes != null) {
      for (double d : dashes) {
        line.getStrokeDashArray().add(d);
      }
    }
    return line;
  }

  /** A legend's sample of the training points. */
  static Node pointSwatch(double fontSize) {
    Circle c = new Circle(pointRadius(fontSize) * 1.3, POINT);
    return c;
  }

  /** A legend's sample of a minibatch point with its residual. */
  static Node batchSwatch(double fontSize) {
    double r = batchRadius(fontSize);
    Line residual = new Line(r, -0.6 * fontSize, r, 0.6 * fontSize);
    residual.setStroke(RESIDUAL);
    residual.setStrokeWidth(residualWidth(fontSize));
    Circle dot = new Circle(r, -0.6 * fontSize, r, BATCH);
    dot.setStroke(BATCH_EDGE);
    return new Group(residual, dot);
  }
}
