package descent.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import descent.engine.Autograd;
import descent.engine.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** d2l's LinearRegressionScratch: shapes, initialisation, ŷ = Xw + b, loss = mean((ŷ − y)²/2). */
class LinearRegressionScratchTest {
  private static final double[][] X = {
    {1.0, 2.0, -1.0}, {0.5, -3.0, 2.0}, {-2.0, 0.0, 4.0}, {3.0, 1.0, 1.0}
  };
  private static final double[] Y = {1.0, -2.0, 0.5, 4.0};

  private static Tensor xTensor() {
    return Tensor.of(X);
  }

  private static Tensor yTensor() {
    return Tensor.of(Y, 4, 1);
  }

  @Test
  void parametersHaveTheChaptersShapesAndTakePartInAutograd() {
    var model = new LinearRegressionScratch(3, 0.03, new Random(1));
    assertThat(model.w().shape().dims()).containsExactly(3, 1);
    assertThat(model.w().shape().toString()).isEqualTo("(3, 1)");
    assertThat(model.b().shape().dims()).containsExactly(1);
    assertThat(model.b().shape().toString()).isEqualTo("(1,)");
    assertThat(model.b().item()).isZero();
    assertThat(model.parameters()).containsExactly(model.w(), model.b());
    assertThat(model.parameters())
        .allSatisfy(
            p -> {
              assertThat(p.requiresGrad()).isTrue();
              assertThat(p.isLeaf()).isTrue();
            });
    assertThat(model.w().name()).isEqualTo("w");
    assertThat(model.b().name()).isEqualTo("b");
    assertThat(model.sigma()).isEqualTo(0.01);
  }

  @Test
  void weightsAreSigmaTimesTheGaussiansOfTheGivenRandom() {
    var model = new LinearRegressionScratch(4, 0.03, 0.2, new Random(7));
    Random same = new Random(7);
    double[] expected = new double[4];
    for (int j = 0; j < 4; j++) {
      expected[j] = 0 + 0.2 * same.nextGaussian();
    }
    assertThat(model.w().toArray()).containsExactly(expected);
  }

  @Test
  void weightsSpreadAsNormalZeroSigmaSquared() {
    var model = new LinearRegressionScratch(20_000, 0.03, 0.5, new Random(3));
    double[] w = model.w().toArray();
    double mean = 0;
    for (double v : w) {
      mean += v / w.length;
    }
    double var = 0;
    for (double v : w) {
      var += (v - mean) * (v - mean) / (w.length - 1);
    }
    assertThat(mean).isCloseTo(0, within(0.02)); // 4 standard errors
    assertThat(Math.sqrt(var)).isCloseTo(0.5, within(0.01));
  }

  @Test
  void sigmaZeroStartsAtExactlyZero() {
    var model = new LinearRegressionScratch(5, 0.03, 0, new Random(1));
    assertThat(model.w().toArray()).containsOnly(0.0).hasSize(5);
    assertThat(model.b().toArray()).containsExactly(0.0);
  }

  @Test
  void refusesImpossibleSettings() {
    assertThatThrownBy(() -> new LinearRegressionScratch(0, 0.03, new Random(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("numInputs");
    for (double sigma : new double[] {-0.01, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> new LinearRegressionScratch(2, 0.03, sigma, new Random(1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("sigma");
    }
  }

  @Test
  void forwardIsXTimesWPlusB() {
    var model = new LinearRegressionScratch(3, 0.03, 0.5, new Random(2));
    model.b().fillInPlace(0.75);
    double[] w = model.w().toArray();
    Tensor yHat = model.forward(xTensor());
    assertThat(yHat.shape().dims()).containsExactly(4, 1);
    for (int i = 0; i < 4; i++) {
      double byHand = X[i][0] * w[0] + X[i][1] * w[1] + X[i][2] * w[2] + 0.75;
      assertThat(yHat.get(i, 0)).isCloseTo(byHand, within(1e-15));
    }
  }

  @Test
  void lossIsTheMeanOfHalfSquaredErrors() {
    var model = new LinearRegressionScratch(3, 0.03, new Random(1));
    Tensor yHat = Tensor.of(new double[] {2.0, -2.5, 0.5, 1.0}, 4, 1);
    Tensor loss = model.loss(yHat, yTensor());
    assertThat(loss.size()).isEqualTo(1);
    // ((1)² + (−0.5)² + 0² + (−3)²) / 2 / 4 = 10.25 / 8
    assertThat(loss.item()).isEqualTo(10.25 / 8);
  }

  @Test
  void trainingStepGradientIsResidualTimesXOverM() {
    var model = new LinearRegressionScratch(3, 0.03, 0.5, new Random(4));
    model.b().fillInPlace(-0.3);
    double[] w = model.w().toArray();
    double b = model.b().item();
    Tensor loss = model.trainingStep(xTensor(), yTensor());

    double[] gw = new double[3];
    double gb = 0;
    double lossByHand = 0;
    for (int i = 0; i < 4; i++) {
      double r = X[i][0] * w[0] + X[i][1] * w[1] + X[i][2] * w[2] + b - Y[i];
      lossByHand += r * r / 2 / 4;
      for (int j = 0; j < 3; j++) {
        gw[j] += r * X[i][j] / 4;
      }
      gb += r / 4;
    }
    assertThat(loss.item()).isCloseTo(lossByHand, within(1e-12));
    loss.backward();
    assertThat(model.w().grad().toArray()).containsExactly(gw, within(1e-12));
    assertThat(model.b().grad().item()).isCloseTo(gb, within(1e-12));
    assertThat(model.w().grad().shape()).isEqualTo(model.w().shape());
    assertThat(model.b().grad().shape()).isEqualTo(model.b().shape());
  }

  @Test
  void validationStepInANoGradScopeBuildsNoGraph() {
    var model = new LinearRegressionScratch(3, 0.03, new Random(1));
    Tensor val;
    try (var g = Autograd.noGrad()) {
      val = model.validationStep(xTensor(), yTensor());
    }
    assertThat(val.requiresGrad()).isFalse();
    assertThat(val.isLeaf()).isTrue();
    assertThat(val.item()).isEqualTo(model.trainingStep(xTensor(), yTensor()).item());
  }

  @Test
  void configureOptimizersGivesSgdOverTheModelsParameters() {
    var model = new LinearRegressionScratch(3, 0.25, 0, new Random(1));
    Optimizer opt = model.configureOptimizers();
    assertThat(opt).isInstanceOf(SGD.class);
    assertThat(opt.learningRate()).isEqualTo(0.25);
    model.trainingStep(xTensor(), yTensor()).backward();
    double gb = model.b().grad().item();
    opt.step();
    assertThat(model.b().item()).isEqualTo(-0.25 * gb);
    assertThat(model.w().toArray()).doesNotContain(0.0);
  }

  @Test
  void theLearningRateHasOneSourceOfTruth() {
    var model = new LinearRegressionScratch(3, 0.25, 0, new Random(1));
    Optimizer first = model.configureOptimizers();
    first.setLearningRate(0.5);
    assertThat(model.learningRate()).isEqualTo(0.5);
    // asking again gives the same optimizer, with the changed rate, not a fresh one at 0.25
    Optimizer again = model.configureOptimizers();
    assertThat(again).isSameAs(first);
    assertThat(again.learningRate()).isEqualTo(0.5);
    model.trainingStep(xTensor(), yTensor()).backward();
    double gb = model.b().grad().item();
    assertThat(again.step()).isEqualTo(0.5);
    assertThat(model.b().item()).isEqualTo(-0.5 * gb);
  }
}
