package descent.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/** A small CSV file for tests: 100 rows of y = 3·a − 2·b + 1 + 0.01·noise, header {@code a,b,y}. */
public final class LinearCsv {
  private LinearCsv() {}

  /** Writes the file as {@code linear.csv} in {@code dir} (seeded, so always the same rows). */
  public static Path write(Path dir) throws IOException {
    Random random = new Random(7);
    StringBuilder csv = new StringBuilder("a,b,y\n");
    for (int i = 0; i < 100; i++) {
      double a = random.nextGaussian();
      double b = random.nextGaussian();
      double y = 3 * a - 2 * b + 1 + 0.01 * random.nextGaussian();
      csv.append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f%n", a, b, y));
    }
    Path file = dir.resolve("linear.csv");
    Files.writeString(file, csv);
    return file;
  }
}
