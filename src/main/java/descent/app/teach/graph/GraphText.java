package descent.app.teach.graph;

import descent.train.GraphSnapshot;
import descent.train.GraphSnapshot.Node;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a node of the graph view says, as plain text: its title, its shape, and the summaries of its
 * values and of its gradient. No JavaFX, so it is tested on its own.
 */
final class GraphText {
  /** Significant digits of a scalar (the loss is shown this way, as the Minibatch view does). */
  static final int SCALAR_DIGITS = 6;

  /** Significant digits of a tensor holding one number (b, or w with one feature). */
  static final int SINGLE_DIGITS = 4;

  /** Significant digits of each entry of a larger tensor. */
  static final int ENTRY_DIGITS = 3;

  /** How many entries of a tensor a node lists before "…". */
  static final int ENTRIES = 3;

  private GraphText() {}

  /** The node's op, or its name for a leaf; a constant leaf's value ("2") when it has no name. */
  static String title(Node n) {
    if (n.op() != null) {
      return n.op();
    }
    if (n.name() != null) {
      return n.name();
    }
    if (n.size() == 1 && n.values().length == 1) {
      return number(n.values()[0], SCALAR_DIGITS);
    }
    return "constant";
  }

  /** What kind of leaf it is, or null for an op: "constant" for an unnamed leaf. */
  static String kind(Node n) {
    return n.isLeaf() && n.name() == null ? "constant" : null;
  }

  /** Dimensions joined by "×" ("32×1"), "scalar" for a tensor of rank 0. */
  static String shape(int[] dims) {
    if (dims.length == 0) {
      return "scalar";
    }
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < dims.length; i++) {
      if (i > 0) {
        s.append('×');
      }
      s.append(dims[i]);
    }
    return s.toString();
  }

  /**
   * The value summary, one line per entry: a scalar (the loss) in full ({@value #SCALAR_DIGITS}
   * significant digits), a tensor of one number to {@value #SINGLE_DIGITS}, a larger tensor's first
   * {@value #ENTRIES} entries to {@value #ENTRY_DIGITS} and "…" if it has more.
   */
  static List<String> values(Node n) {
    return summary(n.values(), n.size(), n.shape().length);
  }

  /** The gradient's summary like {@link #values}, or an empty list before backward reached it. */
  static List<String> grad(Node n) {
    return n.grad() == null ? List.of() : summary(n.grad(), n.size(), n.shape().length);
  }

  private static List<String> summary(double[] head, int size, int rank) {
    List<String> lines = new ArrayList<>();
    if (size == 1 && head.length >= 1) {
      lines.add(number(head[0], rank == 0 ? SCALAR_DIGITS : SINGLE_DIGITS));
      return lines;
    }
    int shown = Math.min(ENTRIES, head.length);
    for (int i = 0; i < shown; i++) {
      lines.add(number(head[i], ENTRY_DIGITS));
    }
    if (size > shown) {
      lines.add("…");
    }
    return lines;
  }

  /**
   * {@code v} rounded to {@code digits} significant digits, without trailing zeros, with a true
   * minus sign; from 10⁶ up and below 10⁻³ in the form "1.23e−7" (no wider than "0.000123"); "NaN",
   * "∞", "−∞".
   */
  static String number(double v, int digits) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "−∞";
    }
    if (v == 0) {
      return "0";
    }
    BigDecimal rounded = new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN));
    double magnitude = Math.abs(rounded.doubleValue());
    String s;
    if (magnitude >= 1e6 || magnitude < 1e-3) {
      int exponent = rounded.precision() - rounded.scale() - 1;
      BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
      s = mantissa.toPlainString() + "e" + minus(Integer.toString(exponent));
    } else {
      s = rounded.stripTrailingZeros().toPlainString();
    }
    return minus(s);
  }

  private static String minus(String s) {
    return s.replace('-', '−');
  }

  /**
   * The role the chapter gives a node, or null: "ŷ" for the prediction (the deepest op that does
   * not depend on the targets y), "loss" for the root once the graph reaches y.
   */
  static String role(GraphSnapshot graph, int index) {
    List<Node> nodes = graph.nodes();
    boolean[] usesY = new boolean[nodes.size()];
    int yHat = -1;
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      usesY[i] = n.isLeaf() && "y".equals(n.name());
      for (int in : n.inputs()) {
        usesY[i] |= usesY[in];
      }
      if (!usesY[i] && !n.isLeaf() && (yHat < 0 || n.depth() >= nodes.get(yHat).depth())) {
        yHat = i;
      }
    }
    int root = nodes.size() - 1;
    if (index == root && usesY[root]) {
      return "loss";
    }
    return index == yHat ? "ŷ" : null;
  }
}
