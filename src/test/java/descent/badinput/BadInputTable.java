package descent.badinput;

import java.util.ArrayList;
import java.util.List;

/** Every case of the bad-input table, in the order docs/bad-inputs.md lists them. */
final class BadInputTable {
  private BadInputTable() {}

  static List<CliCase> commandLine() {
    List<CliCase> all = new ArrayList<>(OptionCases.all());
    all.addAll(FileCases.all());
    return all;
  }

  static List<FieldCase> appFields() {
    return FieldCases.all();
  }

  static List<PrefsCase> preferences() {
    return PrefsCases.all();
  }

  /** The rows of the table, in order. */
  static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    commandLine().forEach(c -> rows.add(c.row()));
    appFields().forEach(c -> rows.add(c.row()));
    preferences().forEach(c -> rows.add(c.row()));
    return rows;
  }
}
