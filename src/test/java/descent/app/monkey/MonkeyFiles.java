package descent.app.monkey;

import descent.run.RunConfig;
import descent.run.RunFile;
import descent.testing.LinearCsv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** The files the monkey's choosers answer with: good ones, bad ones, missing ones. */
final class MonkeyFiles {
  private final Path dir;
  private final List<Path> csv;
  private final List<Path> runs;
  private final List<Path> unwritable;

  MonkeyFiles(Path dir, long seed) throws IOException, descent.run.RunFileException {
    this.dir = dir;
    Random r = new Random(seed);
    Path good = LinearCsv.write(Files.createDirectories(dir.resolve("good")));
    byte[] noise = new byte[4096];
    r.nextBytes(noise);
    csv =
        List.of(
            good,
            good,
            write("binary.csv", noise),
            write("empty.csv", new byte[0]),
            text("header-only.csv", "x1,x2,y\n"),
            text("nan.csv", "x,y\nNaN,1\n2,Infinity\n3,4\n"),
            text("one-column.csv", "y\n1\n2\n3\n"),
            text("ragged.csv", "a,b,c\n1,2\n3,4,5,6\n\"unclosed,7,8\n"),
            text("semicolons.csv", "a;b;y\n1;2;3\n4;5;6\n"),
            text("unicode.csv", "größe,π,😀\n１,2,3\n4,5,6\n"),
            dir.resolve("missing.csv"));
    Path saved = dir.resolve("saved.json");
    RunFile.write(saved, RunConfig.chapter(11).withLr(0.1).withEpochs(5));
    runs =
        List.of(
            saved,
            saved,
            text("garbage.json", "{ not json"),
            text("empty.json", ""),
            text("wrong-types.json", "{\"lr\": \"fast\", \"epochs\": -3}"),
            text("array.json", "[1, 2, 3]"),
            text("huge.json", "{\"lr\": 1e309, \"batchSize\": 99999999999}"),
            dir.resolve("missing.json"));
    unwritable = List.of(dir.resolve("no-such-folder").resolve("x.png"), dir, good.getParent());
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  private Path text(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  List<Path> csvFiles() {
    return csv;
  }

  List<Path> runFiles() {
    return runs;
  }

  /** Places a save cannot go: a missing folder, a folder itself. */
  List<Path> unwritable() {
    return unwritable;
  }

  /** A new file name in the folder. */
  Path fresh(String name) {
    return dir.resolve(name);
  }
}
