package descent.badinput;

import java.util.List;

/** Bad text typed into the app's setting fields. */
final class FieldCases {
  private FieldCases() {}

  private static FieldCase lr(String id, String text, String message, String why) {
    return new FieldCase(id, "learning-rate", "learning rate η", text, message, why);
  }

  static List<FieldCase> all() {
    return List.of(
        lr("app-lr-garbage", "abc", "“abc” is not a number", "η must be a number"),
        lr("app-lr-empty", "", "learning rate η needs a number", "an empty field has no value"),
        lr(
            "app-lr-negative",
            "-1",
            "learning rate η must be between 0.0001 and 10",
            "a step of η ≤ 0 never goes downhill; the slider's range is the field's"),
        lr(
            "app-lr-overflow",
            "1e309",
            "“1e309” is not a finite number",
            "1e309 is beyond the largest double"),
        lr("app-lr-nan", "NaN", "“NaN” is not a finite number", "NaN would make every weight NaN"),
        lr(
            "app-lr-unicode-digits",
            "０.１",
            "“０.１” is not a number",
            "only ASCII digits are read, as on the command line"),
        lr(
            "app-lr-float-suffix",
            "0.5f",
            "“0.5f” is not a number",
            "Java's float suffix is not a number a student writes; the command line refuses it"
                + " too"),
        lr(
            "app-lr-hex",
            "0x1p-4",
            "“0x1p-4” is not a number",
            "hexadecimal floating point is refused, not guessed, as on the command line"),
        new FieldCase(
            "app-sigma-negative",
            "init-sigma",
            "init σ",
            "-0.01",
            "init σ must be between 0 and 10",
            "a standard deviation is never negative"),
        new FieldCase(
            "app-batch-fraction",
            "batch-size",
            "batch size",
            "2.5",
            "batch size must be a whole number",
            "a minibatch holds a whole number of rows"),
        new FieldCase(
            "app-batch-zero",
            "batch-size",
            "batch size",
            "0",
            "batch size must be between 1 and 1000",
            "a minibatch needs at least one row"),
        new FieldCase(
            "app-epochs-huge",
            "epochs",
            "epochs",
            "1000",
            "epochs must be between 1 and 100",
            "the app trains at most 100 epochs"),
        new FieldCase(
            "app-seed-negative",
            "seed",
            "seed",
            "-1",
            "seed must be between 0 and 999999999",
            "seeds are 0 to 999,999,999, as on the command line"),
        new FieldCase(
            "app-seed-long-paste",
            "seed",
            "seed",
            "9".repeat(2000),
            "“99999999999999999999…” is not a finite number",
            "a 2,000-digit number is beyond the largest double; the message repeats only its"
                + " start"),
        new FieldCase(
            "app-rows-thousands-separator",
            "training-rows",
            "training rows",
            "1,000",
            "“1,000” is not a number",
            "a comma is not read as a thousands separator"),
        new FieldCase(
            "app-noise-garbage",
            "noise",
            "noise",
            "loud",
            "“loud” is not a number",
            "the noise is a standard deviation, a number"),
        new FieldCase(
            "app-clip-negative",
            "clip-norm",
            "clip norm",
            "-1",
            "clip norm must be between 0 and 1000000",
            "a length is never negative"),
        new FieldCase(
            "app-true-w-empty-entry",
            "true-w",
            "true w",
            "2,,3",
            "entry 2, “”, is not a number",
            "each weight must be a number"),
        new FieldCase(
            "app-true-w-too-many",
            "true-w",
            "true w",
            "1,2,3,4,5,6,7,8,9,10,11",
            "true w takes at most 10 numbers, got 11",
            "the views are made for at most 10 features"),
        new FieldCase(
            "app-true-w-empty",
            "true-w",
            "true w",
            "",
            "true w needs at least one number",
            "a model needs at least one feature"),
        new FieldCase(
            "app-true-w-overflow",
            "true-w",
            "true w",
            "1e309",
            "entry 1 must be between -1000 and 1000",
            "the weights are kept to ±1000"),
        new FieldCase(
            "app-feature-scale-zero",
            "feature-scale",
            "feature scale",
            "0",
            "entry 1 must be > 0 and at most 10000",
            "a feature with standard deviation 0 is constant"));
  }
}
