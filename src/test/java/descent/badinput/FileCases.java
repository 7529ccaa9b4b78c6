package descent.badinput;

import static descent.badinput.CliCase.of;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Bad CSV files and run files, given to {@code train --data} and {@code train --run}. */
final class FileCases {
  private FileCases() {}

  static final String CSV = "CSV file (`--data`)";
  static final String RUN = "run file (`--run`)";

  /** A run file as {@code train --seed 5 --epochs 1 --save-run} writes it. */
  static final String RUN_FILE =
      """
      {
        "format": "descent-run",
        "version": 1,
        "seed": 5,
        "lr": 0.03,
        "sigma": 0.01,
        "batchSize": 32,
        "epochs": 1,
        "clip": 0.0,
        "shuffle": true,
        "standardize": false,
        "data": {
          "kind": "synthetic",
          "trueW": [ 2.0, -3.4 ],
          "trueB": 4.2,
          "noise": 0.01,
          "numTrain": 1000,
          "numVal": 1000,
          "featureScale": [ 1.0, 1.0 ]
        }
      }
      """;

  private static CliCase csv(
      String id, String name, String text, String about, String message, String why) {
    return of(id, CSV, "train --data @" + name, message, why).with(name, text, about);
  }

  private static CliCase run(
      String id, String from, String to, String about, String message, String why) {
    if (!RUN_FILE.contains(from)) {
      throw new IllegalArgumentException(from);
    }
    return of(id, RUN, "train --run @run.json", message, why)
        .with("run.json", RUN_FILE.replace(from, to), about);
  }

  static List<CliCase> all() {
    return List.of(
        csv(
            "csv-empty",
            "data.csv",
            "",
            "data.csv is empty (0 bytes)",
            "data.csv: the file is empty",
            "there is nothing to train on"),
        csv(
            "csv-header-only",
            "data.csv",
            "x1,x2,y\n",
            "data.csv is only `x1,x2,y`",
            "data.csv: no data rows below the header on line 1",
            "there are no rows to train on"),
        csv(
            "csv-one-row",
            "data.csv",
            "x1,x2,y\n1,2,3\n",
            "data.csv has one data row",
            "data.csv: only one data row (line 2); need at least two, one to train and one to"
                + " validate",
            "a run needs a training row and a validation row"),
        csv(
            "csv-not-a-number",
            "data.csv",
            "x1,x2,y\n1,2,3\n4,abc,6\n7,8,9\n",
            "line 3 is `4,abc,6`",
            "data.csv:3:2: cell \"abc\" in column \"x2\" is not a number",
            "every feature and the target must be numbers"),
        csv(
            "csv-nan-cell",
            "data.csv",
            "x1,x2,y\n1,2,NaN\n4,5,6\n7,8,9\n",
            "line 2 is `1,2,NaN`",
            "data.csv:2:3: cell \"NaN\" in column \"y\" is not a finite number",
            "one NaN makes every loss NaN"),
        csv(
            "csv-overflow-cell",
            "data.csv",
            "x1,x2,y\n1,2,1e309\n4,5,6\n7,8,9\n",
            "line 2 is `1,2,1e309`",
            "data.csv:2:3: cell \"1e309\" in column \"y\" is too large for a double",
            "1e309 would read as infinity"),
        csv(
            "csv-ragged-row",
            "data.csv",
            "x1,x2,y\n1,2,3\n4,5\n7,8,9\n",
            "line 3 is `4,5`",
            "data.csv:3:3: row has 2 cells but the header has 3 columns; column \"y\" is missing",
            "which value is missing cannot be guessed"),
        csv(
            "csv-duplicate-header",
            "data.csv",
            "x1,x1,y\n1,2,3\n4,5,6\n7,8,9\n",
            "the header is `x1,x1,y`",
            "data.csv:1:2: column 2 is named \"x1\", like column 1; column names must be unique",
            "--features and --target name columns; a name must say which"),
        csv(
            "csv-unnamed-column",
            "data.csv",
            "x1,,y\n1,2,3\n4,5,6\n7,8,9\n",
            "the header is `x1,,y`",
            "data.csv:1:2: column 2 has no name",
            "columns are chosen and reported by name"),
        csv(
            "csv-one-column",
            "data.csv",
            "y\n1\n2\n3\n",
            "the header is `y`",
            "data.csv:1: the header has one column (\"y\"); need at least one feature and a"
                + " target, separated by commas, semicolons or tabs",
            "a regression needs a feature and a target"),
        csv(
            "csv-quoted-newline",
            "data.csv",
            "x1,x2,y\n1,\"2\n5\",3\n4,5,6\n",
            "a quoted cell spans lines 2 and 3",
            "data.csv:2:2: cell \"2\\n5\" in column \"x2\" is not a number",
            "a line break inside a number is not a number"),
        csv(
            "csv-open-quote",
            "data.csv",
            "x1,x2,y\n1,\"2,3\n4,5,6\n",
            "line 2 is `1,\"2,3` and no quote closes it",
            "data.csv:2: a quoted cell is never closed: the closing \" is missing",
            "the rest of the file would be one cell"),
        of(
                "csv-bad-utf8",
                CSV,
                "train --data @data.csv",
                "data.csv:3: byte 0xFF at offset 16 is not UTF-8; save the file as UTF-8",
                "text in another encoding would be misread")
            .with(
                "data.csv",
                "x1,x2,y\n1,2,3\n4,\u00ff,6\n7,8,9\n".getBytes(StandardCharsets.ISO_8859_1),
                "line 3 holds the byte 0xFF (Latin-1 ÿ)"),
        csv(
                "csv-target-missing",
                "data.csv",
                "x1,x2,y\n1,2,3\n4,5,6\n7,8,9\n",
                "data.csv has" + " columns x1, x2, y",
                "data.csv:1: no column named \"z\" to use as the target; the columns are \"x1\","
                    + " \"x2\", \"y\"",
                "the target must be one of the file's columns")
            .withCommand("train --data @data.csv --target z"),
        csv(
                "csv-target-is-feature",
                "data.csv",
                "x1,x2,y\n1,2,3\n4,5,6\n7,8,9\n",
                "data.csv has columns x1, x2, y",
                "data.csv:1: column \"y\" is the target, so it cannot be a feature too; choose"
                    + " another target or leave it out of the features",
                "a target among the features is predicted perfectly, and teaches nothing")
            .withCommand("train --data @data.csv --features y"),
        csv(
                "csv-constant-standardised",
                "data.csv",
                "x1,x2,y\n1,2,3\n1,5,6\n1,8,9\n1,3,2\n1,4,4\n",
                "column x1 is 1 in every row",
                "--standardize: cannot standardise feature x1: it is constant over the training rows",
                "a z-score divides by the standard deviation, here 0")
            .withCommand("train --data @data.csv --standardize"),
        of(
                "csv-directory",
                CSV,
                "train --data @folder.csv",
                "folder.csv: is a directory, not a file",
                "a directory holds no rows")
            .with("folder.csv/", new byte[0], "folder.csv is a directory"),
        of(
            "csv-missing-file",
            CSV,
            "train --data @missing.csv",
            "missing.csv: no such file",
            "there is no such file"),
        run(
            "run-broken-json",
            "\"lr\": 0.03,",
            "\"lr\": 0.03",
            "a comma is missing after" + " `\"lr\": 0.03`",
            "--run: run.json:6:3: broken JSON: Unexpected character ('\"' (code 34)): was"
                + " expecting comma to separate Object entries",
            "the file cannot be read as JSON"),
        of(
                "run-truncated",
                RUN,
                "train --run @run.json",
                "--run: run.json:7:12: broken JSON: Unexpected end-of-input in field name",
                "the file was cut short, so its settings are not all there")
            .with("run.json", RUN_FILE.substring(0, 100), "run.json is cut off after 100 bytes"),
        of(
                "run-empty",
                RUN,
                "train --run @run.json",
                "--run: run.json: the file is empty, not a run file",
                "there are no settings")
            .with("run.json", "", "run.json is empty"),
        of(
                "run-not-utf8",
                RUN,
                "train --run @run.json",
                "--run: run.json:1: the file is UTF-16 text; save it as UTF-8",
                "run files are UTF-8 JSON")
            .with(
                "run.json", utf16(RUN_FILE), "run.json is saved as UTF-16 with a byte-order mark"),
        run(
            "run-nan-token",
            "\"lr\": 0.03",
            "\"lr\": NaN",
            "`\"lr\": NaN`",
            "--run: run.json:5:12: broken JSON: NaN is not a number JSON can hold; write a finite"
                + " number",
            "JSON has no NaN; a NaN learning rate would make every weight NaN"),
        run(
            "run-wrong-type",
            "\"lr\": 0.03",
            "\"lr\": \"fast\"",
            "`\"lr\": \"fast\"`",
            "--run: run.json: field \"lr\": must be a number > 0, got \"fast\"",
            "the learning rate is a number"),
        run(
            "run-out-of-range",
            "\"epochs\": 1",
            "\"epochs\": 0",
            "`\"epochs\": 0`",
            "--run: run.json: field \"epochs\": must be an integer from 1 to 100000, got 0",
            "the same ranges as the command line's"),
        run(
            "run-batch-too-big",
            "\"batchSize\": 32",
            "\"batchSize\": 5000",
            "`\"batchSize\": 5000`",
            "--run: run.json: field \"batchSize\": must be an integer from 1 to 1000"
                + " (data.numTrain), got 5000",
            "a minibatch cannot hold more rows than there are"),
        run(
            "run-unknown-key",
            "\"clip\": 0.0",
            "\"clip\": 0.0, \"colour\": \"red\"",
            "an extra field `\"colour\": \"red\"`",
            "--run: run.json: unknown field \"colour\" (a version 1 run file has no such field)",
            "a misspelt field would otherwise be silently ignored"),
        run(
            "run-missing-field",
            "\"seed\": 5,",
            "",
            "no `seed` field",
            "--run: run.json: missing field \"seed\"",
            "a run file repeats a run exactly, seed included"),
        run(
            "run-future-version",
            "\"version\": 1",
            "\"version\": 2",
            "`\"version\": 2`",
            "--run: run.json: version 2 is not one this build reads (it reads version 1); a"
                + " newer descent may read it",
            "a later version may hold settings this build would get wrong"),
        run(
            "run-not-descent",
            "descent-run",
            "other-run",
            "`\"format\": \"other-run\"`",
            "--run: run.json: not a descent run file: it has no \"format\": \"descent-run\""
                + " field",
            "only descent's own run files are read"),
        run(
            "run-unknown-data-kind",
            "\"kind\": \"synthetic\"",
            "\"kind\": \"magic\"",
            "`\"kind\": \"magic\"`",
            "--run: run.json: field \"data.kind\": must be \"synthetic\" or \"csv\", got"
                + " \"magic\"",
            "the data are synthetic or a CSV file"),
        of(
            "run-missing-file",
            RUN,
            "train --run @missing.json",
            "--run: missing.json: no such file",
            "there is no such file"));
  }

  private static byte[] utf16(String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
    byte[] all = new byte[body.length + 2];
    all[0] = (byte) 0xFF;
    all[1] = (byte) 0xFE;
    System.arraycopy(body, 0, all, 2, body.length);
    return all;
  }
}
