package descent.run;

/**
 * A run file that cannot be read or written. The message is one line that names the file, and the
 * line and column, the field or the data file that is at fault.
 */
public final class RunFileException extends Exception {
  private static final long serialVersionUID = 1L;

  public RunFileException(String message) {
    super(message.replaceAll("\\s*[\\r\\n]+\\s*", " "), null, false, false);
  }
}
