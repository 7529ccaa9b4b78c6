package descent.engine;

/** Matrix product, transpose and reshape. */
final class LinearAlgebra {
  private LinearAlgebra() {}

  // C = A B:  dA = dC Bᵀ,  dB = Aᵀ dC. A vector right operand is a (k, 1) column.
  static Tensor matmul(Tensor a, Tensor b) {
    if (a.shape.rank() != 2 || b.shape.rank() < 1 || b.shape.rank() > 2) {
      throw new ShapeException(
          "matmul: "
              + a.shape
              + " @ "
              + b.shape
              + ": needs a matrix on the left and a matrix or vector on the right");
    }
    int m = a.shape.dim(0);
    int k = a.shape.dim(1);
    int kb = b.shape.dim(0);
    if (k != kb) {
      throw new ShapeException(
          "matmul: "
              + a.shape
              + " @ "
              + b.shape
              + ": inner dimensions "
              + k
              + " and "
              + kb
              + " differ");
    }
    boolean vector = b.shape.rank() == 1;
    int n = vector ? 1 : b.shape.dim(1);
    double[] x = a.data;
    double[] y = b.data;
    double[] o = new double[m * n];
    if (n == 1) {
      columnProduct(x, y, m, k, o);
    } else {
      // i-p-j order streams rows of B and C.
      for (int i = 0; i < m; i++) {
        int row = i * n;
        for (int p = 0; p < k; p++) {
          double aip = x[i * k + p];
          int brow = p * n;
          for (int j = 0; j < n; j++) {
            o[row + j] += aip * y[brow + j];
          }
        }
      }
    }
    Shape s = vector ? Shape.trusted(m) : Shape.trusted(m, n);
    return Tensor.result(
        "matmul", o, s, a, b, Saved.crosswise(a, b), LinearAlgebra::matmulBackward);
  }

  private static void matmulBackward(Tensor out) {
    Tensor a = out.input0;
    Tensor b = out.input1;
    int m = a.shape.dim(0);
    int k = a.shape.dim(1);
    int n = b.shape.rank() == 1 ? 1 : b.shape.dim(1);
    double[] x = a.data;
    double[] y = b.data;
    double[] g = out.grad;
    if (a.requiresGrad) {
      double[] ga = a.gradBuffer();
      for (int i = 0; i < m; i++) {
        for (int p = 0; p < k; p++) {
          double acc = 0;
          for (int j = 0; j < n; j++) {
            acc += g[i * n + j] * y[p * n + j];
          }
          ga[i * k + p] += acc;
        }
      }
    }
    if (b.requiresGrad) {
      double[] gb = b.gradBuffer();
      if (n == 1) {
        columnProductGradient(x, g, m, k, gb);
      } else {
        for (int i = 0; i < m; i++) {
          for (int p = 0; p < k; p++) {
            double aip = x[i * k + p];
            for (int j = 0; j < n; j++) {
              gb[p * n + j] += aip * g[i * n + j];
            }
          }
        }
      }
    }
  }

  /**
   * o = x·y for an (m, k) matrix x and a column y of k values: o[i] = Σₚ x[i, p]·y[p], each sum
   * started at 0 and taken in p order, as the general loop does, so the bits are the same. Four
   * rows run at once: one row's sum is a chain of dependent additions, each waiting for the last
   * (about four cycles apiece), while four independent chains keep the adder busy.
   */
  private static void columnProduct(double[] x, double[] y, int m, int k, double[] o) {
    int i = 0;
    for (; i + 4 <= m; i += 4) {
      int r0 = i * k;
      int r1 = r0 + k;
      int r2 = r1 + k;
      int r3 = r2 + k;
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      for (int p = 0; p < k; p++) {
        double yp = y[p];
        s0 += x[r0 + p] * yp;
        s1 += x[r1 + p] * yp;
        s2 += x[r2 + p] * yp;
        s3 += x[r3 + p] * yp;
      }
      o[i] = s0;
      o[i + 1] = s1;
      o[i + 2] = s2;
      o[i + 3] = s3;
    }
    for (; i < m; i++) {
      int r = i * k;
      double s = 0;
      for (int p = 0; p < k; p++) {
        s += x[r + p] * y[p];
      }
      o[i] = s;
    }
  }

  /**
   * gb[p] += Σᵢ x[i, p]·g[i] for the column case, adding the rows' terms to each gb[p] in i order,
   * as the general loop does, so the bits are the same. Four rows per pass over gb: each gb[p] is
   * read and written once per four rows instead of once per row, and the passes over p carry no sum
   * from one p to the next, so they pipeline.
   */
  private static void columnProductGradient(double[] x, double[] g, int m, int k, double[] gb) {
    int i = 0;
    for (; i + 4 <= m; i += 4) {
      int r0 = i * k;
      int r1 = r0 + k;
      int r2 = r1 + k;
      int r3 = r2 + k;
      double g0 = g[i];
      double g1 = g[i + 1];
      double g2 = g[i + 2];
      double g3 = g[i + 3];
      for (int p = 0; p < k; p++) {
        gb[p] = gb[p] + x[r0 + p] * g0 + x[r1 + p] * g1 + x[r2 + p] * g2 + x[r3 + p] * g3;
      }
    }
    for (; i < m; i++) {
      int r = i * k;
      double gi = g[i];
      for (int p = 0; p < k; p++) {
        gb[p] += x[r + p] * gi;
      }
    }
  }

  // B = Aᵀ:  dA = dBᵀ
  static Tensor transpose(Tensor a) {
    int rank = a.shape.rank();
    if (rank > 2) {
      throw new ShapeException(
          "transpose: " + a.shape + " has rank " + rank + "; only matrices and vectors transpose");
    }
    if (rank < 2) {
      return Tensor.result(
          "transpose",
          a.data.clone(),
          a.shape,
          a,
          null,
          Saved.NOTHING,
          out -> addInto(a.gradBuffer(), out.grad));
    }
    int m = a.shape.dim(0);
    int n = a.shape.dim(1);
    double[] o = new double[m * n];
    transposeInto(a.data, m, n, o);
    return Tensor.result(
        "transpose",
        o,
        Shape.of(n, m),
        a,
        null,
        Saved.NOTHING,
        out -> {
          double[] ga = a.gradBuffer();
          double[] g = out.grad;
          for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
              ga[i * n + j] += g[j * m + i];
            }
          }
        });
  }

  private static void transposeInto(double[] src, int m, int n, double[] dst) {
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        dst[j * m + i] = src[i * n + j];
      }
    }
  }

  // The elements keep their row-major order, so the gradient passes through unchanged.
  static Tensor reshape(Tensor a, int... dims) {
    int[] d = dims.clone();
    int infer = -1;
    int known = 1;
    for (int i = 0; i < d.length; i++) {
      if (d[i] == -1 && infer < 0) {
        infer = i;
      } else if (d[i] < 0) {
        throw new ShapeException(
            "reshape: "
                + a.shape
                + " into "
                + java.util.Arrays.toString(dims)
                + ": only one extent may be -1 and none may be negative");
      } else {
        known *= d[i];
      }
    }
    if (infer >= 0 && known > 0 && a.size() % known == 0) {
      d[infer] = a.size() / known;
    }
    Shape s = infer >= 0 && d[infer] < 0 ? null : Shape.of(d);
    if (s == null || s.size() != a.size()) {
      throw new ShapeException(
          "reshape: cannot reshape "
              + a.shape
              + " of "
              + a.size()
              + " elements into "
              + (s == null ? java.util.Arrays.toString(dims) : s + " of " + s.size()));
    }
    return Tensor.result(
        "reshape",
        a.data.clone(),
        s,
        a,
        null,
        Saved.NOTHING,
        out -> addInto(a.gradBuffer(), out.grad));
  }

  static void addInto(double[] target, double[] g) {
    for (int k = 0; k < g.length; k++) {
      target[k] += g[k];
    }
  }
}
