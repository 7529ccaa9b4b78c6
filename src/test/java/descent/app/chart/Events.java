package descent.app.chart;

import descent.train.TrainingEvent;
import descent.train.TrainingEvent.BatchDone;
import descent.train.TrainingEvent.EpochDone;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongToDoubleFunction;

/** Training events for the chart tests, shaped like the ones {@code TrainingRun} sends. */
final class Events {
  private Events() {}

  /** Minibatch {@code batchIndex} of {@code epoch}; the step is counted from 1, as the run does. */
  static BatchDone batch(int epoch, int batchIndex, int batchesPerEpoch, double loss) {
    long step = (long) epoch * batchesPerEpoch + batchIndex + 1;
    return new BatchDone(
        epoch,
        batchIndex,
        batchesPerEpoch,
        step,
        epoch + (double) batchIndex / batchesPerEpoch,
        32,
        loss,
        new double[] {0, 0},
        0,
        1,
        0.03);
  }

  static EpochDone epochDone(int epoch, int batchesPerEpoch, double trainLoss, double valLoss) {
    return new EpochDone(epoch, (long) (epoch + 1) * batchesPerEpoch, trainLoss, valLoss);
  }

  /**
   * A whole run: every minibatch's loss is {@code loss(step)} (step from 0), and each epoch ends
   * with an EpochDone whose val loss is the loss of the epoch's last step.
   */
  static List<TrainingEvent> run(int epochs, int batchesPerEpoch, LongToDoubleFunction loss) {
    List<TrainingEvent> events = new ArrayList<>();
    for (int e = 0; e < epochs; e++) {
      for (int i = 0; i < batchesPerEpoch; i++) {
        events.add(
            batch(e, i, batchesPerEpoch, loss.applyAsDouble((long) e * batchesPerEpoch + i)));
      }
      double last = loss.applyAsDouble((long) (e + 1) * batchesPerEpoch - 1);
      events.add(epochDone(e, batchesPerEpoch, last, last));
    }
    return events;
  }

  /**
   * A run shaped like the chapter's: minibatch losses 20·0.94^t times a noisy factor, plus the
   * noise floor noise²/2 = 5·10⁻⁵ (also noisy); each epoch's val loss is the noiseless curve at the
   * epoch's end, as a full pass over 1000 rows nearly is.
   */
  static List<TrainingEvent> decayingRun(int epochs, int batchesPerEpoch, long seed) {
    Random random = new Random(seed);
    List<TrainingEvent> events = new ArrayList<>();
    for (int e = 0; e < epochs; e++) {
      for (int i = 0; i < batchesPerEpoch; i++) {
        long t = (long) e * batchesPerEpoch + i;
        double wobble = 1 + 0.35 * random.nextGaussian();
        double floor = 5e-5 * (1 + 0.3 * random.nextGaussian());
        events.add(batch(e, i, batchesPerEpoch, 20 * Math.pow(0.94, t) * wobble * wobble + floor));
      }
      double val = 20 * Math.pow(0.94, (long) (e + 1) * batchesPerEpoch) * 1.1225 + 5e-5;
      events.add(epochDone(e, batchesPerEpoch, val, val));
    }
    return events;
  }
}
