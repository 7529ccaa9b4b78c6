package descent.app.teach.graph;

import static org.assertj.core.api.Assertions.assertThat;

import descent.train.GraphSnapshot;
import descent.train.GraphSnapshot.Node;
import descent.train.StepSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the graph's nodes say, from real snapshots of the chapter's run. */
class GraphTextTest {
  @Test
  void numbersAreRoundedToSignificantDigitsWithATrueMinus() {
    assertThat(GraphText.number(4.532168, 6)).isEqualTo("4.53217");
    assertThat(GraphText.number(-0.26312, 3)).isEqualTo("−0.263");
    assertThat(GraphText.number(2.0, 6)).isEqualTo("2");
    assertThat(GraphText.number(0, 3)).isEqualTo("0");
    assertThat(GraphText.number(1234.5678, 3)).isEqualTo("1230");
    assertThat(GraphText.number(1.5e6, 3)).isEqualTo("1.5e6");
    assertThat(GraphText.number(-1.2345e-7, 3)).isEqualTo("−1.23e−7");
    assertThat(GraphText.number(3.2e300, 3)).isEqualTo("3.2e300");
  }

  @Test
  void notANumberAndInfinityReadAsSuch() {
    assertThat(GraphText.number(Double.NaN, 6)).isEqualTo("NaN");
    assertThat(GraphText.number(Double.POSITIVE_INFINITY, 6)).isEqualTo("∞");
    assertThat(GraphText.number(Double.NEGATIVE_INFINITY, 3)).isEqualTo("−∞");
  }

  @Test
  void shapes() {
    assertThat(GraphText.shape(new int[] {32, 1})).isEqualTo("32×1");
    assertThat(GraphText.shape(new int[] {1})).isEqualTo("1");
    assertThat(GraphText.shape(new int[0])).isEqualTo("scalar");
  }

  private static Node named(GraphSnapshot g, String title) {
    return g.nodes().stream()
        .filter(n -> GraphText.title(n).equals(title))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void eachNodeOfTheChaptersGraphSaysWhatItIs() {
    ChapterRuns runs = ChapterRuns.chapter(2);
    StepSnapshot forward = runs.phases(1);
    StepSnapshot loss = runs.phases(1);
    StepSnapshot backward = runs.phases(1);
    GraphSnapshot g = backward.graph();

    List<String> titles = new ArrayList<>();
    g.nodes().forEach(n -> titles.add(GraphText.title(n)));
    assertThat(titles)
        .containsExactly("X", "w", "matmul", "b", "add", "y", "sub", "square", "2", "div", "mean");
    assertThat(GraphText.kind(named(g, "2"))).isEqualTo("constant");
    assertThat(GraphText.kind(named(g, "X"))).isNull();
    assertThat(GraphText.shape(named(g, "X").shape())).isEqualTo("32×2");
    assertThat(GraphText.shape(named(g, "matmul").shape())).isEqualTo("32×1");
    assertThat(GraphText.shape(named(g, "mean").shape())).isEqualTo("scalar");

    // the loss in full, as the engine has it
    assertThat(GraphText.values(named(g, "mean")))
        .containsExactly(GraphText.number(runs.run.currentLoss().item(), 6));
    assertThat(Double.parseDouble(GraphText.values(named(g, "mean")).get(0)))
        .isCloseTo(
            runs.run.currentLoss().item(), org.assertj.core.data.Percentage.withPercentage(1e-4));
    // a tensor: its first entries and "…"
    double[] yHat = runs.run.currentPrediction().toArray();
    assertThat(GraphText.values(named(g, "add")))
        .containsExactly(
            GraphText.number(yHat[0], 3),
            GraphText.number(yHat[1], 3),
            GraphText.number(yHat[2], 3),
            "…");
    // gradients once backward ran: ∂L/∂w as the engine has it; the root's is 1
    double[] gw = runs.run.model().w().grad().toArray();
    assertThat(GraphText.grad(named(g, "w")))
        .containsExactly(GraphText.number(gw[0], 3), GraphText.number(gw[1], 3));
    assertThat(GraphText.grad(named(g, "mean"))).containsExactly("1");
    assertThat(GraphText.grad(named(g, "X"))).isEmpty();
    // and none before
    assertThat(GraphText.grad(named(loss.graph(), "w"))).isEmpty();

    assertThat(GraphText.role(g, g.nodes().indexOf(named(g, "add")))).isEqualTo("ŷ");
    assertThat(GraphText.role(g, g.nodes().size() - 1)).isEqualTo("loss");
    assertThat(GraphText.role(g, g.nodes().indexOf(named(g, "sub")))).isNull();
    GraphSnapshot partial = forward.graph();
    assertThat(GraphText.role(partial, partial.nodes().size() - 1)).isEqualTo("ŷ");
  }
}
