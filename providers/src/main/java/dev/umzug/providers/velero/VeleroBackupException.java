package dev.umzug.providers.velero;

import java.io.IOException;

/**
 * A Velero backup that cannot be read as a whole: not finished, failed, or with a file that is not
 * what Velero writes. The message names the backup and the file at fault.
 */
public final class VeleroBackupException extends IOException {

  public VeleroBackupException(String message) {
    super(message);
  }

  public VeleroBackupException(String message, Throwable cause) {
    super(message, cause);
  }
}
