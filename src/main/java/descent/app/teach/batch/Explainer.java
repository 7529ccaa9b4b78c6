package descent.app.teach.batch;

import static descent.app.teach.batch.Numbers.format;
import static descent.app.teach.batch.Numbers.sub;
import static descent.app.teach.batch.Numbers.term;

import descent.train.StepSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic behind each number of the Minibatch view, CNN Explainer style: clicking ŷ₇ shows
 * x₇ · w + b with the values. Every value shown is the snapshot's copy of the engine's number;
 * where the engine's value is not in the snapshot (a residual, a row loss, their sum), it is
 * recomputed with exactly the engine's operations in the engine's order, which gives the same
 * double. An example is named by its row in the training set: ŷ₁₇ is row 17's prediction.
 */
final class Explainer {
  /** The most terms of a sum written out before "…". */
  static final int TERMS = 4;

  private final StepSnapshot s;
  private final BatchState state;
  private final List<String> features;

  /**
   * @param features the features' column names (x₁ …)
   */
  Explainer(StepSnapshot s, List<String> features) {
    this.s = s;
    this.state = BatchState.of(s);
    this.features = features;
  }

  /** The subscript naming example {@code i} of the minibatch: its row in the training set. */
  private String n(int i) {
    return sub(s.rows()[i]);
  }

  static String param(int p, int d) {
    return p == d ? "b" : "w" + sub(p + 1);
  }

  /** The residual ŷᵢ − yᵢ, as the engine's sub computes it. */
  static double residual(StepSnapshot s, int i) {
    return s.yHat()[i] - s.y()[i];
  }

  /** The row loss ½(ŷᵢ − yᵢ)², as the engine's square then div by 2 compute it. */
  static double rowLoss(StepSnapshot s, int i) {
    double r = residual(s, i);
    return r * r / 2;
  }

  /** The sum of the shown rows' losses, in the engine's order: all of them unless truncated. */
  static double rowLossSum(StepSnapshot s) {
    double acc = 0;
    for (int i = 0; i < s.rows().length; i++) {
      acc += rowLoss(s, i);
    }
    return acc;
  }

  Explanation feature(int i, int j) {
    return Explanation.of(
        features.get(j) + " of row " + s.rows()[i] + " = " + format(s.x()[i][j]),
        "Data: row " + s.rows()[i] + " of the training set, as the loader read it.",
        "Nothing computes it; ŷ uses it.");
  }

  Explanation target(int i) {
    return Explanation.of(
        "y" + n(i) + " = " + format(s.y()[i]),
        "Data: the target of row " + s.rows()[i] + " of the training set.",
        "The model tries to predict it; ŷ" + n(i) + " − y" + n(i) + " is its miss.");
  }

  Explanation prediction(int i) {
    String title = "ŷ" + n(i) + " = x" + n(i) + " · w + b";
    if (!state.forward()) {
      return Explanation.of(title, "Not computed yet: FORWARD computes it.");
    }
    double[] w = state.updated() ? s.wBefore() : s.w();
    double b = state.updated() ? s.bBefore() : s.b();
    String value = "= " + format(s.yHat()[i]);
    if (w == null) {
      return Explanation.of(
          title,
          "with w and b as they were before this step's update, which were not recorded",
          "(no view was watching when the update ran)",
          value);
    }
    StringBuilder sum = new StringBuilder("= ");
    for (int j = 0; j < w.length; j++) {
      sum.append(term(s.x()[i][j])).append(" × ").append(term(w[j])).append(" + ");
    }
    sum.append(term(b));
    List<String> lines = new ArrayList<>(List.of(sum.toString(), value));
    if (state.updated()) {
      lines.add("(w and b before this step's update: the values FORWARD used)");
    }
    return new Explanation(title, lines);
  }

  Explanation residualOf(int i) {
    String n = n(i);
    String title = "ŷ" + n + " − y" + n;
    if (!state.loss()) {
      return Explanation.of(title, "Not computed yet: LOSS computes it.");
    }
    return Explanation.of(
        title, "= " + format(s.yHat()[i]) + " − " + term(s.y()[i]), "= " + format(residual(s, i)));
  }

  Explanation rowLossOf(int i) {
    String n = n(i);
    String title = "½(ŷ" + n + " − y" + n + ")²";
    if (!state.loss()) {
      return Explanation.of(title, "Not computed yet: LOSS computes it.");
    }
    return Explanation.of(
        title,
        "= ½ × " + term(residual(s, i)) + "²",
        "= " + format(rowLoss(s, i)),
        "(this row's share of the batch loss L is this / m)");
  }

  Explanation batchLoss() {
    int m = s.batchSize();
    String title = "L = (1/m) Σᵢ ½(ŷᵢ − yᵢ)²,  m = " + Numbers.count(m);
    if (!state.loss()) {
      return Explanation.of(title, "Not computed yet: LOSS computes it.");
    }
    String value = "= " + format(s.loss());
    if (s.isTruncated()) {
      return Explanation.of(
          title,
          "= (sum of all " + Numbers.count(m) + " row losses) / " + Numbers.count(m),
          value,
          "(the first "
              + Numbers.count(s.rows().length)
              + " rows, shown, sum to "
              + format(rowLossSum(s))
              + ")");
    }
    List<String> terms = new ArrayList<>();
    for (int i = 0; i < s.rows().length; i++) {
      terms.add(format(rowLoss(s, i)));
    }
    return Explanation.of(
        title,
        "= (" + sum(terms, m) + ") / " + Numbers.count(m),
        "= " + format(rowLossSum(s)) + " / " + Numbers.count(m),
        value);
  }

  /** ∂L/∂θ for θ = w_p (p &lt; d) or b (p = d). */
  Explanation gradient(int p) {
    int d = s.numFeatures();
    String name = param(p, d);
    int m = s.batchSize();
    String factor = p == d ? "" : " x" + "ᵢ" + sub(p + 1);
    String title = "∂L/∂" + name + " = (1/m) Σᵢ (ŷᵢ − yᵢ)" + factor;
    if (!state.backward()) {
      return Explanation.of(title, "Not computed yet: BACKWARD computes it.");
    }
    List<String> terms = new ArrayList<>();
    for (int i = 0; i < s.rows().length; i++) {
      String r = term(residual(s, i));
      terms.add(p == d ? r : r + " × " + term(s.x()[i][p]));
    }
    List<String> lines = new ArrayList<>();
    lines.add("= (1/" + Numbers.count(m) + ") × [" + sum(terms, m) + "]");
    if (clipped()) {
      lines.add(
          "× "
              + format(s.clipFactor())
              + ", the clip factor "
              + Numbers.setting(s.clipValue())
              + " / ‖g‖ (‖g‖ = "
              + format(s.gradNorm())
              + ")");
    }
    lines.add("= " + format(p == d ? s.gradB() : s.gradW()[p]));
    lines.add(
        "(backward's chain rule: ∂L/∂ŷᵢ = (ŷᵢ − yᵢ)/m, and ∂ŷᵢ/∂"
            + name
            + " = "
            + (p == d ? "1)" : "xᵢ" + sub(p + 1) + ")"));
    return new Explanation(title, lines);
  }

  Explanation norm() {
    String title = "‖g‖ = √(Σⱼ (∂L/∂wⱼ)² + (∂L/∂b)²)";
    if (!state.backward()) {
      return Explanation.of(title, "Not computed yet: BACKWARD computes it.");
    }
    List<String> lines = new ArrayList<>();
    if (!clipped()) {
      List<String> squares = new ArrayList<>();
      for (double g : s.gradW()) {
        squares.add(term(g) + "²");
      }
      squares.add(term(s.gradB()) + "²");
      lines.add("= √(" + String.join(" + ", squares) + ")");
    } else {
      lines.add("measured before clipping, on the gradient backward computed");
    }
    lines.add("= " + format(s.gradNorm()));
    if (s.clipValue() > 0) {
      lines.add(
          clipped()
              ? "> "
                  + Numbers.setting(s.clipValue())
                  + ": clipped, every component × "
                  + Numbers.setting(s.clipValue())
                  + " / "
                  + format(s.gradNorm())
                  + " = "
                  + format(s.clipFactor())
              : "≤ " + Numbers.setting(s.clipValue()) + ": not clipped");
    }
    return new Explanation(title, lines);
  }

  /** The update of θ = w_p (p &lt; d) or b (p = d). */
  Explanation update(int p) {
    int d = s.numFeatures();
    String name = param(p, d);
    String title = name + " ← " + name + " − η · ∂L/∂" + name;
    double after = p == d ? s.b() : s.w()[p];
    if (!state.updated()) {
      String eta = Numbers.setting(s.learningRate());
      String grad = state.backward() ? term(p == d ? s.gradB() : s.gradW()[p]) : "∂L/∂" + name;
      return Explanation.of(
          title,
          "= " + format(after) + " − " + eta + " × " + grad,
          "= "
              + Numbers.PENDING
              + " (UPDATE computes it"
              + (state.backward() ? ")" : ", after BACKWARD computes ∂L/∂" + name + ")"));
    }
    double grad = p == d ? s.gradB() : s.gradW()[p];
    if (s.wBefore() == null) {
      return Explanation.of(
          title,
          name + " before the update was not recorded (no view was watching when it ran)",
          "= " + format(after));
    }
    double before = p == d ? s.bBefore() : s.wBefore()[p];
    return Explanation.of(
        title,
        "= " + format(before) + " − " + Numbers.setting(s.learningRate()) + " × " + term(grad),
        "= " + format(after));
  }

  private boolean clipped() {
    return s.clipValue() > 0 && s.clipFactor() < 1;
  }

  /** Up to {@link #TERMS} terms joined by +, then "… (m terms)" if there are more. */
  private static String sum(List<String> terms, int m) {
    if (m <= TERMS + 1 && terms.size() == m) {
      return String.join(" + ", terms);
    }
    return String.join(" + ", terms.subList(0, Math.min(TERMS, terms.size())))
        + " + … ("
        + Numbers.count(m)
        + " terms)";
  }
}
