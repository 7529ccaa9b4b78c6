package descent.app.teach;

/**
 * Another run's parameter path, for the landscape to draw over the current run's: drawn only when
 * that run trained on the same rows, since the map is the current data's loss.
 *
 * @param label what sets the run apart, e.g. "lr 0.3"
 * @param colour its colour, a CSS colour such as {@code "#ee3377"}
 * @param points (w₁ … w_d, b) after each kept step, step 0 first
 * @param sameData whether it trained on the current run's rows; if not, the view says so instead
 */
public record OtherPath(String label, String colour, double[][] points, boolean sameData) {
  public OtherPath {
    double[][] copy = new double[points.length][];
    for (int k = 0; k < points.length; k++) {
      copy[k] = points[k].clone();
    }
    points = copy;
  }

  /** How many points the path has. */
  public int size() {
    return points.length;
  }

  /** Parameter {@code axis} (0 … d−1 a weight, d the bias) at point {@code k}. */
  public double parameter(int k, int axis) {
    return points[k][axis];
  }

  /** How many weights each point has, or -1 for an empty path. */
  public int numFeatures() {
    return points.length == 0 ? -1 : points[0].length - 1;
  }

  @Override
  public double[][] points() {
    double[][] copy = new double[points.length][];
    for (int k = 0; k < points.length; k++) {
      copy[k] = points[k].clone();
    }
    return copy;
  }
}
