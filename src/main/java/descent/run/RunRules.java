package descent.run;

import descent.train.RunSpec;
import java.util.function.DoublePredicate;

/**
 * The ranges a run's settings must lie in, shared by the command line's options and run files, so
 * that a value refused in one is refused in the other with the same words ({@code must be a number
 * > 0}).
 */
public final class RunRules {
  /** The most epochs a run may have. */
  public static final int MAX_EPOCHS = 100_000;

  /** The most rows (training or validation) synthetic data may have. */
  public static final int MAX_ROWS = 1_000_000;

  /** The most features a run may have. */
  public static final int MAX_FEATURES = 10;

  /** The largest seed: the app accepts the same ones, so every run can be repeated. */
  public static final long MAX_SEED = RunSpec.MAX_SEED;

  private RunRules() {}

  /** A rule for a finite number, with the words that name it. */
  public enum NumberRule {
    /** The learning rate, the features' scales. */
    POSITIVE("a number > 0", v -> v > 0),
    /** σ, the noise, the clipping bound. */
    NON_NEGATIVE("a number ≥ 0", v -> v >= 0),
    /** The true weights and bias. */
    ANY("a number", v -> true);

    private final String words;
    private final DoublePredicate allowed;

    NumberRule(String words, DoublePredicate allowed) {
      this.words = words;
      this.allowed = allowed;
    }

    /** "a number &gt; 0", for {@code must be …}. */
    public String words() {
      return words;
    }

    /** Whether {@code v} is finite and obeys the rule. */
    public boolean allows(double v) {
      return Double.isFinite(v) && allowed.test(v);
    }
  }

  /** An integer rule with inclusive bounds. */
  public record IntRule(long min, long max) {
    public static final IntRule EPOCHS = new IntRule(1, MAX_EPOCHS);
    public static final IntRule ROWS = new IntRule(1, MAX_ROWS);
    public static final IntRule SEED = new IntRule(0, MAX_SEED);

    /** "an integer from 1 to 100000", for {@code must be …}. */
    public String words() {
      return "an integer from " + min + " to " + max;
    }

    public boolean allows(long v) {
      return v >= min && v <= max;
    }
  }

  /** "1 to 10 numbers", the rule of a weight list. */
  public static String featureCountWords() {
    return "1 to " + MAX_FEATURES;
  }
}
