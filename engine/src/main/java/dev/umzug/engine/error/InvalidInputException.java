package dev.umzug.engine.error;

/** The command was asked for something that cannot be: an unknown provider, a missing directory. */
public class InvalidInputException extends MigrationException {

  public InvalidInputException(String message) {
    super(message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
