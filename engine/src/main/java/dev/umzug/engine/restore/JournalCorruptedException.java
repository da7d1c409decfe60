package dev.umzug.engine.restore;

import dev.umzug.engine.error.MigrationException;

/**
 * A journal line that is complete but wrong: a checksum, sequence or format mismatch that a crash
 * of the append-only writer cannot produce. The restore stops rather than guess what was applied.
 */
public class JournalCorruptedException extends MigrationException {

  public JournalCorruptedException(String message) {
    super("restore journal is corrupted: " + message);
  }
}
