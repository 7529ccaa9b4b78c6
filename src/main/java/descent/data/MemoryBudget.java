package descent.data;

import java.util.Locale;

/**
 * How much of the Java heap a data set may take, checked before it is allocated, so that a request
 * too large is refused with its estimate and the limit instead of ending in an {@link
 * OutOfMemoryError}. The limit is three quarters of the heap's maximum ({@link
 * Runtime#maxMemory()}); the rest is headroom for the program itself (the window, the charts, the
 * parser's garbage).
 *
 * <p>A data set of n rows and d features holds n·(d + 1) numbers of 8 bytes and a line number of 4
 * bytes per row. A run keeps more than one copy of them at its peak: see {@link #READ_COPIES},
 * {@link #RUN_COPIES} and {@code docs/limits.md}.
 */
public final class MemoryBudget {
  /**
   * Reading a CSV file: the rows in blocks while the file streams, then joined in one array. A
   * regular file whose lines with text are all rows is read into one array of their number and
   * holds them once; a pipe, or a file with blank lines, needs the two copies this counts.
   */
  public static final int READ_COPIES = 2;

  /**
   * A run: the rows, and a copy of the training rows that least squares, the fit scores and the
   * stable learning rate each take while they work (one at a time).
   */
  public static final int RUN_COPIES = 2;

  /** The standardised features (z-scores) that {@code --standardize} keeps beside the rows. */
  public static final int STANDARDIZE_COPIES = 1;

  private static final long MB = 1024 * 1024;

  private final long maxHeap;

  private MemoryBudget(long maxHeap) {
    this.maxHeap = maxHeap;
  }

  /** The budget of this Java: three quarters of its largest heap. */
  public static MemoryBudget ofThisJava() {
    return new MemoryBudget(Runtime.getRuntime().maxMemory());
  }

  /** The budget of a Java whose heap may grow to {@code maxHeap} bytes. */
  public static MemoryBudget ofHeap(long maxHeap) {
    if (maxHeap <= 0) {
      throw new IllegalArgumentException("the heap must be > 0 bytes, got " + maxHeap);
    }
    return new MemoryBudget(maxHeap);
  }

  /** The bytes a data set may take: three quarters of the heap (no limit if the heap has none). */
  public long limit() {
    return maxHeap == Long.MAX_VALUE ? Long.MAX_VALUE : maxHeap / 4 * 3;
  }

  /** The bytes {@code copies} copies of {@code rows} rows of {@code features} features take. */
  public static long bytes(long rows, int features, int copies) {
    return rows * ((features + 1L) * Double.BYTES + Integer.BYTES) * copies;
  }

  /** The most rows of {@code features} features whose {@code copies} copies fit. */
  public long maxRows(int features, int copies) {
    return limit() / bytes(1, features, copies);
  }

  /** Whether {@code copies} copies of {@code rows} rows × {@code features} features fit. */
  public boolean fits(long rows, int features, int copies) {
    return bytes(rows, features, copies) <= limit();
  }

  /**
   * Why {@code rows} rows × {@code features} features do not fit, or null if they do: {@code
   * 2,000,000 rows × 10 features need about 359 MB with the copies a run keeps, more than the 48 MB
   * this Java gives its data (3/4 of its 64 MB heap)}.
   */
  public String problem(long rows, int features, int copies) {
    if (fits(rows, features, copies)) {
      return null;
    }
    return size(rows, features)
        + " need about "
        + megabytes(bytes(rows, features, copies))
        + " with the copies a run keeps, more than the "
        + megabytes(limit())
        + " this Java gives its data (3/4 of its "
        + megabytes(maxHeap)
        + " heap)";
  }

  /**
   * What to do about a refusal: a smaller request, or a larger heap when the request would fit in
   * one ({@code java -Xmx1g -jar descent.jar …}).
   */
  public String cure(long rows, int features, int copies, String smaller) {
    long needed = bytes(rows, features, copies) / 3 * 4; // the heap whose budget holds them
    long gigabytes = Math.max(1, (needed + 1024 * MB - 1) / (1024 * MB));
    return smaller + ", or give Java more memory (java -Xmx" + gigabytes + "g -jar descent.jar …)";
  }

  /**
   * What to do about data whose size is not known in advance, such as a file refused part-way: less
   * of it, or a heap twice as large ({@code java -Xmx8g -jar descent.jar …}).
   */
  public String cureForMore(String smaller) {
    long gigabytes = Math.max(1, (2 * maxHeap + 1024 * MB - 1) / (1024 * MB));
    return smaller
        + ", or give Java more memory than its "
        + megabytes(maxHeap)
        + " (e.g. java -Xmx"
        + gigabytes
        + "g -jar descent.jar …)";
  }

  /** {@code 384 KB}, {@code 359 MB}, {@code 4.0 GB}. */
  static String megabytes(long bytes) {
    if (bytes >= 10 * 1024 * MB) {
      return String.format(Locale.ROOT, "%,d GB", bytes / (1024 * MB));
    }
    if (bytes >= 1024 * MB) {
      return String.format(Locale.ROOT, "%.1f GB", bytes / (1024.0 * MB));
    }
    if (bytes >= MB) {
      return String.format(Locale.ROOT, "%,d MB", (bytes + MB - 1) / MB);
    }
    return String.format(Locale.ROOT, "%,d KB", (bytes + 1023) / 1024);
  }

  /** {@code 2,000,000 rows × 10 features}. */
  static String size(long rows, int features) {
    return String.format(Locale.ROOT, "%,d", rows)
        + (rows == 1 ? " row × " : " rows × ")
        + features
        + (features == 1 ? " feature" : " features");
  }
}
