package dev.umzug.engine.snapshot;

import java.util.Optional;

/**
 * One snapshot as a listing shows it, read without verification.
 *
 * @param id the snapshot id
 * @param state complete (has a manifest), incomplete (none: interrupted or being written) or
 *     unreadable (a manifest that does not parse)
 * @param manifest the manifest, when complete
 * @param storedObjects objects under the snapshot's prefix, manifest and signature included
 * @param storedBytes their total size
 */
public record SnapshotSummary(
    String id, State state, Optional<SnapshotManifest> manifest, int storedObjects, long storedBytes) {

  public enum State {
    COMPLETE,
    INCOMPLETE,
    UNREADABLE
  }
}
