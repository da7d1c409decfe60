package dev.umzug.engine.error;

/**
 * The root of umzug's own failures. Messages are one line, name the file, object or field at
 * fault, and never contain secret values; the CLI maps each subtype to an exit code.
 */
public abstract class MigrationException extends RuntimeException {

  protected MigrationException(String message) {
    super(message);
  }

  protected MigrationException(String message, Throwable cause) {
    super(message, cause);
  }
}
