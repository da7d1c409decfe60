package dev.umzug.engine.snapshot;

import java.util.List;
import java.util.Optional;

/**
 * The result of verifying one snapshot.
 *
 * @param snapshotId the snapshot
 * @param manifest the manifest, if it could be read (even when its signature failed: then it is
 *     only a clue, not evidence)
 * @param itemsChecked how many listed items were read and hashed
 * @param problems everything wrong, manifest problems first, then items in key order
 */
public record SnapshotVerification(
    String snapshotId, Optional<SnapshotManifest> manifest, int itemsChecked, List<VerificationProblem> problems) {

  public SnapshotVerification {
    problems = List.copyOf(problems);
  }

  public boolean ok() {
    return problems.isEmpty();
  }
}
