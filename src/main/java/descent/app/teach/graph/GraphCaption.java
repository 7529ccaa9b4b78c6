package descent.app.teach.graph;

import descent.train.StepSnapshot;
import descent.train.TrainingRun.Phase;
import descent.train.TrainingRun.Status;

/** The line above the graph: what the phase just run did to it, and what comes next. */
final class GraphCaption {
  /** Shown before the first FORWARD, when there is no graph yet. */
  static final String NO_GRAPH = "No graph yet: press . to run FORWARD and build the graph.";

  private GraphCaption() {}

  static String of(StepSnapshot s) {
    if (s.status() == Status.DIVERGED) {
      return "Diverged at step "
          + s.step()
          + (Double.isNaN(s.loss()) && s.graph() == null
              ? ""
              : ": the loss is " + GraphText.number(s.loss(), GraphText.SCALAR_DIGITS))
          + ". The graph as it stood:";
    }
    if (s.graph() == null || s.ran() == null) {
      return s.graph() == null ? NO_GRAPH : "Step " + s.step() + ".";
    }
    String step = "Step " + s.step() + ". ";
    String text =
        switch (s.ran()) {
          case FORWARD -> "FORWARD built ŷ = Xw + b: the graph ends at ŷ. Next, LOSS (.)";
          case LOSS ->
              "LOSS added the loss = mean((ŷ − y)² / 2) = "
                  + GraphText.number(s.loss(), GraphText.SCALAR_DIGITS)
                  + ". Next, BACKWARD (.)";
          case BACKWARD ->
              "BACKWARD walked the highlighted edges back from the loss to w and b;"
                  + " grad = ∂loss/∂node. Next, UPDATE (.)";
          case UPDATE ->
              "UPDATE moved w and b against their gradients (their boxes show the new values).";
        };
    if (s.status() == Status.FINISHED) {
      text += " The run is finished.";
    }
    return step + text;
  }

  /** Whether backward's edges are drawn: right after BACKWARD ran. */
  static boolean backwardShown(StepSnapshot s) {
    return s.ran() == Phase.BACKWARD && s.graph() != null;
  }
}
