package dev.umzug.engine.error;

/** Results could not be written: a directory that is not writable, a disk that is full. */
public class OutputException extends MigrationException {

  public OutputException(String message, Throwable cause) {
    super(message, cause);
  }

  public OutputException(String message) {
    super(message);
  }
}
