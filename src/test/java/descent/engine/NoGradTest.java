package descent.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The no-grad scope, and data tensors that never take part in the graph. */
@SuppressWarnings("try") // no-grad scopes are opened for their effect and never referenced
class NoGradTest {

  @Test
  void opsInsideTheScopeAreNotRecorded() {
    Tensor p = Tensor.of(1, 2).requiresGrad(true);
    Tensor r;
    try (var g = Autograd.noGrad()) {
      assertThat(Autograd.isGradEnabled()).isFalse();
      r = p.mul(2).add(p).square().sum();
    }
    assertThat(Autograd.isGradEnabled()).isTrue();
    assertThat(r.requiresGrad()).isFalse();
    assertThat(r.isLeaf()).isTrue();
    assertThat(r.op()).isNull();
    assertThat(r.inputs()).isEmpty();
    assertThat(r.item()).isEqualTo(9 + 36);
    assertThatThrownBy(r::backward)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not require grad");
  }

  @Test
  void scopesNestAndRecordingResumesWhenTheOutermostCloses() {
    Tensor p = Tensor.of(1).requiresGrad(true);
    try (var outer = Autograd.noGrad()) {
      try (var inner = Autograd.noGrad()) {
        assertThat(p.neg().requiresGrad()).isFalse();
      }
      assertThat(Autograd.isGradEnabled()).isFalse();
      assertThat(p.neg().requiresGrad()).isFalse();
    }
    assertThat(Autograd.isGradEnabled()).isTrue();
    Tensor recorded = p.neg();
    assertThat(recorded.requiresGrad()).isTrue();
    assertThat(recorded.op()).isEqualTo("neg");
  }

  @Test
  void closingAScopeTwiceIsRefusedAndCountsOnce() {
    try (var outer = Autograd.noGrad()) {
      var inner = Autograd.noGrad();
      inner.close();
      assertThatThrownBy(inner::close)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "noGrad: this scope is already closed; close each scope once"
                  + " (try-with-resources closes it for you)");
      // the outer scope is still open: closing inner twice did not close it too
      assertThat(Autograd.isGradEnabled()).isFalse();
    }
    assertThat(Autograd.isGradEnabled()).isTrue();
  }

  @Test
  void closingAScopeOnAnotherThreadIsRefusedAndTouchesNeitherThread() throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean otherThreadRecordsAfter = new AtomicBoolean();
    var scope = Autograd.noGrad();
    try {
      Thread t =
          new Thread(
              () -> {
                try {
                  scope.close();
                } catch (RuntimeException e) {
                  thrown.set(e);
                }
                otherThreadRecordsAfter.set(Autograd.isGradEnabled());
              },
              "helper");
      t.start();
      t.join();
      assertThat(thrown.get())
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "noGrad: a scope opened on thread '"
                  + Thread.currentThread().getName()
                  + "' cannot be closed on thread 'helper'; close it on the thread that opened"
                  + " it, e.g. with try-with-resources");
      assertThat(otherThreadRecordsAfter).isTrue(); // its counter did not go below zero
      assertThat(Autograd.isGradEnabled()).isFalse(); // this thread's scope is still open
    } finally {
      scope.close();
    }
    assertThat(Autograd.isGradEnabled()).isTrue(); // and closes normally here
  }

  @Test
  void closingScopesOutOfOrderIsRefused() {
    var outer = Autograd.noGrad();
    var inner = Autograd.noGrad();
    assertThatThrownBy(outer::close)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "noGrad: scopes must close in the reverse order they were opened; this one was opened"
                + " at depth 1 but 2 are open. Close the inner scopes first");
    inner.close();
    assertThat(Autograd.isGradEnabled()).isFalse(); // outer is still open
    outer.close();
    assertThat(Autograd.isGradEnabled()).isTrue();
    Tensor p = Tensor.of(1).requiresGrad(true);
    assertThat(p.neg().requiresGrad()).isTrue();
  }

  @Test
  void theScopeBelongsToItsThread() throws InterruptedException {
    AtomicBoolean otherThreadRecords = new AtomicBoolean();
    try (var g = Autograd.noGrad()) {
      Thread t =
          new Thread(
              () ->
                  otherThreadRecords.set(
                      Autograd.isGradEnabled()
                          && Tensor.of(1).requiresGrad(true).neg().requiresGrad()));
      t.start();
      t.join();
    }
    assertThat(otherThreadRecords).isTrue();
  }

  @Test
  void dataTensorsGetNoGradientThroughAModel() {
    Tensor x = Tensor.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
    Tensor y = Tensor.of(new double[][] {{1}, {0}, {-1}});
    Tensor w = Tensor.of(new double[][] {{0.1}, {0.2}}).requiresGrad(true);
    Tensor b = Tensor.of(0.0).requiresGrad(true);
    Tensor loss = x.matmul(w).add(b).sub(y).square().mean();
    loss.backward();
    assertThat(x.requiresGrad()).isFalse();
    assertThat(y.requiresGrad()).isFalse();
    assertThat(x.grad()).isNull();
    assertThat(y.grad()).isNull();
    assertThat(w.grad()).isNotNull();
    assertThat(b.grad()).isNotNull();
  }

  @Test
  void opsOnDataAloneAreNotRecordedEvenWithGradEnabled() {
    Tensor x = Tensor.of(1, 2);
    Tensor r = x.mul(x).sum();
    assertThat(r.requiresGrad()).isFalse();
    assertThat(r.isLeaf()).isTrue();
    assertThat(r.inputs()).isEmpty();
  }

  @Test
  void anSgdStepInsideTheScopeLeavesTheParameterALeaf() {
    Tensor w = Tensor.of(1, 2).requiresGrad(true);
    w.square().sum().backward();
    try (var g = Autograd.noGrad()) {
      w.subScaledInPlace(0.1, w.grad());
    }
    assertThat(w.toArray()).containsExactly(1 - 0.1 * 2, 2 - 0.1 * 4);
    assertThat(w.isLeaf()).isTrue();
    assertThat(w.requiresGrad()).isTrue();
  }

  @Test
  void detachCutsTheGraph() {
    Tensor p = Tensor.of(2, 3).requiresGrad(true);
    Tensor d = p.detach();
    assertThat(d.requiresGrad()).isFalse();
    assertThat(d.isLeaf()).isTrue();
    assertThat(d.toArray()).containsExactly(2, 3);
    d.mul(p).sum().backward(); // only the p path counts: gradient is d, not 2p
    assertThat(p.grad().toArray()).containsExactly(2, 3);
  }
}
