package descent.run;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import descent.run.RunRules.IntRule;
import descent.run.RunRules.NumberRule;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a run file and checks every field with the command line's rules ({@link RunRules}). Each
 * refusal is one line that starts with the file's name: {@code run.json:3:14: broken JSON: …},
 * {@code run.json: missing field "lr"}, {@code run.json: field "lr": must be a number > 0, got -1}.
 */
final class RunFileReader {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

  /** Jackson's note of where an unclosed object started: the line and column already say where. */
  private static final Pattern SOURCE =
      Pattern.compile("\\s*\\(?\\s*(start marker at )?\\[Source:[^\\]]*\\]\\)?");

  /** Jackson's complaint about a NaN or Infinity token, with the token. */
  private static final Pattern NON_NUMERIC = Pattern.compile("Non-standard token '([^']*)'");

  private final Path file;

  private RunFileReader(Path file) {
    this.file = file;
  }

  static RunConfig read(Path file) throws RunFileException {
    return new RunFileReader(file).read();
  }

  private RunConfig read() throws RunFileException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw refuse("no such file");
    } catch (IOException e) {
      throw refuse("cannot read it: " + AtomicFile.reason(e));
    }
    JsonNode root;
    try {
      root =
          RunFile.MAPPER
              .reader()
              .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
              .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
              .readTree(utf8(bytes));
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
      String why = SOURCE.matcher(String.valueOf(e.getOriginalMessage())).replaceAll("");
      if (why.startsWith("Trailing token")) {
        why = "more text after the closing }";
      }
      java.util.regex.Matcher token = NON_NUMERIC.matcher(why);
      if (token.find()) { // Jackson's advice names a Java switch, of no use to whoever wrote it
        why = token.group(1) + " is not a number JSON can hold; write a finite number";
      }
      throw new RunFileException(file + where + ": broken JSON: " + why);
    } catch (IOException e) {
      throw refuse("cannot read it: " + AtomicFile.reason(e));
    }
    if (root == null || root.isMissingNode()) {
      throw refuse("the file is empty, not a run file");
    }
    if (!(root instanceof ObjectNode object)) {
      throw refuse(
          "not a run file: it must hold a JSON object with \"format\": \"" + RunFile.FORMAT + "\"");
    }
    JsonNode format = object.get("format");
    if (format == null || !format.isTextual() || !RunFile.FORMAT.equals(format.textValue())) {
      throw refuse(
          "not a descent run file: it has no \"format\": \"" + RunFile.FORMAT + "\" field");
    }
    Fields top = new Fields(object, "");
    top.known.add("format");
    JsonNode version = top.need("version");
    if (!version.isIntegralNumber()) {
      throw top.bad("version", "an integer", version);
    }
    if (!version.canConvertToInt() || version.intValue() != RunFile.VERSION) {
      throw refuse(
          "version "
              + version
              + " is not one this build reads (it reads version "
              + RunFile.VERSION
              + "); a newer descent may read it");
    }
    long seed = top.integer("seed", IntRule.SEED);
    double lr = top.number("lr", NumberRule.POSITIVE);
    double sigma = top.number("sigma", NumberRule.NON_NEGATIVE);
    long batchSize = top.integer("batchSize", new IntRule(1, Integer.MAX_VALUE));
    int epochs = (int) top.integer("epochs", IntRule.EPOCHS);
    double clip = top.number("clip", NumberRule.NON_NEGATIVE);
    boolean shuffle = top.bool("shuffle");
    boolean standardize = top.bool("standardize");
    JsonNode dataNode = top.need("data");
    if (!(dataNode instanceof ObjectNode dataObject)) {
      throw top.bad("data", "an object", dataNode);
    }
    top.noOthers();
    DataSource data = data(new Fields(dataObject, "data."));
    int numTrain = data.numTrainOrUnknown();
    if (numTrain > 0 && batchSize > numTrain) {
      throw top.bad(
          "batchSize",
          "an integer from 1 to " + numTrain + " (data.numTrain)",
          top.need("batchSize"));
    }
    return new RunConfig(
        data, lr, sigma, (int) batchSize, epochs, clip, shuffle, standardize, seed);
  }

  private DataSource data(Fields f) throws RunFileException {
    JsonNode kind = f.need("kind");
    if (kind.isTextual() && kind.textValue().equals("synthetic")) {
      double[] trueW = f.numbers("trueW", NumberRule.ANY);
      double trueB = f.number("trueB", NumberRule.ANY);
      double noise = f.number("noise", NumberRule.NON_NEGATIVE);
      int numTrain = (int) f.integer("numTrain", IntRule.ROWS);
      int numVal = (int) f.integer("numVal", IntRule.ROWS);
      double[] scale = f.numbers("featureScale", NumberRule.POSITIVE);
      f.noOthers();
      if (scale.length != trueW.length) {
        throw f.bad(
            "featureScale",
            trueW.length + " numbers, one per weight of data.trueW",
            f.need("featureScale"));
      }
      return new DataSource.Synthetic(trueW, trueB, noise, numTrain, numVal, scale);
    }
    if (kind.isTextual() && kind.textValue().equals("csv")) {
      String stored = f.text("file", false);
      JsonNode hash = f.need("sha256");
      if (!hash.isTextual() || !SHA256.matcher(hash.textValue()).matches()) {
        throw f.bad("sha256", "64 hexadecimal digits", hash);
      }
      String target = f.text("target", true);
      List<String> features = f.texts("features");
      JsonNode n = f.need("numTrain");
      Integer numTrain = n.isNull() ? null : (int) f.integer("numTrain", IntRule.ROWS);
      f.noOthers();
      Path csv;
      try {
        csv = RunFile.resolve(file, stored);
      } catch (java.nio.file.InvalidPathException e) {
        throw f.bad("file", "a file name", f.need("file"));
      }
      String expected = hash.textValue().toLowerCase(Locale.ROOT);
      String actual = RunFile.sha256(csv, file);
      if (!actual.equals(expected)) {
        throw refuse(
            csv.getFileName()
                + " changed since the run file was saved: its SHA-256 is "
                + actual
                + " not "
                + expected);
      }
      return new DataSource.CsvFile(csv, target, features, numTrain);
    }
    throw f.bad("kind", "\"synthetic\" or \"csv\"", kind);
  }

  /**
   * The file's text, strictly UTF-8 (a leading byte-order mark dropped): left to guess, Jackson
   * would read other bytes as UTF-16 or UTF-32 and complain of characters nobody wrote.
   */
  private String utf8(byte[] bytes) throws RunFileException {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = StandardCharsets.UTF_8.newDecoder().decode(in, out, true);
    if (result.isError()) { // the decoder stopped at the first byte that is not UTF-8
      int offset = in.position();
      int line = 1;
      for (int i = 0; i < offset; i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      boolean utf16 =
          bytes.length >= 2
              && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                  || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF));
      throw new RunFileException(
          file
              + ":"
              + line
              + ": "
              + (utf16
                  ? "the file is UTF-16 text; save it as UTF-8"
                  : String.format(
                      Locale.ROOT,
                      "byte 0x%02X at offset %d is not UTF-8; save the file as UTF-8",
                      bytes[offset],
                      offset)));
    }
    String text = out.flip().toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private RunFileException refuse(String what) {
    return new RunFileException(file + ": " + what);
  }

  /** One JSON object's fields, named with their path ("data.numTrain") in refusals. */
  private final class Fields {
    final ObjectNode node;
    final String prefix;
    final Set<String> known = new HashSet<>();

    Fields(ObjectNode node, String prefix) {
      this.node = node;
      this.prefix = prefix;
    }

    JsonNode need(String name) throws RunFileException {
      known.add(name);
      JsonNode n = node.get(name);
      if (n == null) {
        throw refuse("missing field \"" + prefix + name + "\"");
      }
      return n;
    }

    double number(String name, NumberRule rule) throws RunFileException {
      JsonNode n = need(name);
      if (!n.isNumber() || !rule.allows(n.doubleValue())) {
        throw bad(name, rule.words(), n);
      }
      return n.doubleValue();
    }

    long integer(String name, IntRule rule) throws RunFileException {
      JsonNode n = need(name);
      if (!n.isIntegralNumber() || !n.canConvertToLong() || !rule.allows(n.longValue())) {
        throw bad(name, rule.words(), n);
      }
      return n.longValue();
    }

    boolean bool(String name) throws RunFileException {
      JsonNode n = need(name);
      if (!n.isBoolean()) {
        throw bad(name, "true or false", n);
      }
      return n.booleanValue();
    }

    String text(String name, boolean nullable) throws RunFileException {
      JsonNode n = need(name);
      if (nullable && n.isNull()) {
        return null;
      }
      if (!n.isTextual() || n.textValue().isEmpty()) {
        throw bad(name, nullable ? "a non-empty string or null" : "a non-empty string", n);
      }
      return n.textValue();
    }

    List<String> texts(String name) throws RunFileException {
      JsonNode n = need(name);
      List<String> out = new ArrayList<>();
      if (n.isArray()) {
        for (JsonNode e : n) {
          if (!e.isTextual()) {
            throw bad(name, "a list of column names", n);
          }
          out.add(e.textValue());
        }
        return out;
      }
      throw bad(name, "a list of column names", n);
    }

    double[] numbers(String name, NumberRule rule) throws RunFileException {
      JsonNode n = need(name);
      String words = RunRules.featureCountWords() + " numbers, each " + rule.words();
      if (!n.isArray() || n.isEmpty() || n.size() > RunRules.MAX_FEATURES) {
        throw bad(name, words, n);
      }
      double[] v = new double[n.size()];
      for (int i = 0; i < v.length; i++) {
        JsonNode e = n.get(i);
        if (!e.isNumber() || !rule.allows(e.doubleValue())) {
          throw bad(name, words, n);
        }
        v[i] = e.doubleValue();
      }
      return v;
    }

    /** Refuses any field not asked for: a file of a later version, or a typo. */
    void noOthers() throws RunFileException {
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!known.contains(name)) {
          throw refuse(
              "unknown field \""
                  + prefix
                  + name
                  + "\" (a version "
                  + RunFile.VERSION
                  + " run file has no such field)");
        }
      }
    }

    RunFileException bad(String name, String rule, JsonNode got) {
      String text =
          !got.isNumber()
              ? got.toString()
              : Double.isFinite(got.doubleValue()) ? got.asText() : "a number too large";
      if (text.length() > 40) {
        text = text.substring(0, 40) + "…";
      }
      return refuse("field \"" + prefix + name + "\": must be " + rule + ", got " + text);
    }
  }
}
