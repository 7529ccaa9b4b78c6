package descent.badinput;

import static descent.badinput.CliCase.of;

import java.util.List;

/** Bad values given to the command line's options. */
final class OptionCases {
  private OptionCases() {}

  static final String CLI = "command line";

  static List<CliCase> all() {
    return List.of(
        of(
            "cli-no-command",
            CLI,
            "frobnicate",
            "frobnicate: unknown command (see 'descent --help')",
            "descent has train, gradcheck, snapshot, presets and bench"),
        of(
            "cli-unknown-option",
            CLI,
            "train --lrate 0.1",
            "--lrate: unknown option; did you mean --lr? (see 'descent train --help')",
            "a misspelt option would otherwise be silently ignored"),
        of(
            "cli-missing-value",
            CLI,
            "train --lr",
            "--lr: needs a value",
            "the option takes a value"),
        of(
            "cli-option-twice",
            CLI,
            "train --lr 0.1 --lr 0.2",
            "--lr: given more than once",
            "which of the two was meant is not clear"),
        of(
            "cli-lr-not-a-number",
            CLI,
            "train --lr abc",
            "--lr: must be a number > 0, got \"abc\"",
            "η scales every step; it must be a number"),
        of(
            "cli-lr-negative",
            CLI,
            "train --lr -1",
            "--lr: must be a number > 0, got \"-1\"",
            "a step of η ≤ 0 never goes downhill"),
        of(
            "cli-lr-nan",
            CLI,
            "train --lr NaN",
            "--lr: must be a number > 0, got \"NaN\"",
            "NaN is not a number; every weight would become NaN"),
        of(
            "cli-lr-infinity",
            CLI,
            "train --lr Infinity",
            "--lr: must be a number > 0, got \"Infinity\"",
            "an infinite step diverges at once"),
        of(
            "cli-lr-overflow",
            CLI,
            "train --lr 1e309",
            "--lr: must be a number > 0, got \"1e309\"",
            "1e309 is beyond the largest double; it would read as infinity"),
        of(
            "cli-lr-unicode-digits",
            CLI,
            "train --lr ０.１",
            "--lr: must be a number > 0, got \"０.１\"",
            "only ASCII digits are read, as everywhere in descent"),
        of(
            "cli-lr-suffix",
            CLI,
            "train --lr 0.03f",
            "--lr: must be a number > 0, got \"0.03f\"",
            "Java's float suffix is not a number a user writes; it is refused, not guessed"),
        of(
            "cli-sigma-negative",
            CLI,
            "train --sigma -0.01",
            "--sigma: must be a number ≥ 0, got \"-0.01\"",
            "a standard deviation is never negative"),
        of(
            "cli-batch-fraction",
            CLI,
            "train --batch-size 2.5",
            "--batch-size: must be an integer from 1 to numTrain, got \"2.5\"",
            "a minibatch holds a whole number of rows"),
        of(
            "cli-batch-too-big",
            CLI,
            "train --batch-size 11 --num-train 10",
            "--batch-size: must be an integer from 1 to 10 (numTrain), got 11",
            "a minibatch cannot hold more rows than there are"),
        of(
            "cli-epochs-zero",
            CLI,
            "train --epochs 0",
            "--epochs: must be an integer from 1 to 100000, got \"0\"",
            "a run of no epochs trains nothing"),
        of(
            "cli-epochs-huge",
            CLI,
            "train --epochs 99999999999",
            "--epochs: must be an integer from 1 to 100000, got \"99999999999\"",
            "beyond 100,000 epochs a run would last for hours; the bound keeps it finite"),
        of(
            "cli-seed-negative",
            CLI,
            "train --seed -1",
            "--seed: must be an integer from 0 to 999999999, got \"-1\"",
            "seeds are 0 to 999,999,999 in the command line, run files and the app alike"),
        of(
            "cli-true-w-empty-entry",
            CLI,
            "train --true-w 2,,3",
            "--true-w: must be 1 to 10 comma-separated numbers such as 2,-3.4, got \"2,,3\""
                + " (element 2, \"\", is not a number)",
            "each weight must be a number"),
        of(
            "cli-true-w-too-many",
            CLI,
            "train --true-w 1,2,3,4,5,6,7,8,9,10,11",
            "--true-w: must be 1 to 10 comma-separated numbers such as 2,-3.4, got"
                + " \"1,2,3,4,5,6,7,8,9,10,11\"",
            "the app's views are made for at most 10 features"),
        of(
            "cli-noise-with-data",
            CLI,
            "train --data any.csv --noise 0.1",
            "--noise: not applicable with --data (it only shapes synthetic data; use --num-train"
                + " to choose the training rows of the file)",
            "a file's rows already hold their noise"),
        of(
            "cli-target-without-data",
            CLI,
            "train --target y",
            "--target: only applies with --data (synthetic data's target is y)",
            "synthetic data has no columns to choose from"),
        of(
            "cli-data-empty-name",
            CLI,
            "train --data ''",
            "--data: needs a file name",
            "an empty name names no file"),
        of(
            "cli-preset-unknown",
            CLI,
            "train --preset nope",
            "--preset: unknown preset \"nope\"; the presets are chapter, lr-too-high, lr-edge,"
                + " lr-too-low, batch-1, full-batch, zero-init, large-init, noisy-data,"
                + " more-data, unscaled-features, no-shuffle, clipping, many-features (see"
                + " 'descent presets')",
            "a preset is one of the catalogue's lessons"),
        of(
            "cli-presets-extra-argument",
            CLI,
            "presets extra",
            "extra: unknown argument (see 'descent presets --help')",
            "presets takes no arguments"),
        of(
            "cli-gradcheck-steps-negative",
            CLI,
            "gradcheck --steps -1",
            "--steps: must be an integer ≥ 0, got \"-1\"",
            "a count of minibatches is never negative"),
        of(
            "cli-gradcheck-steps-beyond-run",
            CLI,
            "gradcheck --steps 99999999",
            "--steps: must be an integer from 0 to 95, got 99999999 (the run has 96"
                + " minibatches, 3 epochs × 32, and one must be left to check; raise --epochs to"
                + " check a later one)",
            "the check needs a minibatch after the ones stepped"),
        of(
            "cli-snapshot-no-view",
            CLI,
            "snapshot --out @view.png",
            "--view: needs one of loss, params, data, batch, graph, landscape, code, app, e.g."
                + " --view data (see 'descent snapshot --help')",
            "there is no default view to draw"),
        of(
            "cli-snapshot-unknown-view",
            CLI,
            "snapshot --view nope --out @view.png",
            "--view: must be one of loss, params, data, batch, graph, landscape, code, app, got"
                + " \"nope\"",
            "only these views can be drawn"),
        of(
            "cli-snapshot-width-nan",
            CLI,
            "snapshot --view data --width NaN --out @view.png",
            "--width: must be an integer from 100 to 8192, got \"NaN\"",
            "a picture's width is a whole number of pixels"),
        of(
            "cli-snapshot-height-huge",
            CLI,
            "snapshot --view data --height 100000 --out @view.png",
            "--height: must be an integer from 100 to 8192, got \"100000\"",
            "a picture that large would not fit in memory"),
        of(
            "cli-snapshot-out-directory",
            CLI,
            "snapshot --view data --out @.",
            "--out: . is a directory; name a file in it, e.g. view.png",
            "a directory cannot be replaced by a picture"),
        of(
            "cli-snapshot-out-no-folder",
            CLI,
            "snapshot --view data --out @nodir/view.png",
            "--out: the directory nodir does not exist; create it first",
            "descent does not create folders it was not asked to"),
        of(
            "cli-bench-unknown-config",
            CLI,
            "bench --config huge",
            "--config: must be one of chapter, wide, single, all, got \"huge\"",
            "the bench measures three fixed configs"),
        of(
            "cli-bench-repeats-zero",
            CLI,
            "bench --repeats 0",
            "--repeats: must be an integer from 1 to 1000, got \"0\"",
            "a median needs at least one timed fit"),
        of(
            "cli-bench-repeats-exponent",
            CLI,
            "bench --repeats 1e3",
            "--repeats: must be an integer from 1 to 1000, got \"1e3\"",
            "a count is written as digits"));
  }
}
