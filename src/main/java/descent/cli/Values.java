package descent.cli;

import descent.app.snapshot.Picture;
import descent.app.snapshot.ViewNames;
import descent.data.Decimals;
import descent.run.RunRules;
import descent.run.RunRules.IntRule;
import descent.run.RunRules.NumberRule;
import descent.train.TrainingRun.Phase;
import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The command line's value rules, one converter per rule. Each refusal reads {@code must be <rule>,
 * got "<value>"}; the parameter exception handler puts the option's name in front, so a typo gives
 * one line such as {@code --lr: must be a number > 0, got "abc"}.
 */
final class Values {
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

  static final int MAX_EPOCHS = RunRules.MAX_EPOCHS;
  static final int MAX_ROWS = RunRules.MAX_ROWS;
  static final int MAX_FEATURES = RunRules.MAX_FEATURES;

  private Values() {}

  static final class PositiveNumber implements ITypeConverter<Double> {
    @Override
    public Double convert(String text) {
      return number(text, NumberRule.POSITIVE);
    }
  }

  static final class NonNegativeNumber implements ITypeConverter<Double> {
    @Override
    public Double convert(String text) {
      return number(text, NumberRule.NON_NEGATIVE);
    }
  }

  static final class AnyNumber implements ITypeConverter<Double> {
    @Override
    public Double convert(String text) {
      return number(text, NumberRule.ANY);
    }
  }

  static final class EpochCount implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
      return integer(text, IntRule.EPOCHS);
    }
  }

  static final class RowCount implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
      return integer(text, IntRule.ROWS);
    }
  }

  /** Only the type: the upper bound, the run's minibatches less one, is checked once known. */
  static final class StepCount implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
      return integer(text, "an integer ≥ 0", 0, Integer.MAX_VALUE);
    }
  }

  /** A picture's width or height in pixels, 100 to 8192. */
  static final class PictureSide implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
      return integer(
          text,
          "an integer from " + Picture.MIN_SIDE + " to " + Picture.MAX_SIDE,
          Picture.MIN_SIDE,
          Picture.MAX_SIDE);
    }
  }

  /** A view's name, in lower case: one of {@link ViewNames#all()}. */
  static final class ViewName implements ITypeConverter<String> {
    @Override
    public String convert(String text) {
      String name = text.trim().toLowerCase(Locale.ROOT);
      if (!ViewNames.all().contains(name)) {
        throw refuse("one of " + String.join(", ", ViewNames.all()), text);
      }
      return name;
    }
  }

  /** forward, loss, backward or update, in any case. */
  static final class PhaseName implements ITypeConverter<Phase> {
    @Override
    public Phase convert(String text) {
      for (Phase p : Phase.values()) {
        if (p.name().equalsIgnoreCase(text.trim())) {
          return p;
        }
      }
      throw refuse("one of forward, loss, backward, update", text);
    }
  }

  /** Only the type: the range, 1 to numTrain, is checked once numTrain is known. */
  static final class BatchSize implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
      return integer(text, "an integer from 1 to numTrain", Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
  }

  /**
   * 0 to {@link RunRules#MAX_SEED}: the seeds the app accepts too, so every run can be repeated.
   */
  static final class Seed implements ITypeConverter<Long> {
    @Override
    public Long convert(String text) {
      String t = text.trim();
      if (INTEGER.matcher(t).matches()) {
        try {
          long v = Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
          if (IntRule.SEED.allows(v)) {
            return v;
          }
        } catch (NumberFormatException e) {
          // more digits than a long holds: refused below
        }
      }
      throw refuse(IntRule.SEED.words(), text);
    }
  }

  /** Comma-separated finite numbers, 1 to {@link #MAX_FEATURES} of them: {@code 2,-3.4}. */
  static final class WeightList implements ITypeConverter<Weights> {
    @Override
    public Weights convert(String text) {
      String rule = "1 to " + MAX_FEATURES + " comma-separated numbers such as 2,-3.4";
      String[] parts = text.split(",", -1);
      if (text.isBlank() || parts.length > MAX_FEATURES) {
        throw refuse(rule, text);
      }
      double[] w = new double[parts.length];
      for (int i = 0; i < parts.length; i++) {
        Double v = parse(parts[i]);
        if (v == null) {
          // a well-formed number that overflows a double, such as 1e400, is too large, not "not a
          // number"
          boolean tooLarge = Decimals.isDecimal(parts[i].trim());
          throw new TypeConversionException(
              "must be "
                  + rule
                  + ", got "
                  + quote(text)
                  + " (element "
                  + (i + 1)
                  + ", "
                  + quote(parts[i].trim())
                  + (tooLarge ? ", is too large)" : ", is not a number)"));
        }
        w[i] = v;
      }
      return new Weights(w);
    }
  }

  /** 1 to 10 comma-separated numbers &gt; 0, such as the features' scales {@code 1,100}. */
  static final class ScaleList implements ITypeConverter<Weights> {
    @Override
    public Weights convert(String text) {
      String rule = "1 to " + MAX_FEATURES + " comma-separated numbers > 0 such as 1,100";
      Weights w;
      try {
        w = new WeightList().convert(text);
      } catch (TypeConversionException e) {
        throw new TypeConversionException(
            e.getMessage().replaceFirst("^must be .*? such as 2,-3.4", "must be " + rule));
      }
      double[] v = w.values();
      for (int i = 0; i < v.length; i++) {
        if (!NumberRule.POSITIVE.allows(v[i])) {
          throw new TypeConversionException(
              "must be " + rule + ", got " + quote(text) + " (element " + (i + 1) + " is not > 0)");
        }
      }
      return w;
    }
  }

  /**
   * A list of weights. Not a bare {@code double[]}: picocli would take an array option for one that
   * repeats, and convert each element on its own.
   */
  record Weights(double[] values) {
    Weights {
      values = values.clone();
    }

    @Override
    public double[] values() {
      return values.clone();
    }
  }

  private static double number(String text, NumberRule rule) {
    Double v = parse(text);
    if (v == null || !rule.allows(v)) {
      throw refuse(rule.words(), text);
    }
    return v;
  }

  private static int integer(String text, IntRule rule) {
    return integer(text, rule.words(), (int) rule.min(), (int) rule.max());
  }

  /** The finite number {@code text} spells, or null. */
  private static Double parse(String text) {
    String t = text.trim();
    if (!Decimals.isDecimal(t)) {
      return null;
    }
    double v = Double.parseDouble(t);
    return Double.isFinite(v) ? v : null;
  }

  static int integer(String text, String rule, int min, int max) {
    String t = text.trim();
    if (INTEGER.matcher(t).matches()) {
      try {
        long v = Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        if (v >= min && v <= max) {
          return (int) v;
        }
      } catch (NumberFormatException e) {
        // more digits than a long holds: refused below
      }
    }
    throw refuse(rule, text);
  }

  static TypeConversionException refuse(String rule, String text) {
    return new TypeConversionException("must be " + rule + ", got " + quote(text));
  }

  /** {@code text} in double quotes, control characters escaped, shortened to stay one line. */
  static String quote(String text) {
    StringBuilder s = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      if (i == 40) {
        s.append('…');
        break;
      }
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        s.append('\\').append(c);
      } else if (Character.isISOControl(c)) {
        s.append(String.format("\\u%04x", (int) c));
      } else {
        s.append(c);
      }
    }
    return s.append('"').toString();
  }
}
