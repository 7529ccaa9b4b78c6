package descent.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A run file: one {@link RunConfig} as pretty-printed JSON, so that a run can be handed on and
 * repeated exactly (ADR 0023). It holds a format name and version, every hyperparameter, the seed
 * and the data source: the synthetic data's settings, or a CSV file's path with its SHA-256.
 *
 * <p>A CSV file in the run file's folder or below is stored relative to that folder (with {@code
 * /}), so a teacher can hand out the two together; any other is stored absolute. Relative paths are
 * read against the run file's folder.
 */
public final class RunFile {
  /** The value of the {@code format} field. */
  public static final String FORMAT = "descent-run";

  /** The version this build writes, and the only one it reads. */
  public static final int VERSION = 1;

  static final ObjectMapper MAPPER = new ObjectMapper();

  private RunFile() {}

  /**
   * Reads and checks a run file; a refused file changes nothing.
   *
   * @throws RunFileException with one line naming the file and what is wrong with it
   */
  public static RunConfig read(Path file) throws RunFileException {
    return RunFileReader.read(file);
  }

  /**
   * Writes {@code config} to {@code file}, atomically ({@link AtomicFile}).
   *
   * @throws RunFileException with one line naming the file, if it cannot be written or a CSV file
   *     cannot be read to take its SHA-256; nothing was written then
   */
  public static void write(Path file, RunConfig config) throws RunFileException {
    String json = json(file, config);
    try {
      AtomicFile.write(file, json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new RunFileException("cannot write " + file + ": " + AtomicFile.reason(e));
    }
  }

  /**
   * The text of {@code config}'s run file, to be saved as {@code file} (whose folder decides how a
   * CSV path is stored).
   *
   * @throws RunFileException if the CSV file cannot be read to take its SHA-256
   */
  public static String json(Path file, RunConfig config) throws RunFileException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("seed", config.seed());
    root.put("lr", config.lr());
    root.put("sigma", config.sigma());
    root.put("batchSize", config.batchSize());
    root.put("epochs", config.epochs());
    root.put("clip", config.clip());
    root.put("shuffle", config.shuffle());
    root.put("standardize", config.standardize());
    ObjectNode data = root.putObject("data");
    if (config.data() instanceof DataSource.Synthetic s) {
      data.put("kind", "synthetic");
      numbers(data.putArray("trueW"), s.trueW());
      data.put("trueB", s.trueB());
      data.put("noise", s.noise());
      data.put("numTrain", s.numTrain());
      data.put("numVal", s.numVal());
      numbers(data.putArray("featureScale"), s.featureScale());
    } else {
      DataSource.CsvFile csv = (DataSource.CsvFile) config.data();
      data.put("kind", "csv");
      data.put("file", stored(file, csv.file()));
      data.put("sha256", sha256(csv.file(), file));
      data.put("target", csv.target());
      ArrayNode features = data.putArray("features");
      csv.features().forEach(features::add);
      if (csv.numTrain() == null) {
        data.putNull("numTrain");
      } else {
        data.put("numTrain", csv.numTrain());
      }
    }
    DefaultPrettyPrinter pretty =
        new DefaultPrettyPrinter(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return MAPPER.writer(pretty).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void numbers(ArrayNode array, double[] values) {
    for (double v : values) {
      array.add(v);
    }
  }

  /**
   * How {@code csv} is written in the run file {@code runFile}: relative to its folder with {@code
   * /} when the CSV lies there or below, else absolute.
   */
  static String stored(Path runFile, Path csv) {
    Path dir = runFile.toAbsolutePath().normalize().getParent();
    Path target = csv.toAbsolutePath().normalize();
    if (dir != null && target.startsWith(dir) && !target.equals(dir)) {
      Path relative = dir.relativize(target);
      StringBuilder s = new StringBuilder();
      for (Path part : relative) {
        s.append(s.length() == 0 ? "" : "/").append(part);
      }
      return s.toString();
    }
    return target.toString();
  }

  /** Where the CSV that {@code runFile} stores as {@code stored} is: see {@link #stored}. */
  static Path resolve(Path runFile, String stored) {
    Path path = Path.of(stored);
    if (path.isAbsolute()) {
      return path;
    }
    Path dir = runFile.getParent();
    return dir == null ? path : dir.resolve(path);
  }

  /**
   * The SHA-256 of {@code csv}'s bytes in lower-case hex.
   *
   * @param runFile the run file being read or written, named in a refusal
   */
  static String sha256(Path csv, Path runFile) throws RunFileException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(csv), digest)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (NoSuchFileException e) {
      throw new RunFileException(runFile + ": its data file " + csv + " is missing");
    } catch (IOException e) {
      throw new RunFileException(
          runFile + ": cannot read its data file " + csv + ": " + AtomicFile.reason(e));
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
