package dev.umzug.engine.snapshot;

import dev.umzug.engine.error.OutputException;
import dev.umzug.engine.spi.SnapshotStore;
import java.io.IOException;

/** Turns a store's IOException into the error the CLI reports as exit code 4. */
final class StoreFailures {

  private StoreFailures() {}

  static OutputException unreachable(SnapshotStore store, String what, IOException e) {
    String simple = e.getClass().getSimpleName().replace("Exception", "");
    String reason = e.getMessage() == null ? simple : simple + " " + e.getMessage();
    return new OutputException(store.describe() + ": cannot " + what + ": " + reason, e);
  }
}
