package descent.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The recorded graph, as graph views inspect it: op names and inputs. */
class GraphTest {

  @Test
  void theLinearRegressionLossRecordsItsWholeChain() {
    Tensor x = Tensor.ones(4, 2).named("X");
    Tensor y = Tensor.ones(4, 1).named("y");
    Tensor w = Tensor.zeros(2, 1).requiresGrad(true).named("w");
    Tensor b = Tensor.zeros(1).requiresGrad(true).named("b");

    Tensor loss = x.matmul(w).add(b).sub(y).square().mean();

    assertThat(loss.op()).isEqualTo("mean");
    assertThat(loss.isLeaf()).isFalse();
    assertThat(loss.inputs()).hasSize(1);
    Tensor square = loss.inputs().get(0);
    assertThat(square.op()).isEqualTo("square");
    Tensor sub = square.inputs().get(0);
    assertThat(sub.op()).isEqualTo("sub");
    assertThat(sub.inputs().get(1)).isSameAs(y);
    Tensor add = sub.inputs().get(0);
    assertThat(add.op()).isEqualTo("add");
    assertThat(add.inputs().get(1)).isSameAs(b);
    Tensor matmul = add.inputs().get(0);
    assertThat(matmul.op()).isEqualTo("matmul");
    assertThat(matmul.inputs()).containsExactly(x, w);
    assertThat(matmul.inputs().get(0).name()).isEqualTo("X");
    assertThat(matmul.shape()).isEqualTo(Shape.of(4, 1));
  }

  @Test
  void everyOpRecordsItsName() {
    Tensor p = Tensor.ones(2, 2).requiresGrad(true);
    Tensor q = Tensor.ones(2, 2);
    assertThat(p.add(q).op()).isEqualTo("add");
    assertThat(p.sub(q).op()).isEqualTo("sub");
    assertThat(p.mul(q).op()).isEqualTo("mul");
    assertThat(p.div(q).op()).isEqualTo("div");
    assertThat(p.neg().op()).isEqualTo("neg");
    assertThat(p.pow(3).op()).isEqualTo("pow");
    assertThat(p.square().op()).isEqualTo("square");
    assertThat(p.sqrt().op()).isEqualTo("sqrt");
    assertThat(p.exp().op()).isEqualTo("exp");
    assertThat(p.log().op()).isEqualTo("log");
    assertThat(p.abs().op()).isEqualTo("abs");
    assertThat(p.matmul(q).op()).isEqualTo("matmul");
    assertThat(p.transpose().op()).isEqualTo("transpose");
    assertThat(p.reshape(-1).op()).isEqualTo("reshape");
    assertThat(p.sum().op()).isEqualTo("sum");
    assertThat(p.sum(0, true).op()).isEqualTo("sum");
    assertThat(p.mean().op()).isEqualTo("mean");
    assertThat(p.mean(1, false).op()).isEqualTo("mean");
  }

  @Test
  void aScalarConstantBecomesALeafInput() {
    Tensor p = Tensor.of(1, 2).requiresGrad(true);
    Tensor r = p.div(4);
    assertThat(r.op()).isEqualTo("div");
    assertThat(r.inputs()).hasSize(2);
    assertThat(r.inputs().get(0)).isSameAs(p);
    Tensor constant = r.inputs().get(1);
    assertThat(constant.isLeaf()).isTrue();
    assertThat(constant.requiresGrad()).isFalse();
    assertThat(constant.shape()).isEqualTo(Shape.SCALAR);
    assertThat(constant.item()).isEqualTo(4);
  }

  @Test
  void leavesHaveNoOpAndNoInputs() {
    Tensor data = Tensor.zeros(2);
    Tensor param = Tensor.zeros(2).requiresGrad(true);
    for (Tensor leaf : List.of(data, param, Tensor.scalar(1), Tensor.of(1, 2))) {
      assertThat(leaf.isLeaf()).isTrue();
      assertThat(leaf.op()).isNull();
      assertThat(leaf.inputs()).isEmpty();
    }
    assertThat(data.requiresGrad()).isFalse();
    assertThat(param.requiresGrad()).isTrue();
  }

  @Test
  void inputsCannotBeModifiedThroughTheList() {
    Tensor r = Tensor.zeros(2).requiresGrad(true).neg();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.inputs().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void namesAndToString() {
    Tensor w = Tensor.of(1, 2).requiresGrad(true).named("w");
    assertThat(w.name()).isEqualTo("w");
    assertThat(Tensor.zeros(1).name()).isNull();
    assertThat(w).hasToString("tensor([1.0, 2.0], shape=(2,), requiresGrad)");
    assertThat(w.neg()).hasToString("tensor([-1.0, -2.0], shape=(2,), op=neg)");
    assertThat(Tensor.scalar(3)).hasToString("tensor([3.0], shape=())");
    assertThat(Tensor.zeros(13)).hasToString("tensor([0.0, 0.0, …], shape=(13,))");
  }
}
