package dev.umzug.engine.snapshot;

import dev.umzug.engine.error.MigrationException;

/**
 * A snapshot does not match its signed manifest: a changed, missing or unsigned object. The
 * message names the object and never its content. (Meant for exit code 6, verification failed.)
 */
public class SnapshotIntegrityException extends MigrationException {

  public SnapshotIntegrityException(String message) {
    super(message);
  }
}
